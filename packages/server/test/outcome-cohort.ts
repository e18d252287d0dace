/** The outcome tests' small fixed cohort, with hand-computed figures (outcomes.int.test.ts). */
import { clinicWithStaff, readyPatient } from './factories';
import type { TestApp } from './harness';
import { adverseEvent, bpAlert, dosedSession, scores } from './outcome-fixtures';

export const d = (date: string): string => `${date}T14:00:00.000Z`;

/**
 * A small fixed cohort (PHQ-9; default protocol: response ≥ 50 % fall, remission < 5, relapse = 2 MADRS ≥ 22 in a row).
 *   P1 IV   baseline 20 → 12, 8 (response day 14), 4 (latest: response + remission); no relapse (censored day 13)
 *   P2 IV   baseline 18 → 15, 14 (latest: 22 % fall, no response); time to response censored day 35
 *   P3 Esk  baseline 24 → 10 (response day 10), 13 (latest: 46 %, partial response); MADRS 25, 28 → relapse 17 days after response
 *   P4 Esk  baseline 10 → 6, 4 (response + remission day 28, latest); censored at the response (day 0)
 *   P5 IV   no score before the first dose (no baseline)
 *   P7 IV   baseline only (no score after the first dose)
 *   P6 IV   first dose before the period (not in the cohort)
 */
export async function fixedCohort(t: TestApp) {
  const { clinic, users, as } = await clinicWithStaff(t);
  const base = { clinicId: clinic.id, userId: users.nurse.id };
  const mk = async (route: string) => readyPatient(as, route, '2026-01-05');
  const [p1, p2, p3, p4, p5, p6, p7] = [await mk('iv'), await mk('iv'), await mk('esketamine_nasal'), await mk('esketamine_nasal'), await mk('iv'), await mk('iv'), await mk('iv')];
  const sess = async (p: { id: string; planId: string }, route: string, dates: string[]) => {
    const ids: string[] = [];
    for (const date of dates) {
      ids.push(await dosedSession(t, { ...base, patientId: p.id, planId: p.planId, route, at: d(date) }));
    }
    return ids;
  };
  const phq = (p: { id: string }, points: [string, number][]) => scores(t, { clinicId: clinic.id, patientId: p.id, instrument: 'phq9', points: points.map(([date, v]) => [d(date), v] as const) });
  const s1 = await sess(p1, 'iv', ['2026-01-05', '2026-01-08', '2026-01-12']);
  const s2 = await sess(p2, 'iv', ['2026-01-06', '2026-01-09']);
  const s3 = await sess(p3, 'esketamine_nasal', ['2026-01-05']);
  const s4 = await sess(p4, 'esketamine_nasal', ['2026-01-10']);
  await sess(p5, 'iv', ['2026-01-07']);
  await sess(p7, 'iv', ['2026-01-08']);
  await sess(p6, 'iv', ['2025-12-15']);
  await phq(p1, [['2026-01-01', 20], ['2026-01-12', 12], ['2026-01-19', 8], ['2026-02-01', 4]]);
  await phq(p2, [['2026-01-02', 18], ['2026-01-20', 15], ['2026-02-10', 14]]);
  await phq(p3, [['2026-01-03', 24], ['2026-01-15', 10], ['2026-03-01', 13]]);
  await scores(t, { clinicId: clinic.id, patientId: p3.id, instrument: 'madrs', points: [[d('2026-02-01'), 25], [d('2026-02-15'), 28]] });
  await phq(p4, [['2026-01-09', 10], ['2026-01-24', 6], ['2026-02-07', 4]]);
  await phq(p5, [['2026-01-20', 5]]);
  await phq(p7, [['2026-01-07', 16]]);
  await phq(p6, [['2025-12-10', 20], ['2026-01-10', 5]]);
  await adverseEvent(t, { ...base, patientId: p1.id, sessionId: s1[0] ?? '', term: 'nausea', at: d('2026-01-05') });
  await adverseEvent(t, { ...base, patientId: p3.id, sessionId: s3[0] ?? '', term: 'nausea', at: d('2026-01-05') });
  await adverseEvent(t, { ...base, patientId: p3.id, sessionId: s3[0] ?? '', term: 'dissociation', at: d('2026-01-05') });
  await bpAlert(t, { clinicId: clinic.id, sessionId: s2[0] ?? '', code: 'VITALS_BP_ABOVE_PAUSE_LIMIT', at: d('2026-01-06') });
  await bpAlert(t, { clinicId: clinic.id, sessionId: s2[0] ?? '', code: 'VITALS_BP_ABOVE_PAUSE_LIMIT', at: d('2026-01-06') });
  await bpAlert(t, { clinicId: clinic.id, sessionId: s4[0] ?? '', code: 'VITALS_BP_RISE_FROM_BASELINE', at: d('2026-01-10') });
  return { clinic, users, as, p1, p2, p3, p4 };
}
