import { ROUTE_LABELS } from '@ketapath/clinical';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appointments, appointmentTypes, consents, eligibilityReviews, intakes, patientMeasurements, treatmentPlans, users } from '../../db/schema';
import { defineRoute } from '../../http/route';
import { CONSENT_KIND_LABELS, type ConsentKind } from '../consents/templates';
import { auditPatientRead, loadPatient } from './repo';

const EventOut = z.object({ at: z.string(), kind: z.string(), title: z.string(), detail: z.string().nullable(), by: z.string().nullable(), ref: z.object({ type: z.string(), id: z.string() }).nullable() });
type EventOut = z.infer<typeof EventOut>;
export type TimelineEventOut = EventOut;

const DECISIONS: Record<string, string> = { approved: 'approved', approved_with_override: 'approved with override', declined: 'declined' };
const route = (r: string | null): string => (r === null ? '' : ((ROUTE_LABELS as Readonly<Record<string, string | undefined>>)[r] ?? r));

export const timelineRoute = defineRoute({
  method: 'GET',
  url: '/api/patients/:id/timeline',
  access: { action: 'patient.read' },
  summary: 'Everything that happened for a patient, newest first',
  description: 'Registration, measurements, intake, eligibility decisions, consents, plans and appointments (clinical entries only for clinical roles).',
  tags: ['Patients'],
  schema: { params: z.object({ id: z.uuid() }), response: { 200: z.object({ events: z.array(EventOut) }) } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const clinical = me.role !== 'front_desk';
    const names = new Map((await deps.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.clinicId, me.clinicId))).map((u) => [u.id, u.name]));
    const who = (id: string | null): string | null => (id === null ? null : (names.get(id) ?? null));
    const ev: EventOut[] = [{ at: p.createdAt.toISOString(), kind: 'registered', title: 'Registered', detail: null, by: who(p.createdBy), ref: null }];
    for (const m of await deps.db.select().from(patientMeasurements).where(eq(patientMeasurements.patientId, p.id))) {
      ev.push({ at: m.measuredAt.toISOString(), kind: 'measurement', title: m.kind === 'weight_kg' ? `Weight ${m.value} kg` : `Height ${m.value} cm`, detail: null, by: who(m.recordedBy), ref: null });
    }
    for (const c of await deps.db.select().from(consents).where(eq(consents.patientId, p.id))) {
      const label = CONSENT_KIND_LABELS[c.kind as ConsentKind];
      ev.push({ at: c.signedAt.toISOString(), kind: 'consent', title: `Consent signed: ${label} (version ${c.version})`, detail: `Signed by ${c.signerName}`, by: who(c.presentedBy), ref: { type: 'consent', id: c.id } });
      if (c.countersignedAt !== null) {
        ev.push({ at: c.countersignedAt.toISOString(), kind: 'consent', title: `Consent countersigned: ${label}`, detail: null, by: who(c.countersignedBy), ref: { type: 'consent', id: c.id } });
      }
      if (c.withdrawnAt !== null) {
        ev.push({ at: c.withdrawnAt.toISOString(), kind: 'consent_withdrawn', title: `Consent withdrawn: ${label}`, detail: c.withdrawnReason, by: who(c.withdrawnRecordedBy), ref: { type: 'consent', id: c.id } });
      }
    }
    const appts = await deps.db.select({ a: appointments, t: appointmentTypes }).from(appointments).innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId)).where(eq(appointments.patientId, p.id));
    for (const { a, t } of appts) {
      ev.push({ at: a.createdAt.toISOString(), kind: 'appointment', title: `Booked: ${t.name}`, detail: `For ${a.startsAt.toISOString()}`, by: who(a.createdBy), ref: { type: 'appointment', id: a.id } });
      if (a.statusChangedAt !== null && a.status !== 'booked') {
        ev.push({ at: a.statusChangedAt.toISOString(), kind: 'appointment', title: `${t.name}: ${a.status.replace('_', ' ')}`, detail: a.statusReason, by: who(a.statusChangedBy), ref: { type: 'appointment', id: a.id } });
      }
    }
    if (clinical) {
      for (const i of await deps.db.select().from(intakes).where(and(eq(intakes.patientId, p.id), eq(intakes.clinicId, me.clinicId)))) {
        ev.push({ at: (i.submittedAt ?? i.createdAt).toISOString(), kind: 'intake', title: i.status === 'submitted' ? 'Intake submitted for review' : 'Intake started (draft)', detail: route(i.plannedRoute), by: who(i.submittedBy ?? i.createdBy), ref: { type: 'intake', id: i.id } });
      }
      for (const r of await deps.db.select().from(eligibilityReviews).where(eq(eligibilityReviews.patientId, p.id))) {
        ev.push({ at: r.decidedAt.toISOString(), kind: 'eligibility', title: `Eligibility ${DECISIONS[r.decision] ?? r.decision}: ${route(r.route)}`, detail: r.notes, by: who(r.decidedBy), ref: { type: 'eligibility_review', id: r.id } });
      }
      for (const pl of await deps.db.select().from(treatmentPlans).where(eq(treatmentPlans.patientId, p.id))) {
        ev.push({ at: pl.signedAt.toISOString(), kind: 'plan', title: `Treatment plan signed (version ${pl.version}): ${route(pl.route)}`, detail: pl.changeReason, by: who(pl.signedBy), ref: { type: 'treatment_plan', id: pl.id } });
      }
    }
    await auditPatientRead(deps, me, meta, p.id, 'timeline');
    return { events: ev.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)) };
  },
});
