import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { patients } from './patients';
import { users } from './users';

export const consentTemplates = pgTable(
  'consent_templates',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('consent_templates_clinic_kind_unique').on(t.clinicId, t.kind)],
);

/** Immutable versions of a template; `material` versions require existing consents to be renewed. */
export const consentTemplateVersions = pgTable(
  'consent_template_versions',
  {
    id: uuid('id').primaryKey(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => consentTemplates.id),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    contentHash: text('content_hash').notNull(),
    material: boolean('material').notNull(),
    changeSummary: text('change_summary'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('consent_versions_template_version_unique').on(t.templateId, t.version)],
);

/** A patient's signed consent. Signature fields never change (trigger); countersignature and withdrawal are added once. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    templateVersionId: uuid('template_version_id')
      .notNull()
      .references(() => consentTemplateVersions.id),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    contentHash: text('content_hash').notNull(),
    signerName: text('signer_name').notNull(),
    signerRelationship: text('signer_relationship').notNull(),
    signaturePng: text('signature_png').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    signedIp: text('signed_ip'),
    signedUserAgent: text('signed_user_agent'),
    signedVia: text('signed_via').notNull(),
    presentedBy: uuid('presented_by').references(() => users.id),
    countersignedBy: uuid('countersigned_by').references(() => users.id),
    countersignedAt: timestamp('countersigned_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
    withdrawnRecordedBy: uuid('withdrawn_recorded_by').references(() => users.id),
  },
  (t) => [index('consents_patient_idx').on(t.patientId, t.kind, t.signedAt)],
);
