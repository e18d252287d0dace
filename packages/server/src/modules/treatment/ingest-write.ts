/**
 * The write half of vital-sign ingestion: readings already evaluated by the clinical core (ingest.ts) are
 * stored with their alerts, one audit event per request and one board notice per request, in the caller's
 * transaction. Several requests' jobs may share one transaction (ingest-queue.ts): each keeps its own audit
 * event and notice, and a reading whose (session, client id) is already stored is a duplicate, whichever
 * request sent it first.
 */
import { randomUUID } from 'node:crypto';
import type { Finding } from '@ketapath/clinical';
import { advanceScript, auditEventParams, chainRows, insertEventsSql, lockChainHead, type AuditInput } from '../../audit/record';
import { prepared, runPrepared, type Param, type RawTx } from '../../db/raw';
import type { vitalReadings } from '../../db/schema';
import type { Actor, DeviceInfo, RequestMeta } from '../../http/context';
import { boardPayloads, notifySql, type BoardAlertDelta, type BoardEvent, type BoardReadingDelta } from './board-notify';

export type Recorder = { readonly kind: 'staff'; readonly actor: Actor } | { readonly kind: 'device'; readonly device: DeviceInfo };

export interface IngestResult {
  readonly readings: readonly { readonly id: string | null; readonly clientId: string; readonly worst: string | null; readonly duplicate: boolean }[];
  readonly alerts: readonly BoardAlertDelta[];
}

export type IngestRow = typeof vitalReadings.$inferInsert & { readonly id: string; readonly clientId: string; readonly takenAt: Date; readonly worst: string | null };

/** One request's evaluated readings, ready to store. `findings[i]` belongs to `values[i]`. */
export interface IngestJob {
  readonly clinicId: string;
  readonly sessionId: string;
  readonly patientId: string;
  readonly by: Recorder;
  readonly meta: RequestMeta;
  readonly now: Date;
  readonly values: readonly IngestRow[];
  readonly findings: readonly (readonly Finding[])[];
}

const arr = (n: number, first: number): string =>
  Array.from({ length: n }, (_, i) => `$${String(first + i)}::text[]`).join(', ');

/**
 * The readings of every job, one statement whatever their number (16 text arrays, one element per reading),
 * which also locks the clinic's audit chain head ($17) until commit and answers where it stands (null for a
 * chain without a head yet).
 */
const INSERT_READINGS = prepared(
  'kp_ingest_readings',
  `WITH ins AS (INSERT INTO vital_readings (id, clinic_id, session_id, client_id, taken_at, received_at, systolic, diastolic, heart_rate, spo2, respiratory_rate, symptoms, source, device_id, entered_by, worst)
SELECT u.id::uuid, u.clinic::uuid, u.session::uuid, u.client, u.taken::timestamptz, u.received::timestamptz, u.sys::smallint, u.dia::smallint, u.hr::smallint, u.spo2::smallint, u.rr::smallint, u.symptoms::text[], u.source, u.device::uuid, u.entered::uuid, u.worst
FROM unnest(${arr(16, 1)}) AS u(id, clinic, session, client, taken, received, sys, dia, hr, spo2, rr, symptoms, source, device, entered, worst)
ON CONFLICT (session_id, client_id) DO NOTHING RETURNING id)
SELECT (SELECT coalesce(json_agg(id::text), '[]'::json) FROM ins) AS ids,
  (SELECT last_seq::text || ':' || last_hash FROM audit_chain_heads WHERE chain_id = $17::uuid FOR UPDATE) AS head`,
);

/**
 * After the readings, in one statement: their alerts (13 arrays, $1-$13), the requests' audit events ($14
 * and 16 arrays), and one board notice per request ($31).
 */
const INSERT_REST = prepared(
  'kp_ingest_rest',
  `WITH alerts AS (INSERT INTO session_alerts (id, clinic_id, session_id, reading_id, code, severity, message, field, value, "limit", action, source, raised_at)
SELECT u.id::uuid, u.clinic::uuid, u.session::uuid, u.reading::uuid, u.code, u.severity, u.message, u.field, u.value, u.lim, u.action, u.source::jsonb, u.raised::timestamptz
FROM unnest(${arr(13, 1)}) AS u(id, clinic, session, reading, code, severity, message, field, value, lim, action, source, raised)),
events AS (${insertEventsSql(14)})
${notifySql(31)}`,
);

const num = (v: number | null | undefined): string | null => (v === null || v === undefined ? null : String(v));

/** A text[] literal (`{"a","b"}`): the readings' symptoms travel as one text per reading. */
function textArray(list: readonly string[] | null | undefined): string | null {
  return list === null || list === undefined ? null : `{${list.map((x) => `"${x.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

function readingParams(rows: readonly IngestRow[]): Param[] {
  const col = (f: (r: IngestRow) => string | null): (string | null)[] => rows.map(f);
  return [
    col((r) => r.id),
    col((r) => r.clinicId),
    col((r) => r.sessionId),
    col((r) => r.clientId),
    col((r) => r.takenAt.toISOString()),
    col((r) => r.receivedAt.toISOString()),
    col((r) => num(r.systolic)),
    col((r) => num(r.diastolic)),
    col((r) => num(r.heartRate)),
    col((r) => num(r.spo2)),
    col((r) => num(r.respiratoryRate)),
    col((r) => textArray(r.symptoms)),
    col((r) => r.source),
    col((r) => r.deviceId ?? null),
    col((r) => r.enteredBy ?? null),
    col((r) => r.worst),
  ];
}

interface AlertRow {
  readonly id: string;
  readonly clinicId: string;
  readonly sessionId: string;
  readonly readingId: string;
  readonly finding: Finding;
  readonly raisedAt: Date;
}

function alertParams(rows: readonly AlertRow[]): Param[] {
  const col = (f: (r: AlertRow) => string | null): (string | null)[] => rows.map(f);
  return [
    col((a) => a.id),
    col((a) => a.clinicId),
    col((a) => a.sessionId),
    col((a) => a.readingId),
    col((a) => a.finding.code),
    col((a) => a.finding.severity),
    col((a) => a.finding.message),
    col((a) => a.finding.field ?? null),
    col((a) => (a.finding.value === undefined ? null : String(a.finding.value))),
    col((a) => (a.finding.limit === undefined ? null : String(a.finding.limit))),
    col((a) => a.finding.action ?? null),
    col((a) => JSON.stringify(a.finding.source)),
    col((a) => a.raisedAt.toISOString()),
  ];
}

/** Store the jobs of one clinic (the queue's unit) in the caller's transaction; one result per job, in order. */
export async function writeIngestJobs(tx: RawTx, jobs: readonly IngestJob[]): Promise<IngestResult[]> {
  const chainId = jobs[0]?.clinicId;
  if (chainId === undefined) {
    return [];
  }
  if (jobs.some((j) => j.clinicId !== chainId)) {
    throw new Error('ingest jobs of several clinics in one write');
  }
  const all = jobs.flatMap((j) => j.values);
  const [stored] = await runPrepared<{ ids: string[]; head: string | null }>(tx, INSERT_READINGS, [...readingParams(all), chainId]);
  const inserted = stored?.ids ?? [];
  const fresh = new Set(inserted);
  const alertRows = jobs.map((j) =>
    j.values.flatMap((v, i): AlertRow[] => (fresh.has(v.id) ? (j.findings[i] ?? []).map((finding) => ({ id: randomUUID(), clinicId: j.clinicId, sessionId: j.sessionId, readingId: v.id, finding, raisedAt: j.now })) : [])),
  );
  const audits: AuditInput[] = [];
  const notices: BoardEvent[] = [];
  const results = jobs.map((j, n): IngestResult => {
    const stored = j.values.filter((v) => fresh.has(v.id));
    const raised = alertRows[n] ?? [];
    const raisedAt = j.now.toISOString();
    const alerts: BoardAlertDelta[] = raised.map((a) => ({ id: a.id, readingId: a.readingId, code: a.finding.code, severity: a.finding.severity, message: a.finding.message, raisedAt, escalationLevel: 0, acknowledgedAt: null }));
    if (stored.length > 0) {
      audits.push({
        action: 'vitals.recorded',
        outcome: 'success',
        clinicId: j.clinicId,
        actor: j.by.kind === 'staff' ? j.by.actor : null,
        resourceType: 'treatment_session',
        resourceId: j.sessionId,
        patientId: j.patientId,
        details: { readings: stored.length, duplicates: j.values.length - stored.length, alerts: raised.length, ...(j.by.kind === 'device' ? { deviceId: j.by.device.deviceId } : {}) },
        meta: j.meta,
        at: j.now,
      });
      const readings: BoardReadingDelta[] = stored.map((v) => ({ id: v.id, clientId: v.clientId, takenAt: v.takenAt.toISOString(), systolic: v.systolic ?? null, diastolic: v.diastolic ?? null, heartRate: v.heartRate ?? null, spo2: v.spo2 ?? null, respiratoryRate: v.respiratoryRate ?? null, worst: v.worst }));
      notices.push({ k: 'vitals', c: j.clinicId, s: j.sessionId, readings, alerts });
    }
    return {
      readings: j.values.map((v) => ({ id: fresh.has(v.id) ? v.id : null, clientId: v.clientId, worst: v.worst, duplicate: !fresh.has(v.id) })),
      alerts: alerts.map(({ readingId: _readingId, ...a }) => a),
    };
  });
  if (audits.length > 0) {
    // Alerts belong to stored readings, so nothing stored means no alert, no event and no notice either.
    const at = stored?.head?.indexOf(':') ?? -1;
    const head = stored?.head === null || stored?.head === undefined || at < 0 ? await lockChainHead(tx, chainId) : { seq: Number(stored.head.slice(0, at)), hash: stored.head.slice(at + 1) };
    const events = chainRows(chainId, head, audits);
    await runPrepared(tx, INSERT_REST, [...alertParams(alertRows.flat()), chainId, ...auditEventParams(events), boardPayloads(notices)]);
    // The head advances with COMMIT, in the same round trip.
    tx.beforeCommit(advanceScript(chainId, events));
  }
  return results;
}
