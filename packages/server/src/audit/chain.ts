import { createHash } from 'node:crypto';
import { canonicalJson } from '../lib/canonical-json';

/** The hash a new chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);
/** Chain used for security events that belong to no clinic (e.g. a login attempt for an unknown email). */
export const SYSTEM_CHAIN_ID = '00000000-0000-0000-0000-000000000000';

export type AuditOutcome = 'success' | 'failure' | 'denied';

/** The hashed content of one audit event. Changing any field changes the hash. */
export interface AuditContent {
  readonly chainId: string;
  readonly chainSeq: number;
  readonly occurredAt: Date;
  readonly clinicId: string | null;
  readonly actorUserId: string | null;
  readonly actorRole: string | null;
  readonly action: string;
  readonly resourceType: string | null;
  readonly resourceId: string | null;
  readonly patientId: string | null;
  readonly outcome: string;
  readonly requestId: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly details: unknown;
}

export function hashAuditEvent(content: AuditContent, prevHash: string): string {
  const body = canonicalJson({
    chainId: content.chainId,
    chainSeq: content.chainSeq,
    occurredAt: content.occurredAt.toISOString(),
    clinicId: content.clinicId,
    actorUserId: content.actorUserId,
    actorRole: content.actorRole,
    action: content.action,
    resourceType: content.resourceType,
    resourceId: content.resourceId,
    patientId: content.patientId,
    outcome: content.outcome,
    requestId: content.requestId,
    ip: content.ip,
    userAgent: content.userAgent,
    details: content.details,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export interface StoredAuditEvent extends AuditContent {
  readonly id: number;
  readonly prevHash: string;
  readonly hash: string;
}

export type ChainBreak =
  | { kind: 'sequence_gap'; expectedSeq: number; foundSeq: number; eventId: number }
  | { kind: 'prev_hash_mismatch'; seq: number; eventId: number }
  | { kind: 'hash_mismatch'; seq: number; eventId: number }
  | { kind: 'head_mismatch'; seq: number };

/**
 * Walk events of one chain in sequence order and return the first broken link, if any.
 * Pure: the caller loads the rows (in pages) and the chain head.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private broken: ChainBreak | undefined;
  checked = 0;

  feed(event: StoredAuditEvent): ChainBreak | undefined {
    if (this.broken !== undefined) {
      return this.broken;
    }
    if (event.chainSeq !== this.expectedSeq) {
      this.broken = { kind: 'sequence_gap', expectedSeq: this.expectedSeq, foundSeq: event.chainSeq, eventId: event.id };
    } else if (event.prevHash !== this.prevHash) {
      this.broken = { kind: 'prev_hash_mismatch', seq: event.chainSeq, eventId: event.id };
    } else if (hashAuditEvent(event, event.prevHash) !== event.hash) {
      this.broken = { kind: 'hash_mismatch', seq: event.chainSeq, eventId: event.id };
    } else {
      this.prevHash = event.hash;
      this.expectedSeq += 1;
      this.checked += 1;
    }
    return this.broken;
  }

  /** Compare against the stored head, which catches deletion of the newest rows. */
  finish(head: { lastSeq: number; lastHash: string } | undefined): ChainBreak | undefined {
    if (this.broken !== undefined) {
      return this.broken;
    }
    const lastSeq = this.expectedSeq - 1;
    if (head !== undefined && (head.lastSeq !== lastSeq || head.lastHash !== this.prevHash)) {
      this.broken = { kind: 'head_mismatch', seq: lastSeq };
    }
    return this.broken;
  }
}
