/**
 * Vital-sign ingestion, shared by the tablet (staff session) and monitors (device token): evaluate each new
 * reading with the clinical core, then store readings, alerts, the audit event and the board notice in one
 * transaction. Readings carry a client id, so a retried batch stores nothing twice.
 */
import { randomUUID } from 'node:crypto';
import { evaluateVitals, resolveProtocol, type ProtocolSettings, type Route, type VitalsReading } from '@ketapath/clinical';
import type { RequestMeta } from '../../http/context';
import type { Deps } from '../../http/deps';
import { AppError, notFound } from '../../http/errors';
import { toVitals } from './evaluate';
import { loadForIngest, type ReadingJson } from './ingest-load';
import { ingestQueue } from './ingest-queue';
import type { IngestResult, IngestRow, Recorder } from './ingest-write';
import type { ReadingIn } from './schemas';

/** States in which readings are taken (pre-dose readings included). */
const RECORDING_STATES = new Set(['checked_in', 'predose_passed', 'dosing', 'monitoring', 'ready_for_discharge']);

export type { IngestResult, Recorder } from './ingest-write';

const protocolCache = new Map<string, { json: string; protocol: ProtocolSettings }>();

/**
 * The clinic's protocol, resolved once per change of its settings (resolution validates every setting).
 * `json` is the stored settings as the database prints them, which is also the cache key.
 */
function protocolFor(clinicId: string, json: string | null): ProtocolSettings {
  const key = json ?? '{}';
  const hit = protocolCache.get(clinicId);
  if (hit !== undefined && hit.json === key) {
    return hit.protocol;
  }
  const overrides: unknown = JSON.parse(key);
  const r = resolveProtocol(overrides ?? {});
  if (!r.ok) {
    throw new AppError('CONFLICT', { detail: 'The clinic protocol settings are invalid; an administrator must correct them.' });
  }
  if (protocolCache.size > 1000) {
    protocolCache.clear();
  }
  protocolCache.set(clinicId, { json: key, protocol: r.protocol });
  return r.protocol;
}

function reading(r: ReadingIn): VitalsReading {
  return {
    takenAt: r.takenAt,
    ...(r.systolic === undefined ? {} : { systolic: r.systolic }),
    ...(r.diastolic === undefined ? {} : { diastolic: r.diastolic }),
    ...(r.heartRate === undefined ? {} : { heartRate: r.heartRate }),
    ...(r.spo2 === undefined ? {} : { spo2: r.spo2 }),
    ...(r.respiratoryRate === undefined ? {} : { respiratoryRate: r.respiratoryRate }),
    ...(r.symptoms === undefined || r.symptoms.length === 0 ? {} : { symptoms: r.symptoms }),
  };
}

const fromJson = (j: ReadingJson): VitalsReading => toVitals({ takenAt: new Date(j.t), systolic: j.s, diastolic: j.d, heartRate: j.h, spo2: j.o, respiratoryRate: j.r, symptoms: j.y });

export async function ingestReadings(deps: Deps, sessionId: string, by: Recorder, meta: RequestMeta, batch: readonly ReadingIn[]): Promise<IngestResult> {
  const now = deps.clock.now();
  const clinicId = by.kind === 'staff' ? by.actor.clinicId : by.device.clinicId;
  const row = await loadForIngest(deps.db, clinicId, sessionId);
  if (row === undefined) {
    throw notFound('treatment session');
  }
  const s = row;
  if (!RECORDING_STATES.has(s.state)) {
    throw new AppError('CONFLICT', { detail: `This session is ${s.state.replace(/_/g, ' ')}: it no longer takes readings.`, extra: { state: s.state } });
  }
  const latest = now.getTime() + 5 * 60_000;
  const times = batch.map((r) => Date.parse(r.takenAt));
  const future = times.findIndex((t) => t > latest);
  if (future >= 0) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: `body.readings.${future}.takenAt`, message: 'A reading cannot be taken in the future (check the device clock).' }] });
  }
  const protocol = protocolFor(clinicId, row.overrides);
  const dose = s.dose;
  const base = row.base === null ? undefined : fromJson(row.base);
  // Every reading that may come before another (stored, then this batch), each with its time parsed once.
  const pool: { readonly t: number; readonly v: VitalsReading }[] = [...row.recent.map((j) => ({ t: new Date(j.t).getTime(), v: fromJson(j) })), ...batch.map((r, i) => ({ t: times[i] ?? Number.NaN, v: reading(r) }))];
  const evaluated = batch.map((r, i) => {
    const t = times[i] ?? Number.NaN;
    const v = pool[row.recent.length + i]?.v ?? reading(r);
    const afterDose = dose !== null && t > dose;
    const previous = afterDose ? pool.filter((p) => p.t < t && p.t > dose).sort((a, b) => a.t - b.t).map((p) => p.v) : [];
    const e = evaluateVitals(v, { route: s.route as Route, protocol, previous, ...(afterDose && base !== undefined ? { baseline: base } : {}) });
    return { r, findings: e.findings.filter((f) => f.severity !== 'info'), worst: e.worst };
  });
  const values: IngestRow[] = evaluated.map(({ r, worst }) => ({
    id: randomUUID(),
    clinicId,
    sessionId: s.id,
    clientId: r.clientId,
    takenAt: new Date(r.takenAt),
    receivedAt: now,
    systolic: r.systolic ?? null,
    diastolic: r.diastolic ?? null,
    heartRate: r.heartRate ?? null,
    spo2: r.spo2 ?? null,
    respiratoryRate: r.respiratoryRate ?? null,
    symptoms: r.symptoms === undefined || r.symptoms.length === 0 ? null : r.symptoms,
    source: by.kind === 'staff' ? 'manual' : 'device',
    deviceId: by.kind === 'device' ? by.device.deviceId : null,
    enteredBy: by.kind === 'staff' ? by.actor.userId : null,
    worst,
  }));
  return ingestQueue(deps).submit({ clinicId, sessionId: s.id, patientId: s.patientId, by, meta, now, values, findings: evaluated.map((e) => e.findings) });
}
