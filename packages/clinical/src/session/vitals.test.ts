import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOL } from '../protocol/defaults.js';
import { resolveProtocol } from '../protocol/resolve.js';
import { evaluateVitals, type VitalsContext, type VitalsReading } from './vitals.js';

const ctx: VitalsContext = { route: 'iv', protocol: DEFAULT_PROTOCOL };
const codes = (r: VitalsReading, c: VitalsContext = ctx): string[] => evaluateVitals(r, c).findings.map((f) => f.code);

describe('blood pressure thresholds', () => {
  it.each([
    [164, 99, []],
    [165, 80, ['VITALS_BP_TREATMENT_EMERGENT_HYPERTENSION']],
    [150, 100, ['VITALS_BP_TREATMENT_EMERGENT_HYPERTENSION']],
    [180, 100, ['VITALS_BP_TREATMENT_EMERGENT_HYPERTENSION']],
    [181, 90, ['VITALS_BP_HYPERTENSIVE_URGENCY']],
    [170, 101, ['VITALS_BP_ABOVE_PAUSE_LIMIT']],
    [170, 120, ['VITALS_BP_ABOVE_PAUSE_LIMIT']],
    [170, 121, ['VITALS_BP_HYPERTENSIVE_URGENCY']],
  ])('%i/%i → %j', (systolic, diastolic, expected) => {
    expect(codes({ systolic, diastolic })).toEqual(expected);
  });

  it('severities and actions: urgency blocks, pause needs override', () => {
    const urgent = evaluateVitals({ systolic: 200, diastolic: 100 }, ctx);
    expect(urgent.worst).toBe('block');
    expect(urgent.findings[0]?.action).toMatch(/Pause the infusion/);
    const pause = evaluateVitals({ systolic: 150, diastolic: 105 }, { ...ctx, route: 'esketamine_nasal' });
    expect(pause.worst).toBe('override');
    expect(pause.findings[0]?.action).toMatch(/further devices/);
    expect(evaluateVitals({ systolic: 150, diastolic: 105 }, { ...ctx, route: 'oral' }).findings[0]?.action).toMatch(/further doses/);
  });

  it.each([
    [{ systolic: 159, diastolic: 94 }, []],
    [{ systolic: 160, diastolic: 80 }, ['VITALS_BP_RISE_FROM_BASELINE']],
    [{ systolic: 130, diastolic: 95 }, ['VITALS_BP_RISE_FROM_BASELINE']],
    [{ systolic: 130, diastolic: 104 }, ['VITALS_BP_ABOVE_PAUSE_LIMIT', 'VITALS_BP_RISE_FROM_BASELINE']],
  ])('rise from baseline 120/70 (alert at +40/+25): %j → %j', (reading, expected) => {
    expect(codes(reading, { ...ctx, baseline: { systolic: 120, diastolic: 70 } })).toEqual(expected);
  });

  it('BP that stays above the pause limit on 2 readings in a row needs help', () => {
    const high = { systolic: 175, diastolic: 105 };
    expect(codes(high, { ...ctx, previous: [{ systolic: 150, diastolic: 90 }] })).toEqual(['VITALS_BP_ABOVE_PAUSE_LIMIT']);
    expect(codes(high, { ...ctx, previous: [{ systolic: 150, diastolic: 90 }, high] })).toEqual(['VITALS_BP_ABOVE_PAUSE_LIMIT', 'VITALS_BP_PERSISTENTLY_HIGH']);
  });

  it('hypertensive-emergency symptoms always block', () => {
    const r = evaluateVitals({ systolic: 140, diastolic: 85, symptoms: ['chest_pain', 'visual_disturbance'] }, ctx);
    expect(r.findings.map((f) => f.code)).toEqual(['VITALS_HYPERTENSIVE_SYMPTOMS']);
    expect(r.findings[0]?.message).toMatch(/chest pain, visual disturbance/);
    expect(r.worst).toBe('block');
    expect(codes({ symptoms: ['seizure'] })).toEqual(['VITALS_HYPERTENSIVE_SYMPTOMS']);
  });
});

describe('heart rate, SpO2 and respiratory rate', () => {
  it.each([
    [{ heartRate: 110 }, []],
    [{ heartRate: 111 }, ['VITALS_HR_ABOVE_LIMIT']],
    [{ heartRate: 50 }, []],
    [{ heartRate: 49 }, ['VITALS_HR_BELOW_LIMIT']],
    [{ spo2: 92 }, []],
    [{ spo2: 91 }, ['VITALS_SPO2_BELOW_LIMIT']],
    [{ respiratoryRate: 4 }, []],
  ])('%j → %j', (reading, expected) => {
    expect(codes(reading)).toEqual(expected);
  });

  it('respiratory-rate rules stay off until the clinic sets limits', () => {
    const p = resolveProtocol({ vitals: { respiratoryRateBelow: 8, respiratoryRateAbove: 24 } });
    if (!p.ok) {
      throw new Error('protocol');
    }
    const c = { ...ctx, protocol: p.protocol };
    expect(codes({ respiratoryRate: 8 }, c)).toEqual([]);
    expect(codes({ respiratoryRate: 7 }, c)).toEqual(['VITALS_RR_BELOW_LIMIT']);
    expect(codes({ respiratoryRate: 25 }, c)).toEqual(['VITALS_RR_ABOVE_LIMIT']);
  });
});

describe('implausible readings', () => {
  it.each([[{ spo2: 101 }], [{ systolic: 0 }], [{ heartRate: Number.NaN }], [{ systolic: 80, diastolic: 90 }], [{ respiratoryRate: 99 }]])('%j → re-measure', (reading) => {
    const r = evaluateVitals(reading, ctx);
    expect(r.findings.map((f) => f.code)).toEqual(['VITALS_READING_INVALID']);
  });
});
