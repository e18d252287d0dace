import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOL } from '../protocol/defaults.js';
import { monitoringFormStatus, remsRequirementsAt, REMS_VERSIONS } from './rems.js';

describe('REMS versions', () => {
  it.each([
    ['2019-01-01', '2019-06-25', false],
    ['2024-12-30', '2019-06-25', false],
    ['2024-12-31', '2024-12-31', true],
    ['2026-03-13', '2024-12-31', true],
    ['not-a-date', '2024-12-31', true],
  ])('%s → version %s (pulse oximeter %s)', (date, version, ox) => {
    const v = remsRequirementsAt(date);
    expect(v.effectiveFrom).toBe(version);
    expect(v.pulseOximeterOnSite).toBe(ox);
  });
  it('is ordered oldest first', () => {
    expect(REMS_VERSIONS.map((v) => v.effectiveFrom)).toEqual(['2019-06-25', '2024-12-31']);
  });
});

describe('Patient Monitoring Form deadline (7 calendar days)', () => {
  it.each([
    ['2025-06-08', undefined, 'pending'],
    ['2025-06-09', undefined, 'overdue'],
    ['2025-06-20', '2025-06-08', 'submitted'],
    ['2025-06-20', '2025-06-09', 'submitted_late'],
  ])('session 2025-06-01, today %s, submitted %s → %s', (today, submittedOn, status) => {
    const r = monitoringFormStatus([{ sessionId: 'a', sessionDate: '2025-06-01', ...(submittedOn === undefined ? {} : { submittedOn }) }], today, DEFAULT_PROTOCOL);
    expect(r.forms[0]).toEqual({ sessionId: 'a', deadline: '2025-06-08', status });
    expect(r.findings.map((f) => f.code)).toEqual(status === 'overdue' ? ['REMS_PMF_OVERDUE'] : []);
  });
});
