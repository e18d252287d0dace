import { describe, expect, it } from 'vitest';
import type { DashboardOut } from '../../outcomes/schemas';
import { publicOutcomes } from './outcomes';

const ci = (successes: number, n: number) => ({ successes, n, proportion: successes / n, lower: 0, upper: 1 });

function dashboard(o: { started: number; measured: number; responders: number; remitters: number; sessions: number; sessionPatients: number; aePatients: number; bpPatients: number }): DashboardOut {
  const group = { key: 'all', label: 'All patients', patients: o.measured, response: o.measured === 0 ? null : ci(o.responders, o.measured), remission: o.measured === 0 ? null : ci(o.remitters, o.measured) };
  const empty = { patients: 0, events: 0, medianDays: null, steps: [] };
  return {
    filter: { from: '2025-11-22', to: '2026-11-21', route: null, prescriberId: null, instrument: 'phq9', instrumentName: 'PHQ-9' },
    patients: { inCohort: o.started, withBaseline: o.measured, withFollowUp: o.measured },
    rates: { overall: group, byRoute: [], byProtocol: [] },
    timeToResponse: empty,
    relapse: { ...empty, instrument: 'MADRS', rule: '' },
    safety: {
      sessions: o.sessions,
      patients: o.sessionPatients,
      patientsWithAdverseEvent: o.aePatients,
      patientsWithBpAlert: o.bpPatients,
      sessionsPerWeek: null,
      byRoute: [],
      weeks: [],
      adverseEvents: { any: o.sessions === 0 ? null : { events: 30, sessions: o.sessions, rate: (30 / o.sessions) * 100, lower: 0, upper: 0 }, sessionsWithEvent: null, byTerm: [] },
      bloodPressure: { any: o.sessions === 0 ? null : ci(20, o.sessions), byCode: [] },
    },
    method: [],
    sources: [],
  };
}

describe('public outcomes (small-number suppression)', () => {
  it('shows every figure when each cell, and its complement, has at least 11 patients', () => {
    const p = publicOutcomes(dashboard({ started: 60, measured: 50, responders: 25, remitters: 12, sessions: 400, sessionPatients: 60, aePatients: 15, bpPatients: 11 }), 50);
    expect(p?.patientsStarted).toEqual({ shown: true, count: 60 });
    expect(p?.response).toMatchObject({ shown: true, numerator: 25, denominator: 50, rate: 0.5 });
    expect(p?.remission).toMatchObject({ shown: true, numerator: 12 });
    expect(p?.sessions).toEqual({ shown: true, count: 400 });
    expect(p?.adverseEvents).toMatchObject({ shown: true, per100: 7.5 });
    expect(p?.bloodPressure).toMatchObject({ shown: true, sessionShare: 0.05 });
  });

  it.each([
    ['10 responders', { responders: 10 }, 'response', 'numerator_below_minimum'],
    ['40 of 50 respond (10 did not)', { responders: 40 }, 'response', 'complement_below_minimum'],
    ['10 patients measured', { measured: 10, responders: 5, remitters: 2 }, 'response', 'denominator_below_minimum'],
    ['10 remitters', { remitters: 10 }, 'remission', 'numerator_below_minimum'],
    ['10 patients with a side effect', { aePatients: 10 }, 'adverseEvents', 'numerator_below_minimum'],
    ['50 of 60 with a side effect (10 without)', { aePatients: 50 }, 'adverseEvents', 'complement_below_minimum'],
    ['10 patients with a BP alert', { bpPatients: 10 }, 'bloodPressure', 'numerator_below_minimum'],
  ] as const)('withholds the figure when %s', (_name, change, key, reason) => {
    const p = publicOutcomes(dashboard({ started: 60, measured: 50, responders: 25, remitters: 12, sessions: 400, sessionPatients: 60, aePatients: 15, bpPatients: 11, ...change }), 50);
    const fig = p?.[key];
    expect(fig).toMatchObject({ shown: false, reason });
    expect(JSON.stringify(fig)).not.toMatch(/"(numerator|rate|per100|count)"/);
  });

  it('withholds counts and session figures of a small clinic, and says why', () => {
    const p = publicOutcomes(dashboard({ started: 10, measured: 8, responders: 4, remitters: 2, sessions: 70, sessionPatients: 10, aePatients: 3, bpPatients: 1 }), 50);
    expect(p?.patientsStarted).toMatchObject({ shown: false, reason: 'count_below_minimum', message: 'Not shown: fewer than 11 patients.' });
    expect(p?.sessions).toMatchObject({ shown: false });
    expect(p?.response).toMatchObject({ shown: false });
    expect(p?.adverseEvents).toMatchObject({ shown: false, reason: 'denominator_below_minimum' });
  });

  it('is absent when the clinic has no outcome data yet', () => {
    expect(publicOutcomes(dashboard({ started: 0, measured: 0, responders: 0, remitters: 0, sessions: 0, sessionPatients: 0, aePatients: 0, bpPatients: 0 }), 50)).toBeNull();
  });
});
