import { INSTRUMENTS, isInstrumentId } from '@ketapath/clinical';
import { and, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { appointments, appointmentTypes, consents, patients, questionnaireResponses } from '../../db/schema';
import { defineRoute } from '../../http/route';
import { loadClinic } from '../clinic/load';
import { latestMaterialVersions } from '../consents/repo';
import { consentStatus } from '../consents/status';
import { CONSENT_KIND_LABELS, type ConsentKind } from '../consents/templates';
import { loadDue } from '../questionnaires/due';
import { DueOut, presentDue } from '../questionnaires/presenters';
import { CrisisLineOut, crisisLineFor } from '../risk/crisis';

const HomeOut = z.object({
  firstName: z.string(),
  clinicName: z.string(),
  timeZone: z.string(),
  crisisLine: CrisisLineOut,
  appointments: z.array(z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string(), type: z.string() })),
  due: z.array(DueOut),
  consents: z.array(z.object({ kind: z.string(), title: z.string(), version: z.number(), signedAt: z.string(), status: z.enum(['awaiting_countersignature', 'valid', 'needs_reconsent', 'withdrawn']) })),
});

export const portalHomeRoute = defineRoute({
  method: 'GET',
  url: '/api/portal/home',
  access: { portal: 'portal.read' },
  summary: 'The signed-in patient’s home: upcoming appointments, questionnaires due, signed consents, crisis line',
  tags: ['Patient portal'],
  schema: { response: { 200: HomeOut } },
  async handler({ deps, patient, meta }) {
    const me = patient();
    const now = deps.clock.now();
    const clinic = await loadClinic(deps.db, me.clinicId);
    const [p] = await deps.db.select().from(patients).where(and(eq(patients.id, me.patientId), eq(patients.clinicId, me.clinicId)));
    const appts = await deps.db
      .select({ id: appointments.id, startsAt: appointments.startsAt, endsAt: appointments.endsAt, type: appointmentTypes.name })
      .from(appointments)
      .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
      .where(and(eq(appointments.patientId, me.patientId), gte(appointments.endsAt, now), inArray(appointments.status, ['booked', 'checked_in'])))
      .orderBy(asc(appointments.startsAt))
      .limit(10);
    const signed = await deps.db.select().from(consents).where(eq(consents.patientId, me.patientId)).orderBy(desc(consents.signedAt), desc(consents.version), desc(consents.id));
    const latest = await latestMaterialVersions(deps.db, me.clinicId);
    const newestPerKind = signed.filter((c, i) => signed.findIndex((x) => x.kind === c.kind) === i);
    await deps.db.transaction((tx) => recordAudit(tx, { action: 'portal.read', outcome: 'success', clinicId: me.clinicId, actor: { userId: me.accountId, role: 'patient' }, resourceType: 'portal_home', patientId: me.patientId, meta, at: now }));
    return {
      firstName: p?.preferredName ?? p?.legalFirstName ?? me.firstName,
      clinicName: clinic.name,
      timeZone: clinic.timeZone,
      crisisLine: crisisLineFor(clinic),
      appointments: appts.map((a) => ({ id: a.id, startsAt: a.startsAt.toISOString(), endsAt: a.endsAt.toISOString(), type: a.type })),
      due: (await loadDue(deps.db, clinic, me.patientId, now)).map(presentDue),
      consents: newestPerKind.map((c) => ({ kind: c.kind, title: (CONSENT_KIND_LABELS as Partial<Record<string, string>>)[c.kind] ?? c.kind, version: c.version, signedAt: c.signedAt.toISOString(), status: consentStatus(c, latest.get(c.kind as ConsentKind) ?? 0) })),
    };
  },
});

export const portalProgressRoute = defineRoute({
  method: 'GET',
  url: '/api/portal/progress',
  access: { portal: 'portal.read' },
  summary: 'The signed-in patient’s own questionnaire scores over time (for their progress chart)',
  tags: ['Patient portal'],
  schema: { response: { 200: z.object({ series: z.array(z.object({ instrumentId: z.string(), title: z.string(), maxScore: z.number().nullable(), points: z.array(z.object({ at: z.string(), total: z.number(), band: z.string().nullable() })) })) }) } },
  async handler({ deps, patient, meta }) {
    const me = patient();
    const rows = await deps.db.select().from(questionnaireResponses).where(and(eq(questionnaireResponses.patientId, me.patientId), inArray(questionnaireResponses.instrument, ['phq9', 'gad7', 'qids_sr16']))).orderBy(asc(questionnaireResponses.completedAt));
    await deps.db.transaction((tx) => recordAudit(tx, { action: 'portal.read', outcome: 'success', clinicId: me.clinicId, actor: { userId: me.accountId, role: 'patient' }, resourceType: 'portal_progress', patientId: me.patientId, meta, at: deps.clock.now() }));
    const ids = [...new Set(rows.map((r) => r.instrument))];
    return {
      series: ids.flatMap((id) =>
        isInstrumentId(id)
          ? [{ instrumentId: id, title: INSTRUMENTS[id].title, maxScore: INSTRUMENTS[id].scoreRange?.max ?? null, points: rows.filter((r) => r.instrument === id).map((r) => ({ at: r.completedAt.toISOString(), total: r.total, band: (r.result as { band: { label: string } | null }).band?.label ?? null })) }]
          : [],
      ),
    };
  },
});
