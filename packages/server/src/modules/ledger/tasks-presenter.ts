import { z } from 'zod';
import type { csLossReports, csTasks } from '../../db/schema';
import { taskState } from './rules/deadlines';

/** Types of theft or loss, as on US DEA Form 106. */
export const THEFT_TYPES = ['night_break_in', 'armed_robbery', 'employee_pilferage', 'customer_theft', 'lost_in_transit', 'other'] as const;

type TaskRow = typeof csTasks.$inferSelect;
type ReportRow = typeof csLossReports.$inferSelect;

export const TaskOut = z.object({
  id: z.string(),
  lossReportId: z.string(),
  kind: z.string(),
  title: z.string(),
  dueDate: z.string().nullable(),
  rule: z.string(),
  state: z.enum(['done', 'overdue', 'due_today', 'open', 'no_deadline']),
  completedAt: z.string().nullable(),
  completedBy: z.string().nullable(),
  completionReference: z.string().nullable(),
});
export type TaskOut = z.infer<typeof TaskOut>;

export function presentTask(t: TaskRow, today: string): TaskOut {
  return {
    id: t.id,
    lossReportId: t.lossReportId,
    kind: t.kind,
    title: t.title,
    dueDate: t.dueDate,
    rule: t.rule,
    state: taskState({ dueDate: t.dueDate, completed: t.completedAt !== null }, today),
    completedAt: t.completedAt?.toISOString() ?? null,
    completedBy: t.completedBy,
    completionReference: t.completionReference,
  };
}

export const LossReportOut = z.object({
  id: z.string(),
  jurisdiction: z.string(),
  discoveredAt: z.string(),
  theftType: z.enum(THEFT_TYPES),
  theftTypeOther: z.string().nullable(),
  registrantName: z.string(),
  registrantAddress: z.string(),
  registrantRegistration: z.string().nullable(),
  policeNotified: z.boolean(),
  policeDepartment: z.string().nullable(),
  policeReportNumber: z.string().nullable(),
  carrierName: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  containerMarkings: z.string().nullable(),
  circumstances: z.string(),
  securityMeasures: z.string().nullable(),
  reportedBy: z.string(),
  recordedAt: z.string(),
  tasks: z.array(TaskOut),
});
export type LossReportOut = z.infer<typeof LossReportOut>;

export function presentLossReport(r: ReportRow, tasks: readonly TaskRow[], today: string): LossReportOut {
  return {
    id: r.id,
    jurisdiction: r.jurisdiction,
    discoveredAt: r.discoveredAt.toISOString(),
    theftType: r.theftType as LossReportOut['theftType'],
    theftTypeOther: r.theftTypeOther,
    registrantName: r.registrantName,
    registrantAddress: r.registrantAddress,
    registrantRegistration: r.registrantRegistration,
    policeNotified: r.policeNotified,
    policeDepartment: r.policeDepartment,
    policeReportNumber: r.policeReportNumber,
    carrierName: r.carrierName,
    trackingNumber: r.trackingNumber,
    containerMarkings: r.containerMarkings,
    circumstances: r.circumstances,
    securityMeasures: r.securityMeasures,
    reportedBy: r.reportedBy,
    recordedAt: r.recordedAt.toISOString(),
    tasks: tasks.map((t) => presentTask(t, today)),
  };
}
