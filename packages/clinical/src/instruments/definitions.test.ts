import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { INSTRUMENT_IDS } from './ids.js';
import { INSTRUMENTS } from './registry.js';
import { scoreInstrument } from './score.js';
import { isShown } from './validate.js';
import type { InstrumentDefinition } from './types.js';

const RANGES: Record<string, [number, number] | null> = {
  phq9: [0, 27], gad7: [0, 21], qids_sr16: [0, 27], cssrs_screener: null, urinary_screen: [0, 5], misuse_check: [0, 5],
  madrs: [0, 60], cadss: [0, 92], moaas: [0, 5], cgi_s: [1, 7], cgi_i: [1, 7], padss: [0, 10], aldrete: [0, 10],
};
const ITEM_COUNTS: Record<string, number> = { phq9: 10, gad7: 7, qids_sr16: 16, cssrs_screener: 7, madrs: 10, cadss: 23, moaas: 1, cgi_s: 1, cgi_i: 1, padss: 5, aldrete: 5, urinary_screen: 5, misuse_check: 5 };

/** fast-check arbitrary for a complete, valid answer set (C-SSRS branches included). */
function answersArb(def: InstrumentDefinition): fc.Arbitrary<Record<string, number>> {
  const items = def.items.filter((i) => i.showIf === undefined);
  const base = fc.record(Object.fromEntries(items.map((i) => [i.id, fc.constantFrom(...i.options.map((o) => o.score))])));
  const branched = def.items.filter((i) => i.showIf !== undefined);
  if (branched.length === 0) {
    return base;
  }
  return fc.tuple(base, fc.record(Object.fromEntries(branched.map((i) => [i.id, fc.constantFrom(0, 1)])) as Record<string, fc.Arbitrary<number>>)).map(([a, b]) => {
    const out: Record<string, number> = { ...a };
    for (const it of branched) {
      if (isShown(it.showIf, out)) {
        out[it.id] = b[it.id] ?? 0;
      }
    }
    return out;
  });
}

describe('instrument definitions', () => {
  it.each(INSTRUMENT_IDS.map((id) => [id]))('%s has a complete definition', (id) => {
    const def = INSTRUMENTS[id];
    expect(def.id).toBe(id);
    expect(def.version.length).toBeGreaterThan(3);
    expect(def.licence.note.length).toBeGreaterThan(10);
    expect(def.source.citation.length).toBeGreaterThan(10);
    expect(def.items).toHaveLength(ITEM_COUNTS[id] ?? -1);
    expect(def.scoreRange === null ? null : [def.scoreRange.min, def.scoreRange.max]).toEqual(RANGES[id]);
    if (def.scoreRange !== null && def.bands.length > 0) {
      const sorted = [...def.bands].sort((a, b) => a.min - b.min);
      expect(sorted[0]?.min).toBe(def.scoreRange.min);
      expect(sorted[sorted.length - 1]?.max).toBe(def.scoreRange.max);
      sorted.slice(1).forEach((b, i) => { expect(b.min).toBe((sorted[i]?.max ?? 0) + 1); });
    }
    if (def.wordingReproduced) {
      expect(def.items.every((i) => typeof i.text === 'string')).toBe(true);
    }
  });

  it('reproduces full wording only for PHQ-9, GAD-7 and Ketapath\'s own checklists', () => {
    expect(INSTRUMENT_IDS.filter((id) => INSTRUMENTS[id].wordingReproduced).sort()).toEqual(['gad7', 'misuse_check', 'phq9', 'urinary_screen']);
  });

  it('evaluates nested showIf conditions', () => {
    expect(isShown({ all: [{ itemId: 'a', equals: 1 }, { any: [{ itemId: 'b', equals: true }, { itemId: 'c', equals: 2 }] }] }, { a: 1, c: 2 })).toBe(true);
    expect(isShown({ all: [{ itemId: 'a', equals: 1 }, { itemId: 'b', equals: false }] }, { a: 1, b: 1 })).toBe(false);
  });
});

describe('scoring properties (fast-check)', () => {
  const scorable = INSTRUMENT_IDS.filter((id) => RANGES[id] !== null);

  it.each(scorable.map((id) => [id]))('%s: totals stay within the score range', (id) => {
    const def = INSTRUMENTS[id];
    fc.assert(
      fc.property(answersArb(def), (answers) => {
        const r = scoreInstrument(id, answers);
        const range = def.scoreRange;
        return r.ok && range !== null && r.result.total !== null && r.result.total >= range.min && r.result.total <= range.max && r.result.band !== null;
      }),
      { numRuns: 200 },
    );
  });

  it.each(scorable.map((id) => [id]))('%s: raising any answer never lowers the total', (id) => {
    const def = INSTRUMENTS[id];
    const scored = def.items.filter((i) => i.showIf === undefined);
    fc.assert(
      fc.property(answersArb(def), fc.constantFrom(...scored.map((i) => i.id)), (answers, itemId) => {
        const it = scored.find((i) => i.id === itemId);
        const current = answers[itemId] ?? 0;
        const higher = it?.options.map((o) => o.score).filter((s) => s > current) ?? [];
        if (higher.length === 0) {
          return true;
        }
        const a = scoreInstrument(id, answers);
        const b = scoreInstrument(id, { ...answers, [itemId]: Math.min(...higher) });
        return a.ok && b.ok && (b.result.total ?? 0) >= (a.result.total ?? 0);
      }),
      { numRuns: 200 },
    );
  });

  it('C-SSRS: answering yes to more questions never lowers the risk level', () => {
    const rank = { none: 0, low: 1, moderate: 2, high: 3 } as const;
    const def = INSTRUMENTS.cssrs_screener;
    fc.assert(
      fc.property(answersArb(def), fc.constantFrom('q1', 'q2', 'q6'), (answers, itemId) => {
        const a = scoreInstrument('cssrs_screener', answers);
        const raised: Record<string, number> = { ...answers, [itemId]: 1 };
        for (const it of def.items.filter((i) => i.showIf !== undefined)) {
          if (isShown(it.showIf, raised)) {
            raised[it.id] ??= 0;
          }
        }
        const b = scoreInstrument('cssrs_screener', raised);
        return a.ok && b.ok && rank[b.result.riskLevel ?? 'none'] >= rank[a.result.riskLevel ?? 'none'];
      }),
      { numRuns: 200 },
    );
  });
});
