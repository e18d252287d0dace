/**
 * Vital-sign ingestion, shared by the tablet (staff session) and monitors (device token): evaluate each new
 * reading with the clinical core, then store readings, alerts, the audit event and the board notice in one
 * transaction. Readings carry a client id, so a retried batch stores nothing twice.
 */
import { randomUUID } from 'node:crypto';
import { evaluateVitals, resolveProtocol, type ProtocolSettings, type Route, type VitalsReading } from '@ketapath/clinical';
import { and, eq, sql } from 'drizzle-orm';
import { clinics, treatmentSessions } from '../../db/schema';
import type { RequestMeta } from '../../http/context';
import type { Deps } from '../../http/deps';
import { AppError, notFound } from '../../http/errors';
import { toVitals } from './evaluate';
import { ingestQueue } from './ingest-queue';
import type { IngestResult, IngestRow, Recorder } from './ingest-write';
import type { ReadingIn } from './schemas';

/** States in which readings are taken (pre-dose readings included). */
const RECORDING_STATES = new Set(['checked_in', 'predose_passed', 'dosing', 'monitoring', 'ready_for_discharge']);
const HISTORY = 12;

export type { IngestResult, Recorder } from './ingest-write';

const protocolCache = new Map<string, { json: string; protocol: ProtocolSettings }>();

/** The clinic's protocol, resolved once per change of its settings (resolution validates every setting). */
function protocolFor(clinicId: string, overrides: unknown): ProtocolSettings {
  const json = JSON.stringify(overrides ?? {});
  const hit = protocolCache.get(clinicId);
  if (hit !== undefined && hit.json === json) {
    return hit.protocol;
  }
  const r = resolveProtocol(overrides ?? {});
  if (!r.ok) {
    throw new AppError('CONFLICT', { detail: 'The clinic protocol settings are invalid; an administrator must correct them.' });
  }
  if (protocolCache.size > 1000) {
    protocolCache.clear();
  }
  protocolCache.set(clinicId, { json, protocol: r.protocol });
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

const ms = (r: VitalsReading): number => Date.parse(String(r.takenAt));

/** A reading as the load query answers it (JSON, time in epoch milliseconds). */
interface ReadingJson {
  readonly t: number;
  readonly s: number | null;
  readonly d: number | null;
  readonly h: number | null;
  readonly o: number | null;
  readonly r: number | null;
  readonly y: string[] | null;
}

const fromJson = (j: ReadingJson): VitalsReading => toVitals({ takenAt: new Date(j.t), systolic: j.s, diastolic: j.d, heartRate: j.h, spo2: j.o, respiratoryRate: j.r, symptoms: j.y });

const READING_JSON = sql`json_build_object('t', (extract(epoch from r.taken_at) * 1000)::float8, 's', r.systolic, 'd', r.diastolic, 'h', r.heart_rate, 'o', r.spo2, 'r', r.respiratory_rate, 'y', r.symptoms)`;

/**
 * Everything the evaluation needs, in one round trip: the session, its clinic's protocol settings, the
 * latest live readings and the last live reading at or before the dose (the baseline).
 */
async function loadForIngest(deps: Deps, sessionId: string, clinicId: string) {
  const [row] = await deps.db
    .select({
      s: { id: treatmentSessions.id, state: treatmentSessions.state, route: treatmentSessions.route, patientId: treatmentSessions.patientId, doseStartedAt: treatmentSessions.doseStartedAt },
      overrides: clinics.protocolOverrides,
      recent: sql<ReadingJson[]>`(SELECT coalesce(json_agg(${READING_JSON} ORDER BY r.taken_at DESC), '[]'::json) FROM (SELECT * FROM vital_readings v WHERE v.session_id = ${treatmentSessions.id} AND v.voided_at IS NULL ORDER BY v.taken_at DESC LIMIT ${HISTORY}) r)`,
      base: sql<ReadingJson | null>`(SELECT ${READING_JSON} FROM vital_readings r WHERE r.session_id = ${treatmentSessions.id} AND r.voided_at IS NULL AND r.taken_at <= ${treatmentSessions.doseStartedAt} ORDER BY r.taken_at DESC LIMIT 1)`,
    })
    .from(treatmentSessions)
    .innerJoin(clinics, eq(clinics.id, treatmentSessions.clinicId))
    .where(and(eq(treatmentSessions.id, sessionId), eq(treatmentSessions.clinicId, clinicId)));
  return row;
}

export async function ingestReadings(deps: Deps, sessionId: string, by: Recorder, meta: RequestMeta, batch: readonly ReadingIn[]): Promise<IngestResult> {
  const now = deps.clock.now();
  const clinicId = by.kind === 'staff' ? by.actor.clinicId : by.device.clinicId;
  const row = await loadForIngest(deps, sessionId, clinicId);
  if (row === undefined) {
    throw notFound('treatment session');
  }
  const s = row.s;
  if (!RECORDING_STATES.has(s.state)) {
    throw new AppError('CONFLICT', { detail: `This session is ${s.state.replace(/_/g, ' ')}: it no longer takes readings.`, extra: { state: s.state } });
  }
  const latest = now.getTime() + 5 * 60_000;
  const future = batch.findIndex((r) => Date.parse(r.takenAt) > latest);
  if (future >= 0) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: `body.readings.${future}.takenAt`, message: 'A reading cannot be taken in the future (check the device clock).' }] });
  }
  const protocol = protocolFor(clinicId, row.overrides);
  const dose = s.doseStartedAt?.getTime() ?? null;
  const base = row.base === null ? undefined : fromJson(row.base);
  const known = row.recent.map(fromJson);
  const evaluated = batch.map((r) => {
    const v = reading(r);
    const t = ms(v);
    const previous = [...known, ...batch.map(reading)].filter((p) => ms(p) < t && (dose === null || ms(p) > dose)).sort((a, b) => ms(a) - ms(b));
    const afterDose = dose !== null && t > dose;
    const e = evaluateVitals(v, { route: s.route as Route, protocol, previous: afterDose ? previous : [], ...(afterDose && base !== undefined ? { baseline: base } : {}) });
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
