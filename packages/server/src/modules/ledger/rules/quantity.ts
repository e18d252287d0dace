/**
 * Exact quantities (pure). Mass is kept in micrograms (mg × 1000), volume in microlitres (mL × 1000),
 * devices and other units as whole counts: integer arithmetic, so balances never drift.
 */

export type ProductForm = 'liquid' | 'unit';
export type Substance = 'ketamine' | 'esketamine' | 'other';

/** What the rules need to know about a product. */
export interface ProductShape {
  readonly form: ProductForm;
  readonly substance: Substance;
  /** Liquid: µg per mL. */
  readonly strengthUgPerMl: number | null;
  /** Liquid: µL per container. */
  readonly containerVolumeUl: number | null;
  /** Unit: µg per device/unit. */
  readonly ugPerUnit: number | null;
  readonly unitsPerContainer: number | null;
  /** Mass of a full container (µg). */
  readonly containerUg: number;
  readonly unitLabel: string | null;
}

/** An exact quantity: mass always; volume for liquids; units for unit products. */
export interface Quantity {
  readonly ug: number;
  readonly ul: number | null;
  readonly units: number | null;
}

/** The integer number of thousandths in a decimal with at most 3 decimals (35.7 → 35700), or null. */
export function toThousandths(value: number): number | null {
  if (!Number.isFinite(value)) {
    return null;
  }
  const exact = value * 1000;
  const scaled = Math.round(exact);
  if (!Number.isSafeInteger(scaled) || Math.abs(exact - scaled) > 1e-6 * Math.max(1, Math.abs(exact))) {
    return null;
  }
  return scaled === 0 ? 0 : scaled;
}

/** Thousandths back to a decimal number for display (35700 → 35.7). */
export function fromThousandths(n: number): number {
  return n / 1000;
}

/** Round half away from zero of a / b for non-negative integers (exact, no floating point). */
function divRound(a: number, b: number): number {
  const q = Math.floor(a / b);
  const r = a - q * b;
  return 2 * r >= b ? q + 1 : q;
}

/** µL holding `ug` micrograms at `strengthUgPerMl` (rounded to the nearest µL = 0.001 mL). */
export function volumeUlForMass(ug: number, strengthUgPerMl: number): number {
  return divRound(ug * 1000, strengthUgPerMl);
}

/** µg in `ul` microlitres at `strengthUgPerMl` (rounded to the nearest µg). */
export function massUgForVolume(ul: number, strengthUgPerMl: number): number {
  return divRound(ul * strengthUgPerMl, 1000);
}

/** Volume shown beside a liquid balance; null for unit products. */
export function volumeOf(product: ProductShape, ug: number): number | null {
  return product.form === 'liquid' && product.strengthUgPerMl !== null ? volumeUlForMass(ug, product.strengthUgPerMl) : null;
}

export interface FullContainer {
  readonly ug: number;
  readonly ul: number | null;
  readonly units: number | null;
}

/** What one sealed container of a product holds. */
export function fullContainer(product: ProductShape): FullContainer {
  return {
    ug: product.containerUg,
    ul: product.form === 'liquid' ? product.containerVolumeUl : null,
    units: product.form === 'unit' ? product.unitsPerContainer : null,
  };
}

/** How a person states an amount: mg, mL, devices, or "everything that is left". */
export interface QuantityInput {
  readonly amountMg?: number | undefined;
  readonly volumeMl?: number | undefined;
  readonly units?: number | undefined;
  readonly all?: boolean | undefined;
}

export interface RuleViolation {
  readonly code: 'VALIDATION_FAILED' | 'RULE_BLOCKED' | 'STATE_TRANSITION_INVALID';
  readonly message: string;
  /** Request field the violation is about (e.g. "amountMg"). */
  readonly field?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly violation: RuleViolation };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: RuleViolation['code'], message: string, field?: string): { ok: false; violation: RuleViolation } => ({
  ok: false,
  violation: field === undefined ? { code, message } : { code, message, field },
});

/** Largest volume difference accepted between a stated volume and the one the dose implies (µL). */
export const VOLUME_MATCH_TOLERANCE_UL = 5;

export function formatMg(ug: number): string {
  return `${String(fromThousandths(ug))} mg`;
}

export function formatMl(ul: number): string {
  return `${String(fromThousandths(ul))} mL`;
}

function unitWord(product: ProductShape, n: number): string {
  const label = product.unitLabel ?? 'unit';
  return `${n} ${label}${n === 1 ? '' : 's'}`;
}

export function describeQuantity(product: ProductShape, q: Pick<Quantity, 'ug' | 'units'>): string {
  if (product.form === 'unit' && q.units !== null) {
    return `${unitWord(product, q.units)} (${formatMg(q.ug)})`;
  }
  const ul = volumeOf(product, q.ug);
  return ul === null ? formatMg(q.ug) : `${formatMg(q.ug)} (${formatMl(ul)})`;
}

/** Turn what was typed into an exact quantity of this product, or say clearly what is wrong. */
export function resolveQuantity(product: ProductShape, balance: Pick<Quantity, 'ug' | 'units'>, input: QuantityInput): Result<Quantity> {
  if (input.all === true) {
    if (balance.ug === 0) {
      return fail('RULE_BLOCKED', 'Nothing is left in this container.');
    }
    return ok({ ug: balance.ug, ul: volumeOf(product, balance.ug), units: product.form === 'unit' ? balance.units : null });
  }
  const mg = input.amountMg === undefined ? undefined : toThousandths(input.amountMg);
  const ml = input.volumeMl === undefined ? undefined : toThousandths(input.volumeMl);
  if (mg === null || (mg !== undefined && mg <= 0)) {
    return fail('VALIDATION_FAILED', 'Enter an amount above 0 mg with at most 3 decimals.', 'amountMg');
  }
  if (ml === null || (ml !== undefined && ml <= 0)) {
    return fail('VALIDATION_FAILED', 'Enter a volume above 0 mL with at most 3 decimals.', 'volumeMl');
  }
  if (product.form === 'liquid') {
    const strength = product.strengthUgPerMl ?? 0;
    if (input.units !== undefined) {
      return fail('VALIDATION_FAILED', 'This product is measured in mg and mL, not in units.', 'units');
    }
    if (mg !== undefined) {
      const implied = volumeUlForMass(mg, strength);
      if (ml !== undefined && Math.abs(ml - implied) > VOLUME_MATCH_TOLERANCE_UL) {
        return fail('VALIDATION_FAILED', `${formatMl(ml)} does not match ${formatMg(mg)} at ${formatMg(strength)}/mL (that would be ${formatMl(implied)}).`, 'volumeMl');
      }
      return ok({ ug: mg, ul: ml ?? implied, units: null });
    }
    if (ml !== undefined) {
      return ok({ ug: massUgForVolume(ml, strength), ul: ml, units: null });
    }
    return fail('VALIDATION_FAILED', 'Enter the amount in mg or the volume in mL.', 'amountMg');
  }
  const per = product.ugPerUnit ?? 1;
  if (ml !== undefined) {
    return fail('VALIDATION_FAILED', `This product is counted in ${product.unitLabel ?? 'unit'}s, not in mL.`, 'volumeMl');
  }
  if (input.units !== undefined) {
    if (!Number.isSafeInteger(input.units) || input.units <= 0) {
      return fail('VALIDATION_FAILED', `Enter a whole number of ${product.unitLabel ?? 'unit'}s.`, 'units');
    }
    const ug = input.units * per;
    if (mg !== undefined && mg !== ug) {
      return fail('VALIDATION_FAILED', `${unitWord(product, input.units)} hold ${formatMg(ug)}, not ${formatMg(mg)}.`, 'amountMg');
    }
    return ok({ ug, ul: null, units: input.units });
  }
  if (mg !== undefined) {
    if (mg % per !== 0) {
      return fail('VALIDATION_FAILED', `${formatMg(mg)} is not a whole number of ${product.unitLabel ?? 'unit'}s of ${formatMg(per)}.`, 'amountMg');
    }
    return ok({ ug: mg, ul: null, units: mg / per });
  }
  return fail('VALIDATION_FAILED', `Enter the number of ${product.unitLabel ?? 'unit'}s.`, 'units');
}
