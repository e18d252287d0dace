import {
  classifyOutcome,
  detectRelapse,
  INSTRUMENTS,
  isInstrumentId,
  remissionCutoff,
  responseLine,
  ROUTE_LABELS,
  selectBaseline,
  timeToResponse,
  type InstrumentId,
  type ScorePoint,
} from '@ketapath/clinical';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { questionnaireResponses, sessionAdministrations, treatmentSessions } from '../../db/schema';
import { defineRoute } from '../../http/route';
import { loadClinic } from '../clinic/load';
import { auditPatientRead, loadPatient } from '../patients/repo';
import { clinicProtocol } from '../protocol/load';
import { SHORT_NAMES } from './names';

/** Instruments drawn on the chart, in this order; others with a total follow. */
const ORDER: readonly InstrumentId[] = ['phq9', 'qids_sr16', 'madrs', 'gad7'];
const CHARTED = new Set<InstrumentId>(['phq9', 'qids_sr16', 'madrs', 'gad7', 'cgi_s']);

const SeriesOut = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  scoreMax: z.number(),
  points: z.array(z.object({ at: z.string(), total: z.number(), source: z.string() })),
  baseline: z.object({ at: z.string(), total: z.number() }).nullable(),
  responseLine: z.number().nullable(),
  remissionLine: z.object({ score: z.number(), comparison: z.enum(['at_or_below', 'below']) }).nullable(),
  status: z
    .object({ current: z.number(), percentChange: z.number().nullable(), category: z.enum(['remission', 'response', 'partial_response', 'no_response']), response: z.boolean(), remission: z.boolean().nullable() })
    .nullable(),
  timeToResponseDays: z.number().nullable(),
  relapse: z.object({ at: z.string(), reason: z.string() }).nullable(),
});

export const PatientOutcomesOut = z.object({
  firstDoseAt: z.string().nullable(),
  series: z.array(SeriesOut),
  sessions: z.array(z.object({ at: z.string(), route: z.string(), routeLabel: z.string(), state: z.string() })),
  doses: z.array(z.object({ at: z.string(), mg: z.number(), route: z.string() })),
  rules: z.object({ responsePercent: z.number(), relapse: z.string() }),
});
export type PatientOutcomesOut = z.infer<typeof PatientOutcomesOut>;

export const patientOutcomesRoute = defineRoute({
  method: 'GET',
  url: '/api/patients/:id/outcomes',
  access: { action: 'clinical.read' },
  summary: "A patient's questionnaire scores over time with baseline, response and remission lines, sessions and doses",
  description: 'Percent change, response/remission status, time to response and relapse come from the clinical core with the clinic protocol. Audited as a read of the patient record.',
  tags: ['Outcomes'],
  schema: { params: z.object({ id: z.uuid() }), response: { 200: PatientOutcomesOut } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const { protocol } = clinicProtocol(await loadClinic(deps.db, me.clinicId));
    const rows = await deps.db
      .select({ instrument: questionnaireResponses.instrument, total: questionnaireResponses.total, at: questionnaireResponses.completedAt, source: questionnaireResponses.source })
      .from(questionnaireResponses)
      .where(and(eq(questionnaireResponses.patientId, p.id), eq(questionnaireResponses.clinicId, me.clinicId)))
      .orderBy(asc(questionnaireResponses.completedAt));
    const sessions = await deps.db
      .select({ at: treatmentSessions.checkedInAt, route: treatmentSessions.route, state: treatmentSessions.state, doseAt: treatmentSessions.doseStartedAt })
      .from(treatmentSessions)
      .where(and(eq(treatmentSessions.patientId, p.id), eq(treatmentSessions.clinicId, me.clinicId)))
      .orderBy(asc(treatmentSessions.checkedInAt));
    const doses = await deps.db
      .select({ at: sessionAdministrations.startedAt, mg: sessionAdministrations.doseMg, route: sessionAdministrations.route })
      .from(sessionAdministrations)
      .innerJoin(treatmentSessions, eq(treatmentSessions.id, sessionAdministrations.sessionId))
      .where(and(eq(treatmentSessions.patientId, p.id), eq(sessionAdministrations.clinicId, me.clinicId), isNotNull(sessionAdministrations.doseMg)))
      .orderBy(asc(sessionAdministrations.startedAt));
    const firstDose = sessions.find((s) => s.doseAt !== null)?.doseAt ?? null;
    const points: ScorePoint[] = rows.flatMap((r) => (isInstrumentId(r.instrument) ? [{ instrumentId: r.instrument, at: r.at.toISOString(), total: r.total }] : []));
    const ids = [...new Set(points.map((x) => x.instrumentId))].filter((id) => CHARTED.has(id)).sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99));
    const series = ids.map((id) => {
      const def = INSTRUMENTS[id];
      const own = rows.filter((r) => r.instrument === id);
      const base = firstDose === null ? null : selectBaseline(points, firstDose.toISOString(), id);
      const after = firstDose === null ? [] : own.filter((r) => r.at > firstDose);
      const last = after.at(-1);
      const c = base !== null && last !== undefined ? classifyOutcome(id, base.total, last.total, protocol) : null;
      const ttr = base !== null && firstDose !== null ? timeToResponse(base, points, firstDose.toISOString(), protocol) : null;
      const rel = base !== null && firstDose !== null ? detectRelapse(base, points, [], firstDose.toISOString(), protocol) : null;
      const cut = remissionCutoff(id, protocol);
      return {
        id,
        name: SHORT_NAMES[id],
        title: def.title,
        scoreMax: def.scoreRange?.max ?? Math.max(...own.map((r) => r.total), 1),
        points: own.map((r) => ({ at: r.at.toISOString(), total: r.total, source: r.source })),
        baseline: base === null ? null : { at: new Date(base.at).toISOString(), total: base.total },
        responseLine: base === null ? null : responseLine(base.total, protocol),
        remissionLine: cut === null ? null : { score: cut.score, comparison: cut.comparison },
        status: c === null || last === undefined ? null : { current: last.total, percentChange: c.percentChange, category: c.category, response: c.response, remission: c.remission },
        timeToResponseDays: ttr === null ? null : Math.round(ttr.days),
        relapse: rel?.relapsed === true && rel.at !== null ? { at: rel.at, reason: rel.reason ?? '' } : null,
      };
    });
    await auditPatientRead(deps, me, meta, p.id, 'outcomes');
    const o = protocol.outcomes;
    return {
      firstDoseAt: firstDose?.toISOString() ?? null,
      series,
      sessions: sessions.map((s) => ({ at: (s.doseAt ?? s.at).toISOString(), route: s.route, routeLabel: (ROUTE_LABELS as Readonly<Record<string, string | undefined>>)[s.route] ?? s.route, state: s.state })),
      doses: doses.map((d) => ({ at: d.at.toISOString(), mg: d.mg, route: d.route })),
      rules: { responsePercent: o.responseReductionPercent, relapse: `${o.relapseConsecutive} ${SHORT_NAMES[o.relapseInstrument]} scores in a row at or above ${o.relapseScoreAtOrAbove}` },
    };
  },
});
