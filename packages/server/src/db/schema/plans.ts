import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { eligibilityReviews } from './eligibility';
import { patients } from './patients';
import { users } from './users';

/**
 * A prescriber-signed treatment plan. Immutable (trigger); a change is a new version that supersedes
 * the previous one and says why.
 */
export const treatmentPlans = pgTable(
  'treatment_plans',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    version: integer('version').notNull(),
    route: text('route').notNull(),
    drug: text('drug').notNull(),
    indication: text('indication').notNull(),
    eligibilityReviewId: uuid('eligibility_review_id')
      .notNull()
      .references(() => eligibilityReviews.id),
    protocolSnapshot: jsonb('protocol_snapshot').notNull(),
    dosePlan: jsonb('dose_plan').notNull(),
    schedule: jsonb('schedule').notNull(),
    measurementPlan: jsonb('measurement_plan').notNull(),
    followUpPlan: jsonb('follow_up_plan').notNull(),
    overrides: jsonb('overrides').notNull(),
    notes: text('notes'),
    changeReason: text('change_reason'),
    supersedesId: uuid('supersedes_id'),
    signedBy: uuid('signed_by')
      .notNull()
      .references(() => users.id),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    signatureMethod: text('signature_method').notNull(),
  },
  (t) => [index('treatment_plans_patient_idx').on(t.patientId, t.signedAt), index('treatment_plans_clinic_patient_idx').on(t.clinicId, t.patientId, t.version)],
);
