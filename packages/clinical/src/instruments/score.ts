/** `scoreInstrument`: validate answers, compute total/band/domains/risk level, raise flags and follow-up. */
import type { ValidationIssue } from '../findings/types.js';
import { DEFAULT_PROTOCOL } from '../protocol/defaults.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { CADSS6_ITEMS } from './clinician.js';
import { cssrsRiskLevel, instrumentFlags } from './flags.js';
import { isInstrumentId } from './ids.js';
import { QIDS_DOMAINS } from './qids.js';
import { INSTRUMENTS } from './registry.js';
import type { Band, CssrsRiskLevel, InstrumentDefinition, InstrumentResult } from './types.js';
import { validateAnswers } from './validate.js';

export interface ScoreOptions {
  /** Clinic protocol (PADSS adaptation, CADSS limit). Defaults to `DEFAULT_PROTOCOL`. */
  readonly protocol?: ProtocolSettings;
  /** Pre-dose total for change-based flags (CADSS "change > 0"). */
  readonly baselineTotal?: number;
}

export type ScoreOutcome =
  | { readonly ok: true; readonly result: InstrumentResult }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/** Band containing `total`, or `null`. */
export function bandFor(def: InstrumentDefinition, total: number): Band | null {
  return def.bands.find((b) => total >= b.min && total <= b.max) ?? null;
}

function sumOf(ids: Iterable<string>, scores: Readonly<Record<string, number>>): number {
  let t = 0;
  for (const id of ids) {
    t += scores[id] ?? 0;
  }
  return t;
}

function domainScores(def: InstrumentDefinition, scores: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const domain of QIDS_DOMAINS) {
    out[domain] = Math.max(0, ...def.items.filter((it) => it.domain === domain).map((it) => scores[it.id] ?? 0));
  }
  return out;
}

/**
 * Score `answers` (item id → number, or boolean for yes/no items) for instrument `id`.
 * Invalid input returns `{ ok: false, issues }`; nothing is thrown.
 */
export function scoreInstrument(id: string, answers: unknown, options: ScoreOptions = {}): ScoreOutcome {
  if (!isInstrumentId(id)) {
    return { ok: false, issues: [{ code: 'UNKNOWN_INSTRUMENT', itemId: id, message: `Unknown instrument "${id}"` }] };
  }
  const def = INSTRUMENTS[id];
  const protocol = options.protocol ?? DEFAULT_PROTOCOL;
  const notApplicable = new Set<string>(id === 'padss' ? protocol.discharge.padssNotApplicableItems : []);
  const v = validateAnswers(def, answers, notApplicable);
  if (!v.ok) {
    return v;
  }
  const scores = v.itemScores;
  const scoredIds = def.items.filter((it) => it.scored && v.shown.has(it.id)).map((it) => it.id);
  let total: number | null = null;
  let domains: Record<string, number> | undefined;
  let riskLevel: CssrsRiskLevel | undefined;
  switch (def.scoring) {
    case 'sum':
    case 'single':
    case 'count_yes':
      total = sumOf(scoredIds, scores);
      break;
    case 'domains':
      domains = domainScores(def, scores);
      total = sumOf(Object.keys(domains), domains);
      break;
    case 'cssrs_triage':
      riskLevel = cssrsRiskLevel(scores);
      break;
  }
  const { flags, followUp } = instrumentFlags({
    def,
    itemScores: scores,
    total,
    protocol,
    ...(riskLevel === undefined ? {} : { riskLevel }),
    ...(options.baselineTotal === undefined ? {} : { baselineTotal: options.baselineTotal }),
  });
  const result: InstrumentResult = {
    instrumentId: def.id,
    version: def.version,
    total,
    band: total === null ? null : bandFor(def, total),
    itemScores: scores,
    notApplicableItems: [...notApplicable],
    flags,
    followUp,
    ...(domains === undefined ? {} : { domainScores: domains }),
    ...(riskLevel === undefined ? {} : { riskLevel }),
    ...(id === 'cadss' ? { subscores: { cadss6: sumOf(CADSS6_ITEMS, scores) } } : {}),
  };
  return { ok: true, result };
}
