/** `evaluatePreDose`: the pre-dose checklist (BP, fasting, transport, questionnaires and suicide screen, REMS, consent). */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import { gateOutcome } from '../findings/types.js';
import { JURISDICTIONS } from '../jurisdictions/profiles.js';
import { INSTRUMENTS } from '../instruments/registry.js';
import { isRacemic } from '../protocol/route.js';
import { toEpochMs, toIsoUtc, MS_PER_DAY } from '../time/instant.js';
import { bloodPressureItem, checklistItem, consentAndApprovalItems, fastingItems, missing, nasalItem, transportItems } from './predose-checks.js';
import type { ChecklistItem, CompletedQuestionnaire, PreDoseContext, PreDoseInput, PreDoseResult } from './predose-types.js';
import { monitoringFormStatus, remsRequirementsAt } from './rems.js';

function latest(qs: readonly CompletedQuestionnaire[], id: string): CompletedQuestionnaire | undefined {
  return qs.filter((q) => q.instrumentId === id).sort((a, b) => (toEpochMs(b.completedAt) ?? 0) - (toEpochMs(a.completedAt) ?? 0))[0];
}

function questionnaireItems(input: PreDoseInput, ctx: PreDoseContext): ChecklistItem[] {
  const qs = input.questionnaires ?? [];
  const now = toEpochMs(ctx.now) ?? 0;
  const maxAge = ctx.protocol.predose.questionnaireMaxAgeDays;
  const out: ChecklistItem[] = ctx.protocol.predose.requiredInstruments.map((id) => {
    const q = latest(qs, id);
    const title = INSTRUMENTS[id].title;
    const label = `Questionnaire: ${title}`;
    if (q === undefined) {
      return checklistItem(`questionnaire_${id}`, label, 'missing', [finding('QUESTIONNAIRE_MISSING', `Required questionnaire not completed: ${title}.`, { field: `questionnaires.${id}` })]);
    }
    const ageDays = (now - (toEpochMs(q.completedAt) ?? 0)) / MS_PER_DAY;
    if (maxAge !== null && ageDays > maxAge) {
      return checklistItem(`questionnaire_${id}`, label, 'failed', [finding('QUESTIONNAIRE_OUT_OF_DATE', `${title} was completed ${Math.floor(ageDays)} days ago; the protocol allows ${maxAge}.`, { field: `questionnaires.${id}`, value: Math.floor(ageDays), limit: maxAge })]);
    }
    return checklistItem(`questionnaire_${id}`, label, 'ok');
  });
  const phq = latest(qs, 'phq9');
  const cssrs = latest(qs, 'cssrs_screener');
  const label = 'Suicide-risk screen';
  if (phq === undefined && cssrs === undefined) {
    out.push(missing('suicide_screen', label, 'warn'));
    return out;
  }
  const phqPositive = phq !== undefined && (phq.result.itemScores.q9 ?? 0) > 0;
  const cssrsAfterPhq = cssrs !== undefined && (phq === undefined || (toEpochMs(cssrs.completedAt) ?? 0) >= (toEpochMs(phq.completedAt) ?? 0));
  if (phqPositive && !cssrsAfterPhq) {
    out.push(checklistItem('suicide_screen', label, 'failed', [finding('CSSRS_REQUIRED_BEFORE_DOSING', `PHQ-9 item 9 was positive (${phq.completedAt}) and no C-SSRS screen has been done since.`, { field: 'questionnaires.cssrs_screener', value: phq.result.itemScores.q9 ?? 0, limit: 0, action: 'Do the C-SSRS screen now, before any dose.' })]));
    return out;
  }
  const cssrsFlags = cssrs?.result.flags ?? [];
  const high = cssrs?.result.riskLevel === 'high';
  out.push(checklistItem('suicide_screen', label, high ? 'failed' : 'ok', cssrsFlags));
  return out;
}

function remsItems(input: PreDoseInput, ctx: PreDoseContext): ChecklistItem[] {
  if (isRacemic(ctx.route) || !JURISDICTIONS[ctx.jurisdiction].esketamine.remsApplies) {
    return [];
  }
  const now = toEpochMs(ctx.now) ?? 0;
  const today = toIsoUtc(now).slice(0, 10);
  const version = remsRequirementsAt(today);
  const r = input.rems ?? {};
  const out: ChecklistItem[] = [];
  const gate = (id: string, label: string, value: boolean | undefined, code: 'REMS_PATIENT_NOT_ENROLLED' | 'REMS_SETTING_NOT_CERTIFIED' | 'REMS_PRESCRIBER_NOT_ON_SITE' | 'REMS_PULSE_OXIMETER_MISSING', message: string): void => {
    out.push(value === true ? checklistItem(id, label, 'ok') : checklistItem(id, label, value === false ? 'failed' : 'missing', [finding(code, message, { field: `rems.${id}`, source: version.source })]));
  };
  gate('patientEnrolled', 'REMS patient enrolment', r.patientEnrolled, 'REMS_PATIENT_NOT_ENROLLED', 'Patient is not enrolled in the Spravato REMS.');
  gate('settingCertified', 'REMS-certified setting', r.settingCertified, 'REMS_SETTING_NOT_CERTIFIED', 'This setting is not REMS-certified.');
  if (version.prescriberOnSite) {
    gate('prescriberOnSite', 'Prescriber on site', r.prescriberOnSite, 'REMS_PRESCRIBER_NOT_ON_SITE', 'A prescriber must be on site during administration and monitoring.');
  }
  if (version.pulseOximeterOnSite) {
    gate('pulseOximeterOnSite', 'Pulse oximeter on site', r.pulseOximeterOnSite, 'REMS_PULSE_OXIMETER_MISSING', 'A pulse oximeter must be on site.');
  }
  const meds = r.concomitantMedicationsRecorded === true;
  out.push(checklistItem('concomitantMedications', 'Concomitant medicines recorded (REMS form)', meds ? 'ok' : 'missing', meds ? [] : [finding('REMS_CONCOMITANT_MEDS_NOT_RECORDED', 'Record benzodiazepines, other sedative-hypnotics, psychostimulants, MAOIs and opioids for the REMS form.', { field: 'rems.concomitantMedicationsRecorded' })]));
  const forms = monitoringFormStatus(r.monitoringForms ?? [], today, ctx.protocol);
  out.push(checklistItem('monitoringForms', 'Earlier REMS monitoring forms submitted', forms.findings.length > 0 ? 'failed' : 'ok', forms.findings));
  return out;
}

/** Evaluate the pre-dose checklist. `outcome` is `blocked` on any block, `needs_override` on any override. */
export function evaluatePreDose(input: PreDoseInput, ctx: PreDoseContext): PreDoseResult {
  const items: ChecklistItem[] = [
    bloodPressureItem(input, ctx),
    ...fastingItems(input, ctx),
    ...nasalItem(input, ctx),
    ...transportItems(input, ctx),
    ...questionnaireItems(input, ctx),
    ...remsItems(input, ctx),
    ...consentAndApprovalItems(input, ctx),
  ];
  const findings: Finding[] = items.flatMap((i) => i.findings);
  return { items, findings, outcome: gateOutcome(findings) };
}
