/**
 * Body-weight formulas. BMI is a definition; Devine ideal body weight and the 0.4 adjusted-weight factor are
 * general knowledge NOT in the reference (SOURCES.body_weight_formulas) — the weight-basis setting is unconfirmed.
 */
import type { ProtocolSettings, WeightBasis } from '../protocol/types.js';

const CM_PER_INCH = 2.54;

/** Body-mass index, kg/m². */
export function bmi(weightKg: number, heightCm: number): number {
  const m = heightCm / 100;
  return weightKg / (m * m);
}

/** Devine ideal body weight, kg: 50 (male) / 45.5 (female) + 2.3 kg per inch over 5 feet. */
export function idealBodyWeightKg(heightCm: number, sex: 'female' | 'male'): number {
  const inchesOver5ft = heightCm / CM_PER_INCH - 60;
  return (sex === 'male' ? 50 : 45.5) + 2.3 * inchesOver5ft;
}

/** Adjusted body weight, kg: IBW + factor × (actual − IBW). */
export function adjustedBodyWeightKg(actualKg: number, idealKg: number, factor: number): number {
  return idealKg + factor * (actualKg - idealKg);
}

export interface DosingWeight {
  readonly basis: WeightBasis;
  readonly kg: number;
  readonly bmi: number | null;
  /** Human-readable explanation. */
  readonly explanation: string;
}

export interface WeightInput {
  readonly weightKg: number;
  readonly heightCm?: number;
  readonly sex?: 'female' | 'male';
}

/**
 * Weight used for mg/kg dosing. Actual weight unless the protocol selects ideal/adjusted AND BMI is above the
 * protocol threshold. Returns `null` when ideal/adjusted would apply but height or sex is missing.
 */
export function dosingWeight(input: WeightInput, protocol: ProtocolSettings): DosingWeight | null {
  const { weightKg, heightCm, sex } = input;
  const basis = protocol.dosing.weightBasis;
  const b = heightCm === undefined ? null : bmi(weightKg, heightCm);
  if (basis === 'actual') {
    return { basis: 'actual', kg: weightKg, bmi: b, explanation: `actual body weight ${round1(weightKg)} kg` };
  }
  if (b === null || heightCm === undefined || sex === undefined) {
    return null;
  }
  const threshold = protocol.dosing.alternativeWeightBasisAboveBmi;
  if (b <= threshold) {
    return { basis: 'actual', kg: weightKg, bmi: b, explanation: `actual body weight ${round1(weightKg)} kg (BMI ${round1(b)} ≤ ${threshold})` };
  }
  const ibw = idealBodyWeightKg(heightCm, sex);
  if (basis === 'ideal') {
    return { basis, kg: Math.min(ibw, weightKg), bmi: b, explanation: `ideal body weight ${round1(ibw)} kg (Devine; BMI ${round1(b)} > ${threshold})` };
  }
  const factor = protocol.dosing.adjustedWeightFactor;
  const abw = adjustedBodyWeightKg(weightKg, ibw, factor);
  return { basis, kg: Math.min(abw, weightKg), bmi: b, explanation: `adjusted body weight ${round1(abw)} kg (IBW ${round1(ibw)} + ${factor} × excess; BMI ${round1(b)} > ${threshold})` };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
