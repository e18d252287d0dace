/**
 * Suicide-risk signals from a scored questionnaire and the escalation of an unacknowledged risk alert along
 * the clinic's ordered on-call list. The wait is clinic policy (`riskAlerts.escalateAfterMinutes`, unconfirmed).
 */
import type { InstrumentResult } from '../instruments/types.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { MS_PER_MINUTE, toEpochMs, toIsoUtc, type Instant } from '../time/instant.js';

export type RiskSignalCode = 'PHQ9_ITEM9_POSITIVE' | 'CSSRS_MODERATE_RISK' | 'CSSRS_HIGH_RISK';

export interface RiskSignal {
  /** Raise a clinical risk alert to the on-call clinicians. */
  readonly alert: RiskSignalCode | null;
  /** Show the patient crisis resources now (any positive suicide screen, C-SSRS low risk included). */
  readonly showCrisisResources: boolean;
  readonly severity: 'warn' | 'stop' | null;
}

/**
 * PHQ-9 item 9 above 0, or a C-SSRS screen at moderate or high risk, raises an alert; any C-SSRS answer that
 * calls for crisis resources (its follow-up) shows them to the patient. Read from the scored result's flags.
 */
export function suicideRiskSignal(result: InstrumentResult): RiskSignal {
  const codes = new Set(result.flags.map((f) => f.code));
  const crisis = result.followUp.some((f) => f.code === 'CRISIS_RESOURCES');
  if (codes.has('CSSRS_HIGH_RISK')) {
    return { alert: 'CSSRS_HIGH_RISK', showCrisisResources: true, severity: 'stop' };
  }
  if (codes.has('CSSRS_MODERATE_RISK')) {
    return { alert: 'CSSRS_MODERATE_RISK', showCrisisResources: true, severity: 'warn' };
  }
  if (codes.has('PHQ9_ITEM9_POSITIVE')) {
    return { alert: 'PHQ9_ITEM9_POSITIVE', showCrisisResources: true, severity: 'warn' };
  }
  return { alert: null, showCrisisResources: crisis, severity: null };
}

export interface RiskAlertStep {
  /** Index into the on-call list of the person the alert is with now. */
  readonly onCallIndex: number;
  /** Everyone on the list has had the alert and nobody has acknowledged it. */
  readonly listExhausted: boolean;
  /** When it next moves to someone else, or `null` when it will not (acknowledged or last person). */
  readonly nextAt: string | null;
}

/**
 * Who an unacknowledged risk alert is with at `now`: the first person on call when raised, the next one after
 * each `riskAlerts.escalateAfterMinutes`, staying with the last person once the list is exhausted.
 */
export function riskAlertStep(alert: { readonly raisedAt: Instant; readonly acknowledgedAt?: Instant | null }, onCallCount: number, now: Instant, protocol: ProtocolSettings): RiskAlertStep {
  const raised = toEpochMs(alert.raisedAt);
  const nowMs = toEpochMs(now);
  if (raised === null || nowMs === null || onCallCount <= 0) {
    return { onCallIndex: 0, listExhausted: onCallCount <= 0, nextAt: null };
  }
  const ack = alert.acknowledgedAt === undefined || alert.acknowledgedAt === null ? null : toEpochMs(alert.acknowledgedAt);
  const at = ack === null ? nowMs : Math.min(ack, nowMs);
  const wait = protocol.riskAlerts.escalateAfterMinutes * MS_PER_MINUTE;
  const steps = Math.max(0, Math.floor((at - raised) / wait));
  const onCallIndex = Math.min(steps, onCallCount - 1);
  const listExhausted = steps >= onCallCount;
  const nextAt = ack !== null || onCallIndex >= onCallCount - 1 ? null : toIsoUtc(raised + (onCallIndex + 1) * wait);
  return { onCallIndex, listExhausted, nextAt };
}
