/** Shared dosing result shapes and numeric helpers. */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';

export type DoseResult<T> =
  | { readonly ok: true; readonly dose: T; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly findings: readonly Finding[] };

function decimals(step: number): number {
  const s = String(step);
  const i = s.indexOf('.');
  return i === -1 ? 0 : s.length - i - 1;
}

/** Round `x` to the nearest multiple of `step` (floating error removed). */
export function roundToStep(x: number, step: number): number {
  return Number((Math.round(x / step) * step).toFixed(decimals(step)));
}

/** Round `x` down to a multiple of `step`. */
export function floorToStep(x: number, step: number): number {
  return Number((Math.floor(x / step + 1e-9) * step).toFixed(decimals(step)));
}

/** Round for display (2 decimals, trailing zeros dropped). */
export function r2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Findings for any non-positive or non-finite inputs. */
export function positiveInputs(values: Readonly<Record<string, number | undefined>>): Finding[] {
  const out: Finding[] = [];
  for (const [field, v] of Object.entries(values)) {
    if (v !== undefined && (!Number.isFinite(v) || v <= 0)) {
      out.push(finding('DOSE_INPUT_INVALID', `${field} must be a positive number.`, { field, value: Number.isFinite(v) ? v : String(v) }));
    }
  }
  return out;
}

/**
 * Volume to draw for `mg` at `concentration`, rounded to `step`; rounded down when nearest-rounding would
 * exceed `maxMg`. Returns `null` when the dose is too small to measure at this step.
 */
export function measurableVolume(mg: number, concentration: number, step: number, maxMg: number): { volumeMl: number; deliveredMg: number } | null {
  let volumeMl = roundToStep(mg / concentration, step);
  if (volumeMl * concentration > maxMg + 1e-9) {
    volumeMl = floorToStep(mg / concentration, step);
  }
  if (volumeMl <= 0) {
    return null;
  }
  return { volumeMl, deliveredMg: r2(volumeMl * concentration) };
}
