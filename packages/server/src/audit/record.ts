import { prepared, runPrepared, runScript, type Conn, type Param } from '../db/raw';
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
    const head = await lockChainHead(tx, chainId);
    const rows = chainRows(chainId, head, list);
    if (rows.length === 0) {
      continue;
    }
    await runPrepared(tx, INSERT_EVENTS, [chainId, ...auditEventParams(rows)]);
    await advanceChainHead(tx, chainId, rows);
  }
}

/** One stored audit event, hashed onto its chain. */
export interface ChainRow {
  readonly chainSeq: number;
  readonly input: AuditInput;
  readonly details: Readonly<Record<string, unknown>>;
  readonly prevHash: string;
  readonly hash: string;
}

const LOCK_HEAD = prepared('kp_audit_head_lock', 'SELECT last_seq::text AS seq, last_hash AS hash FROM audit_chain_heads WHERE chain_id = $1::uuid FOR UPDATE');
const INIT_HEAD = prepared('kp_audit_head_init', 'INSERT INTO audit_chain_heads (chain_id, last_seq, last_hash) VALUES ($1::uuid, 0, $2::text) ON CONFLICT DO NOTHING');
const ADVANCE_HEAD = prepared('kp_audit_head_advance', 'UPDATE audit_chain_heads SET last_seq = $2::int8, last_hash = $3::text WHERE chain_id = $1::uuid');

/** Lock a chain's head until commit (creating the chain on its first event) and return where it stands. */
export async function lockChainHead(tx: Conn, chainId: string): Promise<{ readonly seq: number; readonly hash: string }> {
  let [head] = await runPrepared<{ seq: string; hash: string }>(tx, LOCK_HEAD, [chainId]);
  if (head === undefined) {
    await runPrepared(tx, INIT_HEAD, [chainId, GENESIS_HASH]);
    [head] = await runPrepared<{ seq: string; hash: string }>(tx, LOCK_HEAD, [chainId]);
  }
  if (head === undefined) {
    throw new Error('audit chain head missing after upsert');
  }
  return { seq: Number(head.seq), hash: head.hash };
}

/** The events that follow `head` on the chain, each hashed onto the one before. */
export function chainRows(chainId: string, head: { readonly seq: number; readonly hash: string }, inputs: readonly AuditInput[]): ChainRow[] {
  let seq = head.seq;
  let prevHash = head.hash;
  return inputs.map((input) => {
    seq += 1;
    const details = input.details ?? {};
    const hash = hashAuditEvent(
      {
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
        details,
      },
      prevHash,
    );
    const row = { chainSeq: seq, input, details, prevHash, hash };
    prevHash = hash;
    return row;
  });
}

/**
 * `INSERT INTO audit_events` from one chain id (`$first`) and 16 arrays (`$first+1`…), as `auditEventParams`
 * gives them: for a prepared statement, alone or inside a larger one.
 */
export function insertEventsSql(first: number): string {
  const p = (i: number): string => `$${String(first + i)}`;
  return `INSERT INTO audit_events (chain_id, chain_seq, occurred_at, clinic_id, actor_user_id, actor_role, action, resource_type, resource_id, patient_id, outcome, request_id, ip, user_agent, details, prev_hash, hash)
SELECT ${p(0)}::uuid, u.seq::int8, u.at::timestamptz, u.clinic::uuid, u.actor::uuid, u.role, u.action, u.rtype, u.rid, u.patient::uuid, u.outcome, u.req, u.ip, u.ua, u.details::jsonb, u.prev, u.hash
FROM unnest(${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16].map((i) => `${p(i)}::text[]`).join(', ')}) AS u(seq, at, clinic, actor, role, action, rtype, rid, patient, outcome, req, ip, ua, details, prev, hash)`;
}

const INSERT_EVENTS = prepared('kp_audit_insert', insertEventsSql(1));

/** The 16 column arrays of `insertEventsSql`, in order. */
export function auditEventParams(rows: readonly ChainRow[]): Param[] {
  const col = (f: (r: ChainRow) => string | null): (string | null)[] => rows.map(f);
  return [
    col((r) => String(r.chainSeq)),
    col((r) => r.input.at.toISOString()),
    col((r) => r.input.clinicId),
    col((r) => r.input.actor?.userId ?? null),
    col((r) => r.input.actor?.role ?? null),
    col((r) => r.input.action),
    col((r) => r.input.resourceType ?? null),
    col((r) => r.input.resourceId ?? null),
    col((r) => r.input.patientId ?? null),
    col((r) => r.input.outcome),
    col((r) => r.input.meta?.requestId ?? null),
    col((r) => r.input.meta?.ip ?? null),
    col((r) => r.input.meta?.userAgent ?? null),
    col((r) => JSON.stringify(r.details)),
    col((r) => r.prevHash),
    col((r) => r.hash),
  ];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HASH = /^[0-9a-f]{64}$/;

/**
 * The script that moves the locked head to the last of `rows`. The database lets a head advance one event
 * per UPDATE, so several events take several UPDATEs, sent together in one round trip. Its values are
 * checked to be a uuid, integers and hex digests before they are written into the text.
 */
export function advanceScript(chainId: string, rows: readonly ChainRow[]): string {
  if (!UUID.test(chainId)) {
    throw new Error('audit chain id is not a uuid');
  }
  return rows
    .map((r) => {
      if (!Number.isSafeInteger(r.chainSeq) || !HASH.test(r.hash)) {
        throw new Error('audit chain row is malformed');
      }
      return `UPDATE audit_chain_heads SET last_seq = ${String(r.chainSeq)}, last_hash = '${r.hash}' WHERE chain_id = '${chainId}';\n`;
    })
    .join('');
}

/** Move the locked head to the last of `rows` (one prepared UPDATE for one event, else `advanceScript`). */
export async function advanceChainHead(tx: Conn, chainId: string, rows: readonly ChainRow[]): Promise<void> {
  if (rows.length === 1 && rows[0] !== undefined) {
    await runPrepared(tx, ADVANCE_HEAD, [chainId, String(rows[0].chainSeq), rows[0].hash]);
  } else if (rows.length > 1) {
    await runScript(tx, advanceScript(chainId, rows));
  }
}

/** Record an event on its own (e.g. a refused request, where there is no change to commit with). */
export async function recordAuditStandalone(db: Db, input: AuditInput): Promise<void> {
  await db.transaction(async (tx) => {
    await recordAudit(tx, input);
  });
}

export type { Queryable };
