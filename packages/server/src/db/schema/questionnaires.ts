import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { patients } from './patients';
import { treatmentSessions } from './treatment';
import { users } from './users';

/**
 * A completed questionnaire (patient-reported or clinician-rated), scored by the clinical core from the
 * instrument definition. Filed once and never changed (append-only by trigger): a correction is a new
 * response that names the one it replaces.
 *
 * `total` and `flagged` are copies of the scored result's total and flag state so outcome queries can
 * aggregate over millions of rows without reading the JSON.
 */
export const questionnaireResponses = pgTable(
  'questionnaire_responses',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    instrument: text('instrument').notNull(),
    instrumentVersion: text('instrument_version').notNull(),
    /** Item answers as entered (item id → answer value). */
    answers: jsonb('answers').notNull(),
    /** The clinical core's scored result: total, band, flags, follow-up. */
    result: jsonb('result').notNull(),
    total: integer('total').notNull(),
    flagged: integer('flagged').notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
    /** 'portal' (the patient), 'tablet' (the patient on a clinic tablet), 'clinician' (entered by staff), 'session' (at the chair), 'import'. */
    source: text('source').notNull(),
    /** The schedule slot this response fulfils (e.g. 'phq9:weekly:2026-11-16'), when it was due. */
    dueKey: text('due_key'),
    sessionId: uuid('session_id').references(() => treatmentSessions.id),
    enteredBy: uuid('entered_by').references(() => users.id),
    replacesId: uuid('replaces_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('questionnaire_responses_patient_idx').on(t.patientId, t.instrument, t.completedAt),
    index('questionnaire_responses_clinic_idx').on(t.clinicId, t.instrument, t.completedAt),
    uniqueIndex('questionnaire_responses_due_unique').on(t.patientId, t.dueKey),
  ],
);
