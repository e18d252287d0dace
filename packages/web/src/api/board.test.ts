import { describe, expect, it } from 'vitest';
import { alertState } from '../lib/board-format';
import { mergeAlerts, mergeReadings, type TileAlert } from './board';

const reading = (takenAt: string, v: Partial<{ systolic: number; diastolic: number; heartRate: number; spo2: number; respiratoryRate: number }>, worst: string | null = null) => ({
  takenAt,
  systolic: v.systolic ?? null,
  diastolic: v.diastolic ?? null,
  heartRate: v.heartRate ?? null,
  spo2: v.spo2 ?? null,
  respiratoryRate: v.respiratoryRate ?? null,
  worst,
});

describe('board live updates', () => {
  it('keeps the newest value of each vital sign, even when a late reading arrives with its original time', () => {
    const first = mergeReadings(null, [reading('2026-11-30T14:10:00Z', { systolic: 130, diastolic: 80, heartRate: 70, spo2: 98 })]);
    const hrOnly = mergeReadings(first, [reading('2026-11-30T14:11:00Z', { heartRate: 75, spo2: 97 })]);
    expect(hrOnly).toMatchObject({ takenAt: '2026-11-30T14:11:00Z', systolic: 130, bpTakenAt: '2026-11-30T14:10:00Z', heartRate: 75, spo2: 97 });
    // A reading taken earlier (sent late from an outbox) changes nothing newer.
    const late = mergeReadings(hrOnly, [reading('2026-11-30T14:05:00Z', { systolic: 190, diastolic: 100, heartRate: 60 }, 'block')]);
    expect(late).toEqual(hrOnly);
    const bp = mergeReadings(late, [reading('2026-11-30T14:12:00Z', { systolic: 192, diastolic: 104 }, 'block')]);
    expect(bp).toMatchObject({ systolic: 192, diastolic: 104, bpTakenAt: '2026-11-30T14:12:00Z', heartRate: 75, worst: 'block' });
  });

  it('adds new alerts once, raises escalation and records acknowledgement without losing who acknowledged', () => {
    const a = { id: 'a1', code: 'VITALS_BP_HYPERTENSIVE_URGENCY', severity: 'block', message: 'BP 192/104 …', raisedAt: '2026-11-30T14:12:00Z', escalationLevel: 0, acknowledgedAt: null };
    const one = mergeAlerts([], [a, { ...a, id: 'i1', severity: 'info' }]);
    expect(one.map((x) => x.id)).toEqual(['a1']);
    expect(mergeAlerts(one, [a])).toHaveLength(1);
    const escalated = mergeAlerts(one, [{ ...a, escalationLevel: 1 }]);
    expect(escalated[0]?.escalationLevel).toBe(1);
    const named: TileAlert[] = [{ ...a, escalationLevel: 1, acknowledgedAt: '2026-11-30T14:13:00Z', acknowledgedBy: 'Sam Okafor' }];
    const again = mergeAlerts(named, [{ ...a, acknowledgedAt: '2026-11-30T14:13:00Z' }]);
    expect(again[0]).toMatchObject({ escalationLevel: 1, acknowledgedBy: 'Sam Okafor' });
  });

  it('counts the protocol minutes itself so an unanswered alert gets louder between messages', () => {
    const a: TileAlert = { id: 'a1', code: 'X', severity: 'block', message: 'm', raisedAt: '2026-11-30T14:00:00Z', escalationLevel: 0, acknowledgedAt: null };
    const at = (min: number) => Date.parse('2026-11-30T14:00:00Z') + min * 60_000;
    expect(alertState(a, at(2), 3, 5)).toBe('new');
    expect(alertState(a, at(3), 3, 5)).toBe('escalated');
    expect(alertState(a, at(5), 3, 5)).toBe('prescriber');
    expect(alertState({ ...a, escalationLevel: 2 }, at(0), 3, 5)).toBe('prescriber');
    expect(alertState({ ...a, acknowledgedAt: '2026-11-30T14:06:00Z' }, at(9), 3, 5)).toBe('acknowledged');
  });
});
