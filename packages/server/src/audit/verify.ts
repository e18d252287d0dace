import { and, asc, eq, gt } from 'drizzle-orm';
import { auditChainHeads, auditEvents } from '../db/schema';
import type { Db } from '../db/types';
import { ChainVerifier, type ChainBreak } from './chain';

export interface ChainReport {
  readonly chainId: string;
  readonly eventsChecked: number;
  readonly ok: boolean;
  readonly firstBreak: ChainBreak | null;
}

const PAGE = 2000;

/** Walk one chain from the start in pages, stopping at the first broken link. */
export async function verifyChain(db: Db, chainId: string): Promise<ChainReport> {
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.chainId, chainId), gt(auditEvents.chainSeq, after)))
      .orderBy(asc(auditEvents.chainSeq))
      .limit(PAGE);
    for (const row of rows) {
      const broken = verifier.feed(row);
      if (broken !== undefined) {
        return { chainId, eventsChecked: verifier.checked, ok: false, firstBreak: broken };
      }
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < PAGE) {
      break;
    }
    after = last.chainSeq;
  }
  const [head] = await db.select().from(auditChainHeads).where(eq(auditChainHeads.chainId, chainId));
  const broken = verifier.finish(head);
  return { chainId, eventsChecked: verifier.checked, ok: broken === undefined, firstBreak: broken ?? null };
}

export async function verifyAllChains(db: Db): Promise<ChainReport[]> {
  const heads = await db.select({ chainId: auditChainHeads.chainId }).from(auditChainHeads);
  const reports: ChainReport[] = [];
  for (const { chainId } of heads) {
    reports.push(await verifyChain(db, chainId));
  }
  return reports;
}
