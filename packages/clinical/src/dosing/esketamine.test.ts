import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOL } from '../protocol/defaults.js';
import { resolveProtocol } from '../protocol/resolve.js';
import { checkDeviceTimes, esketamineStartDose, planEsketamineDose } from './esketamine.js';
import { suggestTitration, type TitrationSession } from './titration.js';

const ctx = { protocol: DEFAULT_PROTOCOL };

describe('esketamine devices (28 mg per device, ≥5 min apart)', () => {
  it.each([
    [28, 1, [0]],
    [56, 2, [0, 5]],
    [84, 3, [0, 5, 10]],
  ])('%i mg → %i devices at %j min', (doseMg, devices, offsets) => {
    const r = planEsketamineDose({ doseMg, indication: 'trd', sessionNumber: 3, patientAgeYears: 70 }, ctx);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.dose.devices).toBe(devices);
      expect(r.dose.timeline.map((d) => d.earliestStartOffsetMinutes)).toEqual(offsets);
      expect(r.dose.timeline.every((d) => d.mg === 28 && d.sprays === 2)).toBe(true);
    }
  });

  it.each([0, 30, 112, 42])('refuses %i mg', (doseMg) => {
    const r = planEsketamineDose({ doseMg, indication: 'trd', sessionNumber: 2, patientAgeYears: 40 }, ctx);
    expect(r.ok).toBe(false);
    expect(r.findings[0]?.code).toBe('ESK_DOSE_NOT_ALLOWED');
  });
});

describe('start dose and phase options', () => {
  it.each([
    [64, 56],
    [65, 28],
    [80, 28],
  ])('age %i → day-1 dose %i mg', (age, dose) => {
    expect(esketamineStartDose(age, DEFAULT_PROTOCOL)).toBe(dose);
  });

  it('uses the adult start dose for older adults when the clinic disables the SmPC rule', () => {
    const p = resolveProtocol({ esketamine: { olderAdultStartDoseMg: null } });
    expect(p.ok && esketamineStartDose(70, p.protocol)).toBe(56);
  });

  it.each([
    [40, 1, 56, 'trd', []],
    [40, 1, 84, 'trd', ['ESK_FIRST_DOSE_ABOVE_START']],
    [70, 1, 56, 'trd', ['ESK_FIRST_DOSE_ABOVE_START']],
    [70, 1, 28, 'trd', []],
    [40, 2, 28, 'trd', ['ESK_DOSE_OUTSIDE_PHASE_OPTIONS']],
    [70, 2, 28, 'trd', []],
    [40, 2, 84, 'trd', []],
    [40, 1, 84, 'mdsi', []],
    [40, 3, 56, 'mdsi', []],
    [40, 3, 28, 'mdsi', ['ESK_DOSE_OUTSIDE_PHASE_OPTIONS']],
  ] as const)('age %i session %i %i mg (%s) → %j', (age, sessionNumber, doseMg, indication, codes) => {
    const r = planEsketamineDose({ doseMg, indication, sessionNumber, patientAgeYears: age }, ctx);
    expect(r.findings.map((f) => f.code)).toEqual(codes);
  });
});

describe('device timing check', () => {
  it.each([
    [['2025-01-01T10:00:00Z', '2025-01-01T10:05:00Z', '2025-01-01T10:10:00Z'], []],
    [['2025-01-01T10:00:00Z', '2025-01-01T10:04:59Z'], ['ESK_DEVICE_SPACING_SHORT']],
    [['2025-01-01T10:00:00Z', '2025-01-01T10:06:00Z', '2025-01-01T10:09:00Z'], ['ESK_DEVICE_SPACING_SHORT']],
    [['2025-01-01T10:00:00Z', 'not a time'], ['DOSE_INPUT_INVALID']],
  ])('%j → %j', (times, codes) => {
    expect(checkDeviceTimes(times, DEFAULT_PROTOCOL).map((f) => f.code)).toEqual(codes);
  });
});

const s = (date: string, dose: number, improvementPercent: number | null, tolerability: 'good' | 'poor' = 'good'): TitrationSession => ({ date, dose, improvementPercent, tolerability });

describe('titration suggestions (never automatic)', () => {
  it('IV: after 3 infusions without response, suggests the next ladder step (0.75)', () => {
    const hist = [s('2025-01-01', 0.5, 10), s('2025-01-04', 0.5, 20), s('2025-01-08', 0.5, 30)];
    const r = suggestTitration(hist, { route: 'iv', protocol: DEFAULT_PROTOCOL });
    expect(r).toMatchObject({ proposedDose: 0.75, automatic: false });
    expect(r.suggestions.map((f) => f.code)).toEqual(['TITRATION_CONSIDER_INCREASE']);
    expect(suggestTitration(hist.slice(0, 2), { route: 'iv', protocol: DEFAULT_PROTOCOL }).suggestions).toEqual([]);
    expect(suggestTitration([...hist.slice(0, 2), s('2025-01-08', 0.5, 50)], { route: 'iv', protocol: DEFAULT_PROTOCOL }).suggestions).toEqual([]);
  });

  it('IV: at the top of the ladder says so', () => {
    const hist = [s('2025-01-01', 0.75, 10), s('2025-01-04', 0.75, 10), s('2025-01-08', 0.75, 10)];
    expect(suggestTitration(hist, { route: 'iv', protocol: DEFAULT_PROTOCOL }).suggestions.map((f) => f.code)).toEqual(['TITRATION_AT_MAXIMUM']);
  });

  it('esketamine: 56 → 84 on inadequate response; 84 is the maximum; reduce for tolerability', () => {
    expect(suggestTitration([s('2025-01-01', 56, 10)], { route: 'esketamine_nasal', protocol: DEFAULT_PROTOCOL }).proposedDose).toBe(84);
    expect(suggestTitration([s('2025-01-01', 84, 10)], { route: 'esketamine_nasal', protocol: DEFAULT_PROTOCOL }).suggestions.map((f) => f.code)).toEqual(['TITRATION_AT_MAXIMUM']);
    expect(suggestTitration([s('2025-01-01', 84, 10, 'poor')], { route: 'esketamine_nasal', protocol: DEFAULT_PROTOCOL }).proposedDose).toBe(56);
    expect(suggestTitration([s('2025-01-01', 84, 10, 'poor')], { route: 'esketamine_nasal', indication: 'mdsi', protocol: DEFAULT_PROTOCOL }).proposedDose).toBe(56);
    expect(suggestTitration([s('2025-01-01', 56, 10, 'poor')], { route: 'esketamine_nasal', indication: 'mdsi', protocol: DEFAULT_PROTOCOL }).proposedDose).toBeNull();
    expect(suggestTitration([s('2025-01-01', 84, 10)], { route: 'esketamine_nasal', indication: 'mdsi', protocol: DEFAULT_PROTOCOL }).suggestions).toEqual([]);
  });

  it('esketamine: end-of-induction review in week 4', () => {
    const r = suggestTitration([s('2025-01-25', 56, 60)], { route: 'esketamine_nasal', protocol: DEFAULT_PROTOCOL, courseWeek: 4 });
    expect(r.suggestions.map((f) => f.code)).toEqual(['TITRATION_EVALUATE_END_OF_INDUCTION']);
    expect(suggestTitration([s('2025-01-25', 56, 60)], { route: 'esketamine_nasal', protocol: DEFAULT_PROTOCOL, courseWeek: 3 }).suggestions).toEqual([]);
  });

  it('oral: +25 mg only after 3 days at the current dose', () => {
    expect(suggestTitration([s('2025-01-01', 50, 0), s('2025-01-03', 50, 0)], { route: 'oral', protocol: DEFAULT_PROTOCOL }).proposedDose).toBeNull();
    expect(suggestTitration([s('2025-01-01', 50, 0), s('2025-01-04', 50, 0)], { route: 'oral', protocol: DEFAULT_PROTOCOL }).proposedDose).toBe(75);
    expect(suggestTitration([s('2025-01-01', 300, 0), s('2025-01-04', 300, 0)], { route: 'oral', protocol: DEFAULT_PROTOCOL }).suggestions.map((f) => f.code)).toEqual(['TITRATION_AT_MAXIMUM']);
    expect(suggestTitration([s('2025-01-01', 75, 0, 'poor')], { route: 'oral', protocol: DEFAULT_PROTOCOL }).proposedDose).toBe(50);
    expect(suggestTitration([s('2025-01-01', 25, 0, 'poor')], { route: 'oral', protocol: DEFAULT_PROTOCOL }).proposedDose).toBeNull();
  });

  it('IV poor tolerability steps down the ladder; IM/SL have no titration rule', () => {
    expect(suggestTitration([s('2025-01-01', 0.75, 0, 'poor')], { route: 'iv', protocol: DEFAULT_PROTOCOL }).proposedDose).toBe(0.5);
    expect(suggestTitration([s('2025-01-01', 0.5, 0)], { route: 'im', protocol: DEFAULT_PROTOCOL }).suggestions).toEqual([]);
    expect(suggestTitration([s('2025-01-01', 10, 0, 'poor')], { route: 'sublingual', protocol: DEFAULT_PROTOCOL }).proposedDose).toBeNull();
    expect(suggestTitration([], { route: 'iv', protocol: DEFAULT_PROTOCOL }).suggestions).toEqual([]);
    expect(suggestTitration([s('2025-01-01', 0.5, null)], { route: 'iv', protocol: DEFAULT_PROTOCOL }).suggestions).toEqual([]);
  });
});
