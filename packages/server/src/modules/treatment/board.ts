/** The monitoring board: one tile per patient in a chair, built from a handful of batched queries. */
import { ACTIVE_SESSION_STATES, alertEscalation, dueReadings, observationSchedule, type ProtocolSettings, type Route, type TakenObservation } from '@ketapath/clinical';
import { and, asc, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { adverseEvents, chairs, patients, sessionAlerts, sessionAssessments, treatmentSessions, users, vitalReadings } from '../../db/schema';
import type { Queryable } from '../../db/types';
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
  missed: z.number().int(),
  alerts: z.array(TileAlertOut),
  emergency: z.boolean(),
});
export type TileOut = z.infer<typeof TileOut>;

type TileReading = { takenAt: Date; systolic: number | null; diastolic: number | null; heartRate: number | null; spo2: number | null; respiratoryRate: number | null; worst: string | null };

/** The newest value of each vital sign across a session's readings (oldest first). */
export function newestValues(rs: readonly TileReading[]): NonNullable<TileOut['latest']> {
  const newest = rs.at(-1) as TileReading;
  const last = (k: 'systolic' | 'heartRate' | 'spo2' | 'respiratoryRate'): TileReading | undefined => rs.findLast((r) => r[k] !== null);
  const bp = last('systolic');
  return {
    takenAt: newest.takenAt.toISOString(),
    systolic: bp?.systolic ?? null,
    diastolic: bp?.diastolic ?? null,
    bpTakenAt: bp?.takenAt.toISOString() ?? null,
    heartRate: last('heartRate')?.heartRate ?? null,
    spo2: last('spo2')?.spo2 ?? null,
    respiratoryRate: last('respiratoryRate')?.respiratoryRate ?? null,
    worst: newest.worst,
  };
}

/** Tiles for the clinic's active sessions (or just `sessionIds`; inactive ones are left out). */
export async function loadTiles(q: Queryable, clinicId: string, protocol: ProtocolSettings, now: Date, sessionIds?: readonly string[]): Promise<TileOut[]> {
  const rows = await q
    .select({ s: treatmentSessions, first: patients.legalFirstName, preferred: patients.preferredName, last: patients.legalLastName, chair: { id: chairs.id, name: chairs.name, sortOrder: chairs.sortOrder }, nurse: users.name })
    .from(treatmentSessions)
    .innerJoin(patients, eq(patients.id, treatmentSessions.patientId))
    .leftJoin(chairs, eq(chairs.id, treatmentSessions.chairId))
    .leftJoin(users, eq(users.id, treatmentSessions.nurseId))
    .where(and(eq(treatmentSessions.clinicId, clinicId), inArray(treatmentSessions.state, [...ACTIVE_SESSION_STATES]), ...(sessionIds === undefined ? [] : [inArray(treatmentSessions.id, [...sessionIds])])));
  if (rows.length === 0) {
    return [];
  }
  const ids = rows.map((r) => r.s.id);
  const [readings, assessments, alerts, emergencies] = await Promise.all([
    q.select({ sessionId: vitalReadings.sessionId, takenAt: vitalReadings.takenAt, systolic: vitalReadings.systolic, diastolic: vitalReadings.diastolic, heartRate: vitalReadings.heartRate, spo2: vitalReadings.spo2, respiratoryRate: vitalReadings.respiratoryRate, worst: vitalReadings.worst }).from(vitalReadings).where(and(inArray(vitalReadings.sessionId, ids), isNull(vitalReadings.voidedAt))).orderBy(asc(vitalReadings.takenAt)),
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
  const rBy = group(readings);
  const aBy = group(assessments);
  const alBy = group(alerts.filter((x) => x.a.severity !== 'info').map((x) => ({ ...x, sessionId: x.a.sessionId })));
  const emergency = new Set(emergencies.map((e) => e.sessionId));
  return rows
    .map(({ s, first, preferred, last, chair, nurse }): TileOut => {
      const rs = rBy.get(s.id) ?? [];
      const latest = rs.at(-1);
      let nextDue: TileOut['nextDue'] = null;
      let missed = 0;
      if (s.doseStartedAt !== null) {
        const infusion = (s.dose as StoredDose | null)?.detail.durationMinutes;
        const sched = observationSchedule(s.route as Route, protocol, s.doseStartedAt.toISOString(), infusion === undefined ? {} : { infusionMinutes: infusion });
        if (sched.ok) {
          const taken: TakenObservation[] = [
            ...rs.map((r) => ({ kind: 'vitals' as const, at: r.takenAt.toISOString() })),
            ...(aBy.get(s.id) ?? []).flatMap((a): TakenObservation[] => (a.instrument === 'moaas' || a.instrument === 'cadss' ? [{ kind: 'sedation_dissociation', at: a.takenAt.toISOString() }] : a.instrument === 'padss' || a.instrument === 'aldrete' ? [{ kind: 'discharge_assessment', at: a.takenAt.toISOString() }] : [])),
          ];
          const due = dueReadings(sched.schedule, taken, now.toISOString());
          nextDue = due.next === null ? null : { label: due.next.label, dueAt: due.next.dueAt, status: due.next.status };
          missed = due.items.filter((i) => i.status === 'missed').length;
        }
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
        latest: latest === undefined ? null : newestValues(rs),
        nextDue,
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
