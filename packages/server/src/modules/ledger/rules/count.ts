/**
 * Stock counts (pure): every container in stock must be counted once; counted is compared with the
 * ledger balance, and any difference is a discrepancy that an administrator must explain.
 * Liquids are counted by volume (mL; an estimate is allowed for an opened container), units by number.
 */
import { fail, massUgForVolume, ok, toThousandths, volumeUlForMass, type ProductShape, type Result } from './quantity';
import type { ContainerStatus } from './movement';

export interface CountLineInput {
  readonly containerId: string;
  readonly countedMl?: number | undefined;
  readonly countedUnits?: number | undefined;
  readonly estimated?: boolean | undefined;
}

export interface CountableContainer {
  readonly id: string;
  readonly containerNo: number;
  readonly status: ContainerStatus;
  readonly balanceUg: number;
  readonly balanceUnits: number | null;
  readonly product: ProductShape;
}

export interface CountLineResult {
  readonly containerId: string;
  readonly expectedUg: number;
  readonly expectedUl: number | null;
  readonly expectedUnits: number | null;
  readonly countedUg: number;
  readonly countedUl: number | null;
  readonly countedUnits: number | null;
  readonly differenceUg: number;
  readonly discrepancy: boolean;
  readonly estimated: boolean;
}

export interface CountEvaluation {
  readonly lines: readonly CountLineResult[];
  readonly discrepancies: number;
}

/** Compare one counted quantity with the balance. */
export function compareLine(c: CountableContainer, input: CountLineInput, index: number): Result<CountLineResult> {
  const field = `lines.${index}`;
  const p = c.product;
  if (p.form === 'liquid') {
    const strength = p.strengthUgPerMl ?? 1;
    const ul = input.countedMl === undefined ? null : toThousandths(input.countedMl);
    if (ul === null || ul < 0 || input.countedUnits !== undefined) {
      return fail('VALIDATION_FAILED', `Container #${c.containerNo}: enter the volume left in mL (at most 3 decimals).`, `${field}.countedMl`);
    }
    const expectedUl = volumeUlForMass(c.balanceUg, strength);
    const discrepancy = ul !== expectedUl;
    const countedUg = discrepancy ? massUgForVolume(ul, strength) : c.balanceUg;
    return ok({
      containerId: c.id,
      expectedUg: c.balanceUg,
      expectedUl,
      expectedUnits: null,
      countedUg,
      countedUl: ul,
      countedUnits: null,
      differenceUg: countedUg - c.balanceUg,
      discrepancy,
      estimated: input.estimated === true,
    });
  }
  const units = input.countedUnits;
  if (units === undefined || !Number.isSafeInteger(units) || units < 0 || input.countedMl !== undefined) {
    return fail('VALIDATION_FAILED', `Container #${c.containerNo}: enter the number of ${p.unitLabel ?? 'unit'}s left (a whole number).`, `${field}.countedUnits`);
  }
  const per = p.ugPerUnit ?? 0;
  const expectedUnits = c.balanceUnits ?? 0;
  return ok({
    containerId: c.id,
    expectedUg: c.balanceUg,
    expectedUl: null,
    expectedUnits,
    countedUg: units * per,
    countedUl: null,
    countedUnits: units,
    differenceUg: units * per - c.balanceUg,
    discrepancy: units !== expectedUnits,
    estimated: false,
  });
}

/**
 * Check that the lines cover exactly the containers that must be counted (all in stock; empty ones may
 * be included) and compare each.
 */
export function evaluateCount(containers: readonly CountableContainer[], lines: readonly CountLineInput[]): Result<CountEvaluation> {
  const byId = new Map(containers.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const results: CountLineResult[] = [];
  for (const [i, line] of lines.entries()) {
    const c = byId.get(line.containerId);
    if (c === undefined || (c.status !== 'in_stock' && c.status !== 'empty')) {
      return fail('VALIDATION_FAILED', 'This container is not in stock here, so it cannot be counted.', `lines.${i}.containerId`);
    }
    if (seen.has(c.id)) {
      return fail('VALIDATION_FAILED', `Container #${c.containerNo} is listed twice.`, `lines.${i}.containerId`);
    }
    seen.add(c.id);
    const r = compareLine(c, line, i);
    if (!r.ok) {
      return r;
    }
    results.push(r.value);
  }
  const missing = containers.filter((c) => c.status === 'in_stock' && !seen.has(c.id)).map((c) => `#${c.containerNo}`);
  if (missing.length > 0) {
    return fail('VALIDATION_FAILED', `Count every container in stock; missing: ${missing.join(', ')}.`, 'lines');
  }
  return ok({ lines: results, discrepancies: results.filter((r) => r.discrepancy).length });
}
