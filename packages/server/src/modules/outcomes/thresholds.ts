/**
 * Lookup tables that let the database apply the clinical core's outcome rules without re-implementing them:
 * for every possible baseline, the highest score the core classifies as a response (or as a response or
 * remission). Both rules are "lower is better", so a score counts exactly when it is at or below the entry.
 */
import { classifyOutcome, INSTRUMENTS, type InstrumentId, type ProtocolSettings } from '@ketapath/clinical';

export interface ScoreThresholds {
  readonly maxScore: number;
  /** Index = baseline: highest score classified as a response, or −1. */
  readonly response: readonly number[];
  /** Index = baseline: highest score classified as a response or a remission, or −1. */
  readonly responseOrRemission: readonly number[];
}

export function scoreThresholds(instrumentId: InstrumentId, protocol: ProtocolSettings): ScoreThresholds {
  const maxScore = INSTRUMENTS[instrumentId].scoreRange?.max ?? 0;
  const response: number[] = [];
  const either: number[] = [];
  for (let baseline = 0; baseline <= maxScore; baseline++) {
    let r = -1;
    let e = -1;
    for (let score = 0; score <= maxScore; score++) {
      const c = classifyOutcome(instrumentId, baseline, score, protocol);
      if (c.response && r === score - 1) {
        r = score;
      }
      if ((c.response || c.remission === true) && e === score - 1) {
        e = score;
      }
    }
    response.push(r);
    either.push(e);
  }
  return { maxScore, response, responseOrRemission: either };
}

/** A PostgreSQL array literal for a threshold table (1-based in SQL: `t[baseline + 1]`). */
export const pgIntArray = (values: readonly number[]): string => `{${values.join(',')}}`;
