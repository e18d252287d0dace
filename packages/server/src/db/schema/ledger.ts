import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { patients } from './patients';
import { sessionAdministrations, treatmentSessions } from './treatment';
import { users } from './users';

/**
 * Controlled-substance ledger (issue 7). Quantities are exact integers: mass in micrograms (mg × 1000),
 * volume in microlitres (mL × 1000), devices/units as a count. Nothing here is ever deleted (triggers).
 */

/** Where stock is kept (a safe, a locked cabinet). */
export const csLocations = pgTable(
  'cs_locations',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('cs_locations_clinic_name_unique').on(t.clinicId, sql`lower(${t.name})`)],
);

/**
 * A product the clinic stocks. `liquid`: strength (µg/mL) × container volume (µL); `unit`: devices or
 * other units per container, each of a fixed mass (esketamine: 28 mg per device). Quantities never change (trigger).
 */
export const csProducts = pgTable(
  'cs_products',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    name: text('name').notNull(),
    substance: text('substance').notNull(),
    form: text('form').notNull(),
    /** NDC (US) or the local product code, as printed on the pack. */
    code: text('code'),
    codeSystem: text('code_system'),
    strengthUgPerMl: bigint('strength_ug_per_ml', { mode: 'number' }),
    containerVolumeUl: bigint('container_volume_ul', { mode: 'number' }),
    unitLabel: text('unit_label'),
    ugPerUnit: bigint('ug_per_unit', { mode: 'number' }),
    unitsPerContainer: integer('units_per_container'),
    /** Mass of a full container. */
    containerUg: bigint('container_ug', { mode: 'number' }).notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('cs_products_clinic_idx').on(t.clinicId)],
);

/** One delivery from a supplier (US 21 CFR 1304.22(c): date, supplier name, address and DEA number). */
export const csReceipts = pgTable(
  'cs_receipts',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    supplierName: text('supplier_name').notNull(),
    supplierAddress: text('supplier_address').notNull(),
    supplierRegistration: text('supplier_registration'),
    invoiceNumber: text('invoice_number').notNull(),
    orderFormNumber: text('order_form_number'),
    notes: text('notes'),
    receivedBy: uuid('received_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('cs_receipts_clinic_idx').on(t.clinicId, t.receivedOn)],
);

/** Each vial or kit. The balance columns are a cache of the sum of its ledger entries (verified). */
export const csContainers = pgTable(
  'cs_containers',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => csProducts.id),
    receiptId: uuid('receipt_id').references(() => csReceipts.id),
    /** Clinic-wide running number written on the container's label. */
    containerNo: integer('container_no').notNull(),
    lot: text('lot').notNull(),
    expiryDate: date('expiry_date', { mode: 'string' }).notNull(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => csLocations.id),
    status: text('status').notNull(),
    balanceUg: bigint('balance_ug', { mode: 'number' }).notNull(),
    balanceUnits: integer('balance_units'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('cs_containers_clinic_no_unique').on(t.clinicId, t.containerNo), index('cs_containers_clinic_status_idx').on(t.clinicId, t.status)],
);

/**
 * The register: every movement, count line and resolution, append-only (trigger) and hash-chained per
 * clinic (`chain_seq`, `prev_hash`, `hash`), like the audit trail.
 * `session_id` and `administration_id` point at the treatment session and its administration record
 * (null for doses recorded before sessions were charted in Ketapath, e.g. the demo's history).
 */
export const csLedgerEntries = pgTable(
  'cs_ledger_entries',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    chainSeq: bigint('chain_seq', { mode: 'number' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    kind: text('kind').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    containerId: uuid('container_id').references(() => csContainers.id),
    productId: uuid('product_id').references(() => csProducts.id),
    deltaUg: bigint('delta_ug', { mode: 'number' }).notNull().default(0),
    deltaUl: bigint('delta_ul', { mode: 'number' }),
    deltaUnits: integer('delta_units'),
    balanceUg: bigint('balance_ug', { mode: 'number' }),
    balanceUnits: integer('balance_units'),
    fromLocationId: uuid('from_location_id').references(() => csLocations.id),
    toLocationId: uuid('to_location_id').references(() => csLocations.id),
    patientId: uuid('patient_id').references(() => patients.id),
    sessionId: uuid('session_id').references(() => treatmentSessions.id),
    administrationId: uuid('administration_id').references(() => sessionAdministrations.id),
    route: text('route'),
    refType: text('ref_type'),
    refId: uuid('ref_id'),
    performedBy: uuid('performed_by').references(() => users.id),
    performedByName: text('performed_by_name').notNull(),
    signedWith: text('signed_with').notNull(),
    witness1Id: uuid('witness1_id').references(() => users.id),
    witness1Name: text('witness1_name'),
    witness2Id: uuid('witness2_id').references(() => users.id),
    witness2Name: text('witness2_name'),
    reason: text('reason'),
    details: jsonb('details').notNull().default({}),
    flagged: boolean('flagged').notNull().default(false),
  },
  (t) => [
    uniqueIndex('cs_ledger_chain_seq_unique').on(t.clinicId, t.chainSeq),
    uniqueIndex('cs_ledger_administration_unique').on(t.administrationId, t.containerId).where(sql`${t.administrationId} IS NOT NULL`),
    index('cs_ledger_container_idx').on(t.containerId, t.chainSeq),
    index('cs_ledger_patient_idx').on(t.clinicId, t.patientId, t.occurredAt),
    index('cs_ledger_product_idx').on(t.clinicId, t.productId, t.occurredAt),
    index('cs_ledger_ref_idx').on(t.refId),
  ],
);

/** The head of each clinic's ledger chain, locked FOR UPDATE while entries are appended. */
export const csChainHeads = pgTable('cs_chain_heads', {
  chainId: uuid('chain_id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});

/** A stock count by two people (routine, or an initial/biennial inventory). Lines are ledger entries of kind `count`. */
export const csCounts = pgTable(
  'cs_counts',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    kind: text('kind').notNull(),
    businessTime: text('business_time'),
    countedAt: timestamp('counted_at', { withTimezone: true }).notNull(),
    performedBy: uuid('performed_by')
      .notNull()
      .references(() => users.id),
    witnessId: uuid('witness_id')
      .notNull()
      .references(() => users.id),
    containers: integer('containers').notNull(),
    discrepancies: integer('discrepancies').notNull(),
    notes: text('notes'),
  },
  (t) => [index('cs_counts_clinic_idx').on(t.clinicId, t.countedAt)],
);

/** The explanation that closes a count's discrepancies (one per count). */
export const csCountResolutions = pgTable('cs_count_resolutions', {
  id: uuid('id').primaryKey(),
  clinicId: uuid('clinic_id')
    .notNull()
    .references(() => clinics.id),
  countId: uuid('count_id')
    .notNull()
    .unique()
    .references(() => csCounts.id),
  explanation: text('explanation').notNull(),
  resolvedBy: uuid('resolved_by')
    .notNull()
    .references(() => users.id),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }).notNull(),
});

/** A theft or significant loss (the data set of US DEA Form 106). Lines are ledger entries of kind `loss`. */
export const csLossReports = pgTable(
  'cs_loss_reports',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    jurisdiction: text('jurisdiction').notNull(),
    discoveredAt: timestamp('discovered_at', { withTimezone: true }).notNull(),
    theftType: text('theft_type').notNull(),
    theftTypeOther: text('theft_type_other'),
    registrantName: text('registrant_name').notNull(),
    registrantAddress: text('registrant_address').notNull(),
    registrantRegistration: text('registrant_registration'),
    policeNotified: boolean('police_notified').notNull(),
    policeDepartment: text('police_department'),
    policeReportNumber: text('police_report_number'),
    carrierName: text('carrier_name'),
    trackingNumber: text('tracking_number'),
    containerMarkings: text('container_markings'),
    circumstances: text('circumstances').notNull(),
    securityMeasures: text('security_measures'),
    reportedBy: uuid('reported_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('cs_loss_reports_clinic_idx').on(t.clinicId, t.discoveredAt)],
);

/** Deadlines that follow a theft/loss report. Only the completion may be set, once (trigger). */
export const csTasks = pgTable(
  'cs_tasks',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    lossReportId: uuid('loss_report_id')
      .notNull()
      .references(() => csLossReports.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** Last day (clinic time zone) on which the task is on time; null when the jurisdiction's deadline is not confirmed. */
    dueDate: date('due_date', { mode: 'string' }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    rule: text('rule').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by').references(() => users.id),
    completionReference: text('completion_reference'),
  },
  (t) => [index('cs_tasks_clinic_idx').on(t.clinicId, t.completedAt)],
);

export type CsProductRow = typeof csProducts.$inferSelect;
export type CsContainerRow = typeof csContainers.$inferSelect;
export type CsLedgerEntryRow = typeof csLedgerEntries.$inferSelect;
export type CsLocationRow = typeof csLocations.$inferSelect;
