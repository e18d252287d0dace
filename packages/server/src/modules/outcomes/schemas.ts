import { ROUTES } from '@ketapath/clinical';
import { z } from 'zod';

/** Instruments the dashboard can judge outcomes on (those with a remission cut-off in the protocol). */
export const OUTCOME_INSTRUMENTS = ['phq9', 'qids_sr16', 'madrs'] as const;

export const DashboardFilter = z.object({
  from: z.iso.date().optional().describe('First day of the period (clinic-local); default one year before `to`'),
  to: z.iso.date().optional().describe('Last day of the period (clinic-local, inclusive); default today'),
  route: z.enum(ROUTES).optional(),
  prescriberId: z.uuid().optional(),
  instrument: z.enum(OUTCOME_INSTRUMENTS).default('phq9'),
});
export type DashboardFilter = z.infer<typeof DashboardFilter>;

export const CiOut = z.object({ successes: z.number().int(), n: z.number().int(), proportion: z.number(), lower: z.number(), upper: z.number() });
export const RateGroupOut = z.object({ key: z.string(), label: z.string(), patients: z.number().int(), response: CiOut.nullable(), remission: CiOut.nullable() });
export const StepOut = z.object({ time: z.number(), atRisk: z.number().int(), events: z.number().int(), censored: z.number().int(), survival: z.number(), lower: z.number(), upper: z.number() });
export const CurveOut = z.object({ patients: z.number().int(), events: z.number().int(), medianDays: z.number().nullable(), steps: z.array(StepOut) });
export const Per100Out = z.object({ events: z.number().int(), sessions: z.number().int(), rate: z.number(), lower: z.number(), upper: z.number() });

export const DashboardOut = z.object({
  filter: z.object({ from: z.string(), to: z.string(), route: z.string().nullable(), prescriberId: z.string().nullable(), instrument: z.string(), instrumentName: z.string() }),
  patients: z.object({ inCohort: z.number().int(), withBaseline: z.number().int(), withFollowUp: z.number().int() }),
  rates: z.object({ overall: RateGroupOut, byRoute: z.array(RateGroupOut), byProtocol: z.array(RateGroupOut) }),
  timeToResponse: CurveOut,
  relapse: CurveOut.extend({ instrument: z.string(), rule: z.string() }),
  safety: z.object({
    sessions: z.number().int(),
    patients: z.number().int(),
    patientsWithAdverseEvent: z.number().int(),
    patientsWithBpAlert: z.number().int(),
    sessionsPerWeek: z.number().nullable(),
    byRoute: z.array(z.object({ route: z.string(), label: z.string(), sessions: z.number().int() })),
    weeks: z.array(z.object({ weekStart: z.string(), sessions: z.number().int() })),
    adverseEvents: z.object({ any: Per100Out.nullable(), sessionsWithEvent: CiOut.nullable(), byTerm: z.array(z.object({ term: z.string(), label: z.string(), rate: Per100Out })) }),
    bloodPressure: z.object({ any: CiOut.nullable(), byCode: z.array(z.object({ code: z.string(), label: z.string(), rate: CiOut })) }),
  }),
  method: z.array(z.string()),
  sources: z.array(z.string()),
});
export type DashboardOut = z.infer<typeof DashboardOut>;
