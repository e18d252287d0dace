import { randomUUID } from 'node:crypto';
import type { Route } from '@ketapath/clinical';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { appointments, appointmentTypes, chairs, users } from '../../db/schema';
import type { Tx } from '../../db/types';
import type { Actor, RequestMeta } from '../../http/context';
import type { Deps } from '../../http/deps';
import { AppError } from '../../http/errors';
import { auditedNotFound } from '../../http/not-found';
import { defineRoute } from '../../http/route';
import { loadClinic, type ClinicRow } from '../clinic/load';
import { loadPatient } from '../patients/repo';
import { clinicProtocol } from '../protocol/load';
import { AppointmentOut, presentAppointment, presentConflicts } from './presenters';
import { appointmentsWhere, inRange } from './query';
import { conflictContext, localOf, type AppointmentRow } from './repo';
import { findConflicts, type Conflict, type Slot } from './rules';

/** Bookings in one clinic are serialised, so two receptionists can never take the same chair. */
export async function lockClinicSchedule(tx: Tx, clinicId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`schedule:${clinicId}`}))`);
}

export async function slotConflicts(q: Tx, clinic: ClinicRow, slot: Slot, now: Date): Promise<Conflict[]> {
  const protocol = clinicProtocol(clinic).protocol;
  const window = slot.route === null ? 0 : protocol.schedule.minSpacingDays[slot.route];
  return findConflicts(slot, await conflictContext(q, clinic, slot, window, now));
}

export async function assertStaffAndChair(deps: Deps, actor: Actor, meta: RequestMeta, chairId: string | null | undefined, staffId: string | null | undefined): Promise<void> {
  if (chairId !== null && chairId !== undefined) {
    const [c] = await deps.db.select({ id: chairs.id }).from(chairs).where(and(eq(chairs.id, chairId), eq(chairs.clinicId, actor.clinicId), eq(chairs.active, true)));
    if (c === undefined) {
      throw await auditedNotFound(deps, actor, meta, 'chair', chairId);
    }
  }
  if (staffId !== null && staffId !== undefined) {
    const [u] = await deps.db.select({ id: users.id }).from(users).where(and(eq(users.id, staffId), eq(users.clinicId, actor.clinicId), eq(users.status, 'active')));
    if (u === undefined) {
      throw await auditedNotFound(deps, actor, meta, 'user', staffId);
    }
  }
}

export const listAppointmentsRoute = defineRoute({
  method: 'GET',
  url: '/api/appointments',
  access: { action: 'schedule.read' },
  summary: 'Appointments in a date range (up to 62 days, or 400 for one patient), optionally for one chair, staff member or patient',
  tags: ['Scheduling'],
  schema: {
    querystring: z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }), chairId: z.uuid().optional(), staffId: z.uuid().optional(), patientId: z.uuid().optional(), includeCancelled: z.enum(['true', 'false']).default('false') }),
    response: { 200: z.object({ appointments: z.array(AppointmentOut) }) },
  },
  async handler({ query, deps, actor, meta }) {
    const me = actor();
    const from = new Date(query.from);
    const to = new Date(query.to);
    // A clinic calendar spans at most two months; one patient's list may span up to about 13 months.
    const maxDays = query.patientId === undefined ? 62 : 400;
    if (to <= from || to.getTime() - from.getTime() > maxDays * 86_400_000) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'querystring.to', message: `Choose a range of at most ${maxDays} days that ends after it starts.` }] });
    }
    const where = inRange(me.clinicId, from, to);
    if (query.chairId !== undefined) {
      where.push(eq(appointments.chairId, query.chairId));
    }
    if (query.staffId !== undefined) {
      where.push(eq(appointments.staffId, query.staffId));
    }
    if (query.patientId !== undefined) {
      where.push(eq(appointments.patientId, query.patientId));
    }
    if (query.includeCancelled === 'false') {
      where.push(sql`${appointments.status} NOT IN ('cancelled', 'no_show')`);
    }
    const clinic = await loadClinic(deps.db, me.clinicId);
    const rows = await appointmentsWhere(deps.db, where);
    await deps.db.transaction((tx) =>
      recordAudit(tx, { action: 'schedule.viewed', outcome: 'success', clinicId: me.clinicId, actor: me, ...(query.patientId === undefined ? {} : { patientId: query.patientId }), details: { appointments: rows.length, patientIds: [...new Set(rows.map((r) => r.p.id))].slice(0, 200) }, meta, at: deps.clock.now() }),
    );
    return { appointments: rows.map((r) => presentAppointment(r, clinic.timeZone)) };
  },
});

export const createAppointmentRoute = defineRoute({
  method: 'POST',
  url: '/api/appointments',
  access: { action: 'schedule.book' },
  summary: 'Book one appointment (conflicts are checked and explained)',
  tags: ['Scheduling'],
  schema: {
    body: z.object({ patientId: z.uuid(), typeId: z.uuid(), startsAt: z.iso.datetime({ offset: true }), chairId: z.uuid().nullable().optional(), staffId: z.uuid().nullable().optional(), notes: z.string().trim().max(1000).optional() }),
    response: { 201: AppointmentOut },
  },
  async handler({ body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const p = await loadPatient(deps, me, meta, body.patientId);
    const [type] = await deps.db.select().from(appointmentTypes).where(and(eq(appointmentTypes.id, body.typeId), eq(appointmentTypes.clinicId, me.clinicId), eq(appointmentTypes.active, true)));
    if (type === undefined) {
      throw await auditedNotFound(deps, me, meta, 'appointment_type', body.typeId);
    }
    await assertStaffAndChair(deps, me, meta, body.chairId, body.staffId);
    if (type.needsChair && (body.chairId ?? null) === null) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.chairId', message: 'Choose a chair for a treatment session.' }] });
    }
    const clinic = await loadClinic(deps.db, me.clinicId);
    const startsAt = new Date(body.startsAt);
    const slot: Slot = { patientId: p.id, chairId: body.chairId ?? null, staffId: body.staffId ?? null, startsAt, endsAt: new Date(startsAt.getTime() + type.durationMinutes * 60_000), route: type.route as Route | null, localDate: localOf(startsAt, clinic.timeZone).date };
    const id = await deps.db.transaction(async (tx) => {
      await lockClinicSchedule(tx, me.clinicId);
      const conflicts = await slotConflicts(tx, clinic, slot, now);
      if (conflicts.length > 0) {
        throw new AppError('CONFLICT', { detail: conflicts.map((c) => c.message).join(' '), extra: { conflicts: presentConflicts(conflicts) } });
      }
      const newId = randomUUID();
      await tx.insert(appointments).values({ id: newId, clinicId: me.clinicId, patientId: p.id, typeId: type.id, route: type.route, chairId: slot.chairId, staffId: slot.staffId, startsAt: slot.startsAt, endsAt: slot.endsAt, status: 'booked', notes: body.notes ?? null, createdAt: now, createdBy: me.userId, updatedAt: now });
      await recordAudit(tx, { action: 'schedule.booked', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'appointment', resourceId: newId, patientId: p.id, details: { type: type.code }, meta, at: now });
      return newId;
    });
    const [row] = await appointmentsWhere(deps.db, [eq(appointments.id, id)]);
    return presentAppointment(row as NonNullable<typeof row>, clinic.timeZone);
  },
});

export async function presentOne(deps: Deps, a: AppointmentRow, tz: string): Promise<z.infer<typeof AppointmentOut>> {
  const [row] = await appointmentsWhere(deps.db, [eq(appointments.id, a.id)]);
  return presentAppointment(row as NonNullable<typeof row>, tz);
}
