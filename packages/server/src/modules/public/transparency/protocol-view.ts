/**
 * Turns a clinic's resolved protocol into plain statements for its public page. Pure. Every statement says
 * whether its numbers follow published guidance (a `sourced` setting at its published value) or were set by
 * the clinic's medical director (an `unconfirmed`/`conflict` setting, or a sourced one the clinic changed).
 * Settings that are `null` (rule off) are never presented as enforced.
 */
import { getSetting, observationSchedule, PROTOCOL_SETTINGS, ROUTE_LABELS, type ProtocolSettings, type Route, type SettingKey } from '@ketapath/clinical';

/**
 * `guidance`: published figures (sourced settings at their published value). `clinic`: the clinic set the
 * value itself. `default`: a Ketapath suggested value for a setting the reference does not confirm, which the
 * clinic has not yet set or confirmed (`resolveProtocol(...).unconfirmedInUse`).
 */
export type Basis = 'guidance' | 'clinic' | 'default';

/** Unconfirmed settings still at Ketapath's suggested default. */
export type Unconfirmed = ReadonlySet<SettingKey>;

export interface Statement {
  readonly text: string;
  readonly basis: Basis;
  /** Where a clinic changed a published figure: what the published figure is. */
  readonly note?: string;
}

export interface RouteProtocolView {
  readonly route: Route;
  readonly label: string;
  readonly course: readonly Statement[];
  readonly monitoring: readonly Statement[];
  readonly minimumObservation: Statement;
  readonly discharge: readonly Statement[];
}

export interface ProtocolView {
  readonly criteria: readonly Statement[];
  readonly screened: readonly string[];
  readonly thresholds: readonly Statement[];
  readonly escort: readonly Statement[];
  readonly routes: readonly RouteProtocolView[];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function fmt(value: unknown, unit: string | null): string {
  const v = Array.isArray(value) ? value.join(', ') : String(value);
  return unit === null ? v : `${v} ${unit}`;
}

/** A statement whose numbers come from `keys`. */
export function stated(p: ProtocolSettings, u: Unconfirmed, text: string, keys: readonly SettingKey[]): Statement {
  const metas = keys.map((k) => PROTOCOL_SETTINGS[k]);
  const changed = metas.filter((m) => m.status === 'sourced' && !same(getSetting(p, m.key), m.default));
  const note = changed.length === 0 ? undefined : `Published figure: ${changed.map((m) => `${m.label.toLowerCase()} ${fmt(m.default, m.unit)}`).join('; ')}.`;
  const basis: Basis = metas.some((m) => u.has(m.key)) ? 'default' : metas.some((m) => m.status !== 'sourced') || changed.length > 0 ? 'clinic' : 'guidance';
  return note === undefined ? { text, basis } : { text, basis, note };
}

const guidance = (text: string): Statement => ({ text, basis: 'guidance' });

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function minutesList(offsets: readonly number[]): string {
  const labels = offsets.map((o) => (o === 0 ? 'before the dose' : `${o}`));
  if (labels.length === 1) {
    return labels[0] ?? '';
  }
  const numbers = labels.slice(1);
  return `${labels[0]}, then at ${numbers.slice(0, -1).join(', ')}${numbers.length > 1 ? ' and ' : ''}${numbers[numbers.length - 1] ?? ''} minutes`;
}

function criteria(p: ProtocolSettings, u: Unconfirmed, routes: readonly Route[]): Statement[] {
  const esk = routes.includes('esketamine_nasal');
  const racemic = routes.some((r) => r !== 'esketamine_nasal');
  const out: Statement[] = [];
  const younger = racemic ? ` (${esk ? 'for ketamine, ' : ''}a prescriber may treat someone younger only with a recorded reason)` : '';
  out.push(stated(p, u, `Age ${p.eligibility.minAgeYears} or over${younger}.`, ['eligibility.minAgeYears']));
  const count = p.trd.countBy === 'distinct_classes' ? plural(p.trd.minFailedTrials, 'antidepressant class', 'different antidepressant classes') : plural(p.trd.minFailedTrials, 'antidepressant');
  const below = p.trd.nonresponseInclusive ? `${p.trd.nonresponseBelowPercent}% better or less` : `less than ${p.trd.nonresponseBelowPercent}% better`;
  out.push(
    stated(
      p,
      u,
      `Depression that has not improved enough with at least ${count}${p.trd.requireCurrentEpisode ? ' in the current episode' : ''}, each taken for at least ${p.trd.minTrialWeeks} weeks (“not enough” means ${below}). If this is not on record, the prescriber reviews it before treatment.`,
      ['trd.minFailedTrials', 'trd.countBy', 'trd.requireCurrentEpisode', 'trd.minTrialWeeks', 'trd.nonresponseBelowPercent', 'trd.nonresponseInclusive'],
    ),
  );
  if (racemic || p.bp.blockAppliesToEsketamine) {
    const which = racemic && esk && p.bp.blockAppliesToEsketamine ? 'ketamine or esketamine' : racemic ? 'ketamine' : 'esketamine';
    out.push(stated(p, u, `Resting blood pressure above ${p.bp.blockSystolicAbove}/${p.bp.blockDiastolicAbove}: no ${which} treatment.`, ['bp.blockSystolicAbove', 'bp.blockDiastolicAbove', ...(esk ? (['bp.blockAppliesToEsketamine'] as const) : [])]));
  }
  if (esk) {
    out.push(
      stated(
        p,
        u,
        `Esketamine: blood pressure above ${p.bp.esketaminePredoseSystolicMax}/${p.bp.esketaminePredoseDiastolicMax} before a dose (systolic above ${p.bp.esketaminePredoseSystolicMaxOlder} if over ${p.bp.olderAdultAgeAbove}) needs a prescriber’s review first.`,
        ['bp.esketaminePredoseSystolicMax', 'bp.esketaminePredoseDiastolicMax', 'bp.esketaminePredoseSystolicMaxOlder', 'bp.olderAdultAgeAbove'],
      ),
    );
  }
  out.push(stated(p, u, `A drug or alcohol use disorder in the past ${plural(p.eligibility.substanceUseLookbackMonths, 'month')} needs a prescriber’s recorded decision.`, ['eligibility.substanceUseLookbackMonths']));
  return out;
}

const SEVERITY_WORDS: Record<ProtocolSettings['eligibility']['raisedIcpSeverity'], string> = { block: 'rules treatment out', override: 'needs a prescriber’s recorded decision', warn: 'is flagged for extra care' };

/** Conditions the eligibility screen checks for every candidate (reference §1.3). */
function screened(p: ProtocolSettings): string[] {
  return [
    'allergy to ketamine or esketamine',
    'a bulge or malformation of blood vessels, or past bleeding in the brain',
    'severe heart disease, a past stroke or a head injury',
    'pre-eclampsia and untreated overactive thyroid',
    'psychosis, mania or bipolar disorder',
    'drug or alcohol problems, including ketamine misuse',
    'pregnancy and breastfeeding',
    'severe liver disease',
    'bladder inflammation (cystitis)',
    `raised pressure in the head (${SEVERITY_WORDS[p.eligibility.raisedIcpSeverity]}) or eye (${SEVERITY_WORDS[p.eligibility.raisedIopSeverity]})`,
    'medicines that add to sleepiness or raise blood pressure',
  ];
}

function thresholds(p: ProtocolSettings, u: Unconfirmed): Statement[] {
  const v = p.vitals;
  const out: Statement[] = [
    guidance('Warning signs such as chest pain, shortness of breath, a sudden severe headache, changes in sight, a seizure, confusion or weakness: dosing stops and emergency care is called.'),
    stated(p, u, `Blood pressure above ${v.pauseSystolicAbove}/${v.pauseDiastolicAbove}: dosing pauses, it is measured again and the prescriber is told.`, ['vitals.pauseSystolicAbove', 'vitals.pauseDiastolicAbove']),
    stated(p, u, `Blood pressure above ${v.urgencySystolicAbove}/${v.urgencyDiastolicAbove}: dosing pauses, staff check for warning signs and call the prescriber.`, ['vitals.urgencySystolicAbove', 'vitals.urgencyDiastolicAbove']),
    stated(p, u, `Blood pressure still above that limit on ${plural(v.persistentHighReadings, 'reading')} in a row: help is called from a clinician experienced in blood pressure care.`, ['vitals.persistentHighReadings', 'vitals.pauseSystolicAbove', 'vitals.pauseDiastolicAbove']),
    stated(p, u, `A rise of ${v.riseFromBaselineSystolic}/${v.riseFromBaselineDiastolic} or more from the reading before the dose, or a reading of ${v.emergentSystolicAtOrAbove}/${v.emergentDiastolicAtOrAbove} or more: checked more often until it falls.`, ['vitals.riseFromBaselineSystolic', 'vitals.riseFromBaselineDiastolic', 'vitals.emergentSystolicAtOrAbove', 'vitals.emergentDiastolicAtOrAbove']),
    stated(p, u, `Heart rate above ${v.heartRateAbove} or below ${v.heartRateBelow} beats a minute: dosing pauses and the prescriber is told.`, ['vitals.heartRateAbove', 'vitals.heartRateBelow']),
    stated(p, u, `Oxygen level below ${v.spo2Below}%: dosing stops and breathing is checked.`, ['vitals.spo2Below']),
  ];
  if (v.respiratoryRateBelow !== null) {
    out.push(stated(p, u, `Breathing rate below ${v.respiratoryRateBelow} a minute: dosing stops and breathing is checked.`, ['vitals.respiratoryRateBelow']));
  }
  if (v.respiratoryRateAbove !== null) {
    out.push(stated(p, u, `Breathing rate above ${v.respiratoryRateAbove} a minute: flagged for the nurse.`, ['vitals.respiratoryRateAbove']));
  }
  return out;
}

function escort(p: ProtocolSettings, u: Unconfirmed): Statement[] {
  const out: Statement[] = [];
  if (p.predose.requireEscortBeforeDose) {
    out.push(stated(p, u, 'Your ride home is confirmed before each dose.', ['predose.requireEscortBeforeDose']));
  }
  if (p.discharge.requireEscort) {
    out.push(stated(p, u, 'You leave only with a responsible adult, and you are told not to drive until the next day.', ['discharge.requireEscort']));
  }
  return out;
}

function course(route: Route, p: ProtocolSettings, u: Unconfirmed): Statement[] {
  if (route === 'esketamine_nasal') {
    const s = p.schedule.esketamine;
    const e = p.esketamine;
    return [
      stated(p, u, `First course (induction): ${plural(s.inductionPerWeek, 'session')} a week for ${s.inductionWeeks} weeks (${s.inductionPerWeek * s.inductionWeeks} sessions). Benefit is reviewed at the end of week ${e.inductionReviewWeek}.`, ['schedule.esketamine.inductionPerWeek', 'schedule.esketamine.inductionWeeks', 'esketamine.inductionReviewWeek']),
      stated(p, u, `Then ${plural(s.earlyMaintenancePerWeek, 'session')} a week for ${s.earlyMaintenanceWeeks} weeks. After that, ${s.lateMaintenanceIntervalWeeks === 1 ? 'weekly' : `every ${s.lateMaintenanceIntervalWeeks} weeks or weekly`}: the least often that keeps you well.`, ['schedule.esketamine.earlyMaintenancePerWeek', 'schedule.esketamine.earlyMaintenanceWeeks', 'schedule.esketamine.lateMaintenanceIntervalWeeks']),
      stated(p, u, `Doses of ${e.allowedDosesMg.join(', ')} mg (${e.mgPerDevice} mg per device, ${e.deviceSpacingMinutes} minutes between devices); the first dose is ${e.startDoseMg} mg${e.olderAdultStartDoseMg === null ? '' : ` (${e.olderAdultStartDoseMg} mg from age ${e.olderAdultAgeAtOrAbove})`}.`, ['esketamine.allowedDosesMg', 'esketamine.mgPerDevice', 'esketamine.deviceSpacingMinutes', 'esketamine.startDoseMg', 'esketamine.olderAdultStartDoseMg', 'esketamine.olderAdultAgeAtOrAbove']),
      stated(p, u, `Sessions are at least ${plural(p.schedule.minSpacingDays.esketamine_nasal, 'day')} apart.`, ['schedule.minSpacingDays.esketamine_nasal']),
    ];
  }
  const s = p.schedule[route];
  const key = (k: 'inductionSessions' | 'inductionPerWeek' | 'maintenanceIntervalWeeks' | 'maintenanceSessions'): SettingKey => `schedule.${route}.${k}` as SettingKey;
  const out: Statement[] = [];
  if (s.inductionSessions === null) {
    out.push(stated(p, u, 'No standard first course is set: the prescriber plans the number of sessions with you.', [key('inductionSessions')]));
  } else {
    out.push(stated(p, u, `First course (induction): ${plural(s.inductionSessions, 'session')}${s.inductionPerWeek === null ? '' : `, ${s.inductionPerWeek} a week`}.`, [key('inductionSessions'), key('inductionPerWeek')]));
  }
  out.push(
    s.maintenanceIntervalWeeks === null
      ? stated(p, u, 'After that, further sessions are planned one by one, when needed (no fixed schedule).', [key('maintenanceIntervalWeeks')])
      : stated(p, u, `After that, a session every ${plural(s.maintenanceIntervalWeeks, 'week')}${s.maintenanceSessions === null ? '' : ` (${plural(s.maintenanceSessions, 'session')} planned)`}.`, [key('maintenanceIntervalWeeks'), key('maintenanceSessions')]),
  );
  if (route === 'iv') {
    out.push(stated(p, u, `Usual dose: ${p.iv.defaultMgPerKg} mg per kg of body weight, through a drip over ${p.iv.infusionMinutes} minutes.`, ['iv.defaultMgPerKg', 'iv.infusionMinutes']));
  } else if (route === 'im') {
    out.push(stated(p, u, `Usual dose: ${p.im.defaultMgPerKg} mg per kg of body weight, as a shot into a muscle.`, ['im.defaultMgPerKg']));
  } else if (route === 'oral') {
    out.push(stated(p, u, `Starting dose ${p.oral.startMg} mg by mouth, raised by ${p.oral.stepMg} mg at most every ${plural(p.oral.stepIntervalDays, 'day')} if needed.`, ['oral.startMg', 'oral.stepMg', 'oral.stepIntervalDays']));
  } else {
    out.push(stated(p, u, `Usual dose: ${p.sublingual.defaultMg} mg held under the tongue.`, ['sublingual.defaultMg']));
  }
  return out;
}

function monitoring(route: Route, p: ProtocolSettings, u: Unconfirmed): Statement[] {
  const result = observationSchedule(route, p, 0);
  if (!result.ok) {
    return [];
  }
  const offsets = (kind: 'vitals' | 'sedation_dissociation') => [...new Set(result.schedule.items.filter((i) => i.kind === kind).map((i) => i.offsetMinutes))];
  const keys: SettingKey[] =
    route === 'esketamine_nasal'
      ? ['observation.esketaminePostDoseBpMinutes', 'observation.esketamineMinMinutes']
      : route === 'iv'
        ? ['iv.infusionMinutes', 'observation.ivIntervalDuringMinutes', 'observation.intervalAfterMinutes', 'observation.racemicPostDoseReadingsMinutes']
        : ['observation.intervalAfterMinutes', 'observation.racemicPostDoseReadingsMinutes'];
  const what = route === 'esketamine_nasal' ? 'Blood pressure and oxygen level' : 'Blood pressure, heart rate and oxygen level';
  return [
    stated(p, u, `${what}: ${minutesList(offsets('vitals'))}${route === 'iv' ? ` (the drip ends at ${p.iv.infusionMinutes} minutes)` : ''}. A missed reading is flagged to staff.`, keys),
    stated(p, u, `Sleepiness and detachment are scored at ${offsets('sedation_dissociation').join(' and ')} minutes.`, keys),
  ];
}

function minimumObservation(route: Route, p: ProtocolSettings, u: Unconfirmed): Statement {
  if (route === 'esketamine_nasal') {
    return stated(p, u, `At least ${p.observation.esketamineMinMinutes} minutes from the first spray, and until sleepiness, detachment and any breathing problems have passed.`, ['observation.esketamineMinMinutes']);
  }
  const min = p.observation.racemicMinMinutes;
  return min === null
    ? stated(p, u, 'No fixed minimum time: you leave when all the discharge checks below are met.', ['observation.racemicMinMinutes'])
    : stated(p, u, `At least ${min} minutes after the ${route === 'iv' ? 'drip ends' : 'dose'}, and until all the discharge checks below are met.`, ['observation.racemicMinMinutes']);
}

function discharge(route: Route, p: ProtocolSettings, u: Unconfirmed): Statement[] {
  const d = p.discharge;
  const out: Statement[] = [
    stated(p, u, `Fully alert: you respond normally when spoken to (sedation score ${d.moaasMin} of 5).`, ['discharge.moaasMin']),
    stated(p, u, `Detachment has passed (dissociation score ${d.cadssMax} or less, or back to your score before the dose).`, ['discharge.cadssMax']),
    guidance('Breathing is normal.'),
  ];
  out.push(
    route === 'esketamine_nasal'
      ? stated(p, u, `Blood pressure at or below ${p.bp.esketaminePredoseSystolicMax}/${p.bp.esketaminePredoseDiastolicMax}, within ${d.bpWithinPercentOfBaseline}% of your reading before the dose, or falling.`, ['bp.esketaminePredoseSystolicMax', 'bp.esketaminePredoseDiastolicMax', 'discharge.bpWithinPercentOfBaseline'])
      : stated(p, u, 'Vital signs within the limits under “Readings that trigger action”.', ['vitals.pauseSystolicAbove', 'vitals.pauseDiastolicAbove', 'vitals.heartRateAbove', 'vitals.heartRateBelow', 'vitals.spo2Below']),
  );
  if (d.scoreRequiredRoutes.includes(route)) {
    const score = d.scoreInstrument === 'padss' ? `a PADSS score of ${d.padssMin} or more` : d.scoreInstrument === 'aldrete' ? `a modified Aldrete score of ${d.aldreteMin} or more` : `a PADSS or modified Aldrete score of ${d.padssMin === d.aldreteMin ? d.padssMin : `${d.padssMin} or ${d.aldreteMin}`} or more`;
    out.push(stated(p, u, `A recovery checklist: ${score} out of 10.`, ['discharge.scoreInstrument', 'discharge.padssMin', 'discharge.aldreteMin', 'discharge.scoreRequiredRoutes']));
  }
  out.push(guidance('A clinician confirms you are stable and gives you written instructions.'));
  return out;
}

export function protocolView(p: ProtocolSettings, routes: readonly Route[], unconfirmedInUse: readonly SettingKey[] = []): ProtocolView {
  const u: Unconfirmed = new Set(unconfirmedInUse);
  return {
    criteria: criteria(p, u, routes),
    screened: screened(p),
    thresholds: thresholds(p, u),
    escort: escort(p, u),
    routes: routes.map((route) => ({
      route,
      label: ROUTE_LABELS[route],
      course: course(route, p, u),
      monitoring: monitoring(route, p, u),
      minimumObservation: minimumObservation(route, p, u),
      discharge: discharge(route, p, u),
    })),
  };
}

/** Sessions in the first (induction) course of a route, or null when the protocol sets none. */
export function inductionSessions(route: Route, p: ProtocolSettings): { sessions: number; description: string } | null {
  if (route === 'esketamine_nasal') {
    const s = p.schedule.esketamine;
    return { sessions: s.inductionPerWeek * s.inductionWeeks, description: `${s.inductionPerWeek} a week for ${s.inductionWeeks} weeks` };
  }
  const s = p.schedule[route];
  if (s.inductionSessions === null) {
    return null;
  }
  return { sessions: s.inductionSessions, description: s.inductionPerWeek === null ? 'first course' : `${s.inductionPerWeek} a week` };
}
