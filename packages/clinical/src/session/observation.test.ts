import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOL } from '../protocol/defaults.js';
import { resolveProtocol } from '../protocol/resolve.js';
import { dueReadings, observationSchedule, observationWindows, type ObservationSchedule } from './observation.js';

const START = '2025-06-02T14:00:00Z';
const plus = (m: number): string => new Date(Date.parse(START) + m * 60_000).toISOString();

function schedule(route: Parameters<typeof observationSchedule>[0], opts = {}): ObservationSchedule {
  const r = observationSchedule(route, DEFAULT_PROTOCOL, START, opts);
  if (!r.ok) {
    throw new Error('schedule');
  }
  return r.schedule;
}

describe('observationSchedule', () => {
  it('esketamine: pre-dose, ~40 min, before discharge at 120 min', () => {
    const s = schedule('esketamine_nasal');
    expect(s.items.filter((i) => i.kind === 'vitals').map((i) => i.offsetMinutes)).toEqual([0, 40, 120]);
    expect(s.items.filter((i) => i.kind === 'sedation_dissociation').map((i) => i.offsetMinutes)).toEqual([40, 120]);
    expect(s.items.filter((i) => i.kind === 'discharge_assessment').map((i) => i.dueAt)).toEqual([plus(120)]);
    expect(s.minimumDischargeAt).toBe(plus(120));
  });

  it('IV: every 10 min during a 40-min infusion, every 15 min after, for 90 min', () => {
    const s = schedule('iv');
    expect(s.items.filter((i) => i.kind === 'vitals').map((i) => i.offsetMinutes)).toEqual([0, 10, 20, 30, 40, 55, 70, 85, 100, 115, 130]);
    expect(s.items.filter((i) => i.kind === 'sedation_dissociation').map((i) => i.offsetMinutes)).toEqual([40, 130]);
    expect(s.minimumDischargeAt).toBeNull();
  });

  it('IV with a custom infusion length and a clinic minimum observation time', () => {
    const p = resolveProtocol({ observation: { racemicMinMinutes: 60 } });
    if (!p.ok) {
      throw new Error('protocol');
    }
    const r = observationSchedule('iv', p.protocol, START, { infusionMinutes: 25 });
    expect(r.ok && r.schedule.items.filter((i) => i.kind === 'vitals').map((i) => i.offsetMinutes)).toEqual([0, 10, 20, 25, 40, 55, 70, 85, 100, 115]);
    expect(r.ok && r.schedule.minimumDischargeAt).toBe(plus(85));
    const im = observationSchedule('im', p.protocol, START);
    expect(im.ok && im.schedule.minimumDischargeAt).toBe(plus(60));
  });

  it('IM/oral/sublingual: pre-dose then every 15 min for 90 min', () => {
    expect(schedule('oral').items.filter((i) => i.kind === 'vitals').map((i) => i.offsetMinutes)).toEqual([0, 15, 30, 45, 60, 75, 90]);
  });

  it('rejects an invalid start or infusion length', () => {
    expect(observationSchedule('iv', DEFAULT_PROTOCOL, '2025-06-02T14:00').ok).toBe(false);
    expect(observationSchedule('iv', DEFAULT_PROTOCOL, START, { infusionMinutes: 0 }).ok).toBe(false);
  });
});

describe('dueReadings (windows split at midpoints between slots)', () => {
  const s = schedule('esketamine_nasal');
  const vitals = (now: number, taken: number[]) => dueReadings(s, taken.map((m) => ({ kind: 'vitals' as const, at: plus(m) })), plus(now)).items.filter((i) => i.kind === 'vitals').map((i) => i.status);

  it.each([
    [-5, [], ['upcoming', 'upcoming', 'upcoming']],
    [0, [], ['due', 'upcoming', 'upcoming']],
    [5, [-3], ['done', 'upcoming', 'upcoming']],
    [19, [-3], ['done', 'upcoming', 'upcoming']],
    [20, [], ['missed', 'upcoming', 'upcoming']],
    [40, [-3], ['done', 'due', 'upcoming']],
    [79, [-3, 41], ['done', 'done', 'upcoming']],
    [80, [-3], ['done', 'missed', 'upcoming']],
    [200, [-3, 38, 125], ['done', 'done', 'done']],
    [200, [-3, 38, 79], ['done', 'done', 'due']],
  ])('now +%i min, taken %j → %j', (now, taken, expected) => {
    expect(vitals(now, taken)).toEqual(expected);
  });

  it('observationWindows: the windows it uses, split at the midpoints between slots of the same kind', () => {
    const w = observationWindows(s).filter((x) => x.item.kind === 'vitals');
    const min = (ms: number) => (Number.isFinite(ms) ? (ms - Date.parse(s.doseStart)) / 60_000 : ms);
    expect(w.map((x) => [x.item.offsetMinutes, min(x.fromMs), min(x.toMs)])).toEqual([
      [0, -Infinity, 20],
      [40, 20, 80],
      [120, 80, Infinity],
    ]);
  });

  it('reports missed items as findings and points at the next item', () => {
    const r = dueReadings(s, [], plus(85));
    expect(r.findings.map((f) => f.code)).toEqual(['OBSERVATION_READING_MISSED', 'OBSERVATION_READING_MISSED', 'OBSERVATION_READING_MISSED']);
    expect(r.next?.offsetMinutes).toBe(120);
    expect(dueReadings(s, [], plus(1000)).next?.offsetMinutes).toBe(120);
    const all = s.items.map((i) => ({ kind: i.kind, at: i.dueAt }));
    expect(dueReadings(s, all, plus(1000)).next).toBeNull();
  });
});
