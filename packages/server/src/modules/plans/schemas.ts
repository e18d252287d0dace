import { INSTRUMENT_IDS } from '@ketapath/clinical';
import { z } from 'zod';
import { RouteSchema } from '../intake/schema';

export const MEASUREMENT_TIMINGS = ['at_baseline', 'before_each_session', 'weekly_during_induction', 'end_of_induction', 'monthly_during_maintenance'] as const;
export const FOLLOW_UP_ITEMS = ['urinary_screen', 'liver_tests', 'cognition', 'misuse_screen', 'bp_review', 'induction_review'] as const;

export const MeasurementItem = z.object({ instrumentId: z.enum(INSTRUMENT_IDS), timings: z.array(z.enum(MEASUREMENT_TIMINGS)).min(1).max(5) });

export const DoseParams = z.object({
  mgPerKg: z.number().positive().max(10).optional(),
  durationMinutes: z.number().int().positive().max(600).optional(),
  stockConcentrationMgPerMl: z.number().positive().max(500).optional(),
  totalVolumeMl: z.number().positive().max(1000).optional(),
  doseMg: z.number().positive().max(2000).optional(),
});

export const PlanInput = z.object({
  route: RouteSchema,
  indication: z.enum(['trd', 'mdsi']).default('trd'),
  startDate: z.iso.date(),
  sessionTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM'),
  dose: DoseParams,
  measurementPlan: z.array(MeasurementItem).max(13),
  followUps: z.array(z.enum(FOLLOW_UP_ITEMS)).max(6),
});
export type PlanInput = z.infer<typeof PlanInput>;

/** The default measurement plan (PHQ-9 before each session and weekly in induction, monthly in maintenance, …). */
export const DEFAULT_MEASUREMENT_PLAN: z.infer<typeof MeasurementItem>[] = [
  { instrumentId: 'phq9', timings: ['at_baseline', 'before_each_session', 'weekly_during_induction', 'monthly_during_maintenance'] },
  { instrumentId: 'gad7', timings: ['at_baseline', 'weekly_during_induction', 'monthly_during_maintenance'] },
  { instrumentId: 'qids_sr16', timings: ['at_baseline', 'end_of_induction', 'monthly_during_maintenance'] },
  { instrumentId: 'madrs', timings: ['at_baseline', 'end_of_induction'] },
  { instrumentId: 'urinary_screen', timings: ['before_each_session'] },
  { instrumentId: 'misuse_check', timings: ['at_baseline', 'monthly_during_maintenance'] },
];

export const DEFAULT_FOLLOW_UPS: (typeof FOLLOW_UP_ITEMS)[number][] = ['urinary_screen', 'liver_tests', 'cognition', 'misuse_screen', 'bp_review', 'induction_review'];
