import { and, asc, eq, gt } from 'drizzle-orm';
import { csChainHeads, csContainers, csLedgerEntries } from '../../db/schema';
import type { Db } from '../../db/types';
import { LedgerVerifier, type BalanceMismatch, type LedgerBreak } from './rules/chain';

export interface LedgerReport {
  readonly clinicId: string;
  readonly entriesChecked: number;
  readonly containersChecked: number;
  readonly ok: boolean;
  readonly firstBreak: LedgerBreak | null;
  readonly balanceMismatches: readonly BalanceMismatch[];
}

const PAGE = 2000;

/** Walk one clinic's ledger chain from the start, re-adding every container's movements. */
export async function verifyLedger(db: Db, clinicId: string): Promise<LedgerReport> {
  const v = new LedgerVerifier();
  let after = 0;
  let broken: LedgerBreak | undefined;
  for (;;) {
    const rows = await db
      .select()
      .from(csLedgerEntries)
      .where(and(eq(csLedgerEntries.clinicId, clinicId), gt(csLedgerEntries.chainSeq, after)))
      .orderBy(asc(csLedgerEntries.chainSeq))
      .limit(PAGE);
    for (const row of rows) {
      broken = v.feed(row);
      if (broken !== undefined) {
        break;
      }
    }
    const last = rows.at(-1);
    if (broken !== undefined || last === undefined || rows.length < PAGE) {
      break;
    }
    after = last.chainSeq;
  }
  const [head] = await db.select().from(csChainHeads).where(eq(csChainHeads.chainId, clinicId));
  broken = v.finish(head);
  const containers = await db
    .select({ id: csContainers.id, balanceUg: csContainers.balanceUg, balanceUnits: csContainers.balanceUnits })
    .from(csContainers)
    .where(eq(csContainers.clinicId, clinicId));
  const mismatches = broken === undefined ? v.cacheMismatches(containers) : [];
  return {
    clinicId,
    entriesChecked: v.checked,
    containersChecked: containers.length,
    ok: broken === undefined && mismatches.length === 0,
    firstBreak: broken ?? null,
    balanceMismatches: mismatches,
  };
}

export async function verifyAllLedgers(db: Db): Promise<LedgerReport[]> {
  const heads = await db.select({ chainId: csChainHeads.chainId }).from(csChainHeads);
  const out: LedgerReport[] = [];
  for (const { chainId } of heads) {
    out.push(await verifyLedger(db, chainId));
  }
  return out;
}
