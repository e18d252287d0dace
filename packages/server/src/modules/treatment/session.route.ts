import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { treatmentSessions } from '../../db/schema';
import { defineRoute } from '../../http/route';
import { auditPatientRead, loadPatient } from '../patients/repo';
import { sessionView } from './load-view';
import { routeLabel } from './presenters';
import { loadSession } from './repo';
import { Id } from './schemas';
import { SessionOut } from './view';

export const getSessionRoute = defineRoute({
  method: 'GET',
  url: '/api/sessions/:id',
  access: { action: 'session.read' },
  summary: 'A treatment session: checklist, dose, readings, alerts, due observations, discharge readiness, note and REMS form',
  description: 'Every clinical judgement in the answer comes from the clinical core with its rule code and source; `serverTime` is the time the answer was computed at.',
  tags: ['Treatment sessions'],
  schema: { params: Id, response: { 200: SessionOut } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const s = await loadSession(deps, me, meta, params.id);
    const view = await sessionView(deps, me, meta, s);
    await auditPatientRead(deps, me, meta, s.patientId, 'treatment_session');
    return view;
  },
});

const SessionSummaryOut = z.object({ id: z.string(), state: z.string(), route: z.string(), routeLabel: z.string(), checkedInAt: z.string(), doseStartedAt: z.string().nullable(), signedAt: z.string().nullable() });

export const patientSessionsRoute = defineRoute({
  method: 'GET',
  url: '/api/patients/:id/sessions',
  access: { action: 'session.read' },
  summary: "The patient's treatment sessions, newest first",
  tags: ['Treatment sessions'],
  schema: { params: Id, response: { 200: z.object({ sessions: z.array(SessionSummaryOut) }) } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const rows = await deps.db
      .select()
      .from(treatmentSessions)
      .where(and(eq(treatmentSessions.patientId, p.id), eq(treatmentSessions.clinicId, me.clinicId)))
      .orderBy(desc(treatmentSessions.checkedInAt));
    await auditPatientRead(deps, me, meta, p.id, 'treatment_sessions');
    return {
      sessions: rows.map((s) => ({ id: s.id, state: s.state, route: s.route, routeLabel: routeLabel(s.route), checkedInAt: s.checkedInAt.toISOString(), doseStartedAt: s.doseStartedAt?.toISOString() ?? null, signedAt: s.signedAt?.toISOString() ?? null })),
    };
  },
});
