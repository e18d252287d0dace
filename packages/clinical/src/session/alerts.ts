/**
 * Escalation of unacknowledged in-session alerts: louder on the board after one protocol time, sent to the
 * prescriber on duty after a second. The times are clinic policy (no source gives one; see `alert_escalation`).
 */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import type { Severity } from '../findings/types.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { MS_PER_MINUTE, toEpochMs, toIsoUtc, type Instant } from '../time/instant.js';

/** 0 = raised, 1 = louder on the board, 2 = the prescriber on duty has been told. */
export type EscalationLevel = 0 | 1 | 2;

export interface AlertEscalationInput {
  readonly severity: Severity;
  readonly raisedAt: Instant;
  /** `null`/absent while nobody has acknowledged the alert. */
  readonly acknowledgedAt?: Instant | null;
}

export interface AlertEscalation {
  readonly level: EscalationLevel;
  /** Whether the alert needs a named person to acknowledge it (`info` does not). */
  readonly needsAcknowledgement: boolean;
  readonly louderAt: string | null;
  readonly notifyAt: string | null;
  /** When the level next changes, or `null` when it no longer will (acknowledged, top level, or info). */
  readonly nextAt: string | null;
  readonly findings: readonly Finding[];
}

/** Where an alert stands at `now`. Pure: the same inputs always give the same level. */
export function alertEscalation(alert: AlertEscalationInput, now: Instant, protocol: ProtocolSettings): AlertEscalation {
  const raised = toEpochMs(alert.raisedAt);
  const nowMs = toEpochMs(now);
  const needsAcknowledgement = alert.severity !== 'info';
  if (raised === null || nowMs === null) {
    return { level: 0, needsAcknowledgement, louderAt: null, notifyAt: null, nextAt: null, findings: [] };
  }
  const louder = raised + protocol.alerts.escalateAfterMinutes * MS_PER_MINUTE;
  const notify = raised + protocol.alerts.notifyPrescriberAfterMinutes * MS_PER_MINUTE;
  const louderAt = toIsoUtc(louder);
  const notifyAt = toIsoUtc(notify);
  const ack = alert.acknowledgedAt === undefined || alert.acknowledgedAt === null ? null : toEpochMs(alert.acknowledgedAt);
  // An acknowledged alert keeps the level it had reached when it was acknowledged.
  const at = ack === null ? nowMs : Math.min(ack, nowMs);
  if (!needsAcknowledgement) {
    return { level: 0, needsAcknowledgement, louderAt: null, notifyAt: null, nextAt: null, findings: [] };
  }
  const level: EscalationLevel = at >= notify ? 2 : at >= louder ? 1 : 0;
  const nextAt = ack !== null || level === 2 ? null : level === 1 ? notifyAt : louderAt;
  const findings: Finding[] = [];
  if (ack === null && level >= 1) {
    const minutes = Math.floor((nowMs - raised) / MS_PER_MINUTE);
    findings.push(
      finding('ALERT_NOT_ACKNOWLEDGED', `Alert not acknowledged for ${minutes} min${level === 2 ? ' — the prescriber on duty has been told' : ''}.`, {
        field: 'acknowledgedAt',
        value: minutes,
        limit: level === 2 ? protocol.alerts.notifyPrescriberAfterMinutes : protocol.alerts.escalateAfterMinutes,
        action: 'Go to the chair, check the patient and acknowledge the alert.',
        severity: level === 2 ? 'override' : 'warn',
      }),
    );
  }
  return { level, needsAcknowledgement, louderAt, notifyAt, nextAt, findings };
}
