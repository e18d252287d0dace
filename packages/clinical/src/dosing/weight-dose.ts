/** Shared mg/kg logic for IV and IM: weight basis, hard maximum, cap, measurable volume. */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { dosingWeight, type DosingWeight } from './body-weight.js';
import { measurableVolume, positiveInputs, r2 } from './types.js';

export interface WeightDoseInput {
  readonly weightKg: number;
  readonly heightCm?: number;
  readonly sex?: 'female' | 'male';
  readonly mgPerKg: number;
  readonly stockConcentrationMgPerMl: number;
}

export interface WeightDoseCore {
  readonly weight: DosingWeight;
  readonly mgPerKg: number;
  /** mg/kg × weight, before any cap. */
  readonly calculatedMg: number;
  /** After the cap, before rounding. */
  readonly prescribedMg: number;
  readonly drawnVolumeMl: number;
  readonly deliveredMg: number;
  readonly working: string[];
}

export interface WeightDoseLimits {
  readonly hardMaxMgPerKg: number | null;
  readonly capTotalMg: number | null;
}

/** Core mg/kg calculation; returns blocking findings instead of a dose when it cannot proceed. */
export function weightBasedDose(input: WeightDoseInput, limits: WeightDoseLimits, protocol: ProtocolSettings): { core: WeightDoseCore | null; findings: Finding[] } {
  const findings: Finding[] = positiveInputs({ weightKg: input.weightKg, mgPerKg: input.mgPerKg, stockConcentrationMgPerMl: input.stockConcentrationMgPerMl, heightCm: input.heightCm });
  if (findings.length > 0) {
    return { core: null, findings };
  }
  const weight = dosingWeight(input, protocol);
  if (weight === null) {
    return { core: null, findings: [finding('WEIGHT_BASIS_UNAVAILABLE', `The protocol doses on ${protocol.dosing.weightBasis} body weight, which needs height and sex.`, { field: 'heightCm', value: protocol.dosing.weightBasis, action: 'Record height and sex, or dose on actual weight by protocol.' })] };
  }
  if (weight.basis !== 'actual') {
    findings.push(finding('WEIGHT_BASIS_APPLIED', `Dose based on ${weight.explanation}.`, { field: 'weightKg', value: r2(weight.kg) }));
  }
  if (limits.hardMaxMgPerKg !== null && input.mgPerKg > limits.hardMaxMgPerKg) {
    findings.push(finding('DOSE_ABOVE_HARD_MAXIMUM', `${input.mgPerKg} mg/kg is above the protocol maximum of ${limits.hardMaxMgPerKg} mg/kg.`, { field: 'mgPerKg', value: input.mgPerKg, limit: limits.hardMaxMgPerKg, action: 'Do not give. Re-prescribe within the protocol maximum.' }));
    return { core: null, findings };
  }
  const working: string[] = [`Weight basis: ${weight.explanation}`, `Dose: ${input.mgPerKg} mg/kg × ${r2(weight.kg)} kg = ${r2(input.mgPerKg * weight.kg)} mg`];
  const calculatedMg = input.mgPerKg * weight.kg;
  let prescribedMg = calculatedMg;
  if (limits.capTotalMg !== null && calculatedMg > limits.capTotalMg) {
    prescribedMg = limits.capTotalMg;
    findings.push(finding('DOSE_CAPPED', `Calculated ${r2(calculatedMg)} mg reduced to the protocol cap of ${limits.capTotalMg} mg.`, { field: 'mgPerKg', value: r2(calculatedMg), limit: limits.capTotalMg }));
    working.push(`Capped at ${limits.capTotalMg} mg (protocol cap)`);
  }
  // Nearest measurable step, except never above the cap or the hard maximum.
  const maxMg = Math.min(limits.capTotalMg ?? Infinity, limits.hardMaxMgPerKg === null ? Infinity : limits.hardMaxMgPerKg * weight.kg);
  const step = protocol.dosing.volumeRoundingMl;
  const vol = measurableVolume(prescribedMg, input.stockConcentrationMgPerMl, step, maxMg);
  if (vol === null) {
    findings.push(finding('DOSE_INPUT_INVALID', `${r2(prescribedMg)} mg is less than one ${step} mL step at ${input.stockConcentrationMgPerMl} mg/mL — use a weaker stock.`, { field: 'stockConcentrationMgPerMl', value: input.stockConcentrationMgPerMl }));
    return { core: null, findings };
  }
  working.push(`Volume: ${r2(prescribedMg)} mg ÷ ${input.stockConcentrationMgPerMl} mg/mL = ${r2(prescribedMg / input.stockConcentrationMgPerMl)} mL → draw ${vol.volumeMl} mL (${step} mL steps) = ${vol.deliveredMg} mg`);
  if (Math.abs(vol.deliveredMg - r2(prescribedMg)) >= 0.005) {
    findings.push(finding('DOSE_ROUNDED', `Drawn volume rounded to ${vol.volumeMl} mL: ${vol.deliveredMg} mg instead of ${r2(prescribedMg)} mg.`, { field: 'stockConcentrationMgPerMl', value: vol.deliveredMg, limit: r2(prescribedMg) }));
  }
  return { core: { weight, mgPerKg: input.mgPerKg, calculatedMg, prescribedMg, drawnVolumeMl: vol.volumeMl, deliveredMg: vol.deliveredMg, working }, findings };
}
