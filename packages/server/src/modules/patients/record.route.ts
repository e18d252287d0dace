import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { patientMeasurements, patients } from '../../db/schema';
import { AppError } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { localDateOf } from '../../lib/zoned';
import { loadClinic } from '../clinic/load';
import { phoneDigits } from './duplicates';
import { PatientOut, presentPatient } from './presenters';
import { addMeasurement, auditPatientRead, latestMeasurements, loadPatient } from './repo';
import { Height, PatientFields, Weight } from './schemas';

const Id = z.object({ id: z.uuid() });

export const getPatientRoute = defineRoute({
  method: 'GET',
  url: '/api/patients/:id',
  access: { action: 'patient.read' },
  summary: "A patient's record (audited)",
  tags: ['Patients'],
  schema: { params: Id, response: { 200: PatientOut } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const clinic = await loadClinic(deps.db, me.clinicId);
    await auditPatientRead(deps, me, meta, p.id, 'patient');
    return presentPatient(p, localDateOf(deps.clock.now(), clinic.timeZone), await latestMeasurements(deps.db, p.id));
  },
});

export const updatePatientRoute = defineRoute({
  method: 'PATCH',
  url: '/api/patients/:id',
  access: { action: 'patient.update' },
  summary: "Correct or complete a patient's record",
  description: 'Send only the fields that change. The audit trail records which fields changed (not their values).',
  tags: ['Patients'],
  schema: {
    params: Id,
    body: PatientFields.partial()
      .extend({ status: z.enum(['active', 'inactive']).optional() })
      .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' }),
    response: { 200: PatientOut },
  },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const clinic = await loadClinic(deps.db, me.clinicId);
    const today = localDateOf(now, clinic.timeZone);
    if (body.dateOfBirth !== undefined && (body.dateOfBirth > today || body.dateOfBirth < '1900-01-01')) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.dateOfBirth', message: 'The date of birth must be in the past.' }] });
    }
    const before = await loadPatient(deps, me, meta, params.id);
    return deps.db.transaction(async (tx) => {
      const patch: Partial<typeof patients.$inferInsert> = { ...body, updatedAt: now };
      if (body.phone !== undefined) {
        patch.phoneDigits = phoneDigits(body.phone);
      }
      const [row] = await tx.update(patients).set(patch).where(eq(patients.id, before.id)).returning();
      const changed = Object.keys(body).filter((k) => JSON.stringify(before[k as keyof typeof before]) !== JSON.stringify(body[k as keyof typeof body]));
      await recordAudit(tx, {
        action: 'patient.updated',
        outcome: 'success',
        clinicId: me.clinicId,
        actor: me,
        resourceType: 'patient',
        resourceId: before.id,
        patientId: before.id,
        details: { fields: changed },
        meta,
        at: now,
      });
      return presentPatient(row as typeof patients.$inferSelect, today, await latestMeasurements(tx, before.id));
    });
  },
});

const MeasurementOut = z.object({ id: z.string(), kind: z.enum(['weight_kg', 'height_cm']), value: z.number(), measuredAt: z.string(), recordedBy: z.string().nullable() });

export const addMeasurementRoute = defineRoute({
  method: 'POST',
  url: '/api/patients/:id/measurements',
  access: { action: 'patient.update' },
  summary: 'Record a weight (kg) or height (cm)',
  description: 'Doses are computed from the newest weight; earlier values stay in the history.',
  tags: ['Patients'],
  schema: {
    params: Id,
    body: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('weight_kg'), value: Weight, measuredAt: z.iso.datetime({ offset: true }).optional() }),
      z.object({ kind: z.literal('height_cm'), value: Height, measuredAt: z.iso.datetime({ offset: true }).optional() }),
    ]),
    response: { 201: MeasurementOut },
  },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const p = await loadPatient(deps, me, meta, params.id);
    const measuredAt = body.measuredAt === undefined ? now : new Date(body.measuredAt);
    if (measuredAt.getTime() > now.getTime() + 5 * 60_000) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.measuredAt', message: 'A measurement cannot be in the future.' }] });
    }
    const id = await deps.db.transaction((tx) => addMeasurement(tx, { clinicId: me.clinicId, patientId: p.id, kind: body.kind, value: body.value, measuredAt, actor: me, meta, now }));
    return { id, kind: body.kind, value: body.value, measuredAt: measuredAt.toISOString(), recordedBy: me.userId };
  },
});

export const listMeasurementsRoute = defineRoute({
  method: 'GET',
  url: '/api/patients/:id/measurements',
  access: { action: 'patient.read' },
  summary: 'Weight and height history',
  tags: ['Patients'],
  schema: { params: Id, response: { 200: z.object({ measurements: z.array(MeasurementOut) }) } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const rows = await deps.db
      .select()
      .from(patientMeasurements)
      .where(and(eq(patientMeasurements.patientId, p.id), eq(patientMeasurements.clinicId, me.clinicId)))
      .orderBy(desc(patientMeasurements.measuredAt))
      .limit(500);
    await auditPatientRead(deps, me, meta, p.id, 'measurements');
    return {
      measurements: rows.map((r) => ({ id: r.id, kind: r.kind as 'weight_kg' | 'height_cm', value: r.value, measuredAt: r.measuredAt.toISOString(), recordedBy: r.recordedBy })),
    };
  },
});
