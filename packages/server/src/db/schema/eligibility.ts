import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { patients } from './patients';
import { users } from './users';

/** The structured intake a patient's eligibility is screened from. One draft at a time; submitted intakes are kept. */
export const intakes = pgTable(
  'intakes',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    status: text('status').notNull(),
    plannedRoute: text('planned_route'),
    data: jsonb('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id),
  },
  (t) => [index('intakes_patient_idx').on(t.patientId, t.updatedAt)],
);

/**
 * A prescriber's signed eligibility decision. Immutable (trigger): a new review supersedes it. Keeps
 * the exact intake, protocol and screening result it was based on.
 */
export const eligibilityReviews = pgTable(
  'eligibility_reviews',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    intakeId: uuid('intake_id')
      .notNull()
      .references(() => intakes.id),
    route: text('route').notNull(),
    jurisdiction: text('jurisdiction').notNull(),
    intakeSnapshot: jsonb('intake_snapshot').notNull(),
    protocolSnapshot: jsonb('protocol_snapshot').notNull(),
    screening: jsonb('screening').notNull(),
    decision: text('decision').notNull(),
    overrides: jsonb('overrides').notNull(),
    notes: text('notes'),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    signatureMethod: text('signature_method').notNull(),
    supersedesId: uuid('supersedes_id'),
  },
  (t) => [index('eligibility_reviews_patient_idx').on(t.patientId, t.route, t.decidedAt)],
);
