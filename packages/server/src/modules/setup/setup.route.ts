import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { checkPasswordPolicy, hashPassword } from '../../auth/passwords';
import { clinics, users } from '../../db/schema';
import { AppError } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { Email, Password, SignInResult } from '../auth/schemas';
import { openSession, initialStage } from '../auth/sign-in';
import { ClinicName, Jurisdiction, PersonName, slugify, TimeZone } from '../clinic/fields';
import { provisionClinic } from '../clinic/provision';

const SETUP_LOCK_KEY = 7_246_183_902;

export const setupRoute = defineRoute({
  method: 'POST',
  url: '/api/setup',
  access: { public: true, reason: 'Creates the first clinic and administrator on an empty installation; refused afterwards.' },
  summary: 'First-run setup: create the clinic and its first administrator',
  tags: ['Setup'],
  schema: {
    body: z.object({
      clinicName: ClinicName,
      timeZone: TimeZone,
      jurisdiction: Jurisdiction,
      adminName: PersonName,
      adminEmail: Email,
      adminPassword: Password,
    }),
    response: { 201: SignInResult },
  },
  async handler({ body, deps, meta, reply }) {
    const issues = checkPasswordPolicy(body.adminPassword, [body.adminEmail, body.adminName], 'body.adminPassword');
    if (issues.length > 0) {
      throw new AppError('VALIDATION_FAILED', { fields: issues });
    }
    const passwordHash = await hashPassword(body.adminPassword);
    const now = deps.clock.now();
    return deps.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
      const [existing] = await tx.select({ id: clinics.id }).from(clinics).limit(1);
      if (existing !== undefined) {
        throw new AppError('ALREADY_SET_UP');
      }
      const clinicId = randomUUID();
      const userId = randomUUID();
      await tx.insert(clinics).values({
        id: clinicId,
        name: body.clinicName,
        slug: slugify(body.clinicName),
        timeZone: body.timeZone,
        jurisdiction: body.jurisdiction,
        createdAt: now,
      });
      const user = {
        id: userId,
        clinicId,
        email: body.adminEmail,
        name: body.adminName,
        role: 'admin' as const,
        status: 'active',
        passwordHash,
        passwordChangedAt: now,
        createdAt: now,
        mfaEnabledAt: null,
      };
      await tx.insert(users).values(user);
      await provisionClinic(tx, clinicId, now);
      const actor = { userId, role: 'admin' as const };
      await recordAudit(tx, { action: 'clinic.created', outcome: 'success', clinicId, actor, resourceType: 'clinic', resourceId: clinicId, meta, at: now });
      await recordAudit(tx, {
        action: 'user.created',
        outcome: 'success',
        clinicId,
        actor,
        resourceType: 'user',
        resourceId: userId,
        details: { role: 'admin', via: 'setup' },
        meta,
        at: now,
      });
      const stage = await initialStage(tx, user);
      const session = await openSession(tx, deps, reply, user, stage, meta);
      await recordAudit(tx, { action: 'auth.login', outcome: 'success', clinicId, actor, resourceType: 'session', resourceId: session.sessionId, details: { stage, via: 'setup' }, meta, at: now });
      return { stage, csrfToken: session.csrfToken };
    });
  },
});

export const setupRoutes = [setupRoute];
