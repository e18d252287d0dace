/** Turn a patient's facts into the clinical core's follow-up items. Pure. */
import { dueFollowUps, ROUTES, type FollowUpItem, type FollowUpItemId, type ProtocolSettings, type Route } from '@ketapath/clinical';
import type { FollowUpFacts } from './facts';

const isRoute = (r: string): r is Route => (ROUTES as readonly string[]).includes(r);

export interface PatientFollowUp {
  readonly inMaintenance: boolean;
  readonly inductionSessions: number;
  readonly items: readonly FollowUpItem[];
}

/**
 * A patient is in maintenance once they have had as many dosed sessions as their plan's induction phase holds
 * (or the plan's first maintenance session date has come). Items the plan does not keep are left out.
 */
export function patientFollowUp(f: FollowUpFacts, protocol: ProtocolSettings, asOf: Date, timeZone: string, today: string): PatientFollowUp {
  const planned = f.schedule?.sessions ?? [];
  const inductionSessions = planned.filter((s) => s.phase === 'induction').length;
  const firstMaintenance = planned.find((s) => s.phase === 'maintenance')?.localDate;
  const inMaintenance = f.dosedSessions > 0 && ((inductionSessions > 0 && f.dosedSessions >= inductionSessions) || (firstMaintenance !== undefined && firstMaintenance <= today));
  if (!isRoute(f.route)) {
    return { inMaintenance, inductionSessions, items: [] };
  }
  const kept = new Set((f.followUpPlan ?? []).map((x) => x.id));
  const lastDone = (f.lastDone ?? {}) as Partial<Record<FollowUpItemId, string>>;
  const { items } = dueFollowUps({
    route: f.route,
    protocol,
    asOf: asOf.toISOString(),
    timeZone,
    ...(f.firstDoseOn === null ? {} : { courseStartDate: f.firstDoseOn }),
    lastDone,
    sessionsSince: lastDone.urinary_screen === undefined ? {} : { urinary_screen: f.urinarySince },
  });
  return { inMaintenance, inductionSessions, items: items.filter((i) => kept.size === 0 || kept.has(i.id)) };
}

export const NEEDS_ACTION = new Set(['due', 'overdue', 'baseline_missing']);
