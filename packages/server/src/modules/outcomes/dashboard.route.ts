import { recordAuditStandalone } from '../../audit/record';
import { z } from 'zod';
import { defineRoute } from '../../http/route';
import { csvRow } from '../../lib/csv';
import { loadClinic } from '../clinic/load';
import { loadDashboard } from './load-dashboard';
import { DashboardFilter, DashboardOut } from './schemas';

const auditDetails = (q: DashboardFilter, out: DashboardOut) => ({ from: out.filter.from, to: out.filter.to, route: q.route ?? null, prescriberId: q.prescriberId ?? null, instrument: q.instrument, patients: out.patients.inCohort });

export const dashboardRoute = defineRoute({
  method: 'GET',
  url: '/api/outcomes/dashboard',
  access: { action: 'outcomes.read' },
  summary: 'Clinic outcome dashboard: response and remission rates, time to response, durability and safety rates',
  description:
    'Aggregates only (no patient-level data), computed by the database with indexed queries and turned into rates with 95% confidence intervals and Kaplan–Meier curves by the clinical core. Patients are counted when their first dose falls in the period.',
  tags: ['Outcomes'],
  schema: { querystring: DashboardFilter, response: { 200: DashboardOut } },
  async handler({ query, deps, actor, meta }) {
    const me = actor();
    const out = await loadDashboard(deps, me.clinicId, query);
    await recordAuditStandalone(deps.db, { action: 'outcomes.viewed', outcome: 'success', clinicId: me.clinicId, actor: me, details: auditDetails(query, out), meta, at: deps.clock.now() });
    return out;
  },
});

const pct = (x: number): string => (x * 100).toFixed(1);

/** The dashboard's aggregates as CSV rows: one line per figure with its count, denominator and interval. */
export function dashboardCsv(d: DashboardOut): string {
  let out = csvRow(['section', 'group', 'measure', 'value', 'numerator', 'denominator', 'ci_lower', 'ci_upper', 'unit']);
  const rate = (section: string, group: string, measure: string, c: DashboardOut['rates']['overall']['response']) => {
    if (c !== null) {
      out += csvRow([section, group, measure, pct(c.proportion), c.successes, c.n, pct(c.lower), pct(c.upper), '%']);
    }
  };
  out += csvRow(['filter', '', 'period', `${d.filter.from} to ${d.filter.to}`, '', '', '', '', '']);
  out += csvRow(['filter', '', 'route', d.filter.route ?? 'all', '', '', '', '', '']);
  out += csvRow(['filter', '', 'prescriber', d.filter.prescriberId ?? 'all', '', '', '', '', '']);
  out += csvRow(['filter', '', 'instrument', d.filter.instrumentName, '', '', '', '', '']);
  out += csvRow(['patients', '', 'in cohort', d.patients.inCohort, '', '', '', '', 'patients']);
  out += csvRow(['patients', '', 'with baseline and a later score', d.patients.withFollowUp, '', '', '', '', 'patients']);
  for (const [section, groups] of [['overall', [d.rates.overall]], ['by route', d.rates.byRoute], ['by protocol', d.rates.byProtocol]] as const) {
    for (const g of groups) {
      rate(section, g.label, 'response rate', g.response);
      rate(section, g.label, 'remission rate', g.remission);
    }
  }
  out += csvRow(['time to response', '', 'median days', d.timeToResponse.medianDays ?? 'not reached', d.timeToResponse.events, d.timeToResponse.patients, '', '', 'days']);
  for (const s of d.timeToResponse.steps) {
    out += csvRow(['time to response', `day ${s.time}`, 'share responded', pct(1 - s.survival), s.events, s.atRisk, pct(1 - s.upper), pct(1 - s.lower), '%']);
  }
  out += csvRow(['time to relapse', d.relapse.rule, 'median days', d.relapse.medianDays ?? 'not reached', d.relapse.events, d.relapse.patients, '', '', 'days']);
  for (const s of d.relapse.steps) {
    out += csvRow(['time to relapse', `day ${s.time}`, 'share without relapse', pct(s.survival), s.events, s.atRisk, pct(s.lower), pct(s.upper), '%']);
  }
  out += csvRow(['sessions', '', 'dosed sessions', d.safety.sessions, '', '', '', '', 'sessions']);
  out += csvRow(['sessions', '', 'sessions per week', d.safety.sessionsPerWeek?.toFixed(2) ?? '', '', '', '', '', 'sessions/week']);
  for (const w of d.safety.weeks) {
    out += csvRow(['sessions per week', w.weekStart, 'dosed sessions', w.sessions, '', '', '', '', 'sessions']);
  }
  const per100 = (group: string, r: DashboardOut['safety']['adverseEvents']['any']) => {
    if (r !== null) {
      out += csvRow(['adverse events', group, 'per 100 sessions', r.rate.toFixed(2), r.events, r.sessions, r.lower.toFixed(2), r.upper.toFixed(2), 'per 100 sessions']);
    }
  };
  per100('all', d.safety.adverseEvents.any);
  d.safety.adverseEvents.byTerm.forEach((t) => { per100(t.label, t.rate); });
  rate('blood pressure', 'any BP alert', 'share of sessions', d.safety.bloodPressure.any);
  d.safety.bloodPressure.byCode.forEach((b) => { rate('blood pressure', b.label, 'share of sessions', b.rate); });
  return out;
}

export const dashboardCsvRoute = defineRoute({
  method: 'GET',
  url: '/api/outcomes/dashboard.csv',
  access: { action: 'outcomes.read' },
  summary: 'The outcome dashboard’s aggregates as CSV',
  description: 'The same figures as the dashboard, one row per figure with numerator, denominator and 95% interval. Aggregates only. The export is audited.',
  tags: ['Outcomes'],
  schema: { querystring: DashboardFilter, response: { 200: z.string().describe('text/csv') } },
  async handler({ query, deps, actor, meta, reply }) {
    const me = actor();
    const clinic = await loadClinic(deps.db, me.clinicId);
    const out = await loadDashboard(deps, me.clinicId, query);
    await recordAuditStandalone(deps.db, { action: 'outcomes.exported', outcome: 'success', clinicId: me.clinicId, actor: me, details: auditDetails(query, out), meta, at: deps.clock.now() });
    return reply
      .code(200)
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="outcomes-${clinic.slug}-${out.filter.from}-${out.filter.to}.csv"`)
      .send(dashboardCsv(out));
  },
});
