import { boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const DEFAULT_OPENING_DAYS = [1, 2, 3, 4, 5];

export const clinics = pgTable('clinics', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  timeZone: text('time_zone').notNull(),
  jurisdiction: text('jurisdiction').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  mfaRequiredRoles: text('mfa_required_roles').array().notNull().default(['admin', 'prescriber']),
  staffIdleMinutes: integer('staff_idle_minutes'),
  protocolOverrides: jsonb('protocol_overrides').notNull().default({}),
  /** Weekdays the clinic treats patients (0 = Sunday … 6 = Saturday) and its daily hours (local HH:MM). */
  openingDays: integer('opening_days').array().notNull().default(DEFAULT_OPENING_DAYS),
  dayStartsAt: text('day_starts_at').notNull().default('08:00'),
  dayEndsAt: text('day_ends_at').notNull().default('18:00'),
  /** How many chairs one monitoring nurse may cover at the same time. */
  chairsPerNurse: integer('chairs_per_nurse').notNull().default(1),
  /**
   * Demo clinics only: the randomly generated password of the synthetic demo staff, shown on the demo
   * sign-in page so visitors can sign decisions. Always null for real clinics.
   */
  demoPassword: text('demo_password'),
  /** US esketamine: the date this outpatient setting was certified in the Spravato REMS (null = not certified). */
  remsCertifiedOn: date('rems_certified_on', { mode: 'string' }),
  /** Clinicians who receive suicide-risk alerts, in order (the alert moves down the list until acknowledged). */
  onCallUserIds: uuid('on_call_user_ids').array().notNull().default([]),
  /** The crisis line shown to patients; null = the jurisdiction's default (US 988), never invented. */
  crisisLineName: text('crisis_line_name'),
  crisisLineNumber: text('crisis_line_number'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
