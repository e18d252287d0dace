import { DEFAULT_PROTOCOL } from '@ketapath/clinical';
import { describe, expect, it } from 'vitest';
import { findConflicts, minimumChairMinutes, type ConflictContext, type ExistingAppointment, type Slot } from './rules';

const at = (h: number, m = 0) => new Date(Date.UTC(2026, 2, 2, h, m));
const slot: Slot = { patientId: 'p1', chairId: 'c1', staffId: 'n1', startsAt: at(9), endsAt: at(11, 30), route: 'esketamine_nasal', localDate: '2026-03-02' };
const ctx = (existing: ExistingAppointment[], extra: Partial<ConflictContext> = {}): ConflictContext => ({
  existing,
  openingDays: [1, 2, 3, 4, 5],
  dayStartsAt: '08:00',
  dayEndsAt: '18:00',
  chairsPerNurse: 2,
  staffHours: [],
  protocol: DEFAULT_PROTOCOL,
  now: at(0),
  local: { weekday: 1, start: '09:00', end: '11:30' },
  ...extra,
});
const other = (o: Partial<ExistingAppointment>): ExistingAppointment => ({ id: 'a', label: 'another session', patientId: 'p2', chairId: 'c2', staffId: 'n2', startsAt: at(10), endsAt: at(12), route: 'iv', localDate: '2026-03-02', ...o });

describe('scheduling conflicts', () => {
  it('has none for a free slot', () => {
    expect(findConflicts(slot, ctx([other({})]))).toEqual([]);
  });

  it.each([
    ['the same chair overlaps', [other({ chairId: 'c1' })], {}, ['CHAIR_BUSY']],
    ['the chair is free again when the other session ends at the start', [other({ chairId: 'c1', startsAt: at(7), endsAt: at(9) })], {}, []],
    ['the patient has another appointment', [other({ patientId: 'p1', chairId: null, route: null })], {}, ['PATIENT_BUSY']],
    ['the nurse is at her limit of 2 chairs', [other({ staffId: 'n1' }), other({ id: 'b', staffId: 'n1', chairId: 'c3' })], {}, ['NURSE_BUSY']],
    ['the nurse has one other chair (limit 2)', [other({ staffId: 'n1' })], {}, []],
    ['the clinic is closed on Sunday', [], { local: { weekday: 0, start: '09:00', end: '11:30' } }, ['CLINIC_CLOSED']],
    ['the session runs past closing', [], { local: { weekday: 1, start: '16:30', end: '19:00' } }, ['OUTSIDE_CLINIC_HOURS']],
    ['the nurse does not work Mondays', [], { staffHours: [{ weekday: 2, startsAt: '08:00', endsAt: '17:00' }] }, ['OUTSIDE_STAFF_HOURS']],
    ['the slot is already over', [], { now: at(12) }, ['IN_THE_PAST']],
    ['esketamine two days after the last dose', [other({ patientId: 'p1', route: 'esketamine_nasal', localDate: '2026-02-28', startsAt: at(-48), endsAt: at(-46), chairId: null, staffId: null })], {}, ['SPACING']],
  ] as const)('flags when %s', (_label, existing, extra, codes) => {
    expect(findConflicts(slot, ctx([...existing], extra)).map((c) => c.code)).toEqual(codes);
  });

  it('never conflicts with itself when moved', () => {
    expect(findConflicts({ ...slot, id: 'self' }, ctx([{ ...other({ chairId: 'c1', patientId: 'p1' }), id: 'self' }]))).toEqual([]);
  });

  it('derives the least chair time from the protocol: esketamine 2 h observation plus device spacing; IV infusion plus readings', () => {
    expect(minimumChairMinutes('esketamine_nasal', DEFAULT_PROTOCOL)).toBe(DEFAULT_PROTOCOL.observation.esketamineMinMinutes + 2 * DEFAULT_PROTOCOL.esketamine.deviceSpacingMinutes);
    expect(minimumChairMinutes('iv', DEFAULT_PROTOCOL)).toBeGreaterThanOrEqual(DEFAULT_PROTOCOL.iv.infusionMinutes + DEFAULT_PROTOCOL.observation.racemicPostDoseReadingsMinutes);
  });
});
