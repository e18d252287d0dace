import { and, desc, eq, gte, like, lt, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditEvents, users } from '../../db/schema';
import type { Db } from '../../db/types';
import { startOfLocalDay } from '../../lib/zoned';

export const AuditFilter = z.object({
  patientId: z.uuid().optional(),
  userId: z.uuid().optional(),
  action: z.string().trim().max(80).regex(/^[a-z_.]*$/, 'Use an action name such as auth.login or auth.').optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditEventOut = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actor: z.object({ id: z.string(), name: z.string().nullable(), role: z.string().nullable() }).nullable(),
  action: z.string(),
  outcome: z.string(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  patientId: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEventOut = z.infer<typeof AuditEventOut>;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date-only bound is a whole local day in the clinic's time zone; `to` includes that day. */
function bound(value: string, end: boolean, timeZone: string): Date {
  if (DATE_ONLY.test(value)) {
    const start = startOfLocalDay(value, timeZone);
    if (!end) {
      return start;
    }
    const next = new Date(Date.parse(`${value}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
    return startOfLocalDay(next, timeZone);
  }
  return new Date(value);
}

export async function searchAudit(
  db: Db,
  clinic: { id: string; timeZone: string },
  filter: AuditFilter,
  page: { limit: number; beforeId?: number | undefined },
): Promise<AuditEventOut[]> {
  const where: SQL[] = [eq(auditEvents.clinicId, clinic.id)];
  if (filter.patientId !== undefined) {
    where.push(eq(auditEvents.patientId, filter.patientId));
  }
  if (filter.userId !== undefined) {
    where.push(eq(auditEvents.actorUserId, filter.userId));
  }
  if (filter.action !== undefined && filter.action !== '') {
    where.push(filter.action.endsWith('.') ? like(auditEvents.action, `${filter.action}%`) : eq(auditEvents.action, filter.action));
  }
  if (filter.from !== undefined) {
    where.push(gte(auditEvents.occurredAt, bound(filter.from, false, clinic.timeZone)));
  }
  if (filter.to !== undefined) {
    const to = bound(filter.to, true, clinic.timeZone);
    where.push(DATE_ONLY.test(filter.to) ? lt(auditEvents.occurredAt, to) : lte(auditEvents.occurredAt, to));
  }
  if (page.beforeId !== undefined) {
    where.push(lt(auditEvents.id, page.beforeId));
  }
  const rows = await db
    .select({ e: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(page.limit);
  return rows.map(({ e, actorName }) => ({
    id: e.id,
    occurredAt: e.occurredAt.toISOString(),
    actor: e.actorUserId === null ? null : { id: e.actorUserId, name: actorName, role: e.actorRole },
    action: e.action,
    outcome: e.outcome,
    resourceType: e.resourceType,
    resourceId: e.resourceId,
    patientId: e.patientId,
    requestId: e.requestId,
    ip: e.ip,
    userAgent: e.userAgent,
    details: (e.details ?? {}) as Record<string, unknown>,
  }));
}
