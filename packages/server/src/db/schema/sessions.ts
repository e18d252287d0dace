import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { patientAccounts } from './portal';
import { users } from './users';

/**
 * Server-side sessions: the cookie carries a random opaque token; only its SHA-256 is stored.
 * `stage` is 'active', 'mfa_pending' (password ok, second factor outstanding) or
 * 'mfa_enrolment' (the clinic requires MFA for this role and the user has none yet).
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    csrfToken: text('csrf_token').notNull(),
    /** Staff sessions (`kind` 'staff') belong to a user; patient-portal sessions (`kind` 'patient') to a patient account. */
    userId: uuid('user_id').references(() => users.id),
    patientAccountId: uuid('patient_account_id').references(() => patientAccounts.id),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    kind: text('kind').notNull().default('staff'),
    stage: text('stage').notNull(),
    idleTimeoutSeconds: integer('idle_timeout_seconds').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /**
     * Set while a staff member has handed this browser to a patient to fill in questionnaires ("hand the tablet
     * to the patient"): the session then reaches only that patient's tablet routes until the staff member
     * confirms their password to take it back.
     */
    tabletPatientId: uuid('tablet_patient_id'),
    /**
     * Set when a staff member turned this browser into a wall display of the monitoring board: the session then
     * reaches only the board (no chart, no acknowledgement) and is not ended by idleness, only by its absolute
     * limit or by signing out (docs/decisions/0010-wall-display.md).
     */
    displaySince: timestamp('display_since', { withTimezone: true }),
  },
  (t) => [
    index('sessions_user_idx').on(t.userId),
    check('sessions_subject_check', sql`(${t.kind} = 'staff' AND ${t.userId} IS NOT NULL AND ${t.patientAccountId} IS NULL) OR (${t.kind} = 'patient' AND ${t.patientAccountId} IS NOT NULL AND ${t.userId} IS NULL)`),
  ],
);

/** Every login attempt, for per-IP and per-account throttling across stateless app servers. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ip: text('ip').notNull(),
    userId: uuid('user_id'),
    success: boolean('success').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_attempts_ip_at_idx').on(t.ip, t.at)],
);
