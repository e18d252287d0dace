/**
 * The ledger's hash chain (pure): each entry hashes its whole content and the previous entry's hash,
 * per clinic, exactly like the audit trail. The verifier also re-adds every container's movements and
 * checks each entry's stated balance and each container's cached balance against that sum.
 */
import { createHash } from 'node:crypto';
import { GENESIS_HASH } from '../../../audit/chain';
import { canonicalJson } from '../../../lib/canonical-json';

export interface LedgerEntryContent {
  readonly id: string;
  readonly clinicId: string;
  readonly chainSeq: number;
  readonly kind: string;
  readonly occurredAt: Date;
  readonly recordedAt: Date;
  readonly containerId: string | null;
  readonly productId: string | null;
  readonly deltaUg: number;
  readonly deltaUl: number | null;
  readonly deltaUnits: number | null;
  readonly balanceUg: number | null;
  readonly balanceUnits: number | null;
  readonly fromLocationId: string | null;
  readonly toLocationId: string | null;
  readonly patientId: string | null;
  readonly sessionId: string | null;
  readonly administrationId: string | null;
  readonly route: string | null;
  readonly refType: string | null;
  readonly refId: string | null;
  readonly performedBy: string | null;
  readonly performedByName: string;
  readonly signedWith: string;
  readonly witness1Id: string | null;
  readonly witness1Name: string | null;
  readonly witness2Id: string | null;
  readonly witness2Name: string | null;
  readonly reason: string | null;
  readonly details: unknown;
  readonly flagged: boolean;
}

export interface StoredLedgerEntry extends LedgerEntryContent {
  readonly prevHash: string;
  readonly hash: string;
}

const CONTENT_KEYS = [
  'id', 'clinicId', 'chainSeq', 'kind', 'occurredAt', 'recordedAt', 'containerId', 'productId', 'deltaUg', 'deltaUl', 'deltaUnits',
  'balanceUg', 'balanceUnits', 'fromLocationId', 'toLocationId', 'patientId', 'sessionId', 'administrationId', 'route', 'refType',
  'refId', 'performedBy', 'performedByName', 'signedWith', 'witness1Id', 'witness1Name', 'witness2Id', 'witness2Name', 'reason',
  'details', 'flagged',
] as const satisfies readonly (keyof LedgerEntryContent)[];
/** Compile-time guard: every content field is hashed. */
type Unhashed = Exclude<keyof LedgerEntryContent, (typeof CONTENT_KEYS)[number]>;
export const EVERY_FIELD_HASHED: [Unhashed] extends [never] ? true : never = true;

/** SHA-256 of the previous hash and the entry's canonical content (every field, in a fixed form). */
export function hashLedgerEntry(c: LedgerEntryContent, prevHash: string): string {
  const content: Record<string, unknown> = {};
  for (const k of CONTENT_KEYS) {
    const v = c[k];
    content[k] = v instanceof Date ? v.toISOString() : v;
  }
  const body = canonicalJson(content);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export type LedgerBreak =
  | { kind: 'sequence_gap'; expectedSeq: number; foundSeq: number }
  | { kind: 'prev_hash_mismatch'; seq: number }
  | { kind: 'hash_mismatch'; seq: number }
  | { kind: 'head_mismatch'; seq: number }
  | { kind: 'balance_mismatch'; seq: number; containerId: string };

export interface BalanceMismatch {
  readonly containerId: string;
  readonly ledgerUg: number;
  readonly cachedUg: number;
  readonly ledgerUnits: number | null;
  readonly cachedUnits: number | null;
}

/** Kinds whose `balance_ug` states the container's balance after the entry. */
const MOVES_BALANCE = new Set(['receipt', 'administration', 'waste', 'transfer', 'return', 'destruction', 'loss', 'adjustment']);

export class LedgerVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private broken: LedgerBreak | undefined;
  private readonly sums = new Map<string, { ug: number; units: number | null }>();
  checked = 0;

  feed(e: StoredLedgerEntry): LedgerBreak | undefined {
    if (this.broken !== undefined) {
      return this.broken;
    }
    if (e.chainSeq !== this.expectedSeq) {
      this.broken = { kind: 'sequence_gap', expectedSeq: this.expectedSeq, foundSeq: e.chainSeq };
    } else if (e.prevHash !== this.prevHash) {
      this.broken = { kind: 'prev_hash_mismatch', seq: e.chainSeq };
    } else if (hashLedgerEntry(e, e.prevHash) !== e.hash) {
      this.broken = { kind: 'hash_mismatch', seq: e.chainSeq };
    } else if (e.containerId !== null && MOVES_BALANCE.has(e.kind)) {
      const sum = this.sums.get(e.containerId) ?? { ug: 0, units: e.deltaUnits === null ? null : 0 };
      const next = { ug: sum.ug + e.deltaUg, units: e.deltaUnits === null ? sum.units : (sum.units ?? 0) + e.deltaUnits };
      this.sums.set(e.containerId, next);
      if (next.ug !== e.balanceUg || (e.balanceUnits !== null && next.units !== e.balanceUnits)) {
        this.broken = { kind: 'balance_mismatch', seq: e.chainSeq, containerId: e.containerId };
      }
    }
    if (this.broken === undefined) {
      this.prevHash = e.hash;
      this.expectedSeq += 1;
      this.checked += 1;
    }
    return this.broken;
  }

  /** Compare against the stored head (catches removal of the newest entries). */
  finish(head: { lastSeq: number; lastHash: string } | undefined): LedgerBreak | undefined {
    if (this.broken === undefined && head !== undefined && (head.lastSeq !== this.expectedSeq - 1 || head.lastHash !== this.prevHash)) {
      this.broken = { kind: 'head_mismatch', seq: this.expectedSeq - 1 };
    }
    return this.broken;
  }

  /** Containers whose cached balance differs from the sum of their movements. */
  cacheMismatches(containers: readonly { id: string; balanceUg: number; balanceUnits: number | null }[]): BalanceMismatch[] {
    const out: BalanceMismatch[] = [];
    for (const c of containers) {
      const sum = this.sums.get(c.id) ?? { ug: 0, units: null };
      if (sum.ug !== c.balanceUg || (c.balanceUnits !== null && (sum.units ?? 0) !== c.balanceUnits)) {
        out.push({ containerId: c.id, ledgerUg: sum.ug, cachedUg: c.balanceUg, ledgerUnits: sum.units, cachedUnits: c.balanceUnits });
      }
    }
    return out;
  }
}
