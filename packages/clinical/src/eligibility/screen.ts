/** `screenEligibility`: structured intake → findings, treatment-resistance summary and gate outcome. */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import { gateOutcome, type GateOutcome } from '../findings/types.js';
import { JURISDICTIONS } from '../jurisdictions/profiles.js';
import { isRacemic } from '../protocol/route.js';
import { bmi } from '../dosing/body-weight.js';
import { cardiovascularFindings } from './cardio.js';
import type { EligibilityContext } from './context.js';
import { historyFindings } from './history.js';
import { interactionFindings, takesSsriOrSnri } from './interactions.js';
import { assessTreatmentResistance, type TreatmentResistanceSummary } from './trd.js';
import type { EligibilityIntake } from './types.js';

export interface EligibilityResult {
  readonly findings: readonly Finding[];
  readonly treatmentResistance: TreatmentResistanceSummary;
  readonly outcome: GateOutcome;
}

function regulatoryFindings(intake: EligibilityIntake, ctx: EligibilityContext): Finding[] {
  const out: Finding[] = [];
  const j = JURISDICTIONS[ctx.jurisdiction];
  if (isRacemic(ctx.route)) {
    out.push(finding('RACEMIC_OFF_LABEL', `${j.offLabelRacemic.note} Document informed consent for off-label use.`, { source: j.offLabelRacemic.source }));
  } else {
    if (j.esketamine.remsApplies) {
      out.push(finding('REMS_ENROLMENT_REQUIRED', 'Enrol the patient in the Spravato REMS before the first dose.', { action: 'Complete the REMS Patient Enrollment Form (patient and prescriber sign).' }));
    }
    if (j.esketamine.requiresSsriOrSnri === true && !takesSsriOrSnri(intake.currentMedications)) {
      out.push(finding('ESKETAMINE_REQUIRES_SSRI_SNRI', `In ${j.name} esketamine is licensed together with an SSRI or SNRI; none is recorded.`, { field: 'currentMedications', source: j.esketamine.source }));
    }
  }
  for (const note of j.prescribingNotes) {
    if (note.routes.includes(ctx.route)) {
      out.push(finding('JURISDICTION_NOTE', note.text, { source: note.source, value: j.code }));
    }
  }
  return out;
}

function weightFindings(intake: EligibilityIntake, ctx: EligibilityContext): Finding[] {
  if ((ctx.route !== 'iv' && ctx.route !== 'im') || intake.weightKg === undefined || intake.heightCm === undefined) {
    return [];
  }
  const b = bmi(intake.weightKg, intake.heightCm);
  const limit = ctx.protocol.dosing.alternativeWeightBasisAboveBmi;
  if (b <= limit) {
    return [];
  }
  return [finding('WEIGHT_BASIS_REVIEW', `BMI ${Math.round(b * 10) / 10} is above ${limit}: the protocol doses on ${ctx.protocol.dosing.weightBasis} body weight (confirm with your medical director).`, { field: 'weightKg', value: Math.round(b * 10) / 10, limit })];
}

/** Screen an intake for the planned route in the clinic's jurisdiction. */
export function screenEligibility(intake: EligibilityIntake, ctx: EligibilityContext): EligibilityResult {
  const trd = assessTreatmentResistance(intake.antidepressantTrials, ctx.protocol);
  const findings: Finding[] = [
    ...cardiovascularFindings(intake, ctx),
    ...historyFindings(intake, ctx),
    ...interactionFindings(intake.currentMedications, ctx.route, ctx.protocol),
    ...regulatoryFindings(intake, ctx),
    ...weightFindings(intake, ctx),
  ];
  if (!trd.meetsTrd) {
    const measure = trd.definition.countBy === 'trials' ? `${trd.adequateFailedTrials} adequate failed trial(s)` : `${trd.distinctClasses} distinct class(es)`;
    findings.push(
      finding('TRD_CRITERIA_NOT_MET', `Treatment resistance not established: ${measure}; ${trd.definition.minFailedTrials} needed.`, {
        field: 'antidepressantTrials',
        value: trd.definition.countBy === 'trials' ? trd.adequateFailedTrials : trd.distinctClasses,
        limit: trd.definition.minFailedTrials,
        severity: isRacemic(ctx.route) ? 'warn' : 'override',
        action: 'Document further antidepressant trials (dose, duration, adherence, response) or record the prescriber\'s reason.',
      }),
    );
  }
  return { findings, treatmentResistance: trd, outcome: gateOutcome(findings) };
}
