import { describe, expect, it } from 'vitest';
import { checkTransition, SESSION_STATES, SESSION_TRANSITIONS, STATES_NEEDING_REASON, type SessionState } from './state-machine.js';

const HAPPY: SessionState[] = ['scheduled', 'checked_in', 'predose_passed', 'dosing', 'monitoring', 'ready_for_discharge', 'discharged', 'signed'];

describe('session state machine', () => {
  it('walks the whole happy path', () => {
    for (let i = 1; i < HAPPY.length; i++) {
      expect(checkTransition(HAPPY[i - 1] as SessionState, HAPPY[i] as SessionState)).toEqual([]);
    }
  });

  // Exhaustive: every (from, to) pair is either allowed (with a reason when required) or refused with a code.
  const pairs = SESSION_STATES.flatMap((from) => SESSION_STATES.map((to) => [from, to] as const));
  it.each(pairs)('%s → %s', (from, to) => {
    const allowed = SESSION_TRANSITIONS[from].includes(to);
    const withoutReason = checkTransition(from, to);
    const withReason = checkTransition(from, to, 'Patient asked to stop');
    if (!allowed) {
      expect(withoutReason.map((f) => f.code)).toEqual(['SESSION_TRANSITION_NOT_ALLOWED']);
      expect(withReason.map((f) => f.code)).toEqual(['SESSION_TRANSITION_NOT_ALLOWED']);
    } else if (STATES_NEEDING_REASON.includes(to)) {
      expect(withoutReason.map((f) => f.code)).toEqual(['SESSION_REASON_REQUIRED']);
      expect(withReason).toEqual([]);
    } else {
      expect(withoutReason).toEqual([]);
    }
  });

  it('has closed end states and no transition back to scheduled', () => {
    for (const s of ['signed', 'cancelled', 'no_show'] as const) {
      expect(SESSION_TRANSITIONS[s]).toEqual([]);
    }
    expect(SESSION_STATES.some((s) => SESSION_TRANSITIONS[s].includes('scheduled'))).toBe(false);
    expect(checkTransition('dosing', 'stopped_early', ' ok ')[0]?.code).toBe('SESSION_REASON_REQUIRED');
  });
});
