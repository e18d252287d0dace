/** IM racemic ketamine: mg/kg → mg → drawn volume. */
import { finding } from '../findings/make.js';
import type { ProtocolSettings, WeightBasis } from '../protocol/types.js';
import { r2, type DoseResult } from './types.js';
import { weightBasedDose } from './weight-dose.js';

export interface ImDoseInput {
  readonly weightKg: number;
  readonly heightCm?: number;
  readonly sex?: 'female' | 'male';
  /** Defaults to `im.defaultMgPerKg`. */
  readonly mgPerKg?: number;
  readonly stockConcentrationMgPerMl: number;
}

export interface ImDose {
  readonly route: 'im';
  readonly mgPerKg: number;
  readonly weightBasis: WeightBasis;
  readonly dosingWeightKg: number;
  readonly calculatedMg: number;
  readonly doseMg: number;
  readonly stockConcentrationMgPerMl: number;
  readonly drawnVolumeMl: number;
  readonly working: readonly string[];
}

/** Calculate an IM ketamine injection. */
export function calculateImDose(input: ImDoseInput, ctx: { readonly protocol: ProtocolSettings }): DoseResult<ImDose> {
  const p = ctx.protocol;
  const mgPerKg = input.mgPerKg ?? p.im.defaultMgPerKg;
  const { core, findings } = weightBasedDose({ ...input, mgPerKg }, { hardMaxMgPerKg: p.im.hardMaxMgPerKg, capTotalMg: p.im.capTotalMg }, p);
  if (core === null) {
    return { ok: false, findings };
  }
  if (mgPerKg > p.im.softAlertAboveMgPerKg) {
    findings.push(finding('IM_DOSE_ABOVE_STUDIED', `${mgPerKg} mg/kg IM is above ${p.im.softAlertAboveMgPerKg} mg/kg, the highest studied IM dose.`, { field: 'mgPerKg', value: mgPerKg, limit: p.im.softAlertAboveMgPerKg }));
  }
  return {
    ok: true,
    findings,
    dose: {
      route: 'im',
      mgPerKg,
      weightBasis: core.weight.basis,
      dosingWeightKg: r2(core.weight.kg),
      calculatedMg: r2(core.calculatedMg),
      doseMg: core.deliveredMg,
      stockConcentrationMgPerMl: input.stockConcentrationMgPerMl,
      drawnVolumeMl: core.drawnVolumeMl,
      working: core.working,
    },
  };
}
