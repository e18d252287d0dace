/** The monitoring board: one tile per patient in a chair, built from a handful of batched queries. */
import { ACTIVE_SESSION_STATES, alertEscalation, dueReadings, type ObservationSchedule, observationSchedule, observationWindows, type ProtocolSettings, type Route, type TakenObservation } from '@ketapath/clinical';
import { and, asc, eq, gte, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { adverseEvents, chairs, patients, sessionAlerts, sessionAssessments, treatmentSessions, users } from '../../db/schema';
import { rawRows } from '../../db/raw';
import type { Queryable } from '../../db/types';
import type { Deps } from '../../http/deps';
import { loadClinic } from '../clinic/load';
import { clinicProtocol } from '../protocol/load';
import type { StoredDose } from './evaluate';
import { routeLabel } from './presenters';
import { initialsOf } from './view';

export const TileAlertOut = z.object({
  id: z.string(),
  code: z.string(),
  severity: z.string(),
  message: z.string(),
  raisedAt: z.string(),
  escalationLevel: z.number().int(),
  acknowledgedAt: z.string().nullable(),
  /** Who acknowledged it (alerts stay on the tile for a while after acknowledgement, so the room sees who took it). */
  acknowledgedBy: z.string().nullable().optional(),
  /** The value found, the limit it crossed and what to do (absent in live deltas; the message carries value and limit). */
  value: z.string().nullable().optional(),
  limit: z.string().nullable().optional(),
  action: z.string().nullable().optional(),
});

/** How long an acknowledged alert stays on its tile (with who acknowledged it). */
export const ACKNOWLEDGED_VISIBLE_MS = 10 * 60_000;

export const TileOut = z.object({
  sessionId: z.string(),
  patientId: z.string(),
  initials: z.string(),
  state: z.string(),
  route: z.string(),
  routeLabel: z.string(),
  chair: z.object({ id: z.string(), name: z.string(), sortOrder: z.number().int() }).nullable(),
  nurse: z.string().nullable(),
  checkedInAt: z.string(),
  doseStartedAt: z.string().nullable(),
  doseEndedAt: z.string().nullable(),
  /** Newest value of each vital sign (a monitor sends heart rate and SpO2 more often than blood pressure): `takenAt` is the newest reading, `bpTakenAt` the newest blood pressure. */
  latest: z.object({ takenAt: z.string(), systolic: z.number().nullable(), diastolic: z.number().nullable(), bpTakenAt: z.string().nullable(), heartRate: z.number().nullable(), spo2: z.number().nullable(), respiratoryRate: z.number().nullable(), worst: z.string().nullable() }).nullable(),
  nextDue: z.object({ label: z.string(), dueAt: z.string(), status: z.string() }).nullable(),
  /** When a reading fulfils the next scheduled vital-sign check (null bounds are open): a reading taken in it moves "next due" on. */
  readingWindow: z.object({ from: z.string().nullable(), to: z.string().nullable() }).nullable(),
  missed: z.number().int(),
  alerts: z.array(TileAlertOut),
  emergency: z.boolean(),
});
export type TileOut = z.infer<typeof TileOut>;

/** Epoch milliseconds of a reading's time (`r` is the reading). */
const TAKEN_MS = sql`(extract(epoch from r.taken_at) * 1000)::float8`;
/** The newest live reading of the tile's session matching `cond`, as `json` (only what a tile shows). */
const newest = (json: SQL, cond: SQL = sql`TRUE`): SQL => sql`(SELECT ${json} FROM vital_readings r WHERE r.session_id = ${treatmentSessions.id} AND r.voided_at IS NULL AND ${cond} ORDER BY r.taken_at DESC LIMIT 1)`;

/**
 * Time windows of the scheduled vital-sign readings still to be matched, one row per window: the earliest live
 * reading in each window (an index probe each) is all `dueReadings` needs to tell done from due or missed.
 */
async function firstReadingInWindows(q: Queryable, windows: readonly { readonly sessionId: string; readonly fromMs: number; readonly toMs: number }[]): Promise<Map<string, number[]>> {
  const bound = (ms: number): string => (ms === Infinity ? 'infinity' : ms === -Infinity ? '-infinity' : new Date(Math.ceil(ms)).toISOString());
  const json = JSON.stringify(windows.map((w) => ({ s: w.sessionId, lo: bound(w.fromMs), hi: bound(w.toMs) })));
  const rows = await rawRows<{ s: string; t: number | null }>(
    q,
    sql`SELECT w.s, (SELECT ${TAKEN_MS} FROM vital_readings r WHERE r.session_id = w.s AND r.voided_at IS NULL AND r.taken_at >= w.lo AND r.taken_at < w.hi ORDER BY r.taken_at LIMIT 1) AS t FROM json_to_recordset(${json}::json) AS w(s uuid, lo timestamptz, hi timestamptz)`,
  );
  const by = new Map<string, number[]>();
  for (const { s, t } of rows) {
    if (t !== null) {
      const list = by.get(s);
      if (list === undefined) {
        by.set(s, [t]);
      } else {
        list.push(t);
      }
    }
  }
  return by;
}

/** Tiles for the clinic's active sessions (or just `sessionIds`; inactive ones are left out). */
export async function loadTiles(q: Queryable, clinicId: string, protocol: ProtocolSettings, now: Date, sessionIds?: readonly string[]): Promise<TileOut[]> {
  const rows = await q
    .select({
      s: treatmentSessions,
      first: patients.legalFirstName,
      preferred: patients.preferredName,
      last: patients.legalLastName,
      chair: { id: chairs.id, name: chairs.name, sortOrder: chairs.sortOrder },
      nurse: users.name,
      // Newest value of each vital sign: one index probe each on (session_id, taken_at), not every reading of the session.
      newest: sql<{ t: number; w: string | null } | null>`${newest(sql`json_build_object('t', ${TAKEN_MS}, 'w', r.worst)`)}`,
      bp: sql<{ t: number; s: number; d: number | null } | null>`${newest(sql`json_build_object('t', ${TAKEN_MS}, 's', r.systolic, 'd', r.diastolic)`, sql`r.systolic IS NOT NULL`)}`,
      heartRate: sql<number | null>`${newest(sql`r.heart_rate`, sql`r.heart_rate IS NOT NULL`)}`,
      spo2: sql<number | null>`${newest(sql`r.spo2`, sql`r.spo2 IS NOT NULL`)}`,
      respiratoryRate: sql<number | null>`${newest(sql`r.respiratory_rate`, sql`r.respiratory_rate IS NOT NULL`)}`,
    })
    .from(treatmentSessions)
    .innerJoin(patients, eq(patients.id, treatmentSessions.patientId))
    .leftJoin(chairs, eq(chairs.id, treatmentSessions.chairId))
    .leftJoin(users, eq(users.id, treatmentSessions.nurseId))
    .where(and(eq(treatmentSessions.clinicId, clinicId), inArray(treatmentSessions.state, [...ACTIVE_SESSION_STATES]), ...(sessionIds === undefined ? [] : [inArray(treatmentSessions.id, [...sessionIds])])));
  if (rows.length === 0) {
    return [];
  }
  const ids = rows.map((r) => r.s.id);
  const schedules = new Map<string, ObservationSchedule>();
  for (const { s } of rows) {
    if (s.doseStartedAt !== null) {
      const infusion = (s.dose as StoredDose | null)?.detail.durationMinutes;
      const sched = observationSchedule(s.route as Route, protocol, s.doseStartedAt.toISOString(), infusion === undefined ? {} : { infusionMinutes: infusion });
      if (sched.ok) {
        schedules.set(s.id, sched.schedule);
      }
    }
  }
  const vitalsWindows = new Map([...schedules].map(([sessionId, sched]) => [sessionId, observationWindows(sched).filter((w) => w.item.kind === 'vitals')]));
  const windows = [...vitalsWindows].flatMap(([sessionId, ws]) => ws.map((w) => ({ sessionId, fromMs: w.fromMs, toMs: w.toMs })));
  const [readingTimes, assessments, alerts, emergencies] = await Promise.all([
    windows.length === 0 ? new Map<string, number[]>() : firstReadingInWindows(q, windows),
    q.select({ sessionId: sessionAssessments.sessionId, instrument: sessionAssessments.instrument, takenAt: sessionAssessments.takenAt }).from(sessionAssessments).where(inArray(sessionAssessments.sessionId, ids)),
    q
      .select({ a: sessionAlerts, ackBy: users.name })
      .from(sessionAlerts)
      .leftJoin(users, eq(users.id, sessionAlerts.acknowledgedBy))
      .where(and(inArray(sessionAlerts.sessionId, ids), or(isNull(sessionAlerts.acknowledgedAt), gte(sessionAlerts.acknowledgedAt, new Date(now.getTime() - ACKNOWLEDGED_VISIBLE_MS)))))
      .orderBy(asc(sessionAlerts.raisedAt)),
    q.select({ sessionId: adverseEvents.sessionId }).from(adverseEvents).where(and(inArray(adverseEvents.sessionId, ids), eq(adverseEvents.emergency, true))),
  ]);
  const group = <T extends { sessionId: string }>(xs: readonly T[]): Map<string, T[]> => {
    const m = new Map<string, T[]>();
    for (const x of xs) {
      const list = m.get(x.sessionId);
      if (list === undefined) {
        m.set(x.sessionId, [x]);
      } else {
        list.push(x);
      }
    }
    return m;
  };
  const aBy = group(assessments);
  const alBy = group(alerts.filter((x) => x.a.severity !== 'info').map((x) => ({ ...x, sessionId: x.a.sessionId })));
  const emergency = new Set(emergencies.map((e) => e.sessionId));
  return rows
    .map(({ s, first, preferred, last, chair, nurse, newest: latest, bp, heartRate, spo2, respiratoryRate }): TileOut => {
      let nextDue: TileOut['nextDue'] = null;
      let readingWindow: TileOut['readingWindow'] = null;
      let missed = 0;
      const sched = schedules.get(s.id);
      if (sched !== undefined) {
        const taken: TakenObservation[] = [
          ...(readingTimes.get(s.id) ?? []).map((t) => ({ kind: 'vitals' as const, at: new Date(t).toISOString() })),
          ...(aBy.get(s.id) ?? []).flatMap((a): TakenObservation[] => (a.instrument === 'moaas' || a.instrument === 'cadss' ? [{ kind: 'sedation_dissociation', at: a.takenAt.toISOString() }] : a.instrument === 'padss' || a.instrument === 'aldrete' ? [{ kind: 'discharge_assessment', at: a.takenAt.toISOString() }] : [])),
        ];
        const due = dueReadings(sched, taken, now.toISOString());
        nextDue = due.next === null ? null : { label: due.next.label, dueAt: due.next.dueAt, status: due.next.status };
        const pending = due.items.find((i) => i.kind === 'vitals' && i.status === 'due') ?? due.items.find((i) => i.kind === 'vitals' && i.status === 'upcoming');
        const w = pending === undefined ? undefined : vitalsWindows.get(s.id)?.find((x) => x.item.id === pending.id);
        readingWindow = w === undefined ? null : { from: Number.isFinite(w.fromMs) ? new Date(w.fromMs).toISOString() : null, to: Number.isFinite(w.toMs) ? new Date(w.toMs).toISOString() : null };
        missed = due.items.filter((i) => i.status === 'missed').length;
      }
      return {
        sessionId: s.id,
        patientId: s.patientId,
        initials: initialsOf(preferred ?? first, last),
        state: s.state,
        route: s.route,
        routeLabel: routeLabel(s.route),
        chair,
        nurse,
        checkedInAt: s.checkedInAt.toISOString(),
        doseStartedAt: s.doseStartedAt?.toISOString() ?? null,
        doseEndedAt: s.doseEndedAt?.toISOString() ?? null,
        latest:
          latest === null
            ? null
            : {
                takenAt: new Date(latest.t).toISOString(),
                systolic: bp?.s ?? null,
                diastolic: bp?.d ?? null,
                bpTakenAt: bp === null ? null : new Date(bp.t).toISOString(),
                heartRate,
                spo2,
                respiratoryRate,
                worst: latest.w,
              },
        nextDue,
        readingWindow,
        missed,
        alerts: (alBy.get(s.id) ?? []).map(({ a, ackBy }) => ({
          id: a.id,
          code: a.code,
          severity: a.severity,
          message: a.message,
          raisedAt: a.raisedAt.toISOString(),
          escalationLevel: a.acknowledgedAt === null ? Math.max(a.escalationLevel, alertEscalation({ severity: a.severity as 'warn', raisedAt: a.raisedAt.toISOString() }, now.toISOString(), protocol).level) : a.escalationLevel,
          acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
          acknowledgedBy: a.acknowledgedAt === null ? null : (ackBy ?? 'Unknown user'),
          value: a.value,
          limit: a.limit,
          action: a.action,
        })),
        emergency: emergency.has(s.id),
      };
    })
    .sort((a, b) => (a.chair?.sortOrder ?? 999) - (b.chair?.sortOrder ?? 999) || (a.chair?.name ?? '').localeCompare(b.chair?.name ?? '') || a.checkedInAt.localeCompare(b.checkedInAt));
}

export const BoardOut = z.object({ tiles: z.array(TileOut), serverTime: z.string(), escalateAfterMinutes: z.number(), notifyPrescriberAfterMinutes: z.number(), clinicName: z.string(), timeZone: z.string() });
export type BoardOut = z.infer<typeof BoardOut>;

/** The whole board of a clinic now (boards share it through the board hub: see `boardHub(deps).snapshot`). */
export async function loadBoard(deps: Deps, clinicId: string): Promise<BoardOut> {
  const now = deps.clock.now();
  const clinic = await loadClinic(deps.db, clinicId);
  const { protocol } = clinicProtocol(clinic);
  const tiles = await loadTiles(deps.db, clinicId, protocol, now);
  return { tiles, serverTime: now.toISOString(), escalateAfterMinutes: protocol.alerts.escalateAfterMinutes, notifyPrescriberAfterMinutes: protocol.alerts.notifyPrescriberAfterMinutes, clinicName: clinic.name, timeZone: clinic.timeZone };
}
