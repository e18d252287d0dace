/** IV racemic ketamine: mg/kg → mg → drawn volume → diluent → pump rate, with soft/override/hard limits. */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import type { ProtocolSettings, WeightBasis } from '../protocol/types.js';
import { positiveInputs, r2, roundToStep, type DoseResult } from './types.js';
import { weightBasedDose } from './weight-dose.js';

export interface IvDoseInput {
  readonly weightKg: number;
  readonly heightCm?: number;
  readonly sex?: 'female' | 'male';
  /** Defaults to `iv.defaultMgPerKg`. */
  readonly mgPerKg?: number;
  /** Defaults to `iv.infusionMinutes`. */
  readonly durationMinutes?: number;
  readonly stockConcentrationMgPerMl: number;
  /** Total infusion volume (bag/syringe); defaults to `iv.defaultTotalVolumeMl`; none = undiluted. */
  readonly totalVolumeMl?: number;
}

export interface IvDose {
  readonly route: 'iv';
  readonly mgPerKg: number;
  readonly weightBasis: WeightBasis;
  readonly dosingWeightKg: number;
  readonly calculatedMg: number;
  readonly doseMg: number;
  readonly stockConcentrationMgPerMl: number;
  readonly drawnVolumeMl: number;
  readonly diluentMl: number;
  readonly totalVolumeMl: number;
  readonly durationMinutes: number;
  readonly pumpRateMlPerHour: number;
  readonly working: readonly string[];
}

function mgPerKgAlerts(mgPerKg: number, p: ProtocolSettings): Finding[] {
  const iv = p.iv;
  if (mgPerKg > iv.overrideAboveMgPerKg) {
    return [finding('IV_DOSE_ABOVE_RCT_RANGE', `${mgPerKg} mg/kg is above ${iv.overrideAboveMgPerKg} mg/kg, the highest dose in controlled trials.`, { field: 'mgPerKg', value: mgPerKg, limit: iv.overrideAboveMgPerKg, action: 'Prescriber must document the reason before this dose is given.' })];
  }
  if (mgPerKg > iv.softAlertAboveMgPerKg) {
    return [finding('IV_DOSE_ABOVE_COMMON_EVIDENCE', `${mgPerKg} mg/kg is above ${iv.softAlertAboveMgPerKg} mg/kg, outside the commonly evidenced range.`, { field: 'mgPerKg', value: mgPerKg, limit: iv.softAlertAboveMgPerKg })];
  }
  if (mgPerKg < iv.lowestStudiedMgPerKg) {
    return [finding('IV_DOSE_BELOW_STUDIED', `${mgPerKg} mg/kg is below ${iv.lowestStudiedMgPerKg} mg/kg, the lowest studied dose.`, { field: 'mgPerKg', value: mgPerKg, limit: iv.lowestStudiedMgPerKg })];
  }
  return [];
}

/** Calculate an IV ketamine infusion. Never throws; problems come back as findings. */
export function calculateIvDose(input: IvDoseInput, ctx: { readonly protocol: ProtocolSettings }): DoseResult<IvDose> {
  const p = ctx.protocol;
  const mgPerKg = input.mgPerKg ?? p.iv.defaultMgPerKg;
  const durationMinutes = input.durationMinutes ?? p.iv.infusionMinutes;
  const total = input.totalVolumeMl ?? p.iv.defaultTotalVolumeMl;
  const invalid = positiveInputs({ durationMinutes, totalVolumeMl: total ?? undefined });
  if (invalid.length > 0) {
    return { ok: false, findings: invalid };
  }
  const { core, findings } = weightBasedDose({ ...input, mgPerKg }, { hardMaxMgPerKg: p.iv.hardMaxMgPerKg, capTotalMg: p.iv.capTotalMg }, p);
  if (core === null) {
    return { ok: false, findings };
  }
  findings.push(...mgPerKgAlerts(mgPerKg, p));
  if (durationMinutes < p.iv.minInfusionMinutes || durationMinutes > p.iv.maxInfusionMinutes) {
    findings.push(finding('IV_DURATION_OUTSIDE_REPORTED', `${durationMinutes} min is outside the reported-safe ${p.iv.minInfusionMinutes}–${p.iv.maxInfusionMinutes} min.`, { field: 'durationMinutes', value: durationMinutes, limit: `${p.iv.minInfusionMinutes}–${p.iv.maxInfusionMinutes}` }));
  }
  const totalVolumeMl = total ?? core.drawnVolumeMl;
  const diluentMl = r2(totalVolumeMl - core.drawnVolumeMl);
  if (diluentMl < 0) {
    findings.push(finding('IV_VOLUME_EXCEEDS_TOTAL', `Ketamine volume ${core.drawnVolumeMl} mL is more than the ${totalVolumeMl} mL total.`, { field: 'totalVolumeMl', value: totalVolumeMl, limit: core.drawnVolumeMl, action: 'Use a larger total volume or a stronger stock.' }));
    return { ok: false, findings };
  }
  const pumpRateMlPerHour = roundToStep(totalVolumeMl / (durationMinutes / 60), p.iv.pumpRateRoundingMlPerHour);
  const working = [
    ...core.working,
    total === null ? 'No diluent: infuse the drawn volume directly (syringe driver)' : `Diluent: ${totalVolumeMl} mL total − ${core.drawnVolumeMl} mL ketamine = ${diluentMl} mL`,
    `Pump rate: ${totalVolumeMl} mL over ${durationMinutes} min = ${pumpRateMlPerHour} mL/h`,
  ];
  return {
    ok: true,
    findings,
    dose: {
      route: 'iv',
      mgPerKg,
      weightBasis: core.weight.basis,
      dosingWeightKg: r2(core.weight.kg),
      calculatedMg: r2(core.calculatedMg),
      doseMg: core.deliveredMg,
      stockConcentrationMgPerMl: input.stockConcentrationMgPerMl,
      drawnVolumeMl: core.drawnVolumeMl,
      diluentMl,
      totalVolumeMl,
      durationMinutes,
      pumpRateMlPerHour,
      working,
    },
  };
}
