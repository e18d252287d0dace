/**
 * The write half of vital-sign ingestion: readings already evaluated by the clinical core (ingest.ts) are
 * stored with their alerts, one audit event per request and one board notice per request, in the caller's
 * transaction. Several requests' jobs may share one transaction (ingest-queue.ts): each keeps its own audit
 * event and notice, and a reading whose (session, client id) is already stored is a duplicate, whichever
 * request sent it first.
 */
import { randomUUID } from 'node:crypto';
import type { Finding } from '@ketapath/clinical';
import { recordAudits, type AuditInput } from '../../audit/record';
import { sessionAlerts, vitalReadings } from '../../db/schema';
import type { Tx } from '../../db/types';
import type { Actor, DeviceInfo, RequestMeta } from '../../http/context';
import { notifyBoardMany, type BoardAlertDelta, type BoardEvent, type BoardReadingDelta } from './board-notify';

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

export async function writeIngestJobs(tx: Tx, jobs: readonly IngestJob[]): Promise<IngestResult[]> {
  const all = jobs.flatMap((j) => j.values);
  const inserted = all.length === 0 ? [] : await tx.insert(vitalReadings).values([...all]).onConflictDoNothing({ target: [vitalReadings.sessionId, vitalReadings.clientId] }).returning({ id: vitalReadings.id });
  const fresh = new Set(inserted.map((i) => i.id));
  const alertRows = jobs.map((j) =>
    j.values.flatMap((v, i) =>
      fresh.has(v.id)
        ? (j.findings[i] ?? []).map((f) => ({ id: randomUUID(), clinicId: j.clinicId, sessionId: j.sessionId, readingId: v.id, code: f.code, severity: f.severity, message: f.message, field: f.field ?? null, value: f.value === undefined ? null : String(f.value), limit: f.limit === undefined ? null : String(f.limit), action: f.action ?? null, source: f.source, raisedAt: j.now }))
        : [],
    ),
  );
  const allAlerts = alertRows.flat();
  if (allAlerts.length > 0) {
    await tx.insert(sessionAlerts).values(allAlerts);
  }
  const audits: AuditInput[] = [];
  const notices: BoardEvent[] = [];
  const results = jobs.map((j, n): IngestResult => {
    const stored = j.values.filter((v) => fresh.has(v.id));
    const raised = alertRows[n] ?? [];
    const alerts: BoardAlertDelta[] = raised.map((a) => ({ id: a.id, readingId: a.readingId, code: a.code, severity: a.severity, message: a.message, raisedAt: j.now.toISOString(), escalationLevel: 0, acknowledgedAt: null }));
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
  await recordAudits(tx, audits);
  await notifyBoardMany(tx, notices);
  return results;
}
