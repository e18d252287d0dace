import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOL } from '../protocol/defaults.js';
import { resolveProtocol } from '../protocol/resolve.js';
import type { Route } from '../protocol/route.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { evaluateDischarge, type DischargeInput } from './discharge.js';

const START = '2025-06-02T14:00:00Z';
const plus = (m: number): string => new Date(Date.parse(START) + m * 60_000).toISOString();
const READY: DischargeInput = {
  doseStartedAt: START,
  padssTotals: [9],
  latestMoaas: 5,
  latestCadss: 2,
  respiratoryDepressionResolved: true,
  baselineVitals: { systolic: 120, diastolic: 80 },
  vitals: [{ systolic: 150, diastolic: 88, heartRate: 80, spo2: 97 }, { systolic: 130, diastolic: 84, heartRate: 76, spo2: 98 }],
  escortPresent: true,
  instructionsGiven: true,
  clinicianConfirmedStable: true,
};
const proto = (o: unknown): ProtocolSettings => {
  const r = resolveProtocol(o);
  if (!r.ok) {
    throw new Error('protocol');
  }
  return r.protocol;
};
const run = (patch: Partial<DischargeInput>, route: Route = 'esketamine_nasal', minutes = 125, age = 45, protocol = DEFAULT_PROTOCOL) =>
  evaluateDischarge({ ...READY, ...patch }, { route, protocol, now: plus(minutes), patientAgeYears: age });
const codes = (r: ReturnType<typeof run>): string[] => r.reasons.map((f) => f.code);

describe('evaluateDischarge', () => {
  it('ready when every criterion is met', () => {
    const r = run({});
    expect(r).toMatchObject({ ready: true, minutesObserved: 125, earliestDischargeAt: plus(120) });
    expect(r.reasons).toEqual([]);
  });

  it.each([
    [119, false],
    [120, true],
  ])('esketamine minimum 120 min: at %i min ready=%s', (minutes, ready) => {
    const r = run({}, 'esketamine_nasal', minutes);
    expect(r.ready).toBe(ready);
    expect(codes(r).includes('DISCHARGE_MIN_TIME_NOT_ELAPSED')).toBe(!ready);
  });

  it('racemic: no minimum time unless the clinic sets one (counted from the end of the infusion)', () => {
    expect(run({}, 'iv', 30).ready).toBe(true);
    const p = proto({ observation: { racemicMinMinutes: 60 } });
    expect(codes(run({ doseEndedAt: plus(40) }, 'iv', 99, 45, p))).toEqual(['DISCHARGE_MIN_TIME_NOT_ELAPSED']);
    expect(run({ doseEndedAt: plus(40) }, 'iv', 100, 45, p).ready).toBe(true);
    expect(codes(run({ doseStartedAt: 'bad' }))).toContain('DISCHARGE_MIN_TIME_NOT_ELAPSED');
  });

  it.each([
    [{ padssTotals: [8] }, ['DISCHARGE_SCORE_BELOW_THRESHOLD']],
    [{ padssTotals: [] }, ['DISCHARGE_SCORE_MISSING']],
    [{ padssTotals: [], aldrete: { total: 9 } }, []],
    [{ padssTotals: [8], aldrete: { total: 8 } }, ['DISCHARGE_SCORE_BELOW_THRESHOLD']],
  ])('IV scores %j → %j', (patch, expected) => {
    expect(codes(run(patch, 'iv'))).toEqual(expected);
  });

  it('esketamine and oral routes need no discharge score by default', () => {
    expect(run({ padssTotals: [] }, 'esketamine_nasal').ready).toBe(true);
    expect(run({ padssTotals: [] }, 'oral').ready).toBe(true);
  });

  it('PADSS on two consecutive checks (endoscopy variant) and Aldrete-only / strict variant', () => {
    const two = proto({ discharge: { padssConsecutiveChecks: 2, scoreInstrument: 'padss' } });
    expect(codes(run({ padssTotals: [7, 9] }, 'iv', 125, 45, two))).toEqual(['DISCHARGE_SCORE_BELOW_THRESHOLD']);
    expect(run({ padssTotals: [9, 10] }, 'iv', 125, 45, two).ready).toBe(true);
    const strict = proto({ discharge: { scoreInstrument: 'aldrete', aldreteRequireFullRespirationAndSpo2: true } });
    expect(codes(run({ aldrete: { total: 9, respiration: 1, spo2: 2 } }, 'iv', 125, 45, strict))).toEqual(['DISCHARGE_SCORE_BELOW_THRESHOLD']);
    expect(run({ aldrete: { total: 9, respiration: 2, spo2: 2 } }, 'iv', 125, 45, strict).ready).toBe(true);
    expect(codes(run({ padssTotals: [], aldrete: undefined }, 'iv', 125, 45, strict))).toEqual(['DISCHARGE_SCORE_MISSING']);
  });

  it.each([
    [{ latestMoaas: 4 }, ['DISCHARGE_SEDATION_NOT_RESOLVED']],
    [{ latestMoaas: undefined }, ['DISCHARGE_SEDATION_NOT_RESOLVED']],
    [{ latestCadss: 5 }, ['DISCHARGE_DISSOCIATION_NOT_RESOLVED']],
    [{ latestCadss: 4 }, []],
    [{ latestCadss: 6, preDoseCadss: 6 }, []],
    [{ latestCadss: undefined, dissociationResolved: true }, []],
    [{ latestCadss: undefined }, ['DISCHARGE_DISSOCIATION_NOT_RESOLVED']],
    [{ respiratoryDepressionResolved: false }, ['DISCHARGE_RESPIRATORY_DEPRESSION_NOT_RESOLVED']],
    [{ escortPresent: false }, ['DISCHARGE_ESCORT_NOT_PRESENT']],
    [{ clinicianConfirmedStable: undefined }, ['DISCHARGE_CLINICIAN_REVIEW_PENDING']],
  ])('%j → %j', (patch, expected) => {
    const r = run(patch);
    expect(codes(r)).toEqual(expected);
    expect(r.ready).toBe(expected.length === 0);
  });

  it('instructions not given is only a warning', () => {
    const r = run({ instructionsGiven: false });
    expect(codes(r)).toEqual(['DISCHARGE_INSTRUCTIONS_NOT_GIVEN']);
    expect(r.ready).toBe(true);
  });

  it.each([
    [[{ systolic: 140, diastolic: 90 }], 45, true],
    [[{ systolic: 130, diastolic: 84 }, { systolic: 141, diastolic: 84 }], 45, true],
    [[{ systolic: 150, diastolic: 94 }, { systolic: 150, diastolic: 95 }], 45, false],
    [[{ systolic: 155, diastolic: 92 }, { systolic: 150, diastolic: 92 }], 45, true],
    [[{ systolic: 150, diastolic: 85 }], 70, true],
    [[{ systolic: 170, diastolic: 105 }], 45, false],
    [[{ heartRate: 80 }], 45, false],
    [[], 45, false],
  ])('esketamine vitals %j (age %i) → ready %s', (vitals, age, ready) => {
    const r = run({ vitals, baselineVitals: { systolic: 118, diastolic: 75 } }, 'esketamine_nasal', 125, age);
    expect(r.ready).toBe(ready);
    expect(codes(r).includes('DISCHARGE_VITALS_NOT_ACCEPTABLE')).toBe(!ready);
  });

  it('BP within 20% of baseline is acceptable even if above the pre-dose limit', () => {
    expect(run({ vitals: [{ systolic: 168, diastolic: 96 }], baselineVitals: { systolic: 140, diastolic: 80 } }).ready).toBe(true);
    expect(run({ vitals: [{ systolic: 169, diastolic: 96 }], baselineVitals: { systolic: 140, diastolic: 80 } }).ready).toBe(false);
  });

  it('racemic: vitals acceptable when no pause/urgency finding', () => {
    expect(run({ vitals: [{ systolic: 175, diastolic: 95 }] }, 'iv').ready).toBe(true);
    expect(run({ vitals: [{ systolic: 175, diastolic: 95, spo2: 90 }] }, 'iv').ready).toBe(false);
  });

  it('escort can be made optional by protocol', () => {
    expect(run({ escortPresent: false }, 'esketamine_nasal', 125, 45, proto({ discharge: { requireEscort: false } })).ready).toBe(true);
  });
});
