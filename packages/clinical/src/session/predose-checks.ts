/** Individual pre-dose checklist items. */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import type { Severity } from '../findings/types.js';
import { isRacemic } from '../protocol/route.js';
import { toEpochMs, type Instant } from '../time/instant.js';
import type { ChecklistItem, ChecklistStatus, PreDoseContext, PreDoseInput } from './predose-types.js';

export function checklistItem(id: string, label: string, status: ChecklistStatus, findings: readonly Finding[] = []): ChecklistItem {
  return { id, label, status, findings };
}

export function missing(id: string, label: string, severity: Severity = 'block'): ChecklistItem {
  return checklistItem(id, label, 'missing', [finding('PREDOSE_ITEM_MISSING', `Not recorded: ${label.toLowerCase()}.`, { field: id, severity })]);
}

function minutesBefore(at: Instant, now: Instant): number | null {
  const a = toEpochMs(at);
  const b = toEpochMs(now);
  return a === null || b === null ? null : (b - a) / 60_000;
}

export function bloodPressureItem(input: PreDoseInput, ctx: PreDoseContext): ChecklistItem {
  const label = 'Blood pressure';
  const bp = input.bloodPressure;
  if (bp === undefined) {
    return missing('blood_pressure', label);
  }
  const p = ctx.protocol.bp;
  const esk = !isRacemic(ctx.route);
  const value = `${bp.systolic}/${bp.diastolic}`;
  if ((!esk || p.blockAppliesToEsketamine) && (bp.systolic > p.blockSystolicAbove || bp.diastolic > p.blockDiastolicAbove)) {
    return checklistItem('blood_pressure', label, 'failed', [finding('BP_PREDOSE_ABOVE_CONTRAINDICATION_LIMIT', `BP ${value} is above ${p.blockSystolicAbove}/${p.blockDiastolicAbove}: do not dose.`, { field: 'bloodPressure', value, limit: `${p.blockSystolicAbove}/${p.blockDiastolicAbove}`, action: 'Do not dose today; refer for blood-pressure assessment.' })]);
  }
  if (esk) {
    const sysMax = ctx.patientAgeYears > p.olderAdultAgeAbove ? p.esketaminePredoseSystolicMaxOlder : p.esketaminePredoseSystolicMax;
    if (bp.systolic > sysMax || bp.diastolic > p.esketaminePredoseDiastolicMax) {
      return checklistItem('blood_pressure', label, 'failed', [finding('BP_PREDOSE_ABOVE_LIMIT', `BP ${value} is above ${sysMax}/${p.esketaminePredoseDiastolicMax}.`, { field: 'bloodPressure', value, limit: `${sysMax}/${p.esketaminePredoseDiastolicMax}`, action: 'Recheck after rest. Prescriber weighs delaying the dose; the trial rule was to withhold and refer for BP work-up.' })]);
    }
  }
  return checklistItem('blood_pressure', label, 'ok');
}

export function fastingItems(input: PreDoseInput, ctx: PreDoseContext): ChecklistItem[] {
  const f = ctx.protocol.fasting;
  const esk = !isRacemic(ctx.route);
  const specs = [
    { id: 'fasting_food', label: 'Time since food', limit: esk ? f.esketamineFoodMinutes : f.racemicFoodMinutes, at: input.lastFoodAt, code: 'FASTING_FOOD_TOO_RECENT' as const, what: 'food' },
    { id: 'fasting_liquids', label: 'Time since liquids', limit: esk ? f.esketamineLiquidsMinutes : f.racemicLiquidsMinutes, at: input.lastLiquidsAt, code: 'FASTING_LIQUIDS_TOO_RECENT' as const, what: 'liquids' },
  ];
  const out: ChecklistItem[] = [];
  for (const s of specs) {
    if (s.limit === null) {
      continue;
    }
    const mins = s.at === undefined ? null : minutesBefore(s.at, ctx.now);
    if (mins === null) {
      out.push(missing(s.id, s.label, 'warn'));
    } else if (mins < s.limit) {
      out.push(checklistItem(s.id, s.label, 'failed', [finding(s.code, `Last ${s.what} ${Math.round(mins)} min ago; at least ${s.limit} min is advised (nausea and vomiting).`, { field: s.id, value: Math.round(mins), limit: s.limit, action: 'Consider delaying the dose.' })]));
    } else {
      out.push(checklistItem(s.id, s.label, 'ok'));
    }
  }
  return out;
}

export function nasalItem(input: PreDoseInput, ctx: PreDoseContext): ChecklistItem[] {
  if (isRacemic(ctx.route)) {
    return [];
  }
  const label = 'Nasal steroid or decongestant today';
  const at = input.nasalMedicationAt;
  if (at === undefined) {
    return [missing('nasal_medication', label, 'warn')];
  }
  if (at === null) {
    return [checklistItem('nasal_medication', label, 'ok')];
  }
  const limit = ctx.protocol.esketamine.nasalSteroidMinutesBefore;
  const mins = minutesBefore(at, ctx.now);
  if (mins === null) {
    return [missing('nasal_medication', label, 'warn')];
  }
  if (mins < limit) {
    return [checklistItem('nasal_medication', label, 'failed', [finding('NASAL_STEROID_TOO_RECENT', `Nasal steroid/decongestant given ${Math.round(mins)} min ago; give it at least ${limit} min before esketamine.`, { field: 'nasalMedicationAt', value: Math.round(mins), limit, action: `Wait until ${limit} min have passed.` })])];
  }
  return [checklistItem('nasal_medication', label, 'ok')];
}

export function transportItems(input: PreDoseInput, ctx: PreDoseContext): ChecklistItem[] {
  const out: ChecklistItem[] = [];
  if (ctx.protocol.predose.requireEscortBeforeDose) {
    const ok = input.escortConfirmed === true;
    out.push(checklistItem('escort', 'Ride home / escort arranged', ok ? 'ok' : input.escortConfirmed === false ? 'failed' : 'missing', ok ? [] : [finding('ESCORT_NOT_CONFIRMED', 'No confirmed ride home with a responsible adult.', { field: 'escortConfirmed', action: 'Arrange a ride home before dosing.' })]));
  }
  const ack = input.noDrivingAcknowledged === true;
  out.push(checklistItem('no_driving', 'No driving until next day acknowledged', ack ? 'ok' : input.noDrivingAcknowledged === false ? 'failed' : 'missing', ack ? [] : [finding('NO_DRIVING_NOT_ACKNOWLEDGED', 'The patient has not acknowledged: no driving or machinery until the next day after restful sleep.', { field: 'noDrivingAcknowledged' })]));
  return out;
}

export function consentAndApprovalItems(input: PreDoseInput, ctx: PreDoseContext): ChecklistItem[] {
  const out: ChecklistItem[] = [];
  const c = input.consent;
  const now = toEpochMs(ctx.now) ?? 0;
  if (c === undefined || c === null) {
    out.push(checklistItem('consent', 'Valid consent', 'missing', [finding('CONSENT_NOT_VALID', 'No signed consent on file.', { field: 'consent' })]));
  } else {
    const signed = toEpochMs(c.signedAt);
    const expires = c.expiresAt === undefined ? null : toEpochMs(c.expiresAt);
    const problem = c.withdrawn === true ? 'consent was withdrawn' : signed === null || signed > now ? 'consent has no valid signature time' : expires !== null && expires <= now ? 'consent has expired' : null;
    out.push(problem === null ? checklistItem('consent', 'Valid consent', 'ok') : checklistItem('consent', 'Valid consent', 'failed', [finding('CONSENT_NOT_VALID', `Consent not valid: ${problem}.`, { field: 'consent' })]));
  }
  out.push(
    input.eligibilityApproved === true
      ? checklistItem('eligibility', 'Eligibility approved', 'ok')
      : checklistItem('eligibility', 'Eligibility approved', input.eligibilityApproved === false ? 'failed' : 'missing', [finding('ELIGIBILITY_NOT_APPROVED', 'Eligibility screening has not been approved by the prescriber.', { field: 'eligibilityApproved' })]),
  );
  if (input.pregnant === true) {
    out.push(checklistItem('pregnancy', 'Pregnancy status', 'failed', [finding('PREGNANCY_NOT_RECOMMENDED', 'Patient is pregnant: not recommended.', { field: 'pregnant', value: true })]));
  } else {
    out.push(input.pregnant === false ? checklistItem('pregnancy', 'Pregnancy status', 'ok') : missing('pregnancy', 'Pregnancy status', 'warn'));
  }
  if (isRacemic(ctx.route) && ctx.protocol.followUp.liverTestsBaselineRacemic) {
    out.push(
      input.baselineLiverTestsDone === true
        ? checklistItem('liver_tests', 'Baseline liver tests', 'ok')
        : checklistItem('liver_tests', 'Baseline liver tests', 'missing', [finding('BASELINE_LIVER_TESTS_REQUIRED', 'No baseline liver tests (incl. ALP and GGT) on file.', { field: 'baselineLiverTestsDone', action: 'Order baseline liver tests.' })]),
    );
  }
  return out;
}
