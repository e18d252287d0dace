/**
 * Vital-sign ingestion, shared by the tablet (staff session) and monitors (device token): evaluate each new
 * reading with the clinical core, then store readings, alerts, the audit event and the board notice in one
 * transaction. Readings carry a client id, so a retried batch stores nothing twice.
 */
import { randomUUID } from 'node:crypto';
import { evaluateVitals, resolveProtocol, type Finding, type ProtocolSettings, type Route, type VitalsReading } from '@ketapath/clinical';
import { and, desc, eq, isNull, lte } from 'drizzle-orm';
import { recordAudit } from '../../audit/record';
import { clinics, sessionAlerts, treatmentSessions, vitalReadings } from '../../db/schema';
import type { Actor, DeviceInfo, RequestMeta } from '../../http/context';
import type { Deps } from '../../http/deps';
import { AppError, notFound } from '../../http/errors';
import { notifyBoard, type BoardAlertDelta, type BoardReadingDelta } from './board-notify';
import { toVitals } from './evaluate';
import type { ReadingIn } from './schemas';

/** States in which readings are taken (pre-dose readings included). */
const RECORDING_STATES = new Set(['checked_in', 'predose_passed', 'dosing', 'monitoring', 'ready_for_discharge']);
const HISTORY = 12;

export type Recorder = { readonly kind: 'staff'; readonly actor: Actor } | { readonly kind: 'device'; readonly device: DeviceInfo };

export interface IngestResult {
  readonly readings: readonly { readonly id: string | null; readonly clientId: string; readonly worst: string | null; readonly duplicate: boolean }[];
  readonly alerts: readonly BoardAlertDelta[];
}

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

export async function ingestReadings(deps: Deps, sessionId: string, by: Recorder, meta: RequestMeta, batch: readonly ReadingIn[]): Promise<IngestResult> {
  const now = deps.clock.now();
  const clinicId = by.kind === 'staff' ? by.actor.clinicId : by.device.clinicId;
  const [row] = await deps.db
    .select({ s: { id: treatmentSessions.id, state: treatmentSessions.state, route: treatmentSessions.route, patientId: treatmentSessions.patientId, doseStartedAt: treatmentSessions.doseStartedAt }, overrides: clinics.protocolOverrides })
    .from(treatmentSessions)
    .innerJoin(clinics, eq(clinics.id, treatmentSessions.clinicId))
    .where(and(eq(treatmentSessions.id, sessionId), eq(treatmentSessions.clinicId, clinicId)));
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
  const cols = { takenAt: vitalReadings.takenAt, systolic: vitalReadings.systolic, diastolic: vitalReadings.diastolic, heartRate: vitalReadings.heartRate, spo2: vitalReadings.spo2, respiratoryRate: vitalReadings.respiratoryRate, symptoms: vitalReadings.symptoms };
  const live = and(eq(vitalReadings.sessionId, s.id), isNull(vitalReadings.voidedAt));
  const [recent, baseRows] = await Promise.all([
    deps.db.select(cols).from(vitalReadings).where(live).orderBy(desc(vitalReadings.takenAt)).limit(HISTORY),
    s.doseStartedAt === null ? Promise.resolve([]) : deps.db.select(cols).from(vitalReadings).where(and(live, lte(vitalReadings.takenAt, s.doseStartedAt))).orderBy(desc(vitalReadings.takenAt)).limit(1),
  ]);
  const dose = s.doseStartedAt?.getTime() ?? null;
  const base = baseRows[0] === undefined ? undefined : toVitals(baseRows[0]);
  const known = recent.map(toVitals);
  const evaluated = batch.map((r) => {
    const v = reading(r);
    const t = ms(v);
    const previous = [...known, ...batch.map(reading)].filter((p) => ms(p) < t && (dose === null || ms(p) > dose)).sort((a, b) => ms(a) - ms(b));
    const afterDose = dose !== null && t > dose;
    const e = evaluateVitals(v, { route: s.route as Route, protocol, previous: afterDose ? previous : [], ...(afterDose && base !== undefined ? { baseline: base } : {}) });
    return { r, findings: e.findings.filter((f) => f.severity !== 'info'), worst: e.worst };
  });
  return deps.db.transaction(async (tx) => {
    const values = evaluated.map(({ r, worst }) => ({
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
    const inserted = await tx.insert(vitalReadings).values(values).onConflictDoNothing({ target: [vitalReadings.sessionId, vitalReadings.clientId] }).returning({ id: vitalReadings.id, clientId: vitalReadings.clientId });
    const fresh = new Map(inserted.map((i) => [i.clientId, i.id]));
    const alertRows = evaluated.flatMap(({ r, findings }) => {
      const readingId = fresh.get(r.clientId);
      return readingId === undefined ? [] : findings.map((f: Finding) => ({ id: randomUUID(), clinicId, sessionId: s.id, readingId, code: f.code, severity: f.severity, message: f.message, field: f.field ?? null, value: f.value === undefined ? null : String(f.value), limit: f.limit === undefined ? null : String(f.limit), action: f.action ?? null, source: f.source, raisedAt: now }));
    });
    if (alertRows.length > 0) {
      await tx.insert(sessionAlerts).values(alertRows);
    }
    if (inserted.length > 0) {
      await recordAudit(tx, {
        action: 'vitals.recorded',
        outcome: 'success',
        clinicId,
        actor: by.kind === 'staff' ? by.actor : null,
        resourceType: 'treatment_session',
        resourceId: s.id,
        patientId: s.patientId,
        details: { readings: inserted.length, duplicates: batch.length - inserted.length, alerts: alertRows.length, ...(by.kind === 'device' ? { deviceId: by.device.deviceId } : {}) },
        meta,
        at: now,
      });
      const alerts: BoardAlertDelta[] = alertRows.map((a) => ({ id: a.id, readingId: a.readingId, code: a.code, severity: a.severity, message: a.message, raisedAt: now.toISOString(), escalationLevel: 0, acknowledgedAt: null }));
      const readings: BoardReadingDelta[] = values
        .filter((v) => fresh.has(v.clientId))
        .map((v) => ({ id: fresh.get(v.clientId) ?? v.id, clientId: v.clientId, takenAt: v.takenAt.toISOString(), systolic: v.systolic, diastolic: v.diastolic, heartRate: v.heartRate, spo2: v.spo2, respiratoryRate: v.respiratoryRate, worst: v.worst }));
      await notifyBoard(tx, { k: 'vitals', c: clinicId, s: s.id, readings, alerts });
    }
    return {
      readings: values.map((v) => ({ id: fresh.get(v.clientId) ?? null, clientId: v.clientId, worst: v.worst, duplicate: !fresh.has(v.clientId) })),
      alerts: alertRows.map((a) => ({ id: a.id, code: a.code, severity: a.severity, message: a.message, raisedAt: now.toISOString(), escalationLevel: 0, acknowledgedAt: null })),
    };
  });
}
