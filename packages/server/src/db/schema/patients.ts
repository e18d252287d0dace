import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { users } from './users';

export interface MedicationEntry {
  name: string;
  dose?: string;
  frequency?: string;
}

export const patients = pgTable(
  'patients',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    /** Clinic-scoped record number shown to staff (e.g. KP-000123). */
    mrn: integer('mrn').notNull(),
    legalFirstName: text('legal_first_name').notNull(),
    legalLastName: text('legal_last_name').notNull(),
    preferredName: text('preferred_name'),
    pronouns: text('pronouns'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    sexAtBirth: text('sex_at_birth').notNull(),
    genderIdentity: text('gender_identity'),
    phone: text('phone'),
    phoneDigits: text('phone_digits'),
    email: text('email'),
    address: text('address'),
    emergencyContactName: text('emergency_contact_name'),
    emergencyContactPhone: text('emergency_contact_phone'),
    emergencyContactRelationship: text('emergency_contact_relationship'),
    escortName: text('escort_name'),
    escortPhone: text('escort_phone'),
    referringClinician: text('referring_clinician'),
    insurance: text('insurance'),
    allergies: jsonb('allergies').$type<string[]>().notNull().default([]),
    medications: jsonb('medications').$type<MedicationEntry[]>().notNull().default([]),
    remsPatientId: text('rems_patient_id'),
    remsEnrolledAt: date('rems_enrolled_at', { mode: 'string' }),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('patients_clinic_mrn_unique').on(t.clinicId, t.mrn),
    index('patients_clinic_dob_idx').on(t.clinicId, t.dateOfBirth),
    index('patients_clinic_phone_idx').on(t.clinicId, t.phoneDigits),
  ],
);

/** Weight and height over time: doses are computed from the measurement current on the day. */
export const patientMeasurements = pgTable(
  'patient_measurements',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    kind: text('kind').notNull(),
    value: numeric('value', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    measuredAt: timestamp('measured_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('patient_measurements_patient_idx').on(t.patientId, t.kind, t.measuredAt)],
);

/** Per-clinic counter for record numbers (locked FOR UPDATE while a number is taken). */
export const clinicCounters = pgTable('clinic_counters', {
  clinicId: uuid('clinic_id')
    .primaryKey()
    .references(() => clinics.id),
  nextMrn: integer('next_mrn').notNull().default(1),
});
