import { z } from 'zod';
import type { treatmentPlans } from '../../db/schema';
import { FindingOut } from '../../lib/findings';
import { MeasurementItem } from './schemas';

export const SessionOut = z.object({ index: z.number().int(), phase: z.enum(['induction', 'maintenance']), week: z.number().int(), localDate: z.string(), localTime: z.string(), startsAt: z.string(), plannedDose: z.object({ mg: z.number().optional(), mgPerKg: z.number().optional() }) });

export const PlanPreviewOut = z.object({
  ok: z.boolean(),
  missing: z.array(z.string()),
  dose: z.object({ summary: z.string(), working: z.array(z.string()) }).nullable(),
  sessions: z.array(SessionOut),
  findings: z.array(FindingOut),
  weightKgUsed: z.number().nullable(),
  outcome: z.enum(['blocked', 'needs_override', 'no_blocking_findings']),
});
export type PlanPreviewOut = z.infer<typeof PlanPreviewOut>;

export const PlanOut = z.object({
  id: z.string(),
  version: z.number().int(),
  route: z.string(),
  drug: z.string(),
  indication: z.string(),
  eligibilityReviewId: z.string(),
  dose: z.object({ summary: z.string(), working: z.array(z.string()), input: z.record(z.string(), z.unknown()) }),
  schedule: z.object({ startDate: z.string(), sessionTime: z.string(), sessions: z.array(SessionOut) }),
  measurementPlan: z.array(MeasurementItem),
  followUps: z.array(z.object({ id: z.string(), label: z.string(), interval: z.string() })),
  findings: z.array(FindingOut),
  overrides: z.array(z.object({ code: z.string(), field: z.string().nullable(), reason: z.string() })),
  notes: z.string().nullable(),
  changeReason: z.string().nullable(),
  signedAt: z.string(),
  signedByName: z.string(),
  signatureMethod: z.string(),
  current: z.boolean(),
});
export type PlanOut = z.infer<typeof PlanOut>;

interface StoredDose {
  summary: string;
  working: string[];
  input: Record<string, unknown>;
  findings: z.infer<typeof FindingOut>[];
}
interface StoredSchedule {
  startDate: string;
  sessionTime: string;
  sessions: z.infer<typeof SessionOut>[];
}

export function presentPlan(r: typeof treatmentPlans.$inferSelect, signedByName: string, current: boolean): PlanOut {
  const dose = r.dosePlan as StoredDose;
  const schedule = r.schedule as StoredSchedule;
  return {
    id: r.id,
    version: r.version,
    route: r.route,
    drug: r.drug,
    indication: r.indication,
    eligibilityReviewId: r.eligibilityReviewId,
    dose: { summary: dose.summary, working: dose.working, input: dose.input },
    schedule,
    measurementPlan: r.measurementPlan as z.infer<typeof MeasurementItem>[],
    followUps: r.followUpPlan as { id: string; label: string; interval: string }[],
    findings: dose.findings,
    overrides: (r.overrides as { code: string; field?: string; reason: string }[]).map((o) => ({ code: o.code, field: o.field ?? null, reason: o.reason })),
    notes: r.notes,
    changeReason: r.changeReason,
    signedAt: r.signedAt.toISOString(),
    signedByName,
    signatureMethod: r.signatureMethod,
    current,
  };
}
