/**
 * Escalation of unacknowledged alerts (imperative shell around `alertEscalation` of the clinical core).
 * Every app server runs it; the conditional UPDATE makes each step happen once however many run it.
 */
import { randomUUID } from 'node:crypto';
import { alertEscalation, instantToLocal, resolveProtocol, type EscalationLevel, type ProtocolSettings } from '@ketapath/clinical';
import { and, eq, inArray, isNull, lt, lte, ne } from 'drizzle-orm';
import { recordAudits, type AuditInput } from '../../audit/record';
import { chairs, clinics, patients, sessionAlerts, staffHours, staffNotices, treatmentSessions, users } from '../../db/schema';
import type { Queryable, Tx } from '../../db/types';
import type { Deps } from '../../http/deps';
import { notifyBoardMany, type BoardEvent } from './board-notify';
import { initialsOf } from './view';

/** Prescribers working now (staff hours), or every active prescriber when nobody's hours cover now. */
export async function prescribersOnDuty(q: Queryable, clinicId: string, timeZone: string, now: Date): Promise<{ id: string; name: string }[]> {
  const all = await q.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.clinicId, clinicId), eq(users.role, 'prescriber'), eq(users.status, 'active')));
  if (all.length === 0) {
    return [];
  }
  const local = instantToLocal(now.getTime(), timeZone);
  const hours = await q.select().from(staffHours).where(and(inArray(staffHours.userId, all.map((u) => u.id)), eq(staffHours.weekday, local.weekday)));
  const working = all.filter((u) => hours.some((h) => h.userId === u.id && h.startsAt <= local.time && local.time < h.endsAt));
  return working.length > 0 ? working : all;
}

const cache = new Map<string, { json: string; protocol: ProtocolSettings }>();
function protocolOf(clinicId: string, overrides: unknown): ProtocolSettings | null {
  const json = JSON.stringify(overrides ?? {});
  const hit = cache.get(clinicId);
  if (hit?.json === json) {
    return hit.protocol;
  }
  const r = resolveProtocol(overrides ?? {});
  if (!r.ok) {
    return null;
  }
  cache.set(clinicId, { json, protocol: r.protocol });
  return r.protocol;
}

async function notifyPrescribers(tx: Tx, a: typeof sessionAlerts.$inferSelect, people: readonly { id: string }[], ctx: { initials: string; chair: string | null }, now: Date): Promise<void> {
  if (people.length === 0) {
    return;
  }
  await tx
    .insert(staffNotices)
    .values(
      people.map((p) => ({
        id: randomUUID(),
        clinicId: a.clinicId,
        userId: p.id,
        kind: 'alert_escalation',
        title: `Unacknowledged alert: ${ctx.initials}${ctx.chair === null ? '' : `, ${ctx.chair}`}`,
        body: a.message,
        link: `/sessions/${a.sessionId}`,
        alertId: a.id,
        createdAt: now,
      })),
    )
    .onConflictDoNothing();
}

/** Alerts moved per transaction: their audit events and board notices are written together, under one lock of the chain head. */
const CHUNK = 100;

/** One pass: raise the level of every alert whose time has come. Returns how many moved. */
export async function runEscalation(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const rows = await deps.db
    .select({ a: sessionAlerts, overrides: clinics.protocolOverrides, timeZone: clinics.timeZone, patientId: treatmentSessions.patientId, first: patients.legalFirstName, preferred: patients.preferredName, last: patients.legalLastName, chair: chairs.name })
    .from(sessionAlerts)
    .innerJoin(treatmentSessions, eq(treatmentSessions.id, sessionAlerts.sessionId))
    .innerJoin(clinics, eq(clinics.id, sessionAlerts.clinicId))
    .innerJoin(patients, eq(patients.id, treatmentSessions.patientId))
    .leftJoin(chairs, eq(chairs.id, treatmentSessions.chairId))
    .where(and(isNull(sessionAlerts.acknowledgedAt), lt(sessionAlerts.escalationLevel, 2), ne(sessionAlerts.severity, 'info'), lte(sessionAlerts.raisedAt, new Date(now.getTime() - 60_000))))
    .orderBy(sessionAlerts.raisedAt, sessionAlerts.id)
    .limit(1000);
  const due = rows.flatMap((r) => {
    const protocol = protocolOf(r.a.clinicId, r.overrides);
    if (protocol === null) {
      return [];
    }
    const level: EscalationLevel = alertEscalation({ severity: r.a.severity as 'warn', raisedAt: r.a.raisedAt.toISOString() }, now.toISOString(), protocol).level;
    return level > r.a.escalationLevel ? [{ r, level }] : [];
  });
  const onDuty = new Map<string, Promise<{ id: string; name: string }[]>>();
  let moved = 0;
  for (let i = 0; i < due.length; i += CHUNK) {
    moved += await deps.db.transaction(async (tx) => {
      const audits: AuditInput[] = [];
      const notices: BoardEvent[] = [];
      for (const { r, level } of due.slice(i, i + CHUNK)) {
        const [u] = await tx
          .update(sessionAlerts)
          .set({ escalationLevel: level, escalatedAt: now, ...(level === 2 ? { notifiedAt: now } : {}) })
          .where(and(eq(sessionAlerts.id, r.a.id), lt(sessionAlerts.escalationLevel, level), isNull(sessionAlerts.acknowledgedAt)))
          .returning();
        if (u === undefined) {
          continue;
        }
        audits.push({ action: 'alert.escalated', outcome: 'success', clinicId: u.clinicId, actor: null, resourceType: 'session_alert', resourceId: u.id, patientId: r.patientId, details: { level, code: u.code }, meta: null, at: now });
        if (level === 2) {
          let people = onDuty.get(u.clinicId);
          if (people === undefined) {
            people = prescribersOnDuty(tx, u.clinicId, r.timeZone, now);
            onDuty.set(u.clinicId, people);
          }
          const list = await people;
          await notifyPrescribers(tx, u, list, { initials: initialsOf(r.preferred ?? r.first, r.last), chair: r.chair }, now);
          if (list.length > 0) {
            audits.push({ action: 'alert.prescriber_notified', outcome: 'success', clinicId: u.clinicId, actor: null, resourceType: 'session_alert', resourceId: u.id, patientId: r.patientId, details: { prescribers: list.map((p) => p.id) }, meta: null, at: now });
          }
        }
        notices.push({ k: 'alert', c: u.clinicId, s: u.sessionId, alerts: [{ id: u.id, code: u.code, severity: u.severity, message: u.message, raisedAt: u.raisedAt.toISOString(), escalationLevel: level, acknowledgedAt: null }] });
      }
      await recordAudits(tx, audits);
      await notifyBoardMany(tx, notices);
      return notices.length;
    });
  }
  return moved;
}

/** Run `runEscalation` every few seconds until stopped (started by main.ts, stopped on shutdown). */
export function startEscalationWorker(deps: Deps, everyMs = 5_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) {
      return;
    }
    running = true;
    runEscalation(deps)
      .catch((err: unknown) => deps.log.error({ err: err instanceof Error ? err.message : String(err) }, 'alert escalation pass failed'))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
