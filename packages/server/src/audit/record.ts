import { eq } from 'drizzle-orm';
import { auditChainHeads, auditEvents } from '../db/schema';
import type { Db, Queryable, Tx } from '../db/types';
import type { Actor, RequestMeta } from '../http/context';
import { GENESIS_HASH, hashAuditEvent, SYSTEM_CHAIN_ID, type AuditOutcome } from './chain';

/** What happened. `details` holds ids, codes and counts only: never patient data. */
export interface AuditInput {
  readonly action: string;
  readonly outcome: AuditOutcome;
  readonly clinicId: string | null;
  /** A staff user, or a patient acting in the portal (`role` 'patient', `userId` = the patient account id). */
  readonly actor?: Pick<Actor, 'userId'> & { readonly role: string } | null;
  readonly resourceType?: string;
  readonly resourceId?: string;
  readonly patientId?: string;
  readonly details?: Readonly<Record<string, string | number | boolean | null | readonly string[]>>;
  readonly meta: RequestMeta | null;
  readonly at: Date;
}

/**
 * Append one event to its clinic's hash chain, inside the caller's transaction so the event commits
 * (or rolls back) with the change it describes. The chain head row is locked FOR UPDATE, which
 * serialises appends per clinic.
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await recordAudits(tx, [input]);
}

/**
 * Append several events in order, in the caller's transaction: each chain's head is locked once, the
 * events of a chain are inserted in one statement, and the head advances one event at a time (as the
 * database requires). Used where one transaction commits the changes of several requests.
 */
export async function recordAudits(tx: Tx, inputs: readonly AuditInput[]): Promise<void> {
  const byChain = new Map<string, AuditInput[]>();
  for (const input of inputs) {
    const chainId = input.clinicId ?? SYSTEM_CHAIN_ID;
    const list = byChain.get(chainId) ?? [];
    list.push(input);
    byChain.set(chainId, list);
  }
  for (const [chainId, list] of byChain) {
    await appendToChain(tx, chainId, list);
  }
}

async function appendToChain(tx: Tx, chainId: string, inputs: readonly AuditInput[]): Promise<void> {
  await tx.insert(auditChainHeads).values({ chainId, lastSeq: 0, lastHash: GENESIS_HASH }).onConflictDoNothing();
  const [head] = await tx.select().from(auditChainHeads).where(eq(auditChainHeads.chainId, chainId)).for('update');
  if (head === undefined) {
    throw new Error('audit chain head missing after upsert');
  }
  let seq = head.lastSeq;
  let prevHash = head.lastHash;
  const rows = inputs.map((input) => {
    seq += 1;
    const content = {
      chainId,
      chainSeq: seq,
      occurredAt: input.at,
      clinicId: input.clinicId,
      actorUserId: input.actor?.userId ?? null,
      actorRole: input.actor?.role ?? null,
      action: input.action,
      resourceType: input.resourceType ?? null,
      resourceId: input.resourceId ?? null,
      patientId: input.patientId ?? null,
      outcome: input.outcome,
      requestId: input.meta?.requestId ?? null,
      ip: input.meta?.ip ?? null,
      userAgent: input.meta?.userAgent ?? null,
      details: input.details ?? {},
    };
    const hash = hashAuditEvent(content, prevHash);
    const row = { ...content, prevHash, hash };
    prevHash = hash;
    return row;
  });
  if (rows.length === 0) {
    return;
  }
  await tx.insert(auditEvents).values(rows);
  for (const row of rows) {
    await tx.update(auditChainHeads).set({ lastSeq: row.chainSeq, lastHash: row.hash }).where(eq(auditChainHeads.chainId, chainId));
  }
}

/** Record an event on its own (e.g. a refused request, where there is no change to commit with). */
export async function recordAuditStandalone(db: Db, input: AuditInput): Promise<void> {
  await db.transaction(async (tx) => {
    await recordAudit(tx, input);
  });
}

export type { Queryable };
