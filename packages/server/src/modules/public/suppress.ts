/**
 * Small-number suppression for published aggregate figures (the opt-in outcomes section of a clinic's
 * transparency page). No published figure may rest on a cell of fewer than `MIN_CELL` patients: a count
 * under the minimum is withheld, and a rate is withheld when its numerator, its denominator or its
 * complement (denominator − numerator, which a reader could work out) is under the minimum. Withheld
 * figures carry the reason so the page can say why, and never the value. Pure: no I/O.
 */
export const MIN_CELL = 11;

export type WithheldReason = 'invalid' | 'count_below_minimum' | 'denominator_below_minimum' | 'numerator_below_minimum' | 'complement_below_minimum';

export interface Withheld {
  readonly shown: false;
  readonly reason: WithheldReason;
  /** Plain-language explanation for the page. */
  readonly message: string;
}

export type SuppressedCount = { readonly shown: true; readonly count: number } | Withheld;

export type SuppressedRate =
  | { readonly shown: true; readonly numerator: number; readonly denominator: number; readonly rate: number }
  | Withheld;

export interface RateCell {
  readonly numerator: number;
  readonly denominator: number;
}

export interface SuppressOptions {
  /** Smallest cell that may be published (default 11). */
  readonly minCell?: number;
}

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

function withheld(reason: WithheldReason, min: number): Withheld {
  const messages: Record<WithheldReason, string> = {
    invalid: 'Not shown: the figure could not be computed.',
    count_below_minimum: `Not shown: fewer than ${min} patients.`,
    denominator_below_minimum: `Not shown: fewer than ${min} patients in the group.`,
    numerator_below_minimum: `Not shown: fewer than ${min} patients had this result.`,
    complement_below_minimum: `Not shown: fewer than ${min} patients did not have this result, so it could identify them.`,
  };
  return { shown: false, reason, message: messages[reason] };
}

/** A count of patients, or why it is withheld. */
export function suppressCount(count: number, options: SuppressOptions = {}): SuppressedCount {
  const min = options.minCell ?? MIN_CELL;
  if (!isCount(count)) {
    return withheld('invalid', min);
  }
  return count < min ? withheld('count_below_minimum', min) : { shown: true, count };
}

/** A rate (numerator of denominator patients), or why it is withheld. */
export function suppressRate(cell: RateCell, options: SuppressOptions = {}): SuppressedRate {
  const min = options.minCell ?? MIN_CELL;
  const { numerator, denominator } = cell;
  if (!isCount(numerator) || !isCount(denominator) || numerator > denominator) {
    return withheld('invalid', min);
  }
  if (denominator < min) {
    return withheld('denominator_below_minimum', min);
  }
  if (numerator < min) {
    return withheld('numerator_below_minimum', min);
  }
  if (denominator - numerator < min) {
    return withheld('complement_below_minimum', min);
  }
  return { shown: true, numerator, denominator, rate: numerator / denominator };
}

/** Apply suppression to a named set of figures: plain numbers are counts, `{ numerator, denominator }` are rates. */
export function suppressSmallCells<K extends string>(
  cells: Readonly<Record<K, number | RateCell>>,
  options: SuppressOptions = {},
): Record<K, SuppressedCount | SuppressedRate> {
  const out = {} as Record<K, SuppressedCount | SuppressedRate>;
  for (const key of Object.keys(cells) as K[]) {
    const cell = cells[key];
    out[key] = typeof cell === 'number' ? suppressCount(cell, options) : suppressRate(cell, options);
  }
  return out;
}
