import { randomUUID } from 'node:crypto';
import type { Route } from '@ketapath/clinical';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { appointmentTypes, chairs, staffHours, users } from '../../db/schema';
import { AppError } from '../../http/errors';
import { auditedNotFound } from '../../http/not-found';
import { defineRoute } from '../../http/route';
import { loadClinic } from '../clinic/load';
import { clinicProtocol } from '../protocol/load';
import { ensureAppointmentTypes } from './defaults';
import { minimumChairMinutes } from './rules';

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour)');
const ChairOut = z.object({ id: z.string(), name: z.string(), kind: z.enum(['chair', 'room']), active: z.boolean(), sortOrder: z.number().int() });
const TypeOut = z.object({ id: z.string(), code: z.string(), name: z.string(), route: z.string().nullable(), durationMinutes: z.number().int(), minimumMinutes: z.number().int().nullable(), needsChair: z.boolean(), needsNurse: z.boolean(), active: z.boolean() });
const HoursOut = z.object({ userId: z.string(), name: z.string(), role: z.string(), hours: z.array(z.object({ weekday: z.number().int(), startsAt: z.string(), endsAt: z.string() })) });

export const listResourcesRoute = defineRoute({
  method: 'GET',
  url: '/api/scheduling/resources',
  access: { action: 'schedule.read' },
  summary: 'Chairs and rooms, appointment types, and staff working hours',
  tags: ['Scheduling'],
  schema: { response: { 200: z.object({ chairs: z.array(ChairOut), types: z.array(TypeOut), staff: z.array(HoursOut), openingDays: z.array(z.number().int()), dayStartsAt: z.string(), dayEndsAt: z.string(), chairsPerNurse: z.number().int() }) } },
  async handler({ deps, actor }) {
    const me = actor();
    const clinic = await loadClinic(deps.db, me.clinicId);
    const protocol = clinicProtocol(clinic).protocol;
    await deps.db.transaction((tx) => ensureAppointmentTypes(tx, me.clinicId, protocol));
    const chairRows = await deps.db.select().from(chairs).where(eq(chairs.clinicId, me.clinicId)).orderBy(asc(chairs.sortOrder), asc(chairs.name));
    const typeRows = await deps.db.select().from(appointmentTypes).where(eq(appointmentTypes.clinicId, me.clinicId)).orderBy(asc(appointmentTypes.name));
    const staff = await deps.db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(and(eq(users.clinicId, me.clinicId), eq(users.status, 'active'))).orderBy(asc(users.name));
    const hours = await deps.db.select().from(staffHours).where(eq(staffHours.clinicId, me.clinicId));
    return {
      chairs: chairRows.map((c) => ({ id: c.id, name: c.name, kind: c.kind as 'chair' | 'room', active: c.active, sortOrder: c.sortOrder })),
      types: typeRows.map((t) => ({ id: t.id, code: t.code, name: t.name, route: t.route, durationMinutes: t.durationMinutes, minimumMinutes: t.route === null ? null : minimumChairMinutes(t.route as Route, protocol), needsChair: t.needsChair, needsNurse: t.needsNurse, active: t.active })),
      staff: staff.map((s) => ({ userId: s.id, name: s.name, role: s.role, hours: hours.filter((h) => h.userId === s.id).map((h) => ({ weekday: h.weekday, startsAt: h.startsAt, endsAt: h.endsAt })).sort((a, b) => a.weekday - b.weekday || a.startsAt.localeCompare(b.startsAt)) })),
      openingDays: clinic.openingDays,
      dayStartsAt: clinic.dayStartsAt,
      dayEndsAt: clinic.dayEndsAt,
      chairsPerNurse: clinic.chairsPerNurse,
    };
  },
});

export const saveChairRoute = defineRoute({
  method: 'POST',
  url: '/api/scheduling/chairs',
  access: { action: 'schedule.manage' },
  summary: 'Add a chair or room, or change one (send its id)',
  tags: ['Scheduling'],
  schema: { body: z.object({ id: z.uuid().optional(), name: z.string().trim().min(1).max(60), kind: z.enum(['chair', 'room']), active: z.boolean().default(true), sortOrder: z.number().int().min(0).max(1000).default(0) }), response: { 200: ChairOut } },
  async handler({ body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    if (body.id !== undefined) {
      const [found] = await deps.db.select().from(chairs).where(and(eq(chairs.id, body.id), eq(chairs.clinicId, me.clinicId)));
      if (found === undefined) {
        throw await auditedNotFound(deps, me, meta, 'chair', body.id);
      }
    }
    return deps.db.transaction(async (tx) => {
      const id = body.id ?? randomUUID();
      const values = { name: body.name, kind: body.kind, active: body.active, sortOrder: body.sortOrder };
      const [row] = body.id === undefined ? await tx.insert(chairs).values({ id, clinicId: me.clinicId, ...values }).returning() : await tx.update(chairs).set(values).where(eq(chairs.id, id)).returning();
      await recordAudit(tx, { action: body.id === undefined ? 'schedule.chair_added' : 'schedule.chair_changed', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'chair', resourceId: id, meta, at: now });
      const c = row as typeof chairs.$inferSelect;
      return { id: c.id, name: c.name, kind: c.kind as 'chair' | 'room', active: c.active, sortOrder: c.sortOrder };
    });
  },
});

export const updateTypeRoute = defineRoute({
  method: 'PATCH',
  url: '/api/scheduling/types/:id',
  access: { action: 'schedule.manage' },
  summary: 'Change an appointment type (a treatment session never shorter than its clinical minimum)',
  tags: ['Scheduling'],
  schema: { params: z.object({ id: z.uuid() }), body: z.object({ name: z.string().trim().min(1).max(80).optional(), durationMinutes: z.number().int().min(5).max(600).optional(), active: z.boolean().optional() }), response: { 200: TypeOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const [type] = await deps.db.select().from(appointmentTypes).where(and(eq(appointmentTypes.id, params.id), eq(appointmentTypes.clinicId, me.clinicId)));
    if (type === undefined) {
      throw await auditedNotFound(deps, me, meta, 'appointment_type', params.id);
    }
    const protocol = clinicProtocol(await loadClinic(deps.db, me.clinicId)).protocol;
    const min = type.route === null ? null : minimumChairMinutes(type.route as Route, protocol);
    if (min !== null && body.durationMinutes !== undefined && body.durationMinutes < min) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.durationMinutes', message: `A ${type.name} needs at least ${min} minutes in the chair (dose and observation in your protocol).` }] });
    }
    return deps.db.transaction(async (tx) => {
      const [row] = await tx.update(appointmentTypes).set(body).where(eq(appointmentTypes.id, type.id)).returning();
      await recordAudit(tx, { action: 'schedule.type_changed', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'appointment_type', resourceId: type.id, details: { fields: Object.keys(body) }, meta, at: deps.clock.now() });
      const t = row as typeof appointmentTypes.$inferSelect;
      return { id: t.id, code: t.code, name: t.name, route: t.route, durationMinutes: t.durationMinutes, minimumMinutes: min, needsChair: t.needsChair, needsNurse: t.needsNurse, active: t.active };
    });
  },
});

export const setStaffHoursRoute = defineRoute({
  method: 'PUT',
  url: '/api/scheduling/staff/:userId/hours',
  access: { action: 'schedule.manage' },
  summary: "Replace a staff member's weekly working hours",
  tags: ['Scheduling'],
  schema: {
    params: z.object({ userId: z.uuid() }),
    body: z.object({ hours: z.array(z.object({ weekday: z.number().int().min(0).max(6), startsAt: Time, endsAt: Time }).refine((h) => h.startsAt < h.endsAt, { message: 'Start before end' })).max(21) }),
    response: { 200: HoursOut },
  },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const [user] = await deps.db.select().from(users).where(and(eq(users.id, params.userId), eq(users.clinicId, me.clinicId)));
    if (user === undefined) {
      throw await auditedNotFound(deps, me, meta, 'user', params.userId);
    }
    await deps.db.transaction(async (tx) => {
      await tx.delete(staffHours).where(eq(staffHours.userId, user.id));
      if (body.hours.length > 0) {
        await tx.insert(staffHours).values(body.hours.map((h) => ({ id: randomUUID(), clinicId: me.clinicId, userId: user.id, ...h })));
      }
      await recordAudit(tx, { action: 'schedule.hours_changed', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'user', resourceId: user.id, meta, at: deps.clock.now() });
    });
    return { userId: user.id, name: user.name, role: user.role, hours: [...body.hours].sort((a, b) => a.weekday - b.weekday) };
  },
});

export const resourceRoutes = [listResourcesRoute, saveChairRoute, updateTypeRoute, setStaffHoursRoute];
