import { z } from 'zod';
import { FOLLOW_UP_ITEMS } from '../plans/schemas';

export const FollowUpItemOut = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(['not_due', 'due', 'overdue', 'baseline_missing', 'disabled', 'not_applicable']),
  dueDate: z.string().nullable(),
  source: z.string(),
});

export const ResultOut = z.object({
  id: z.string(),
  patientId: z.string(),
  item: z.string(),
  itemLabel: z.string(),
  doneOn: z.string(),
  outcome: z.enum(['negative', 'positive']),
  summary: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
  review: z.object({ note: z.string(), by: z.string().nullable(), at: z.string() }).nullable(),
});
export type ResultOut = z.infer<typeof ResultOut>;

export const FindingOut = ResultOut.extend({ patientName: z.string(), mrn: z.string() });

export const PatientFollowUpOut = z.object({
  hasPlan: z.boolean(),
  route: z.string().nullable(),
  inMaintenance: z.boolean(),
  dosedSessions: z.number().int(),
  inductionSessions: z.number().int(),
  items: z.array(FollowUpItemOut),
  results: z.array(ResultOut),
  openFindings: z.array(ResultOut),
  exposure: z.object({ mg: z.number(), sessions: z.number().int(), firstAt: z.string().nullable(), lastAt: z.string().nullable(), byRoute: z.array(z.object({ route: z.string(), label: z.string(), mg: z.number(), sessions: z.number().int() })) }),
});

export const WorklistOut = z.object({
  asOf: z.string(),
  patients: z.array(
    z.object({
      patientId: z.string(),
      name: z.string(),
      mrn: z.string(),
      route: z.string(),
      routeLabel: z.string(),
      dosedSessions: z.number().int(),
      exposureMg: z.number().nullable(),
      items: z.array(FollowUpItemOut),
    }),
  ),
  findings: z.array(FindingOut),
});

export const RecordResultIn = z.object({
  item: z.enum(FOLLOW_UP_ITEMS),
  doneOn: z.iso.date(),
  outcome: z.enum(['negative', 'positive']),
  summary: z.string().trim().max(2000).optional(),
  replacesId: z.uuid().optional(),
});

export const ReviewIn = z.object({ note: z.string().trim().min(3, 'Write what was decided (at least 3 characters).').max(2000) });
