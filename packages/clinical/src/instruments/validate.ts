/** Answer validation: unknown items, wrong types, out-of-range values, missing and unexpected (skipped) answers. */
import type { ValidationIssue } from '../findings/types.js';
import type { InstrumentDefinition, InstrumentItem, ShowIf } from './types.js';

export type Answers = Readonly<Record<string, number | boolean>>;

export type ValidatedAnswers =
  | { readonly ok: true; readonly itemScores: Readonly<Record<string, number>>; readonly shown: ReadonlySet<string> }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/** Whether an item is shown, given normalised (numeric) answers. Items without `showIf` are always shown. */
export function isShown(cond: ShowIf | undefined, scores: Readonly<Record<string, number>>): boolean {
  if (cond === undefined) {
    return true;
  }
  if ('all' in cond) {
    return cond.all.every((c) => isShown(c, scores));
  }
  if ('any' in cond) {
    return cond.any.some((c) => isShown(c, scores));
  }
  const expected = typeof cond.equals === 'boolean' ? (cond.equals ? 1 : 0) : cond.equals;
  return scores[cond.itemId] === expected;
}

function normalise(it: InstrumentItem, raw: unknown): number | ValidationIssue {
  if (typeof raw === 'boolean') {
    if (it.yesNo === true) {
      return raw ? 1 : 0;
    }
    return { code: 'ANSWER_WRONG_TYPE', itemId: it.id, message: `${it.name}: expected a number, got true/false` };
  }
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    return { code: 'ANSWER_WRONG_TYPE', itemId: it.id, message: `${it.name}: expected a number${it.yesNo === true ? ' or true/false' : ''}` };
  }
  if (!it.options.some((o) => o.score === raw)) {
    const scores = it.options.map((o) => o.score);
    return { code: 'ANSWER_OUT_OF_RANGE', itemId: it.id, message: `${it.name}: ${raw} is not an allowed answer (${Math.min(...scores)}–${Math.max(...scores)})` };
  }
  return raw;
}

/**
 * Validate raw answers (as parsed JSON) against a definition. Items in `notApplicable` are scored with their
 * best (highest) option and any given answer is ignored.
 */
export function validateAnswers(def: InstrumentDefinition, answers: unknown, notApplicable: ReadonlySet<string> = new Set()): ValidatedAnswers {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return { ok: false, issues: [{ code: 'INVALID_INPUT', itemId: '(answers)', message: 'Answers must be an object of item id → score' }] };
  }
  const raw = answers as Readonly<Record<string, unknown>>;
  const issues: ValidationIssue[] = [];
  const byId = new Map(def.items.map((it) => [it.id, it]));
  for (const key of Object.keys(raw)) {
    if (!byId.has(key)) {
      issues.push({ code: 'UNKNOWN_ITEM', itemId: key, message: `"${key}" is not an item of ${def.title}` });
    }
  }
  const scores: Record<string, number> = {};
  for (const it of def.items) {
    if (notApplicable.has(it.id)) {
      scores[it.id] = Math.max(...it.options.map((o) => o.score));
    } else if (raw[it.id] !== undefined) {
      const v = normalise(it, raw[it.id]);
      if (typeof v === 'number') {
        scores[it.id] = v;
      } else {
        issues.push(v);
      }
    }
  }
  const shown = new Set<string>();
  for (const it of def.items) {
    const visible = isShown(it.showIf, scores);
    if (visible) {
      shown.add(it.id);
      if (it.required && scores[it.id] === undefined && !issues.some((i) => i.itemId === it.id)) {
        issues.push({ code: 'ANSWER_MISSING', itemId: it.id, message: `${it.name}: answer missing` });
      }
    } else if (raw[it.id] !== undefined) {
      issues.push({ code: 'ANSWER_NOT_EXPECTED', itemId: it.id, message: `${it.name}: should be skipped given the earlier answers` });
    }
  }
  if (issues.length > 0) {
    return { ok: false, issues };
  }
  const itemScores: Record<string, number> = {};
  for (const id of shown) {
    const s = scores[id];
    if (s !== undefined) {
      itemScores[id] = s;
    }
  }
  return { ok: true, itemScores, shown };
}
