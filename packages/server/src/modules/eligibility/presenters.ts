import type { EligibilityResult } from '@ketapath/clinical';
import { z } from 'zod';
import type { eligibilityReviews } from '../../db/schema';
import { FindingOut, presentFinding } from '../../lib/findings';

export const ScreeningOut = z.object({
  outcome: z.enum(['blocked', 'needs_override', 'no_blocking_findings']),
  findings: z.array(FindingOut),
  treatmentResistance: z.object({
    meetsTrd: z.boolean(),
    adequateFailedTrials: z.number().int(),
    distinctClasses: z.number().int(),
    summary: z.string(),
    trials: z.array(z.object({ drug: z.string(), drugClass: z.string().nullable(), adequate: z.boolean().nullable(), failed: z.boolean().nullable(), counts: z.boolean(), reasons: z.array(z.string()) })),
  }),
});
export type ScreeningOut = z.infer<typeof ScreeningOut>;

export function presentScreening(r: EligibilityResult): ScreeningOut {
  const trd = r.treatmentResistance;
  return {
    outcome: r.outcome,
    findings: r.findings.map(presentFinding),
    treatmentResistance: {
      meetsTrd: trd.meetsTrd,
      adequateFailedTrials: trd.adequateFailedTrials,
      distinctClasses: trd.distinctClasses,
      summary: `${trd.adequateFailedTrials} adequate failed trial(s) in ${trd.distinctClasses} distinct class(es); ${trd.definition.minFailedTrials} ${trd.definition.countBy === 'trials' ? 'trials' : 'distinct classes'} needed, each at least ${trd.definition.minTrialWeeks} weeks; nonresponse: ${trd.definition.nonresponse}.`,
      trials: trd.trials.map((t) => ({ drug: t.drug, drugClass: t.antidepressantClass, adequate: t.adequate, failed: t.failed, counts: t.counts, reasons: [...t.reasons] })),
    },
  };
}

export const ReviewOut = z.object({
  id: z.string(),
  route: z.string(),
  decision: z.enum(['approved', 'approved_with_override', 'declined']),
  overrides: z.array(z.object({ code: z.string(), field: z.string().nullable(), reason: z.string() })),
  notes: z.string().nullable(),
  decidedAt: z.string(),
  decidedByName: z.string(),
  signatureMethod: z.string(),
  screening: ScreeningOut,
  current: z.boolean(),
  supersededAt: z.string().nullable(),
});
export type ReviewOut = z.infer<typeof ReviewOut>;

export function presentReview(r: typeof eligibilityReviews.$inferSelect, decidedByName: string, supersededAt: Date | null): ReviewOut {
  return {
    id: r.id,
    route: r.route,
    decision: r.decision as ReviewOut['decision'],
    overrides: (r.overrides as { code: string; field?: string; reason: string }[]).map((o) => ({ code: o.code, field: o.field ?? null, reason: o.reason })),
    notes: r.notes,
    decidedAt: r.decidedAt.toISOString(),
    decidedByName,
    signatureMethod: r.signatureMethod,
    screening: r.screening as ScreeningOut,
    current: supersededAt === null,
    supersededAt: supersededAt?.toISOString() ?? null,
  };
}
