import { cumulativeExposure, ROUTE_LABELS, ROUTES, type Route } from '@ketapath/clinical';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { sessionAdministrations, treatmentSessions } from '../../db/schema';
import { defineRoute } from '../../http/route';
import { localDateOf } from '../../lib/zoned';
import { loadClinic } from '../clinic/load';
import { auditPatientRead, loadPatient } from '../patients/repo';
import { clinicProtocol } from '../protocol/load';
import { patientFollowUp } from './due';
import { followUpFacts } from './facts';
import { loadResults } from './results';
import { PatientFollowUpOut } from './schemas';

const isRoute = (r: string): r is Route => (ROUTES as readonly string[]).includes(r);

export const patientFollowUpRoute = defineRoute({
  method: 'GET',
  url: '/api/patients/:id/follow-ups',
  access: { action: 'followup.read' },
  summary: "A patient's long-term safety follow-up: items with status, recorded results, open findings and cumulative ketamine exposure",
  tags: ['Follow-up'],
  schema: { params: z.object({ id: z.uuid() }), response: { 200: PatientFollowUpOut } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const clinic = await loadClinic(deps.db, me.clinicId);
    const { protocol } = clinicProtocol(clinic);
    const now = deps.clock.now();
    const [facts] = await followUpFacts(deps.db, me.clinicId, clinic.timeZone, p.id);
    const fu = facts === undefined ? null : patientFollowUp(facts, protocol, now, clinic.timeZone, localDateOf(now, clinic.timeZone));
    const results = await loadResults(deps.db, me.clinicId, { patientId: p.id });
    const given = await deps.db
      .select({ at: sessionAdministrations.startedAt, mg: sessionAdministrations.doseMg, route: sessionAdministrations.route })
      .from(sessionAdministrations)
      .innerJoin(treatmentSessions, eq(treatmentSessions.id, sessionAdministrations.sessionId))
      .where(and(eq(treatmentSessions.patientId, p.id), eq(sessionAdministrations.clinicId, me.clinicId)));
    const exposure = cumulativeExposure(given.flatMap((g) => (isRoute(g.route) ? [{ at: g.at.toISOString(), route: g.route, mg: g.mg }] : [])));
    await auditPatientRead(deps, me, meta, p.id, 'follow_ups');
    return {
      hasPlan: facts !== undefined,
      route: facts?.route ?? null,
      inMaintenance: fu?.inMaintenance ?? false,
      dosedSessions: facts?.dosedSessions ?? 0,
      inductionSessions: fu?.inductionSessions ?? 0,
      items: (fu?.items ?? []).map((i) => ({ id: i.id, label: i.label, status: i.status, dueDate: i.dueDate, source: i.source.citation })),
      results,
      openFindings: results.filter((r) => r.outcome === 'positive' && r.review === null),
      exposure: {
        mg: exposure.mg,
        sessions: exposure.sessions,
        firstAt: exposure.firstAt,
        lastAt: exposure.lastAt,
        byRoute: Object.entries(exposure.byRoute).map(([route, t]) => ({ route, label: ROUTE_LABELS[route as Route], mg: t.mg, sessions: t.sessions })),
      },
    };
  },
});
