import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { clinics } from '../../db/schema';
import { AppError } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { Role } from '../auth/schemas';
import { ClinicName, Jurisdiction, TimeZone } from './fields';
import { loadClinic, type ClinicRow } from './load';

export const ClinicOut = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  timeZone: z.string(),
  jurisdiction: Jurisdiction,
  isDemo: z.boolean(),
  mfaRequiredRoles: z.array(Role),
  staffIdleMinutes: z.number().int().nullable(),
  openingDays: z.array(z.number().int()),
  dayStartsAt: z.string(),
  dayEndsAt: z.string(),
  chairsPerNurse: z.number().int(),
  remsCertifiedOn: z.string().nullable(),
});

function presentClinic(c: ClinicRow): z.infer<typeof ClinicOut> {
  return {
    id: c.id,
    name: c.name,
    slug: c.slug,
    timeZone: c.timeZone,
    jurisdiction: c.jurisdiction as z.infer<typeof Jurisdiction>,
    isDemo: c.isDemo,
    mfaRequiredRoles: c.mfaRequiredRoles as z.infer<typeof Role>[],
    staffIdleMinutes: c.staffIdleMinutes,
    openingDays: c.openingDays,
    dayStartsAt: c.dayStartsAt,
    dayEndsAt: c.dayEndsAt,
    chairsPerNurse: c.chairsPerNurse,
    remsCertifiedOn: c.remsCertifiedOn,
  };
}

export const getClinicRoute = defineRoute({
  method: 'GET',
  url: '/api/clinic',
  access: { action: 'clinic.read' },
  summary: 'This clinic and its security settings',
  tags: ['Clinic'],
  schema: { response: { 200: ClinicOut } },
  async handler({ deps, actor }) {
    return presentClinic(await loadClinic(deps.db, actor().clinicId));
  },
});

export const updateClinicRoute = defineRoute({
  method: 'PATCH',
  url: '/api/clinic',
  access: { action: 'clinic.update' },
  summary: 'Change clinic details and security settings',
  description: 'mfaRequiredRoles: roles that must use two-step sign-in (default admin and prescriber). staffIdleMinutes: sign-out after inactivity (null = server default). remsCertifiedOn: date the setting was certified in the Spravato REMS (US esketamine; null = not certified).',
  tags: ['Clinic'],
  schema: {
    body: z.object({
      name: ClinicName.optional(),
      timeZone: TimeZone.optional(),
      jurisdiction: Jurisdiction.optional(),
      mfaRequiredRoles: z.array(Role).max(4).optional(),
      staffIdleMinutes: z.number().int().min(5).max(480).nullable().optional(),
      openingDays: z.array(z.number().int().min(0).max(6)).min(1).max(7).optional(),
      dayStartsAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).optional(),
      dayEndsAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).optional(),
      chairsPerNurse: z.number().int().min(1).max(12).optional(),
      remsCertifiedOn: z.iso.date().nullable().optional(),
    }).refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' }),
    response: { 200: ClinicOut },
  },
  async handler({ body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    return deps.db.transaction(async (tx) => {
      const before = await loadClinic(tx, me.clinicId);
      const patch: Partial<typeof clinics.$inferInsert> = {};
      if (body.name !== undefined) {
        patch.name = body.name;
      }
      if (body.timeZone !== undefined) {
        patch.timeZone = body.timeZone;
      }
      if (body.jurisdiction !== undefined) {
        patch.jurisdiction = body.jurisdiction;
      }
      if (body.mfaRequiredRoles !== undefined) {
        patch.mfaRequiredRoles = [...new Set(body.mfaRequiredRoles)];
      }
      if (body.staffIdleMinutes !== undefined) {
        patch.staffIdleMinutes = body.staffIdleMinutes;
      }
      if (body.openingDays !== undefined) {
        patch.openingDays = [...new Set(body.openingDays)].sort();
      }
      if (body.dayStartsAt !== undefined) {
        patch.dayStartsAt = body.dayStartsAt;
      }
      if (body.dayEndsAt !== undefined) {
        patch.dayEndsAt = body.dayEndsAt;
      }
      if (body.chairsPerNurse !== undefined) {
        patch.chairsPerNurse = body.chairsPerNurse;
      }
      if (body.remsCertifiedOn !== undefined) {
        patch.remsCertifiedOn = body.remsCertifiedOn;
      }
      if ((patch.dayStartsAt ?? before.dayStartsAt) >= (patch.dayEndsAt ?? before.dayEndsAt)) {
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.dayEndsAt', message: 'The day must end after it starts.' }] });
      }
      const [after] = Object.keys(patch).length === 0 ? [before] : await tx.update(clinics).set(patch).where(eq(clinics.id, me.clinicId)).returning();
      await recordAudit(tx, {
        action: 'clinic.updated',
        outcome: 'success',
        clinicId: me.clinicId,
        actor: me,
        resourceType: 'clinic',
        resourceId: me.clinicId,
        details: { fields: Object.keys(patch) },
        meta,
        at: now,
      });
      return presentClinic(after ?? before);
    });
  },
});

export const clinicRoutes = [getClinicRoute, updateClinicRoute];
