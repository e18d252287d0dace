import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { patients } from './patients';

/**
 * Derived data, never a record of its own: each treated patient's outcome facts for one instrument, as the
 * outcome dashboard's cohort query would compute them from every score filed so far (no end date). Kept current
 * in the transaction that files a questionnaire, signs a plan or starts a dose, and rebuilt for the whole
 * clinic when the clinic's outcome rules change (`outcome_summary_state.rules_key`). The dashboard reads these
 * ~one-row-per-patient facts instead of millions of scores when its period ends today or later
 * (docs/decisions/0009-outcome-summaries.md).
 */
export const patientOutcomeSummaries = pgTable(
  'patient_outcome_summaries',
  {
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    instrument: text('instrument').notNull(),
    /** From the patient's latest treatment plan. */
    route: text('route').notNull(),
    indication: text('indication'),
    prescriberId: uuid('prescriber_id'),
    /** The first dose (start of the patient's treatment). */
    firstDoseAt: timestamp('first_dose_at', { withTimezone: true }).notNull(),
    /** Last score at or before the first dose; null when none. */
    baseline: integer('baseline'),
    /** Latest score after the first dose, and when the last one was filed. */
    latest: integer('latest'),
    lastAt: timestamp('last_at', { withTimezone: true }),
    /** First score classified a response; first classified a response or a remission (start of the relapse watch). */
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    origin: timestamp('origin', { withTimezone: true }),
    /** Onset of the first relapse after `origin`, and the last score seen on either instrument (censoring). */
    relapseAt: timestamp('relapse_at', { withTimezone: true }),
    relapseLastAt: timestamp('relapse_last_at', { withTimezone: true }),
  },
  // The dashboard's index (clinic, instrument, first dose) INCLUDE every fact it reads, so it never visits the
  // table: written by hand in migration 0020, since the schema builder cannot declare INCLUDE columns.
  (t) => [primaryKey({ columns: [t.patientId, t.instrument] })],
);

/** Which outcome rules a clinic's summaries were computed with, and when they were last rebuilt in full. */
export const outcomeSummaryState = pgTable('outcome_summary_state', {
  clinicId: uuid('clinic_id')
    .primaryKey()
    .references(() => clinics.id),
  rulesKey: text('rules_key').notNull(),
  builtAt: timestamp('built_at', { withTimezone: true }).notNull(),
});

/**
 * Derived data, like the summaries above and kept with them: each patient's first and last dosed session per
 * route, from which the dashboard counts the patients treated in a period without visiting every session
 * (a patient whose first dose is before the period and last after it is checked against the sessions).
 */
export const patientDoseSpans = pgTable(
  'patient_dose_spans',
  {
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    route: text('route').notNull(),
    firstDoseAt: timestamp('first_dose_at', { withTimezone: true }).notNull(),
    lastDoseAt: timestamp('last_dose_at', { withTimezone: true }).notNull(),
  },
  // The dashboard's index (clinic, last dose) INCLUDE (first dose, route, patient) is written by hand in
  // migration 0023, since the schema builder cannot declare INCLUDE columns.
  (t) => [primaryKey({ columns: [t.patientId, t.route] })],
);
