/** Shared answer sets and helpers for instrument definitions. */
import type { AnswerOption, InstrumentItem } from './types.js';

/** PHQ-9 / GAD-7 frequency options (0–3). */
export const FREQUENCY_0_3: readonly AnswerOption[] = [
  { label: 'Not at all', score: 0 },
  { label: 'Several days', score: 1 },
  { label: 'More than half the days', score: 2 },
  { label: 'Nearly every day', score: 3 },
];

export const YES_NO: readonly AnswerOption[] = [
  { label: 'No', score: 0 },
  { label: 'Yes', score: 1 },
];

/** Numeric options min..max labelled with the number (anchors live in the licensed form). */
export function numericOptions(min: number, max: number): readonly AnswerOption[] {
  const out: AnswerOption[] = [];
  for (let s = min; s <= max; s += 1) {
    out.push({ label: String(s), score: s });
  }
  return out;
}

/** A scored, required item. */
export function item(id: string, name: string, options: readonly AnswerOption[], extra: Partial<InstrumentItem> = {}): InstrumentItem {
  return { id, name, options, scored: true, required: true, ...extra };
}

/** A yes/no item (booleans accepted). */
export function yesNoItem(id: string, name: string, text: string, extra: Partial<InstrumentItem> = {}): InstrumentItem {
  return { id, name, text, options: YES_NO, yesNo: true, scored: true, required: true, ...extra };
}
