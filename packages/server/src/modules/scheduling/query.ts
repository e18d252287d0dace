import { and, asc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { appointments, appointmentTypes, chairs, patients, treatmentSessions, users } from '../../db/schema';
import type { Queryable } from '../../db/types';
import type { AppointmentJoin } from './presenters';

const staff = alias(users, 'staff');

/** Appointments with their patient, type, chair and staff member. */
export async function appointmentsWhere(q: Queryable, where: SQL[]): Promise<AppointmentJoin[]> {
  const rows = await q
    .select({ a: appointments, t: appointmentTypes, p: patients, c: chairs, s: { id: staff.id, name: staff.name }, ts: { id: treatmentSessions.id, state: treatmentSessions.state } })
    .from(appointments)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .leftJoin(chairs, eq(chairs.id, appointments.chairId))
    .leftJoin(staff, eq(staff.id, appointments.staffId))
    .leftJoin(treatmentSessions, eq(treatmentSessions.appointmentId, appointments.id))
    .where(and(...where))
    .orderBy(asc(appointments.startsAt));
  return rows;
}

export function inRange(clinicId: string, from: Date, to: Date): SQL[] {
  return [eq(appointments.clinicId, clinicId), gte(appointments.startsAt, from), lt(appointments.startsAt, to)];
}
