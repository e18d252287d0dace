import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/audit/verify';
import { appointments, clinics, consents, eligibilityReviews, intakes, patients, treatmentPlans, treatmentSessions, vitalReadings } from '../../src/db/schema';
import { DemoDriver } from '../../src/modules/demo/demo-driver';
import { demoMonitorStep } from '../../src/modules/demo/monitor-sim';
import { demoContext, seedDemoTreatment } from '../../src/modules/demo/treatment-seed';
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
  it('is seeded through the real endpoints with patients at every stage, once, and marked as demo', { timeout: 120_000 }, async () => {
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

  it('has sessions in every chair, earlier signed notes and REMS forms, and its monitors keep posting', { timeout: 120_000 }, async () => {
    const { clinicId } = await seedDemo(t.deps);
    await seedDemoJourney(t.app, t.deps, clinicId);
    const d = new DemoDriver(t.app);
    const base = await demoContext(d, t.deps, clinicId);
    const patients = await seedDemoTreatment(t.deps, base);
    expect(patients.length).toBe(10);
    const board = await d.call<{ tiles: { state: string; alerts: unknown[]; latest: { systolic: number | null } | null }[] }>('nurse', 'GET', '/api/board');
    expect(board.tiles.map((x) => x.state).sort()).toEqual(['checked_in', 'dosing', 'monitoring', 'monitoring']);
    expect(board.tiles.some((x) => x.alerts.length > 0)).toBe(true);
    expect(board.tiles.filter((x) => x.latest !== null).every((x) => x.latest?.systolic !== null)).toBe(true);
    const forms = await d.call<{ forms: { status: string }[] }>('nurse', 'GET', '/api/rems/monitoring-forms?status=all');
    expect(forms.forms.map((f) => f.status).sort()).toEqual(['pending', 'pending', 'submitted']); // yesterday's, today's (in progress) and one submitted
    const signed = await t.deps.db.select().from(treatmentSessions).where(eq(treatmentSessions.state, 'signed'));
    expect(signed.length).toBeGreaterThanOrEqual(2);
    // A second start the same day adds nothing; the simulator's step posts readings through the monitors' tokens.
    await seedDemoTreatment(t.deps, await demoContext(d, t.deps, clinicId));
    expect((await d.call<{ tiles: unknown[] }>('nurse', 'GET', '/api/board')).tiles).toHaveLength(4);
    const before = (await t.deps.db.select().from(vitalReadings)).length;
    t.clock.advance(2 * 60_000);
    await demoMonitorStep(t.app, t.deps, d, { ...(await demoContext(d, t.deps, clinicId)), patients });
    expect((await t.deps.db.select().from(vitalReadings)).length).toBeGreaterThan(before);
    expect((await verifyChain(t.deps.db, clinicId)).ok).toBe(true);
  });
});
