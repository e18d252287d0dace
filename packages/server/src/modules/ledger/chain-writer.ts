import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { GENESIS_HASH } from '../../audit/chain';
import { csChainHeads, csContainers, csLedgerEntries, type CsLedgerEntryRow } from '../../db/schema';
import type { Tx } from '../../db/types';
import { hashLedgerEntry, type LedgerEntryContent } from './rules/chain';
import type { EntryKind } from './rules/movement';

/** An entry to append; the writer adds id, sequence and hashes. */
export type NewEntry = Omit<LedgerEntryContent, 'id' | 'clinicId' | 'chainSeq' | 'kind' | 'details' | 'flagged'> & {
  readonly kind: EntryKind;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly flagged?: boolean;
};

/** Fields most entries leave empty. */
export const NO_LINKS = {
  containerId: null,
  productId: null,
  deltaUl: null,
  deltaUnits: null,
  balanceUg: null,
  balanceUnits: null,
  fromLocationId: null,
  toLocationId: null,
  patientId: null,
  sessionId: null,
  administrationId: null,
  route: null,
  refType: null,
  refId: null,
  witness1Id: null,
  witness1Name: null,
  witness2Id: null,
  witness2Name: null,
  reason: null,
} as const;

/**
 * Appends to one clinic's ledger chain inside the caller's transaction. `open` locks the chain head
 * FOR UPDATE, which serialises ledger writes per clinic; lock containers BEFORE opening the chain
 * (and never take a container lock afterwards), and write the audit event AFTER, so locks are always
 * taken in the same order: containers → ledger head → audit head.
 */
export class ChainWriter {
  private constructor(
    private readonly tx: Tx,
    readonly clinicId: string,
    private seq: number,
    private prevHash: string,
  ) {}

  static async open(tx: Tx, clinicId: string): Promise<ChainWriter> {
    await tx.insert(csChainHeads).values({ chainId: clinicId, lastSeq: 0, lastHash: GENESIS_HASH }).onConflictDoNothing();
    const [head] = await tx.select().from(csChainHeads).where(eq(csChainHeads.chainId, clinicId)).for('update');
    if (head === undefined) {
      throw new Error('ledger chain head missing after upsert');
    }
    return new ChainWriter(tx, clinicId, head.lastSeq, head.lastHash);
  }

  /** The next free container number (safe: the chain head lock serialises receipts). */
  async nextContainerNo(): Promise<number> {
    const [row] = await this.tx
      .select({ n: sql<number>`coalesce(max(${csContainers.containerNo}), 0)::int`.mapWith(Number) })
      .from(csContainers)
      .where(and(eq(csContainers.clinicId, this.clinicId)));
    return (row?.n ?? 0) + 1;
  }

  async append(entry: NewEntry): Promise<CsLedgerEntryRow> {
    const content: LedgerEntryContent = {
      ...entry,
      id: randomUUID(),
      clinicId: this.clinicId,
      chainSeq: this.seq + 1,
      details: entry.details ?? {},
      flagged: entry.flagged ?? false,
    };
    const hash = hashLedgerEntry(content, this.prevHash);
    const [row] = await this.tx
      .insert(csLedgerEntries)
      .values({ ...content, prevHash: this.prevHash, hash })
      .returning();
    await this.tx.update(csChainHeads).set({ lastSeq: content.chainSeq, lastHash: hash }).where(eq(csChainHeads.chainId, this.clinicId));
    this.seq = content.chainSeq;
    this.prevHash = hash;
    if (row === undefined) {
      throw new Error('ledger insert returned nothing');
    }
    return row;
  }
}
