import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { intakes, users } from '../../db/schema';
import { AppError } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { auditPatientRead, loadPatient } from '../patients/repo';
import { intakeData, latestIntake, type IntakeRow } from './repo';
import { IntakeDataSchema, RouteSchema } from './schema';

const Id = z.object({ id: z.uuid() });

export const IntakeOut = z.object({
  id: z.string(),
  status: z.enum(['draft', 'submitted']),
  plannedRoute: RouteSchema.nullable(),
  data: IntakeDataSchema,
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
  submittedAt: z.string().nullable(),
});

async function presentIntake(q: Parameters<typeof latestIntake>[0], row: IntakeRow): Promise<z.infer<typeof IntakeOut>> {
  const [who] = row.updatedBy === null ? [] : await q.select({ name: users.name }).from(users).where(eq(users.id, row.updatedBy));
  return {
    id: row.id,
    status: row.status as 'draft' | 'submitted',
    plannedRoute: (row.plannedRoute as z.infer<typeof RouteSchema> | null) ?? null,
    data: intakeData(row),
    updatedAt: row.updatedAt.toISOString(),
    updatedByName: who?.name ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}

export const getIntakeRoute = defineRoute({
  method: 'GET',
  url: '/api/patients/:id/intake',
  access: { action: 'clinical.read' },
  summary: "The patient's intake (open draft, or the last submitted one)",
  tags: ['Intake and eligibility'],
  schema: { params: Id, response: { 200: z.object({ intake: IntakeOut.nullable() }) } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const row = await latestIntake(deps.db, me.clinicId, p.id);
    await auditPatientRead(deps, me, meta, p.id, 'intake');
    return { intake: row === undefined ? null : await presentIntake(deps.db, row) };
  },
});

export const saveIntakeRoute = defineRoute({
  method: 'PUT',
  url: '/api/patients/:id/intake',
  access: { action: 'intake.edit' },
  summary: 'Save the intake as a draft (any part may still be blank)',
  description: 'Saving after a submission opens a new draft that starts from the submitted answers; submitted intakes are kept unchanged.',
  tags: ['Intake and eligibility'],
  schema: { params: Id, body: z.object({ plannedRoute: RouteSchema.nullable(), data: IntakeDataSchema }), response: { 200: IntakeOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const p = await loadPatient(deps, me, meta, params.id);
    const row = await deps.db.transaction(async (tx) => {
      const current = await latestIntake(tx, me.clinicId, p.id);
      let saved: IntakeRow | undefined;
      if (current?.status === 'draft') {
        [saved] = await tx.update(intakes).set({ data: body.data, plannedRoute: body.plannedRoute, updatedAt: now, updatedBy: me.userId }).where(eq(intakes.id, current.id)).returning();
      } else {
        [saved] = await tx
          .insert(intakes)
          .values({ id: randomUUID(), clinicId: me.clinicId, patientId: p.id, status: 'draft', plannedRoute: body.plannedRoute, data: body.data, createdAt: now, createdBy: me.userId, updatedAt: now, updatedBy: me.userId })
          .returning();
      }
      const r = saved as IntakeRow;
      await recordAudit(tx, { action: 'intake.saved', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'intake', resourceId: r.id, patientId: p.id, meta, at: now });
      return r;
    });
    return presentIntake(deps.db, row);
  },
});

export const submitIntakeRoute = defineRoute({
  method: 'POST',
  url: '/api/patients/:id/intake/submit',
  access: { action: 'intake.edit' },
  summary: 'Submit the intake for the prescriber’s eligibility review',
  tags: ['Intake and eligibility'],
  schema: { params: Id, response: { 200: IntakeOut } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const p = await loadPatient(deps, me, meta, params.id);
    const row = await deps.db.transaction(async (tx) => {
      const current = await latestIntake(tx, me.clinicId, p.id);
      if (current?.status !== 'draft') {
        throw new AppError('CONFLICT', { detail: 'There is no draft intake to submit.' });
      }
      const data = intakeData(current);
      const missing = [];
      if (current.plannedRoute === null) {
        missing.push({ path: 'body.plannedRoute', message: 'Choose the planned treatment route.' });
      }
      if (data.diagnosis.condition === undefined) {
        missing.push({ path: 'body.data.diagnosis.condition', message: 'Record the diagnosis.' });
      }
      if (missing.length > 0) {
        throw new AppError('VALIDATION_FAILED', { fields: missing, detail: 'Complete these items before submitting.' });
      }
      const [saved] = await tx.update(intakes).set({ status: 'submitted', submittedAt: now, submittedBy: me.userId, updatedAt: now, updatedBy: me.userId }).where(eq(intakes.id, current.id)).returning();
      await recordAudit(tx, { action: 'intake.submitted', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'intake', resourceId: current.id, patientId: p.id, meta, at: now });
      return saved as IntakeRow;
    });
    return presentIntake(deps.db, row);
  },
});

export const intakeRoutes = [getIntakeRoute, saveIntakeRoute, submitIntakeRoute];
