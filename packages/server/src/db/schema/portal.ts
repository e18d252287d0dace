import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { patients } from './patients';
import { questionnaireResponses } from './questionnaires';
import { users } from './users';

/**
 * A patient's own sign-in to the portal. One per patient; the patient is the only subject it can ever act as.
 * `status`: 'invited' (no password yet), 'active', 'disabled'.
 */
export const patientAccounts = pgTable(
  'patient_accounts',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id)
      .unique(),
    email: text('email').notNull(),
    status: text('status').notNull(),
    passwordHash: text('password_hash'),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('patient_accounts_email_unique').on(sql`lower(${t.email})`), index('patient_accounts_clinic_idx').on(t.clinicId)],
);

/**
 * One-time links for a patient account: `invitation` (sent by the clinic, days) or `magic_link` (asked for by
 * the patient, minutes). Only the token's SHA-256 is stored; a link is used once.
 */
export const patientLinks = pgTable(
  'patient_links',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => patientAccounts.id),
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdBy: uuid('created_by').references(() => users.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('patient_links_account_idx').on(t.accountId, t.createdAt)],
);

/**
 * Messages to send (invitations, sign-in links, reminders). A worker delivers them by SMTP when configured;
 * without SMTP they stay `pending` and the admin Outbox page shows what would be sent.
 * `dedupeKey` makes a reminder for one due questionnaire go out once however many servers run the pass.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    patientId: uuid('patient_id').references(() => patients.id),
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    dedupeKey: text('dedupe_key').unique(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('outbox_messages_pending_idx').on(t.status, t.nextAttemptAt), index('outbox_messages_clinic_idx').on(t.clinicId, t.createdAt)],
);

/**
 * A suicide-risk alert raised by a questionnaire (PHQ-9 item 9 > 0, C-SSRS moderate/high). It is with one
 * person of the clinic's ordered on-call list at a time (`onCallIndex`) and moves to the next after the
 * protocol's wait until a clinician acknowledges it, recording the contact made and the action taken.
 */
export const riskAlerts = pgTable(
  'risk_alerts',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    responseId: uuid('response_id')
      .notNull()
      .references(() => questionnaireResponses.id)
      .unique(),
    code: text('code').notNull(),
    severity: text('severity').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    onCallIndex: integer('on_call_index').notNull().default(0),
    assignedUserId: uuid('assigned_user_id').references(() => users.id),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    contactMade: text('contact_made'),
    actionTaken: text('action_taken'),
  },
  (t) => [index('risk_alerts_clinic_open_idx').on(t.clinicId, t.acknowledgedAt), index('risk_alerts_patient_idx').on(t.patientId, t.raisedAt)],
);
