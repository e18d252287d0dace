/**
 * Per-patient outcomes: baseline selection, percent change, response / partial response / remission (instrument
 * cut-offs from the protocol), time to response or remission, relapse by the configurable rule.
 */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import { SOURCES } from '../findings/sources.js';
import type { SourceRef } from '../findings/types.js';
import type { InstrumentId } from '../instruments/ids.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { MS_PER_DAY, toEpochMs, toIsoUtc, type Instant } from '../time/instant.js';

export interface ScorePoint {
  readonly instrumentId: InstrumentId;
  readonly at: Instant;
  readonly total: number;
}

export type OutcomeCategory = 'remission' | 'response' | 'partial_response' | 'no_response';

export interface OutcomeClassification {
  readonly instrumentId: InstrumentId;
  readonly baseline: number;
  readonly current: number;
  /** (current − baseline) / baseline × 100; `null` when the baseline is 0. */
  readonly percentChange: number | null;
  readonly response: boolean;
  readonly partialResponse: boolean;
  /** `null` when the instrument has no remission cut-off. */
  readonly remission: boolean | null;
  readonly category: OutcomeCategory;
}

const sortByTime = (points: readonly ScorePoint[]): ScorePoint[] =>
  points.filter((p) => toEpochMs(p.at) !== null).sort((a, b) => (toEpochMs(a.at) ?? 0) - (toEpochMs(b.at) ?? 0));

/** Latest score of `instrumentId` at or before the first dose, or `null`. */
export function selectBaseline(scores: readonly ScorePoint[], firstDoseAt: Instant, instrumentId: InstrumentId): ScorePoint | null {
  const limit = toEpochMs(firstDoseAt);
  if (limit === null) {
    return null;
  }
  const before = sortByTime(scores).filter((s) => s.instrumentId === instrumentId && (toEpochMs(s.at) ?? Infinity) <= limit);
  return before[before.length - 1] ?? null;
}

/** Percent change from baseline (negative = improvement on symptom scales); `null` when baseline is 0. */
export function percentChange(baseline: number, current: number): number | null {
  return baseline === 0 ? null : ((current - baseline) / baseline) * 100;
}

/** Remission for an instrument score under the protocol, or `null` when the instrument has no cut-off. */
export function isRemission(instrumentId: InstrumentId, score: number, protocol: ProtocolSettings): boolean | null {
  const o = protocol.outcomes;
  switch (instrumentId) {
    case 'madrs':
      return score <= o.remissionMadrsAtOrBelow;
    case 'qids_sr16':
      return score <= o.remissionQidsAtOrBelow;
    case 'phq9':
      return score < o.remissionPhq9Below;
    case 'gad7':
    case 'cssrs_screener':
    case 'urinary_screen':
    case 'misuse_check':
    case 'cadss':
    case 'moaas':
    case 'cgi_s':
    case 'cgi_i':
    case 'padss':
    case 'aldrete':
      return null;
  }
}

export interface RemissionLine {
  readonly score: number;
  /** `at_or_below`: remission when score ≤ `score`; `below`: when score < `score`. */
  readonly comparison: 'at_or_below' | 'below';
  readonly source: SourceRef;
}

/** The protocol's remission cut-off for an instrument (for drawing the remission line), or `null` when it has none. */
export function remissionCutoff(instrumentId: InstrumentId, protocol: ProtocolSettings): RemissionLine | null {
  const o = protocol.outcomes;
  switch (instrumentId) {
    case 'madrs':
      return { score: o.remissionMadrsAtOrBelow, comparison: 'at_or_below', source: SOURCES.outcome_definitions };
    case 'qids_sr16':
      return { score: o.remissionQidsAtOrBelow, comparison: 'at_or_below', source: SOURCES.qids };
    case 'phq9':
      return { score: o.remissionPhq9Below, comparison: 'below', source: SOURCES.outcome_definitions };
    case 'gad7':
    case 'cssrs_screener':
    case 'urinary_screen':
    case 'misuse_check':
    case 'cadss':
    case 'moaas':
    case 'cgi_s':
    case 'cgi_i':
    case 'padss':
    case 'aldrete':
      return null;
  }
}

/** The score that marks a response from `baseline` (the protocol's % reduction), for drawing the response line. */
export function responseLine(baseline: number, protocol: ProtocolSettings): number {
  return baseline * (1 - protocol.outcomes.responseReductionPercent / 100);
}

/** Classify a current score against its baseline. */
export function classifyOutcome(instrumentId: InstrumentId, baseline: number, current: number, protocol: ProtocolSettings): OutcomeClassification {
  const change = percentChange(baseline, current);
  const reduction = change === null ? 0 : -change;
  const response = reduction >= protocol.outcomes.responseReductionPercent;
  const partialResponse = !response && reduction >= protocol.outcomes.partialResponseMinReductionPercent;
  const remission = isRemission(instrumentId, current, protocol);
  const category: OutcomeCategory = remission === true ? 'remission' : response ? 'response' : partialResponse ? 'partial_response' : 'no_response';
  return { instrumentId, baseline, current, percentChange: change, response, partialResponse, remission, category };
}

function firstMeeting(series: readonly ScorePoint[], firstDoseAt: Instant, test: (s: ScorePoint) => boolean): { days: number; at: string } | null {
  const start = toEpochMs(firstDoseAt);
  if (start === null) {
    return null;
  }
  const hit = sortByTime(series).find((s) => (toEpochMs(s.at) ?? 0) > start && test(s));
  if (hit === undefined) {
    return null;
  }
  const ms = toEpochMs(hit.at) ?? start;
  return { days: (ms - start) / MS_PER_DAY, at: toIsoUtc(ms) };
}

/** Days from the first dose to the first score with a response (≥ protocol % reduction from `baseline`). */
export function timeToResponse(baseline: ScorePoint, series: readonly ScorePoint[], firstDoseAt: Instant, protocol: ProtocolSettings): { days: number; at: string } | null {
  return firstMeeting(series, firstDoseAt, (s) => s.instrumentId === baseline.instrumentId && classifyOutcome(s.instrumentId, baseline.total, s.total, protocol).response);
}

/** Days from the first dose to the first score in remission. */
export function timeToRemission(series: readonly ScorePoint[], firstDoseAt: Instant, instrumentId: InstrumentId, protocol: ProtocolSettings): { days: number; at: string } | null {
  return firstMeeting(series, firstDoseAt, (s) => s.instrumentId === instrumentId && isRemission(instrumentId, s.total, protocol) === true);
}

export interface ClinicalEvent {
  readonly at: Instant;
  readonly kind: 'hospitalisation_for_worsening' | 'suicide_attempt' | 'other_relapse_event';
}

export interface RelapseResult {
  readonly relapsed: boolean;
  /** Onset: first assessment of the qualifying run, or the event time. */
  readonly at: string | null;
  readonly reason: string | null;
  readonly findings: readonly Finding[];
}

/**
 * Relapse after response or remission (judged on the baseline's instrument): `relapseConsecutive` assessments in a row at or above
 * `relapseScoreAtOrAbove` on `relapseInstrument`, or a relapse event — whichever is first.
 */
export function detectRelapse(baseline: ScorePoint, series: readonly ScorePoint[], events: readonly ClinicalEvent[], firstDoseAt: Instant, protocol: ProtocolSettings): RelapseResult {
  const o = protocol.outcomes;
  const start = toEpochMs(firstDoseAt) ?? Infinity;
  const responded = sortByTime(series).find((s) => {
    if (s.instrumentId !== baseline.instrumentId || (toEpochMs(s.at) ?? 0) <= start) {
      return false;
    }
    const c = classifyOutcome(s.instrumentId, baseline.total, s.total, protocol);
    return c.response || c.remission === true;
  });
  if (responded === undefined) {
    return { relapsed: false, at: null, reason: null, findings: [] };
  }
  const from = toEpochMs(responded.at) ?? 0;
  let run: ScorePoint[] = [];
  let scoreOnset: number | null = null;
  const relapseSeries = sortByTime(series).filter((p) => p.instrumentId === o.relapseInstrument && (toEpochMs(p.at) ?? 0) > from);
  for (const s of relapseSeries) {
    run = s.total >= o.relapseScoreAtOrAbove ? [...run, s] : [];
    if (run.length >= o.relapseConsecutive) {
      scoreOnset = toEpochMs(run[0]?.at ?? s.at);
      break;
    }
  }
  const event = events.map((e) => ({ e, ms: toEpochMs(e.at) })).filter((x): x is { e: ClinicalEvent; ms: number } => x.ms !== null && x.ms > from).sort((a, b) => a.ms - b.ms)[0];
  const useEvent = event !== undefined && (scoreOnset === null || event.ms < scoreOnset);
  if (!useEvent && scoreOnset === null) {
    return { relapsed: false, at: null, reason: null, findings: [] };
  }
  const at = toIsoUtc(useEvent ? event.ms : (scoreOnset ?? 0));
  const reason = useEvent ? `clinical event: ${event.e.kind.replace(/_/g, ' ')}` : `${o.relapseConsecutive} consecutive ${o.relapseInstrument} scores ≥ ${o.relapseScoreAtOrAbove}`;
  return { relapsed: true, at, reason, findings: [finding('RELAPSE_DETECTED', `Relapse after response (${reason}), from ${at}.`, { value: at, limit: o.relapseScoreAtOrAbove, action: 'Review the treatment plan with the prescriber.' })] };
}
