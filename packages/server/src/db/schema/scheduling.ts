import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { patients } from './patients';
import { treatmentPlans } from './plans';
import { users } from './users';

/** Treatment chairs and rooms. */
export const chairs = pgTable(
  'chairs',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('chairs_clinic_idx').on(t.clinicId)],
);

/** Weekly working hours of a staff member (clinic-local times, HH:MM). */
export const staffHours = pgTable(
  'staff_hours',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    weekday: integer('weekday').notNull(),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
  },
  (t) => [index('staff_hours_user_idx').on(t.userId)],
);

export const appointmentTypes = pgTable(
  'appointment_types',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    route: text('route'),
    durationMinutes: integer('duration_minutes').notNull(),
    needsChair: boolean('needs_chair').notNull(),
    needsNurse: boolean('needs_nurse').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [index('appointment_types_clinic_idx').on(t.clinicId)],
);

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    typeId: uuid('type_id')
      .notNull()
      .references(() => appointmentTypes.id),
    route: text('route'),
    chairId: uuid('chair_id').references(() => chairs.id),
    staffId: uuid('staff_id').references(() => users.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status').notNull(),
    planId: uuid('plan_id').references(() => treatmentPlans.id),
    planSessionIndex: integer('plan_session_index'),
    phase: text('phase'),
    notes: text('notes'),
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    statusChangedBy: uuid('status_changed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('appointments_clinic_time_idx').on(t.clinicId, t.startsAt),
    index('appointments_patient_idx').on(t.patientId, t.startsAt),
    index('appointments_chair_idx').on(t.chairId, t.startsAt),
    index('appointments_staff_idx').on(t.staffId, t.startsAt),
  ],
);
