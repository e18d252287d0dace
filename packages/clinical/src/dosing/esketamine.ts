/** Intranasal esketamine: dose → devices → device timeline; start-dose and phase checks; device-spacing check. */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { toEpochMs, type Instant } from '../time/instant.js';
import type { DoseResult } from './types.js';

export type EsketamineIndication = 'trd' | 'mdsi';

export interface EsketamineDoseInput {
  readonly doseMg: number;
  readonly indication: EsketamineIndication;
  /** 1-based session number in the course (1 = first ever dose). */
  readonly sessionNumber: number;
  readonly patientAgeYears: number;
}

export interface DeviceStep {
  readonly device: number;
  readonly mg: number;
  readonly sprays: number;
  /** Earliest start, minutes after the first device. */
  readonly earliestStartOffsetMinutes: number;
}

export interface EsketamineDose {
  readonly route: 'esketamine_nasal';
  readonly doseMg: number;
  readonly devices: number;
  readonly timeline: readonly DeviceStep[];
  readonly working: readonly string[];
}

/** Labelled day-1 dose for the patient's age (28 mg at ≥65 when the protocol enables it). */
export function esketamineStartDose(patientAgeYears: number, protocol: ProtocolSettings): number {
  const e = protocol.esketamine;
  return patientAgeYears >= e.olderAdultAgeAtOrAbove && e.olderAdultStartDoseMg !== null ? e.olderAdultStartDoseMg : e.startDoseMg;
}

function phaseFindings(input: EsketamineDoseInput, p: ProtocolSettings): Finding[] {
  const e = p.esketamine;
  if (input.indication === 'mdsi') {
    if (input.doseMg !== e.mdsiDoseMg && input.doseMg !== e.mdsiReducedDoseMg) {
      return [finding('ESK_DOSE_OUTSIDE_PHASE_OPTIONS', `For acute suicidal ideation the label dose is ${e.mdsiDoseMg} mg (or ${e.mdsiReducedDoseMg} mg for tolerability).`, { field: 'doseMg', value: input.doseMg, limit: `${e.mdsiReducedDoseMg}/${e.mdsiDoseMg}` })];
    }
    return [];
  }
  const start = esketamineStartDose(input.patientAgeYears, p);
  if (input.sessionNumber === 1) {
    return input.doseMg > start
      ? [finding('ESK_FIRST_DOSE_ABOVE_START', `First dose ${input.doseMg} mg is above the labelled day-1 dose of ${start} mg.`, { field: 'doseMg', value: input.doseMg, limit: start, action: 'Start at the labelled dose, or document the reason.' })]
      : [];
  }
  const older = input.patientAgeYears >= e.olderAdultAgeAtOrAbove && e.olderAdultStartDoseMg !== null;
  if (!older && input.doseMg < e.startDoseMg) {
    return [finding('ESK_DOSE_OUTSIDE_PHASE_OPTIONS', `After day 1 the adult label dose is ${e.startDoseMg} mg or more (${input.doseMg} mg planned).`, { field: 'doseMg', value: input.doseMg, limit: e.startDoseMg })];
  }
  return [];
}

/** Plan an esketamine dose as devices with a timeline (each device ≥ the protocol spacing after the previous). */
export function planEsketamineDose(input: EsketamineDoseInput, ctx: { readonly protocol: ProtocolSettings }): DoseResult<EsketamineDose> {
  const e = ctx.protocol.esketamine;
  if (!e.allowedDosesMg.includes(input.doseMg)) {
    return { ok: false, findings: [finding('ESK_DOSE_NOT_ALLOWED', `${input.doseMg} mg is not an allowed dose (${e.allowedDosesMg.join(', ')} mg).`, { field: 'doseMg', value: input.doseMg, limit: e.allowedDosesMg.join('/') })] };
  }
  const devices = input.doseMg / e.mgPerDevice;
  const timeline: DeviceStep[] = Array.from({ length: devices }, (_, i) => ({ device: i + 1, mg: e.mgPerDevice, sprays: 2, earliestStartOffsetMinutes: i * e.deviceSpacingMinutes }));
  const working = [
    `Dose: ${input.doseMg} mg ÷ ${e.mgPerDevice} mg per device = ${devices} device${devices === 1 ? '' : 's'} (2 sprays each, one per nostril)`,
    ...timeline.map((d) => `Device ${d.device}: ${d.earliestStartOffsetMinutes === 0 ? 'start' : `not before +${d.earliestStartOffsetMinutes} min`}`),
  ];
  return { ok: true, findings: phaseFindings(input, ctx.protocol), dose: { route: 'esketamine_nasal', doseMg: input.doseMg, devices, timeline, working } };
}

/** Check recorded device times: each device at least the protocol spacing after the previous one. */
export function checkDeviceTimes(devicesGivenAt: readonly Instant[], protocol: ProtocolSettings): Finding[] {
  const gap = protocol.esketamine.deviceSpacingMinutes;
  const out: Finding[] = [];
  for (let i = 1; i < devicesGivenAt.length; i += 1) {
    const a = toEpochMs(devicesGivenAt[i - 1] ?? Number.NaN);
    const b = toEpochMs(devicesGivenAt[i] ?? Number.NaN);
    if (a === null || b === null) {
      out.push(finding('DOSE_INPUT_INVALID', `Device ${i + 1} time is not a valid timestamp.`, { field: `devicesGivenAt.${i}` }));
      continue;
    }
    const minutes = (b - a) / 60_000;
    if (minutes < gap) {
      out.push(finding('ESK_DEVICE_SPACING_SHORT', `Device ${i + 1} was given ${Math.round(minutes * 10) / 10} min after device ${i}; wait at least ${gap} min.`, { field: `devicesGivenAt.${i}`, value: Math.round(minutes * 10) / 10, limit: gap }));
    }
  }
  return out;
}
