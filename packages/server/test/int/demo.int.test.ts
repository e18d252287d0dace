import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/audit/verify';
import { appointments, clinics, consents, eligibilityReviews, intakes, patients, treatmentPlans } from '../../src/db/schema';
import { seedDemoJourney } from '../../src/modules/demo/journey-seed';
import { seedDemo } from '../../src/modules/demo/seed';
import { Agent } from '../agent';
import { createTestApp, type TestApp } from '../harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { KETAPATH_DEMO: 'true' } });
});
afterAll(async () => {
  await t.close();
});

describe('demo clinic', () => {
  it('is seeded through the real endpoints with patients at every stage, once, and marked as demo', async () => {
    const { clinicId } = await seedDemo(t.deps);
    await seedDemoJourney(t.app, t.deps, clinicId);
    await seedDemoJourney(t.app, t.deps, clinicId);
    const [clinic] = await t.deps.db.select().from(clinics).where(eq(clinics.id, clinicId));
    expect(clinic?.isDemo).toBe(true);
    expect(clinic?.name).toContain('DEMO');
    expect(clinic?.demoPassword).toMatch(/^[a-z]+-[a-z]+-[a-z]+-\d\d$/);
    expect(await t.deps.db.select().from(patients).where(eq(patients.clinicId, clinicId))).toHaveLength(13); // 9 at every journey stage + 4 with controlled-drug history
    expect((await t.deps.db.select().from(intakes).where(eq(intakes.clinicId, clinicId))).length).toBe(8);
    const reviews = await t.deps.db.select().from(eligibilityReviews).where(eq(eligibilityReviews.clinicId, clinicId));
    expect(reviews.map((r) => r.decision).sort()).toEqual(['approved', 'approved', 'approved', 'approved', 'approved_with_override', 'declined']);
    expect((await t.deps.db.select().from(consents).where(eq(consents.clinicId, clinicId))).length).toBe(4);
    expect((await t.deps.db.select().from(treatmentPlans).where(eq(treatmentPlans.clinicId, clinicId))).length).toBe(3);
    expect((await t.deps.db.select().from(appointments).where(eq(appointments.clinicId, clinicId))).length).toBe(6 + 8);
    expect((await verifyChain(t.deps.db, clinicId)).ok).toBe(true);
    const visitor = new Agent(t);
    expect((await visitor.get('/api/auth/session')).body).toMatchObject({ authenticated: false, demo: true, demoPassword: clinic?.demoPassword });
  });
});
