/**
 * The treatment-session state machine: which step may follow which, and which steps need a reason.
 * scheduled → checked_in → predose_passed → dosing → monitoring → ready_for_discharge → discharged → signed,
 * with cancelled / no_show / stopped_early (each with a reason) as exits.
 */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';

export const SESSION_STATES = ['scheduled', 'checked_in', 'predose_passed', 'dosing', 'monitoring', 'ready_for_discharge', 'discharged', 'signed', 'cancelled', 'no_show', 'stopped_early'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/** Allowed next states. `ready_for_discharge → monitoring` covers a patient who worsens while waiting to leave. */
export const SESSION_TRANSITIONS: Readonly<Record<SessionState, readonly SessionState[]>> = {
  scheduled: ['checked_in', 'cancelled', 'no_show'],
  checked_in: ['predose_passed', 'cancelled', 'stopped_early'],
  predose_passed: ['dosing', 'cancelled', 'stopped_early'],
  dosing: ['monitoring', 'stopped_early'],
  monitoring: ['ready_for_discharge', 'stopped_early'],
  ready_for_discharge: ['discharged', 'monitoring', 'stopped_early'],
  discharged: ['signed'],
  stopped_early: ['signed'],
  signed: [],
  cancelled: [],
  no_show: [],
};

/** Exits that must say why. */
export const STATES_NEEDING_REASON: readonly SessionState[] = ['cancelled', 'no_show', 'stopped_early'];

/** States in which the patient is in the chair (shown on the monitoring board). */
export const ACTIVE_SESSION_STATES: readonly SessionState[] = ['checked_in', 'predose_passed', 'dosing', 'monitoring', 'ready_for_discharge'];

export function isSessionState(value: string): value is SessionState {
  return (SESSION_STATES as readonly string[]).includes(value);
}

/** Findings that stop the transition (empty = allowed). */
export function checkTransition(from: SessionState, to: SessionState, reason?: string): Finding[] {
  if (!SESSION_TRANSITIONS[from].includes(to)) {
    const allowed = SESSION_TRANSITIONS[from];
    return [
      finding('SESSION_TRANSITION_NOT_ALLOWED', `A session that is ${from.replace(/_/g, ' ')} cannot become ${to.replace(/_/g, ' ')}${allowed.length === 0 ? ' (it is closed)' : `; next steps: ${allowed.map((s) => s.replace(/_/g, ' ')).join(', ')}`}.`, { field: 'state', value: from, limit: allowed.join('|') }),
    ];
  }
  if (STATES_NEEDING_REASON.includes(to) && (reason === undefined || reason.trim().length < 3)) {
    return [finding('SESSION_REASON_REQUIRED', `Give the reason the session is ${to.replace(/_/g, ' ')}.`, { field: 'reason', value: to })];
  }
  return [];
}
