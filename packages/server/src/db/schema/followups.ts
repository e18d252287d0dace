import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { patients } from './patients';
import { treatmentSessions } from './treatment';
import { users } from './users';

/**
 * A long-term safety follow-up result (urinary screen, liver tests, cognition, misuse screen, BP review,
 * end-of-induction review) recorded against the item the clinical core's `dueFollowUps` listed. Append-only
 * (trigger): a correction is a new result that names the one it replaces. A `positive` result is a finding
 * for the prescriber until a review is recorded against it.
 */
export const followUpResults = pgTable(
  'follow_up_results',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    /** The clinical core's follow-up item id (urinary_screen, liver_tests, cognition, misuse_screen, bp_review, induction_review). */
    item: text('item').notNull(),
    /** Clinic-local date the check was done. */
    doneOn: date('done_on', { mode: 'string' }).notNull(),
    /** 'negative' (nothing of concern) or 'positive' (a positive screen or an abnormal result). */
    outcome: text('outcome').notNull(),
    /** What was measured or answered, as written by the clinician (e.g. "ALT 32 U/L, GGT 40 U/L"). */
    summary: text('summary'),
    sessionId: uuid('session_id').references(() => treatmentSessions.id),
    replacesId: uuid('replaces_id'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('follow_up_results_patient_idx').on(t.patientId, t.item, t.doneOn), index('follow_up_results_clinic_idx').on(t.clinicId, t.outcome, t.recordedAt)],
);

/** The prescriber's review of a positive follow-up result (closes the finding). Append-only. */
export const followUpReviews = pgTable(
  'follow_up_reviews',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    resultId: uuid('result_id')
      .notNull()
      .references(() => followUpResults.id),
    note: text('note').notNull(),
    reviewedBy: uuid('reviewed_by')
      .notNull()
      .references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('follow_up_reviews_result_idx').on(t.resultId)],
);
