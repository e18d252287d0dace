/**
 * `evaluateDischarge`: minimum time, discharge score, sedation/dissociation/respiratory depression resolved,
 * vitals within limits or back towards baseline, escort, clinician confirmation → ready / not ready with reasons.
 */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import { isRacemic, type Route } from '../protocol/route.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { MS_PER_MINUTE, toEpochMs, toIsoUtc, type Instant } from '../time/instant.js';
import { evaluateVitals, type VitalsReading } from './vitals.js';

export interface DischargeInput {
  /** First device (esketamine) or start of dosing. */
  readonly doseStartedAt: Instant;
  /** End of infusion (IV); defaults to the start. */
  readonly doseEndedAt?: Instant;
  /** PADSS totals, oldest first (consecutive checks). */
  readonly padssTotals?: readonly number[];
  readonly aldrete?: { readonly total: number; readonly respiration?: number; readonly spo2?: number };
  readonly latestMoaas?: number;
  readonly latestCadss?: number;
  readonly preDoseCadss?: number;
  /** Clinician judgement when CADSS is not used. */
  readonly dissociationResolved?: boolean;
  readonly respiratoryDepressionResolved?: boolean;
  readonly baselineVitals?: VitalsReading;
  /** In-session readings, oldest first; the last one is the current reading. */
  readonly vitals?: readonly VitalsReading[];
  readonly escortPresent?: boolean;
  readonly instructionsGiven?: boolean;
  readonly clinicianConfirmedStable?: boolean;
}

export interface DischargeContext {
  readonly route: Route;
  readonly protocol: ProtocolSettings;
  readonly now: Instant;
  readonly patientAgeYears: number;
}

export interface DischargeResult {
  readonly ready: boolean;
  readonly reasons: readonly Finding[];
  readonly minutesObserved: number | null;
  readonly earliestDischargeAt: string | null;
}

function minimumTime(input: DischargeInput, ctx: DischargeContext): { reasons: Finding[]; observed: number | null; earliest: string | null } {
  const now = toEpochMs(ctx.now);
  const start = toEpochMs(input.doseStartedAt);
  if (now === null || start === null) {
    return { reasons: [finding('DISCHARGE_MIN_TIME_NOT_ELAPSED', 'Dose start or current time is missing or invalid.', { field: 'doseStartedAt' })], observed: null, earliest: null };
  }
  const observed = Math.floor((now - start) / MS_PER_MINUTE);
  const o = ctx.protocol.observation;
  let from = start;
  let min: number | null = o.esketamineMinMinutes;
  if (isRacemic(ctx.route)) {
    from = input.doseEndedAt === undefined ? start : (toEpochMs(input.doseEndedAt) ?? start);
    min = o.racemicMinMinutes;
  }
  if (min === null) {
    return { reasons: [], observed, earliest: null };
  }
  const earliest = from + min * MS_PER_MINUTE;
  const reasons = now < earliest ? [finding('DISCHARGE_MIN_TIME_NOT_ELAPSED', `Observed ${observed} min; minimum is ${min} min (not before ${toIsoUtc(earliest)}).`, { field: 'doseStartedAt', value: observed, limit: min })] : [];
  return { reasons, observed, earliest: toIsoUtc(earliest) };
}

function scoreReasons(input: DischargeInput, p: ProtocolSettings, route: Route): Finding[] {
  const d = p.discharge;
  if (!d.scoreRequiredRoutes.includes(route)) {
    return [];
  }
  const padss = input.padssTotals ?? [];
  const recent = padss.slice(-d.padssConsecutiveChecks);
  const padssPass = recent.length === d.padssConsecutiveChecks && recent.every((t) => t >= d.padssMin);
  const a = input.aldrete;
  const aldretePass = a !== undefined && a.total >= d.aldreteMin && (!d.aldreteRequireFullRespirationAndSpo2 || (a.respiration === 2 && a.spo2 === 2));
  const usePadss = d.scoreInstrument !== 'aldrete';
  const useAldrete = d.scoreInstrument !== 'padss';
  if ((usePadss && padssPass) || (useAldrete && aldretePass)) {
    return [];
  }
  const haveAny = (usePadss && padss.length > 0) || (useAldrete && a !== undefined);
  if (!haveAny) {
    return [finding('DISCHARGE_SCORE_MISSING', `No ${d.scoreInstrument === 'either' ? 'PADSS or modified Aldrete' : d.scoreInstrument === 'padss' ? 'PADSS' : 'modified Aldrete'} score recorded.`, { field: usePadss ? 'padssTotals' : 'aldrete' })];
  }
  const parts: string[] = [];
  if (usePadss && padss.length > 0) {
    parts.push(`PADSS ${recent.join(', ')} (need ≥${d.padssMin}${d.padssConsecutiveChecks > 1 ? ` on ${d.padssConsecutiveChecks} checks in a row` : ''})`);
  }
  if (useAldrete && a !== undefined) {
    parts.push(`Aldrete ${a.total} (need ≥${d.aldreteMin}${d.aldreteRequireFullRespirationAndSpo2 ? ' with 2 in respiration and SpO2' : ''})`);
  }
  return [finding('DISCHARGE_SCORE_BELOW_THRESHOLD', `Discharge score not reached: ${parts.join('; ')}.`, { field: usePadss ? 'padssTotals' : 'aldrete', limit: usePadss ? d.padssMin : d.aldreteMin })];
}

function recoveryReasons(input: DischargeInput, p: ProtocolSettings): Finding[] {
  const out: Finding[] = [];
  const d = p.discharge;
  if (input.latestMoaas === undefined || input.latestMoaas < d.moaasMin) {
    out.push(finding('DISCHARGE_SEDATION_NOT_RESOLVED', input.latestMoaas === undefined ? 'Sedation (MOAA/S) not recorded.' : `MOAA/S is ${input.latestMoaas}; ${d.moaasMin} needed.`, { field: 'latestMoaas', ...(input.latestMoaas === undefined ? {} : { value: input.latestMoaas }), limit: d.moaasMin, action: 'Continue monitoring.' }));
  }
  const c = input.latestCadss;
  const cadssResolved = c !== undefined && (c <= d.cadssMax || (input.preDoseCadss !== undefined && c <= input.preDoseCadss));
  if (!(cadssResolved || (c === undefined && input.dissociationResolved === true))) {
    out.push(finding('DISCHARGE_DISSOCIATION_NOT_RESOLVED', c === undefined ? 'Dissociation not assessed or not resolved.' : `CADSS is ${c}; at most ${d.cadssMax} (or back to the pre-dose score) needed.`, { field: c === undefined ? 'dissociationResolved' : 'latestCadss', ...(c === undefined ? {} : { value: c }), limit: d.cadssMax, action: 'Continue monitoring.' }));
  }
  if (input.respiratoryDepressionResolved !== true) {
    out.push(finding('DISCHARGE_RESPIRATORY_DEPRESSION_NOT_RESOLVED', 'Respiratory status not confirmed normal.', { field: 'respiratoryDepressionResolved', action: 'Check breathing and SpO2; continue monitoring.' }));
  }
  return out;
}

function vitalsReasons(input: DischargeInput, ctx: DischargeContext): Finding[] {
  const series = input.vitals ?? [];
  const current = series[series.length - 1];
  if (current === undefined) {
    return [finding('DISCHARGE_VITALS_NOT_ACCEPTABLE', 'No vital signs recorded before discharge.', { field: 'vitals' })];
  }
  const previous = series.slice(0, -1);
  const evaluation = evaluateVitals(current, { route: ctx.route, protocol: ctx.protocol, previous, ...(input.baselineVitals === undefined ? {} : { baseline: input.baselineVitals }) });
  const serious = evaluation.findings.filter((f) => f.severity === 'block' || f.severity === 'override');
  if (serious.length > 0) {
    return [finding('DISCHARGE_VITALS_NOT_ACCEPTABLE', `Current vital signs are outside limits: ${serious.map((f) => f.message).join(' ')}`, { field: 'vitals', action: 'Continue monitoring.' })];
  }
  const bp = ctx.protocol.bp;
  const sys = current.systolic;
  const dia = current.diastolic;
  if (sys === undefined || dia === undefined) {
    return [finding('DISCHARGE_VITALS_NOT_ACCEPTABLE', 'No blood pressure in the latest reading.', { field: 'vitals' })];
  }
  const within = (): boolean => {
    if (isRacemic(ctx.route)) {
      return true;
    }
    const sysMax = ctx.patientAgeYears > bp.olderAdultAgeAbove ? bp.esketaminePredoseSystolicMaxOlder : bp.esketaminePredoseSystolicMax;
    return sys <= sysMax && dia <= bp.esketaminePredoseDiastolicMax;
  };
  const base = input.baselineVitals;
  const pct = ctx.protocol.discharge.bpWithinPercentOfBaseline / 100;
  const nearBaseline = base?.systolic !== undefined && base.diastolic !== undefined && Math.abs(sys - base.systolic) <= base.systolic * pct && Math.abs(dia - base.diastolic) <= base.diastolic * pct;
  const last = previous[previous.length - 1];
  const falling = last?.systolic !== undefined && sys < last.systolic;
  if (within() || nearBaseline || falling) {
    return [];
  }
  return [finding('DISCHARGE_VITALS_NOT_ACCEPTABLE', `BP ${sys}/${dia} is above the pre-dose limit, not within ${ctx.protocol.discharge.bpWithinPercentOfBaseline}% of baseline and not falling.`, { field: 'vitals', value: `${sys}/${dia}`, action: 'Continue monitoring until BP is falling or back towards baseline.' })];
}

/** Decide whether the patient may leave. `ready` is false when any reason is a block or override. */
export function evaluateDischarge(input: DischargeInput, ctx: DischargeContext): DischargeResult {
  const time = minimumTime(input, ctx);
  const reasons: Finding[] = [...time.reasons, ...scoreReasons(input, ctx.protocol, ctx.route), ...recoveryReasons(input, ctx.protocol), ...vitalsReasons(input, ctx)];
  if (ctx.protocol.discharge.requireEscort && input.escortPresent !== true) {
    reasons.push(finding('DISCHARGE_ESCORT_NOT_PRESENT', 'No responsible adult present to take the patient home.', { field: 'escortPresent', action: 'Wait for the escort; the patient must not drive.' }));
  }
  if (input.clinicianConfirmedStable !== true) {
    reasons.push(finding('DISCHARGE_CLINICIAN_REVIEW_PENDING', 'A clinician has not yet confirmed the patient is clinically stable to leave.', { field: 'clinicianConfirmedStable' }));
  }
  if (input.instructionsGiven !== true) {
    reasons.push(finding('DISCHARGE_INSTRUCTIONS_NOT_GIVEN', 'Written discharge instructions not recorded (no driving, machinery or legal decisions until the next day).', { field: 'instructionsGiven' }));
  }
  const ready = !reasons.some((r) => r.severity === 'block' || r.severity === 'override');
  return { ready, reasons, minutesObserved: time.observed, earliestDischargeAt: time.earliest };
}
