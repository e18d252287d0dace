import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record';
import { clinicCounters, patientMeasurements, patients } from '../../db/schema';
import type { Queryable, Tx } from '../../db/types';
import type { Actor, RequestMeta } from '../../http/context';
import type { Deps } from '../../http/deps';
import { auditedNotFound } from '../../http/not-found';
import type { LatestMeasurements } from './presenters';

export type PatientRow = typeof patients.$inferSelect;

/** Load a patient of the actor's clinic, or answer 404 (audited). Does not audit the read itself. */
export async function loadPatient(deps: Deps, actor: Actor, meta: RequestMeta, patientId: string, q: Queryable = deps.db): Promise<PatientRow> {
  const [row] = await q
    .select()
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)));
  if (row === undefined) {
    throw await auditedNotFound(deps, actor, meta, 'patient', patientId);
  }
  return row;
}

export async function latestMeasurements(q: Queryable, patientId: string): Promise<LatestMeasurements> {
  const latest = async (kind: 'weight_kg' | 'height_cm') => {
    const [row] = await q
      .select({ value: patientMeasurements.value, measuredAt: patientMeasurements.measuredAt })
      .from(patientMeasurements)
      .where(and(eq(patientMeasurements.patientId, patientId), eq(patientMeasurements.kind, kind)))
      .orderBy(desc(patientMeasurements.measuredAt))
      .limit(1);
    return row ?? null;
  };
  return { weight: await latest('weight_kg'), height: await latest('height_cm') };
}

/** Take the clinic's next record number (row-locked, so concurrent registrations never collide). */
export async function nextMrn(tx: Tx, clinicId: string): Promise<number> {
  await tx.insert(clinicCounters).values({ clinicId, nextMrn: 1 }).onConflictDoNothing();
  const [row] = await tx
    .update(clinicCounters)
    .set({ nextMrn: sql`${clinicCounters.nextMrn} + 1` })
    .where(eq(clinicCounters.clinicId, clinicId))
    .returning({ taken: sql<number>`${clinicCounters.nextMrn} - 1`.mapWith(Number) });
  if (row === undefined) {
    throw new Error('clinic counter missing');
  }
  return row.taken;
}

export async function addMeasurement(
  tx: Tx,
  input: { clinicId: string; patientId: string; kind: 'weight_kg' | 'height_cm'; value: number; measuredAt: Date; actor: Actor; meta: RequestMeta; now: Date },
): Promise<string> {
  const id = randomUUID();
  await tx.insert(patientMeasurements).values({
    id,
    clinicId: input.clinicId,
    patientId: input.patientId,
    kind: input.kind,
    value: input.value,
    measuredAt: input.measuredAt,
    recordedBy: input.actor.userId,
    recordedAt: input.now,
  });
  await recordAudit(tx, {
    action: 'patient.measurement_recorded',
    outcome: 'success',
    clinicId: input.clinicId,
    actor: input.actor,
    resourceType: 'measurement',
    resourceId: id,
    patientId: input.patientId,
    details: { kind: input.kind },
    meta: input.meta,
    at: input.now,
  });
  return id;
}

/** Audit that patient data was shown to the actor. */
export async function auditPatientRead(deps: Deps, actor: Actor, meta: RequestMeta, patientId: string, what: string): Promise<void> {
  await deps.db.transaction((tx) =>
    recordAudit(tx, { action: 'patient.read', outcome: 'success', clinicId: actor.clinicId, actor, patientId, resourceType: what, resourceId: patientId, meta, at: deps.clock.now() }),
  );
}
