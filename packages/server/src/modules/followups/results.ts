import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { followUpResults, followUpReviews, patients, users } from '../../db/schema';
import type { Queryable } from '../../db/types';
import { formatMrn } from '../patients/presenters';
import type { ResultOut } from './schemas';

export const ITEM_LABELS: Readonly<Record<string, string>> = {
  urinary_screen: 'Urinary/bladder symptom screen',
  liver_tests: 'Liver tests incl. ALP and GGT',
  cognition: 'Cognitive screen',
  misuse_screen: 'Misuse/craving check',
  bp_review: 'Blood-pressure review',
  induction_review: 'End-of-induction benefit review',
};

const reviewer = alias(users, 'reviewer');

/** Follow-up results of a clinic (or one patient), newest first, with their review; `openOnly` = positive and not yet reviewed. */
export async function loadResults(q: Queryable, clinicId: string, opts: { patientId?: string; openOnly?: boolean; limit?: number }): Promise<(ResultOut & { patientName: string; mrn: string })[]> {
  const where: SQL[] = [eq(followUpResults.clinicId, clinicId)];
  if (opts.patientId !== undefined) {
    where.push(eq(followUpResults.patientId, opts.patientId));
  }
  if (opts.openOnly === true) {
    where.push(eq(followUpResults.outcome, 'positive'), isNull(followUpReviews.id));
  }
  const rows = await q
    .select({ r: followUpResults, by: users.name, rv: followUpReviews, rvBy: reviewer.name, p: { first: patients.legalFirstName, preferred: patients.preferredName, last: patients.legalLastName, mrn: patients.mrn } })
    .from(followUpResults)
    .innerJoin(patients, eq(patients.id, followUpResults.patientId))
    .leftJoin(users, eq(users.id, followUpResults.recordedBy))
    .leftJoin(followUpReviews, eq(followUpReviews.resultId, followUpResults.id))
    .leftJoin(reviewer, eq(reviewer.id, followUpReviews.reviewedBy))
    .where(and(...where))
    .orderBy(desc(followUpResults.doneOn), desc(followUpResults.recordedAt))
    .limit(opts.limit ?? 500);
  return rows.map(({ r, by, rv, rvBy, p }) => ({
    id: r.id,
    patientId: r.patientId,
    item: r.item,
    itemLabel: ITEM_LABELS[r.item] ?? r.item,
    doneOn: r.doneOn,
    outcome: r.outcome === 'positive' ? 'positive' : 'negative',
    summary: r.summary,
    recordedBy: by,
    recordedAt: r.recordedAt.toISOString(),
    review: rv === null ? null : { note: rv.note, by: rvBy, at: rv.reviewedAt.toISOString() },
    patientName: `${p.preferred ?? p.first} ${p.last}`,
    mrn: formatMrn(p.mrn),
  }));
}
