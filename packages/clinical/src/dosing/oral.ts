/** Oral and sublingual racemic ketamine: fixed mg doses, optional liquid volume. */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { measurableVolume, positiveInputs, r2, type DoseResult } from './types.js';

export interface OralDoseInput {
  readonly route: 'oral' | 'sublingual';
  /** Defaults to `oral.startMg` / `sublingual.defaultMg`. */
  readonly doseMg?: number;
  /** Used for the mg/kg check (oral). */
  readonly weightKg?: number;
  /** For liquid preparations: gives a measured volume. */
  readonly stockConcentrationMgPerMl?: number;
}

export interface OralDose {
  readonly route: 'oral' | 'sublingual';
  readonly doseMg: number;
  readonly mgPerKg: number | null;
  readonly volumeMl: number | null;
  readonly working: readonly string[];
}

function limitFindings(input: OralDoseInput, doseMg: number, p: ProtocolSettings): Finding[] {
  const out: Finding[] = [];
  if (input.route === 'oral') {
    const o = p.oral;
    if (doseMg < o.reportedMinMg || doseMg > o.reportedMaxMg) {
      out.push(finding('ORAL_DOSE_OUTSIDE_REPORTED', `${doseMg} mg is outside the reported oral range ${o.reportedMinMg}–${o.reportedMaxMg} mg.`, { field: 'doseMg', value: doseMg, limit: `${o.reportedMinMg}–${o.reportedMaxMg}` }));
    }
    if (input.weightKg !== undefined && doseMg / input.weightKg > o.reportedMaxMgPerKg) {
      out.push(finding('ORAL_DOSE_OUTSIDE_REPORTED', `${r2(doseMg / input.weightKg)} mg/kg is above the highest reported oral ${o.reportedMaxMgPerKg} mg/kg.`, { field: 'doseMg', value: r2(doseMg / input.weightKg), limit: o.reportedMaxMgPerKg }));
    }
  } else if (p.sublingual.softAlertAboveMg !== null && doseMg > p.sublingual.softAlertAboveMg) {
    out.push(finding('SUBLINGUAL_DOSE_ABOVE_ALERT', `${doseMg} mg is above the clinic's sublingual alert level of ${p.sublingual.softAlertAboveMg} mg.`, { field: 'doseMg', value: doseMg, limit: p.sublingual.softAlertAboveMg }));
  }
  return out;
}

/** Check an oral or sublingual dose and, for liquids, the volume to measure. */
export function calculateOralDose(input: OralDoseInput, ctx: { readonly protocol: ProtocolSettings }): DoseResult<OralDose> {
  const p = ctx.protocol;
  const doseMg = input.doseMg ?? (input.route === 'oral' ? p.oral.startMg : p.sublingual.defaultMg);
  const invalid = positiveInputs({ doseMg, weightKg: input.weightKg, stockConcentrationMgPerMl: input.stockConcentrationMgPerMl });
  if (invalid.length > 0) {
    return { ok: false, findings: invalid };
  }
  const hardMax = input.route === 'oral' ? p.oral.hardMaxMg : p.sublingual.hardMaxMg;
  if (hardMax !== null && doseMg > hardMax) {
    return { ok: false, findings: [finding('DOSE_ABOVE_HARD_MAXIMUM', `${doseMg} mg is above the protocol maximum of ${hardMax} mg.`, { field: 'doseMg', value: doseMg, limit: hardMax, action: 'Do not give. Re-prescribe within the protocol maximum.' })] };
  }
  const findings = limitFindings(input, doseMg, p);
  const working: string[] = [`Dose: ${doseMg} mg ${input.route}`];
  const mgPerKg = input.weightKg === undefined ? null : r2(doseMg / input.weightKg);
  if (mgPerKg !== null) {
    working.push(`Equivalent: ${doseMg} mg ÷ ${input.weightKg} kg = ${mgPerKg} mg/kg`);
  }
  let volumeMl: number | null = null;
  if (input.stockConcentrationMgPerMl !== undefined) {
    const step = p.dosing.volumeRoundingMl;
    const vol = measurableVolume(doseMg, input.stockConcentrationMgPerMl, step, hardMax ?? Infinity);
    if (vol === null) {
      return { ok: false, findings: [...findings, finding('DOSE_INPUT_INVALID', `${doseMg} mg is less than one ${step} mL step at this concentration.`, { field: 'stockConcentrationMgPerMl', value: input.stockConcentrationMgPerMl })] };
    }
    volumeMl = vol.volumeMl;
    working.push(`Volume: ${doseMg} mg ÷ ${input.stockConcentrationMgPerMl} mg/mL → measure ${vol.volumeMl} mL = ${vol.deliveredMg} mg`);
    if (Math.abs(vol.deliveredMg - doseMg) >= 0.005) {
      findings.push(finding('DOSE_ROUNDED', `Volume rounded to ${vol.volumeMl} mL: ${vol.deliveredMg} mg instead of ${doseMg} mg.`, { field: 'stockConcentrationMgPerMl', value: vol.deliveredMg, limit: doseMg }));
    }
  }
  return { ok: true, findings, dose: { route: input.route, doseMg, mgPerKg, volumeMl, working } };
}
