/**
 * Titration suggestions from response and tolerability history. Suggestions are findings for the prescriber;
 * nothing here changes a dose.
 */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import { SOURCES } from '../findings/sources.js';
import type { Route } from '../protocol/route.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { daysBetween, isLocalDate, type LocalDate } from '../time/local-date.js';
import type { EsketamineIndication } from './esketamine.js';

export interface TitrationSession {
  readonly date: LocalDate;
  /** mg/kg for IV/IM; mg for oral, sublingual and esketamine. */
  readonly dose: number;
  /** Improvement from baseline after this session, percent (null = not measured). */
  readonly improvementPercent: number | null;
  readonly tolerability: 'good' | 'poor';
}

export interface TitrationContext {
  readonly route: Route;
  readonly protocol: ProtocolSettings;
  readonly indication?: EsketamineIndication;
  /** 1-based course week of the latest session (esketamine end-of-induction review). */
  readonly courseWeek?: number;
}

export interface TitrationSuggestion {
  readonly suggestions: readonly Finding[];
  /** The dose the suggestion points to, if any (same unit as `TitrationSession.dose`). */
  readonly proposedDose: number | null;
  /** Always false: titration is a prescriber decision. */
  readonly automatic: false;
}

const none = (suggestions: Finding[] = []): TitrationSuggestion => ({ suggestions, proposedDose: null, automatic: false });

function sessionsAtCurrentDose(history: readonly TitrationSession[]): TitrationSession[] {
  const last = history[history.length - 1];
  const out: TitrationSession[] = [];
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const s = history[i];
    if (s === undefined || last === undefined || s.dose !== last.dose) {
      break;
    }
    out.unshift(s);
  }
  return out;
}

function stepUp(current: number, ladder: readonly number[]): number | null {
  return [...ladder].sort((a, b) => a - b).find((d) => d > current) ?? null;
}

function stepDown(current: number, ladder: readonly number[]): number | null {
  return [...ladder].sort((a, b) => b - a).find((d) => d < current) ?? null;
}

function increase(ctx: TitrationContext, current: number, atDose: readonly TitrationSession[]): TitrationSuggestion {
  const p = ctx.protocol;
  switch (ctx.route) {
    case 'iv': {
      if (atDose.length < p.titration.ivReviewAfterSessions) {
        return none();
      }
      const next = stepUp(current, p.titration.ivEscalationStepsMgPerKg);
      if (next === null) {
        return none([finding('TITRATION_AT_MAXIMUM', `No response after ${atDose.length} infusions at ${current} mg/kg and no higher step in the protocol ladder.`, { value: current })]);
      }
      return { suggestions: [finding('TITRATION_CONSIDER_INCREASE', `No response after ${atDose.length} infusions at ${current} mg/kg: consider ${next} mg/kg.`, { value: current, limit: next, action: 'Prescriber decision; review tolerability and blood pressure first.' })], proposedDose: next, automatic: false };
    }
    case 'esketamine_nasal': {
      if (ctx.indication === 'mdsi') {
        return none();
      }
      const next = stepUp(current, p.esketamine.allowedDosesMg);
      if (next === null) {
        return none([finding('TITRATION_AT_MAXIMUM', `Inadequate response at ${current} mg, the highest allowed esketamine dose.`, { value: current })]);
      }
      return { suggestions: [finding('TITRATION_CONSIDER_INCREASE', `Inadequate response at ${current} mg: consider ${next} mg (28 mg steps).`, { value: current, limit: next, source: SOURCES.spravato_device, action: 'Prescriber decision.' })], proposedDose: next, automatic: false };
    }
    case 'oral': {
      const first = atDose[0];
      const last = atDose[atDose.length - 1];
      if (first === undefined || last === undefined || !isLocalDate(first.date) || !isLocalDate(last.date) || daysBetween(first.date, last.date) < p.oral.stepIntervalDays) {
        return none();
      }
      const next = current + p.oral.stepMg;
      const max = p.oral.hardMaxMg ?? p.oral.reportedMaxMg;
      if (next > max) {
        return none([finding('TITRATION_AT_MAXIMUM', `Inadequate response at ${current} mg; a ${p.oral.stepMg} mg step would exceed ${max} mg.`, { value: current, limit: max })]);
      }
      return { suggestions: [finding('TITRATION_CONSIDER_INCREASE', `Inadequate response at ${current} mg for ${p.oral.stepIntervalDays}+ days: consider ${next} mg.`, { value: current, limit: next, action: 'Prescriber decision.' })], proposedDose: next, automatic: false };
    }
    case 'im':
    case 'sublingual':
      return none();
  }
}

function decrease(ctx: TitrationContext, current: number): TitrationSuggestion {
  const p = ctx.protocol;
  let lower: number | null;
  switch (ctx.route) {
    case 'esketamine_nasal':
      lower = ctx.indication === 'mdsi' ? (current > p.esketamine.mdsiReducedDoseMg ? p.esketamine.mdsiReducedDoseMg : null) : stepDown(current, p.esketamine.allowedDosesMg);
      break;
    case 'iv':
      lower = stepDown(current, p.titration.ivEscalationStepsMgPerKg);
      break;
    case 'oral':
      lower = current - p.oral.stepMg >= p.oral.reportedMinMg ? current - p.oral.stepMg : null;
      break;
    case 'im':
    case 'sublingual':
      lower = null;
      break;
  }
  const text = lower === null ? `Poor tolerability at ${current}: consider a lower dose or stopping (no lower step in the protocol).` : `Poor tolerability at ${current}: consider ${lower}.`;
  return { suggestions: [finding('TITRATION_CONSIDER_DECREASE', text, { value: current, ...(lower === null ? {} : { limit: lower }), action: 'Prescriber decision.' })], proposedDose: lower, automatic: false };
}

/** Suggest (never apply) a titration step from the session history (oldest first). */
export function suggestTitration(history: readonly TitrationSession[], ctx: TitrationContext): TitrationSuggestion {
  const last = history[history.length - 1];
  if (last === undefined) {
    return none();
  }
  const review: Finding[] = [];
  const e = ctx.protocol.esketamine;
  if (ctx.route === 'esketamine_nasal' && ctx.indication !== 'mdsi' && ctx.courseWeek === e.inductionReviewWeek) {
    review.push(finding('TITRATION_EVALUATE_END_OF_INDUCTION', `End of induction (week ${e.inductionReviewWeek}): evaluate benefit before continuing esketamine.`, { value: ctx.courseWeek, limit: e.inductionReviewWeek }));
  }
  if (last.tolerability === 'poor') {
    const d = decrease(ctx, last.dose);
    return { ...d, suggestions: [...review, ...d.suggestions] };
  }
  if (last.improvementPercent === null || last.improvementPercent >= ctx.protocol.outcomes.responseReductionPercent) {
    return none(review);
  }
  const inc = increase(ctx, last.dose, sessionsAtCurrentDose(history));
  return { ...inc, suggestions: [...review, ...inc.suggestions] };
}
