import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail. Rows form one SHA-256 hash chain per clinic (chain_id = clinic id, or the
 * system chain for events without a clinic). A trigger rejects UPDATE and DELETE (see migrations).
 * `details` never holds patient data: ids and codes only.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    chainId: uuid('chain_id').notNull(),
    chainSeq: bigint('chain_seq', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    clinicId: uuid('clinic_id'),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    resourceType: text('resource_type'),
    resourceId: text('resource_id'),
    patientId: uuid('patient_id'),
    outcome: text('outcome').notNull(),
    requestId: text('request_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    details: jsonb('details').notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_chain_seq_unique').on(t.chainId, t.chainSeq),
    index('audit_clinic_time_idx').on(t.clinicId, t.occurredAt),
    index('audit_patient_idx').on(t.patientId, t.occurredAt),
    index('audit_actor_idx').on(t.actorUserId, t.occurredAt),
  ],
);

/** The head of each chain, locked FOR UPDATE while a new event is appended. */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chainId: uuid('chain_id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});
