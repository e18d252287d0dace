/** Vital-sign evaluation against protocol thresholds, with trend rules (rise from baseline, persistently high). */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import { worstSeverity, type Severity } from '../findings/types.js';
import type { Route } from '../protocol/route.js';
import type { ProtocolSettings } from '../protocol/types.js';
import type { Instant } from '../time/instant.js';

export type HypertensiveSymptom = 'chest_pain' | 'shortness_of_breath' | 'severe_headache' | 'visual_disturbance' | 'seizure' | 'reduced_consciousness' | 'focal_deficit';

export interface VitalsReading {
  readonly takenAt?: Instant;
  readonly systolic?: number;
  readonly diastolic?: number;
  readonly heartRate?: number;
  readonly spo2?: number;
  readonly respiratoryRate?: number;
  readonly symptoms?: readonly HypertensiveSymptom[];
}

export interface VitalsContext {
  readonly route: Route;
  readonly protocol: ProtocolSettings;
  /** Pre-dose reading for trend rules. */
  readonly baseline?: VitalsReading;
  /** Earlier in-session readings, oldest first. */
  readonly previous?: readonly VitalsReading[];
  /**
   * Accepted for callers' convenience; no current rule depends on them — the reference gives no age- or
   * time-specific in-session threshold (the age-specific pre-dose limit lives in `evaluatePreDose`).
   */
  readonly minutesSinceDose?: number;
  readonly patientAgeYears?: number;
}

export interface VitalsEvaluation {
  readonly findings: readonly Finding[];
  readonly worst: Severity | null;
}

/** Input-sanity bounds (not clinical thresholds): values outside are treated as measurement errors. */
const PLAUSIBLE: Readonly<Record<'systolic' | 'diastolic' | 'heartRate' | 'spo2' | 'respiratoryRate', readonly [number, number]>> = {
  systolic: [1, 300],
  diastolic: [1, 300],
  heartRate: [1, 300],
  spo2: [0, 100],
  respiratoryRate: [0, 80],
};

function pauseAction(route: Route): string {
  switch (route) {
    case 'iv':
      return 'Pause the infusion, recheck, and tell the prescriber.';
    case 'esketamine_nasal':
      return 'Do not give further devices; recheck and tell the prescriber.';
    case 'im':
    case 'oral':
    case 'sublingual':
      return 'Do not give further doses; recheck and tell the prescriber.';
  }
}

function invalid(r: VitalsReading): Finding[] {
  const out: Finding[] = [];
  for (const key of Object.keys(PLAUSIBLE) as (keyof typeof PLAUSIBLE)[]) {
    const v = r[key];
    const [lo, hi] = PLAUSIBLE[key];
    if (v !== undefined && (!Number.isFinite(v) || v < lo || v > hi)) {
      out.push(finding('VITALS_READING_INVALID', `${key} ${v} is not a plausible reading — re-measure.`, { field: key, value: Number.isFinite(v) ? v : String(v), action: 'Re-measure.' }));
    }
  }
  if (r.systolic !== undefined && r.diastolic !== undefined && r.diastolic >= r.systolic) {
    out.push(finding('VITALS_READING_INVALID', `Diastolic ${r.diastolic} is not below systolic ${r.systolic} — re-measure.`, { field: 'diastolic', value: r.diastolic, action: 'Re-measure.' }));
  }
  return out;
}

const aboveBpLimit = (r: VitalsReading, sys: number, dia: number): boolean => (r.systolic ?? 0) > sys || (r.diastolic ?? 0) > dia;

function bloodPressure(r: VitalsReading, ctx: VitalsContext): Finding[] {
  const v = ctx.protocol.vitals;
  const out: Finding[] = [];
  const bp = `${r.systolic ?? '?'}/${r.diastolic ?? '?'}`;
  if (r.symptoms !== undefined && r.symptoms.length > 0) {
    out.push(finding('VITALS_HYPERTENSIVE_SYMPTOMS', `Symptoms of a hypertensive emergency: ${r.symptoms.join(', ').replace(/_/g, ' ')}.`, { field: 'symptoms', value: r.symptoms.join(','), action: 'Stop dosing and send for emergency care now.' }));
  }
  if (r.systolic === undefined && r.diastolic === undefined) {
    return out;
  }
  if (aboveBpLimit(r, v.urgencySystolicAbove, v.urgencyDiastolicAbove)) {
    out.push(finding('VITALS_BP_HYPERTENSIVE_URGENCY', `BP ${bp} is in the hypertensive urgency range (above ${v.urgencySystolicAbove}/${v.urgencyDiastolicAbove}).`, { field: 'systolic', value: bp, limit: `${v.urgencySystolicAbove}/${v.urgencyDiastolicAbove}`, action: `${pauseAction(ctx.route)} Check for chest pain, breathlessness, severe headache, visual change, confusion or weakness — if any, emergency care.` }));
  } else if (aboveBpLimit(r, v.pauseSystolicAbove, v.pauseDiastolicAbove)) {
    out.push(finding('VITALS_BP_ABOVE_PAUSE_LIMIT', `BP ${bp} is above the clinic limit ${v.pauseSystolicAbove}/${v.pauseDiastolicAbove}.`, { field: 'systolic', value: bp, limit: `${v.pauseSystolicAbove}/${v.pauseDiastolicAbove}`, action: pauseAction(ctx.route) }));
  } else if ((r.systolic ?? 0) >= v.emergentSystolicAtOrAbove || (r.diastolic ?? 0) >= v.emergentDiastolicAtOrAbove) {
    out.push(finding('VITALS_BP_TREATMENT_EMERGENT_HYPERTENSION', `BP ${bp} is at or above ${v.emergentSystolicAtOrAbove}/${v.emergentDiastolicAtOrAbove}.`, { field: 'systolic', value: bp, limit: `${v.emergentSystolicAtOrAbove}/${v.emergentDiastolicAtOrAbove}`, action: 'Recheck more often; transient rises usually settle.' }));
  }
  const base = ctx.baseline;
  if (base !== undefined) {
    const dSys = r.systolic !== undefined && base.systolic !== undefined ? r.systolic - base.systolic : null;
    const dDia = r.diastolic !== undefined && base.diastolic !== undefined ? r.diastolic - base.diastolic : null;
    if ((dSys !== null && dSys >= v.riseFromBaselineSystolic) || (dDia !== null && dDia >= v.riseFromBaselineDiastolic)) {
      out.push(finding('VITALS_BP_RISE_FROM_BASELINE', `BP has risen by ${dSys ?? '?'}/${dDia ?? '?'} mmHg from the pre-dose ${base.systolic ?? '?'}/${base.diastolic ?? '?'}.`, { field: 'systolic', value: `+${dSys ?? '?'}/+${dDia ?? '?'}`, limit: `+${v.riseFromBaselineSystolic}/+${v.riseFromBaselineDiastolic}`, action: 'Recheck more often until falling.' }));
    }
  }
  const series = [...(ctx.previous ?? []), r];
  let run = 0;
  for (let i = series.length - 1; i >= 0; i -= 1) {
    const s = series[i];
    if (s === undefined || !aboveBpLimit(s, v.pauseSystolicAbove, v.pauseDiastolicAbove)) {
      break;
    }
    run += 1;
  }
  if (run >= v.persistentHighReadings) {
    out.push(finding('VITALS_BP_PERSISTENTLY_HIGH', `BP has stayed above ${v.pauseSystolicAbove}/${v.pauseDiastolicAbove} on ${run} readings in a row.`, { field: 'systolic', value: run, limit: v.persistentHighReadings, action: 'Get help promptly from a practitioner experienced in blood-pressure management.' }));
  }
  return out;
}

function otherSigns(r: VitalsReading, ctx: VitalsContext): Finding[] {
  const v = ctx.protocol.vitals;
  const out: Finding[] = [];
  if (r.heartRate !== undefined && r.heartRate > v.heartRateAbove) {
    out.push(finding('VITALS_HR_ABOVE_LIMIT', `Heart rate ${r.heartRate} is above ${v.heartRateAbove}.`, { field: 'heartRate', value: r.heartRate, limit: v.heartRateAbove, action: pauseAction(ctx.route) }));
  }
  if (r.heartRate !== undefined && r.heartRate < v.heartRateBelow) {
    out.push(finding('VITALS_HR_BELOW_LIMIT', `Heart rate ${r.heartRate} is below ${v.heartRateBelow}.`, { field: 'heartRate', value: r.heartRate, limit: v.heartRateBelow, action: pauseAction(ctx.route) }));
  }
  if (r.spo2 !== undefined && r.spo2 < v.spo2Below) {
    out.push(finding('VITALS_SPO2_BELOW_LIMIT', `Oxygen saturation ${r.spo2}% is below ${v.spo2Below}%.`, { field: 'spo2', value: r.spo2, limit: v.spo2Below, action: `${pauseAction(ctx.route)} Check airway and breathing; follow the clinic respiratory-depression procedure.` }));
  }
  if (r.respiratoryRate !== undefined && v.respiratoryRateBelow !== null && r.respiratoryRate < v.respiratoryRateBelow) {
    out.push(finding('VITALS_RR_BELOW_LIMIT', `Respiratory rate ${r.respiratoryRate} is below ${v.respiratoryRateBelow}.`, { field: 'respiratoryRate', value: r.respiratoryRate, limit: v.respiratoryRateBelow, action: `${pauseAction(ctx.route)} Check airway and breathing.` }));
  }
  if (r.respiratoryRate !== undefined && v.respiratoryRateAbove !== null && r.respiratoryRate > v.respiratoryRateAbove) {
    out.push(finding('VITALS_RR_ABOVE_LIMIT', `Respiratory rate ${r.respiratoryRate} is above ${v.respiratoryRateAbove}.`, { field: 'respiratoryRate', value: r.respiratoryRate, limit: v.respiratoryRateAbove }));
  }
  return out;
}

/** Evaluate one in-session reading. Implausible values return only VITALS_READING_INVALID. */
export function evaluateVitals(reading: VitalsReading, ctx: VitalsContext): VitalsEvaluation {
  const bad = invalid(reading);
  const findings = bad.length > 0 ? bad : [...bloodPressure(reading, ctx), ...otherSigns(reading, ctx)];
  return { findings, worst: worstSeverity(findings) };
}
