import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { clinics, users } from '../../db/schema';
import type { Deps } from '../../http/deps';
import { defineRoute } from '../../http/route';
import { DEMO_CLINIC_SLUG } from '../demo/seed';
import { abilitiesOf } from '../../policy/policy';
import { Role, SessionStage } from './schemas';

export const SessionOut = z.discriminatedUnion('authenticated', [
  z.object({ authenticated: z.literal(false), needsSetup: z.boolean(), demo: z.boolean(), demoPassword: z.string().nullable() }),
  z.object({
    authenticated: z.literal(true),
    stage: SessionStage,
    csrfToken: z.string(),
    idleTimeoutSeconds: z.number().int(),
    expiresAt: z.string(),
    user: z.object({ id: z.string(), name: z.string(), email: z.string(), role: Role, mfaEnabled: z.boolean() }),
    clinic: z.object({
      id: z.string(),
      name: z.string(),
      slug: z.string(),
      timeZone: z.string(),
      jurisdiction: z.string(),
      isDemo: z.boolean(),
      demoPassword: z.string().nullable(),
    }),
    abilities: z.array(z.string()),
    /** Set while this browser has been handed to a patient (tablet mode): show only their questionnaires. */
    tabletPatientId: z.string().nullable(),
    /** Set while this browser is a wall display of the monitoring board: show only the board. */
    display: z.boolean(),
  }),
]);

async function signedOut(deps: Deps): Promise<{ authenticated: false; needsSetup: boolean; demo: boolean; demoPassword: string | null }> {
  const [any] = await deps.db.select({ id: clinics.id }).from(clinics).limit(1);
  const [demo] = deps.config.demo ? await deps.db.select({ pw: clinics.demoPassword }).from(clinics).where(eq(clinics.slug, DEMO_CLINIC_SLUG)) : [];
  return { authenticated: false, needsSetup: any === undefined, demo: deps.config.demo, demoPassword: demo?.pw ?? null };
}

export const sessionRoute = defineRoute({
  method: 'GET',
  url: '/api/auth/session',
  access: { public: true, reason: 'Tells a signed-out browser that it is signed out (and whether setup is needed).' },
  summary: 'Current session, user, clinic and abilities',
  tags: ['Authentication'],
  schema: { response: { 200: SessionOut } },
  async handler({ deps, req }) {
    const s = req.sessionInfo;
    if (s === undefined) {
      return signedOut(deps);
    }
    const [row] = await deps.db
      .select({ user: users, clinic: clinics })
      .from(users)
      .innerJoin(clinics, eq(clinics.id, users.clinicId))
      .where(eq(users.id, s.userId));
    const user = row?.user;
    const clinic = row?.clinic;
    if (user === undefined || clinic === undefined) {
      return signedOut(deps);
    }
    return {
      authenticated: true as const,
      stage: s.stage,
      csrfToken: s.csrfToken,
      idleTimeoutSeconds: s.idleTimeoutSeconds,
      expiresAt: s.expiresAt.toISOString(),
      user: { id: user.id, name: user.name, email: user.email, role: s.role, mfaEnabled: user.mfaEnabledAt !== null },
      clinic: {
        id: clinic.id,
        name: clinic.name,
        slug: clinic.slug,
        timeZone: clinic.timeZone,
        jurisdiction: clinic.jurisdiction,
        isDemo: clinic.isDemo,
        demoPassword: clinic.isDemo ? clinic.demoPassword : null,
      },
      abilities: s.stage === 'active' ? abilitiesOf(s.role) : [],
      tabletPatientId: s.tabletPatientId,
      display: s.display,
    };
  },
});
