import { describe, expect, it } from 'vitest';
import { checkInGate } from './gate';

const ok = { route: 'iv', eligibility: 'approved', consent: 'valid', planSigned: true, remsEnrolled: false } as const;

describe('check-in gate', () => {
  it('is ready when everything is in place (REMS only matters for esketamine)', () => {
    expect(checkInGate(ok).ready).toBe(true);
    expect(checkInGate({ ...ok, eligibility: 'approved_with_override' }).ready).toBe(true);
    expect(checkInGate({ ...ok, route: 'esketamine_nasal' }).items.filter((i) => !i.ok).map((i) => i.code)).toEqual(['REMS_PATIENT_NOT_ENROLLED']);
  });

  it.each([
    [{ eligibility: null }, 'ELIGIBILITY_NOT_APPROVED'],
    [{ eligibility: 'declined' }, 'ELIGIBILITY_NOT_APPROVED'],
    [{ consent: 'none' }, 'CONSENT_NOT_VALID'],
    [{ consent: 'awaiting_countersignature' }, 'CONSENT_NOT_VALID'],
    [{ consent: 'needs_reconsent' }, 'CONSENT_NOT_VALID'],
    [{ consent: 'withdrawn' }, 'CONSENT_NOT_VALID'],
    [{ planSigned: false }, 'PLAN_NOT_SIGNED'],
  ] as const)('%o is missing %s', (change, code) => {
    const g = checkInGate({ ...ok, ...change });
    expect(g.ready).toBe(false);
    expect(g.items.filter((i) => !i.ok).map((i) => i.code)).toEqual([code]);
  });
});
