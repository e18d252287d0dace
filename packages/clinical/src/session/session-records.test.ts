import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOL as P, resolveProtocol } from '../index.js';
import { ADVERSE_EVENT_TERMS, adverseEventTerm, checkAdverseEvent } from './adverse-events.js';
import { alertEscalation } from './alerts.js';
import { remsMonitoringForm, type RemsFormInput } from './rems-form.js';

const T0 = '2025-06-02T15:00:00.000Z';
const at = (min: number): string => new Date(Date.parse(T0) + min * 60_000).toISOString();

describe('alertEscalation', () => {
  it.each([
    ['just raised', 0, null, 0, at(2)],
    ['louder after 2 min', 2, null, 1, at(5)],
    ['prescriber told after 5 min', 5, null, 2, null],
    ['acknowledged at 1 min stays level 0', 10, 1, 0, null],
    ['acknowledged at 3 min keeps level 1', 10, 3, 1, null],
  ] as const)('%s', (_name, nowMin, ackMin, level, nextAt) => {
    const r = alertEscalation({ severity: 'override', raisedAt: T0, acknowledgedAt: ackMin === null ? null : at(ackMin) }, at(nowMin), P);
    expect(r.level).toBe(level);
    expect(r.nextAt).toBe(nextAt);
    expect(r.findings.length > 0).toBe(ackMin === null && level > 0);
  });

  it('the finding names the minutes, the limit and what to do', () => {
    const [f] = alertEscalation({ severity: 'block', raisedAt: T0 }, at(6), P).findings;
    expect(f).toMatchObject({ code: 'ALERT_NOT_ACKNOWLEDGED', severity: 'override', value: 6, limit: 5 });
    expect(f?.action).toMatch(/acknowledge/);
  });

  it('info alerts never escalate', () => {
    expect(alertEscalation({ severity: 'info', raisedAt: T0 }, at(60), P)).toMatchObject({ level: 0, needsAcknowledgement: false, nextAt: null });
  });

  it('uses the clinic times', () => {
    const r = resolveProtocol({ alerts: { escalateAfterMinutes: 1, notifyPrescriberAfterMinutes: 3 } });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(alertEscalation({ severity: 'warn', raisedAt: T0 }, at(1), r.protocol).level).toBe(1);
      expect(alertEscalation({ severity: 'warn', raisedAt: T0 }, at(3), r.protocol).level).toBe(2);
    }
  });

  it('refuses a prescriber time earlier than the louder time', () => {
    const r = resolveProtocol({ alerts: { escalateAfterMinutes: 10, notifyPrescriberAfterMinutes: 3 } });
    expect(r.ok).toBe(false);
  });

  it('level never decreases as time passes and never exceeds 2 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 600 }), fc.option(fc.integer({ min: 0, max: 600 })), (a, b, ack) => {
        const [t1, t2] = a <= b ? [a, b] : [b, a];
        const input = { severity: 'warn' as const, raisedAt: T0, acknowledgedAt: ack === null ? null : at(ack) };
        const l1 = alertEscalation(input, at(t1), P).level;
        const l2 = alertEscalation(input, at(t2), P).level;
        expect(l2).toBeGreaterThanOrEqual(l1);
        expect(l2).toBeLessThanOrEqual(2);
      }),
    );
  });
});

describe('adverse events', () => {
  it('every term has a label and a source; ids are unique', () => {
    expect(new Set(ADVERSE_EVENT_TERMS.map((t) => t.id)).size).toBe(ADVERSE_EVENT_TERMS.length);
    for (const t of ADVERSE_EVENT_TERMS) {
      expect(t.label.length).toBeGreaterThan(3);
      expect(t.source.citation.length).toBeGreaterThan(10);
      expect(t.emergency ? t.response : 'n/a').toBeTruthy();
    }
  });

  it.each([
    [{ termId: 'nausea', severity: 'mild', outcome: 'resolved' }, []],
    [{ termId: 'other', severity: 'mild', outcome: 'resolved' }, ['otherText']],
    [{ termId: 'other', otherText: 'Hiccups', severity: 'mild', outcome: 'resolved' }, []],
    [{ termId: 'hypertensive_crisis', severity: 'severe', outcome: 'transferred_for_care' }, ['responseGiven']],
    [{ termId: 'hypertensive_crisis', severity: 'severe', outcome: 'transferred_for_care', responseGiven: 'Called 911, GTN per protocol' }, []],
    [{ termId: 'no_such_term', severity: 'mild', outcome: 'resolved' }, ['termId']],
  ] as const)('%j → missing %j', (record, fields) => {
    expect(checkAdverseEvent(record).map((f) => f.field)).toEqual(fields);
  });

  it('emergency findings carry the response the reference gives', () => {
    const [f] = checkAdverseEvent({ termId: 'respiratory_depression', severity: 'severe', outcome: 'resolved' });
    expect(f?.action).toBe(adverseEventTerm('respiratory_depression')?.response);
  });
});

const BASE: RemsFormInput = {
  patient: { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1980-01-01', sex: 'Female' },
  firstTreatment: true,
  patientEnrolled: true,
  concomitantMedications: { benzodiazepines: false, nonBenzodiazepineSedativeHypnotics: false, psychostimulants: false, maois: false, opioids: false },
  monitoringHcp: { name: 'N. Nurse', phone: '555-0100' },
  setting: { name: 'Riverside', address: '1 Main St' },
  treatmentDate: '2025-06-02',
  doseMg: 56,
  lotNumbers: ['LOT1'],
  firstDeviceAt: at(0),
  monitoringEndedAt: at(125),
  readyToLeaveMinutes: 90,
  vitalsAcceptableBeforeAdministration: true,
  vitalsAcceptableBeforeCompletion: true,
  bpReadings: [
    { takenAt: at(-10), systolic: 128, diastolic: 80 },
    { takenAt: at(-2), systolic: 126, diastolic: 78 },
    { takenAt: at(30), systolic: 140, diastolic: 88 },
    { takenAt: at(42), systolic: 145, diastolic: 90 },
    { takenAt: at(90), systolic: 130, diastolic: 82 },
    { takenAt: at(120), systolic: 124, diastolic: 78 },
    { takenAt: at(130), systolic: 122, diastolic: 76 },
  ],
  sedation: false,
  dissociation: true,
  respiratoryDepression: false,
};

describe('remsMonitoringForm', () => {
  it('picks the last pre-dose, the nearest-to-40-min and the last-before-end readings', () => {
    const r = remsMonitoringForm(BASE, P);
    expect(r.bp.predose?.systolic).toBe(126);
    expect(r.bp.postDose?.systolic).toBe(145);
    expect(r.bp.beforeEnd?.systolic).toBe(124);
    expect(r.durationMinutes).toBe(125);
    expect(r.complete).toBe(true);
    expect(r.findings).toEqual([]);
  });

  it('names the dose as 56/84 mg or "other"', () => {
    const dose = (mg: number | null) => remsMonitoringForm({ ...BASE, doseMg: mg }, P).fields.find((f) => f.id === 'dose')?.value;
    expect([dose(56), dose(84), dose(28), dose(null)]).toEqual(['56 mg', '84 mg', 'Other: 28 mg', null]);
  });

  it('flags a short session, missing fields and unrecorded medicines', () => {
    const r = remsMonitoringForm({ ...BASE, monitoringEndedAt: at(100), lotNumbers: [], concomitantMedications: null, bpReadings: [] }, P);
    expect(r.findings.map((f) => f.code).sort()).toEqual(['REMS_CONCOMITANT_MEDS_NOT_RECORDED', 'REMS_PMF_DURATION_TOO_SHORT', 'REMS_PMF_FIELD_MISSING']);
    expect(r.complete).toBe(false);
    expect(r.fields.find((f) => f.id === 'bpPredose')?.value).toBeNull();
  });

  it('gives reading times in the clinic time zone', () => {
    expect(remsMonitoringForm({ ...BASE, timeZone: 'America/New_York' }, P).fields.find((f) => f.id === 'bpPredose')?.value).toBe('126/78 mmHg at 10:58');
    expect(remsMonitoringForm(BASE, P).fields.find((f) => f.id === 'bpPredose')?.value).toBe('126/78 mmHg at 14:58 UTC');
  });

  it('marks the unconfirmed final section', () => {
    expect(remsMonitoringForm(BASE, P).fields.filter((f) => f.note !== undefined).map((f) => f.section)).toEqual(['Events', 'Events', 'Events']);
  });

  it('the three picked readings are distinct and in time order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -30, max: 200 }), { minLength: 0, maxLength: 12 }), (mins) => {
        const r = remsMonitoringForm({ ...BASE, bpReadings: mins.map((m, i) => ({ takenAt: at(m), systolic: 100 + i, diastolic: 60 })) }, P);
        const picked = [r.bp.predose, r.bp.postDose, r.bp.beforeEnd].filter((x) => x !== null);
        expect(new Set(picked).size).toBe(picked.length);
        if (r.bp.postDose !== null && r.bp.beforeEnd !== null) {
          expect(Date.parse(r.bp.postDose.takenAt as string)).toBeLessThanOrEqual(Date.parse(r.bp.beforeEnd.takenAt as string));
        }
        if (r.bp.beforeEnd !== null) {
          expect(Date.parse(r.bp.beforeEnd.takenAt as string)).toBeLessThanOrEqual(Date.parse(at(125)));
        }
      }),
    );
  });
});
