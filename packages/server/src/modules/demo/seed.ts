import { randomInt, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record';
import { provisionClinic } from '../clinic/provision';
import { hashPassword } from '../../auth/passwords';
import { clinics, users } from '../../db/schema';
import type { Deps } from '../../http/deps';
import type { StaffRole } from '../../policy/roles';
import { seedDemoPublicProfile } from '../public/profile/demo';
import { seedLedgerDemo } from '../ledger/demo';

export const DEMO_CLINIC_SLUG = 'demo-riverside';

export const DEMO_STAFF: readonly { role: StaffRole; name: string; email: string }[] = [
  { role: 'admin', name: 'Alex Morgan (demo admin)', email: 'admin@demo.ketapath.invalid' },
  { role: 'prescriber', name: 'Dr Priya Shah (demo prescriber)', email: 'prescriber@demo.ketapath.invalid' },
  { role: 'nurse', name: 'Sam Okafor RN (demo nurse)', email: 'nurse@demo.ketapath.invalid' },
  { role: 'front_desk', name: 'Jordan Lee (demo front desk)', email: 'frontdesk@demo.ketapath.invalid' },
];

const WORDS = ['amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'grove', 'harbor', 'indigo', 'juniper', 'kestrel', 'lagoon', 'meadow', 'nectar', 'orchid', 'pebble', 'quartz', 'raven', 'sierra', 'tundra'];

/** A fresh random passphrase for the demo staff of this installation (never a fixed default). */
function demoPassphrase(): string {
  const w = () => WORDS[randomInt(WORDS.length)] ?? 'amber';
  return `${w()}-${w()}-${w()}-${randomInt(10, 99)}`;
}

/**
 * Create the synthetic demo clinic once. Demo staff sign in with one click per role; to sign decisions
 * they re-enter a passphrase generated randomly for this installation and shown on the demo pages.
 */
export async function seedDemo(deps: Deps): Promise<{ clinicId: string; created: boolean }> {
  const [existing] = await deps.db.select({ id: clinics.id, timeZone: clinics.timeZone }).from(clinics).where(eq(clinics.slug, DEMO_CLINIC_SLUG));
  if (existing !== undefined) {
    await seedDemoPublicProfile(deps.db, existing, deps.clock.now());
    await seedLedgerDemo(deps, existing.id, existing.timeZone);
    return { clinicId: existing.id, created: false };
  }
  const now = deps.clock.now();
  const clinicId = randomUUID();
  const passphrase = demoPassphrase();
  const passwordHash = await hashPassword(passphrase);
  await deps.db.transaction(async (tx) => {
    await tx.insert(clinics).values({
      id: clinicId,
      name: 'Riverside Ketamine Clinic (DEMO: synthetic data)',
      slug: DEMO_CLINIC_SLUG,
      timeZone: 'America/New_York',
      jurisdiction: 'US',
      isDemo: true,
      mfaRequiredRoles: [],
      demoPassword: passphrase,
      createdAt: now,
    });
    await recordAudit(tx, { action: 'clinic.created', outcome: 'success', clinicId, actor: null, resourceType: 'clinic', resourceId: clinicId, details: { via: 'demo_seed' }, meta: null, at: now });
    await provisionClinic(tx, clinicId, now);
    for (const s of DEMO_STAFF) {
      const id = randomUUID();
      await tx.insert(users).values({ id, clinicId, email: s.email, name: s.name, role: s.role, status: 'active', passwordHash, createdAt: now });
      await recordAudit(tx, { action: 'user.created', outcome: 'success', clinicId, actor: null, resourceType: 'user', resourceId: id, details: { role: s.role, via: 'demo_seed' }, meta: null, at: now });
    }
    await seedDemoPublicProfile(tx, { id: clinicId, timeZone: 'America/New_York' }, now);
  });
  await seedLedgerDemo(deps, clinicId, 'America/New_York');
  return { clinicId, created: true };
}
