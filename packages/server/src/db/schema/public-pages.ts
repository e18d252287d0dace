import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { users } from './users';

/**
 * What a clinic chooses to publish on its public transparency page (/c/<slug>). One row per clinic.
 * `content` holds the entered details (validated by modules/public/profile/schemas.ts); `sections` the
 * per-section publish switches and "last verified" dates. Nothing here is patient data.
 */
export const clinicPublicProfiles = pgTable('clinic_public_profiles', {
  clinicId: uuid('clinic_id')
    .primaryKey()
    .references(() => clinics.id),
  published: boolean('published').notNull().default(false),
  acceptsConsultationRequests: boolean('accepts_consultation_requests').notNull().default(false),
  /** Opt-in for the aggregate outcomes section (off until the clinic chooses; shown only once data exists). */
  publishOutcomes: boolean('publish_outcomes').notNull().default(false),
  sections: jsonb('sections').notNull().default({}),
  content: jsonb('content').notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** A visitor's request for a consultation, sent from the public self-check. Personal health data. */
export const consultationRequests = pgTable(
  'consultation_requests',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    name: text('name').notNull(),
    contact: text('contact').notNull(),
    preferredContact: text('preferred_contact').notNull(),
    message: text('message'),
    /** The self-check answers the visitor chose to share: item and question ids, and their own questions. */
    selfCheck: jsonb('self_check'),
    /** The consent sentence the visitor ticked, as shown. */
    consentText: text('consent_text').notNull(),
    status: text('status').notNull().default('new'),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    handledBy: uuid('handled_by').references(() => users.id),
  },
  (t) => [
    index('consultation_requests_clinic_idx').on(t.clinicId, t.status, t.receivedAt),
    check('consultation_requests_status_check', sql`${t.status} in ('new', 'handled')`),
    check('consultation_requests_contact_check', sql`${t.preferredContact} in ('phone', 'email')`),
  ],
);

/** Accepted public form posts per client address (a SHA-256 key, not the address), for throttling across servers. */
export const publicFormSubmissions = pgTable(
  'public_form_submissions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ipKey: text('ip_key').notNull(),
    form: text('form').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('public_form_submissions_ip_idx').on(t.ipKey, t.at)],
);
