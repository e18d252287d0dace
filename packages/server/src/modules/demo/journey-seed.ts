import { eq } from 'drizzle-orm';
import { chairs, clinics } from '../../db/schema';
import type { Deps } from '../../http/deps';
import type { App } from '../../http/route';
import { DemoDriver } from './demo-driver';
import { localDateOf } from '../../lib/zoned';
import { DEMO_CHAIRS, DEMO_PATIENTS } from './demo-data';
import { enrolDemoPatient } from './demo-patients';

/** Give the demo clinic chairs, working hours and patients at every stage of the journey (once). */
export async function seedDemoJourney(app: App, deps: Deps, clinicId: string): Promise<void> {
  // The journey's chairs mark it as seeded (the ledger demo adds its own synthetic patients first).
  const [existing] = await deps.db.select({ id: chairs.id }).from(chairs).where(eq(chairs.clinicId, clinicId)).limit(1);
  if (existing !== undefined) {
    return;
  }
  const [clinic] = await deps.db.select().from(clinics).where(eq(clinics.id, clinicId));
  const password = clinic?.demoPassword ?? '';
  const d = new DemoDriver(app);
  const sign = { password };
  for (const [i, name] of DEMO_CHAIRS.entries()) {
    await d.call('admin', 'POST', '/api/scheduling/chairs', { name, kind: name.includes('room') ? 'room' : 'chair', sortOrder: i });
  }
  const res = await d.call<{ staff: { userId: string; role: string }[] }>('admin', 'GET', '/api/scheduling/resources');
  for (const s of res.staff.filter((x) => x.role === 'nurse' || x.role === 'prescriber')) {
    await d.call('admin', 'PUT', `/api/scheduling/staff/${s.userId}/hours`, { hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startsAt: '07:30', endsAt: '18:00' })) });
  }
  const today = localDateOf(deps.clock.now(), clinic?.timeZone ?? 'UTC');
  const start = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  for (const [i, p] of DEMO_PATIENTS.entries()) {
    await enrolDemoPatient(d, p, i, { today, start, sign });
  }
}
