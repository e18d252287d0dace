import { randomUUID } from 'node:crypto';
import { and, eq, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { patients } from '../../db/schema';
import { AppError } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { localDateOf } from '../../lib/zoned';
import { loadClinic } from '../clinic/load';
import { compareForDuplicate, LIKELY_DUPLICATE_SCORE, phoneDigits } from './duplicates';
import { displayName, formatMrn, presentPatient } from './presenters';
import { PatientOut } from './presenters';
import { addMeasurement, nextMrn } from './repo';
import { Height, PatientFields, Weight } from './schemas';

export const registerPatientRoute = defineRoute({
  method: 'POST',
  url: '/api/patients',
  access: { action: 'patient.register' },
  summary: 'Register a patient (checks for likely duplicates first)',
  description:
    'If the new record looks like an existing patient (same date of birth and name, or same phone/email), the answer is 409 LIKELY_DUPLICATE with the candidates; send again with confirmNotDuplicate=true after checking.',
  tags: ['Patients'],
  schema: {
    body: PatientFields.partial({ allergies: true, medications: true }).extend({
      weightKg: Weight.optional(),
      heightCm: Height.optional(),
      confirmNotDuplicate: z.boolean().optional(),
    }),
    response: { 201: PatientOut },
  },
  async handler({ body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const clinic = await loadClinic(deps.db, me.clinicId);
    const today = localDateOf(now, clinic.timeZone);
    if (body.dateOfBirth > today || body.dateOfBirth < '1900-01-01') {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.dateOfBirth', message: 'The date of birth must be in the past.' }] });
    }
    const digits = phoneDigits(body.phone);
    const email = body.email ?? null;
    if (body.confirmNotDuplicate !== true) {
      const candidates = await deps.db
        .select()
        .from(patients)
        .where(
          and(
            eq(patients.clinicId, me.clinicId),
            or(
              eq(patients.dateOfBirth, body.dateOfBirth),
              digits === null ? sql`false` : eq(patients.phoneDigits, digits),
              email === null ? sql`false` : eq(sql`lower(${patients.email})`, email.toLowerCase()),
            ),
          ),
        )
        .limit(50);
      const key = { legalFirstName: body.legalFirstName, legalLastName: body.legalLastName, dateOfBirth: body.dateOfBirth, phoneDigits: digits, email };
      const likely = candidates
        .map((c) => ({ c, m: compareForDuplicate(key, { ...c, phoneDigits: c.phoneDigits, email: c.email }) }))
        .filter((x) => x.m.score >= LIKELY_DUPLICATE_SCORE)
        .sort((a, b) => b.m.score - a.m.score)
        .slice(0, 5);
      if (likely.length > 0) {
        await deps.db.transaction((tx) =>
          recordAudit(tx, {
            action: 'patient.duplicate_check',
            outcome: 'success',
            clinicId: me.clinicId,
            actor: me,
            details: { candidates: likely.map((l) => l.c.id) },
            meta,
            at: now,
          }),
        );
        throw new AppError('CONFLICT', {
          detail: 'This looks like a patient who is already registered. Check the records below before creating a new one.',
          extra: {
            reason: 'LIKELY_DUPLICATE',
            duplicates: likely.map(({ c, m }) => ({ id: c.id, mrn: formatMrn(c.mrn), name: displayName(c), dateOfBirth: c.dateOfBirth, reasons: m.reasons })),
          },
        });
      }
    }
    return deps.db.transaction(async (tx) => {
      const id = randomUUID();
      const mrn = await nextMrn(tx, me.clinicId);
      const { weightKg, heightCm, confirmNotDuplicate: _c, ...fields } = body;
      const [row] = await tx
        .insert(patients)
        .values({
          ...fields,
          allergies: fields.allergies ?? [],
          medications: fields.medications ?? [],
          remsEnrolledAt: fields.remsEnrolledAt ?? null,
          email,
          phoneDigits: digits,
          id,
          clinicId: me.clinicId,
          mrn,
          status: 'active',
          createdAt: now,
          createdBy: me.userId,
          updatedAt: now,
        })
        .returning();
      await recordAudit(tx, {
        action: 'patient.registered',
        outcome: 'success',
        clinicId: me.clinicId,
        actor: me,
        resourceType: 'patient',
        resourceId: id,
        patientId: id,
        details: { duplicateWarningOverridden: body.confirmNotDuplicate === true },
        meta,
        at: now,
      });
      let weight = null;
      let height = null;
      if (weightKg !== undefined) {
        await addMeasurement(tx, { clinicId: me.clinicId, patientId: id, kind: 'weight_kg', value: weightKg, measuredAt: now, actor: me, meta, now });
        weight = { value: weightKg, measuredAt: now };
      }
      if (heightCm !== undefined) {
        await addMeasurement(tx, { clinicId: me.clinicId, patientId: id, kind: 'height_cm', value: heightCm, measuredAt: now, actor: me, meta, now });
        height = { value: heightCm, measuredAt: now };
      }
      return presentPatient(row as typeof patients.$inferSelect, today, { weight, height });
    });
  },
});
