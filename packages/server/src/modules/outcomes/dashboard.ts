/**
 * The clinic outcome dashboard: the database's counts (cohort-query, safety-query) turned into rates, intervals
 * and survival curves by the clinical core. Nothing here decides a clinical number.
 */
import {
  ADVERSE_EVENT_TERMS,
  classifyOutcome,
  kaplanMeierFromCounts,
  proportionWithCi,
  ratePer100,
  ROUTE_LABELS,
  RULES,
  SOURCES,
  type InstrumentId,
  type KaplanMeierResult,
  type ProportionCi,
  type ProtocolSettings,
  type RuleCode,
} from '@ketapath/clinical';
import type { CohortRow } from './cohort-query';
import { SHORT_NAMES } from './names';
import type { SafetyRow } from './safety-query';
import type { DashboardOut } from './schemas';

type Ci = DashboardOut['rates']['overall']['response'];

const ci = (p: ProportionCi | null): Ci => (p === null ? null : { successes: p.successes, n: p.n, proportion: p.proportion, lower: p.lower, upper: p.upper });
const routeLabel = (r: string): string => (ROUTE_LABELS as Readonly<Record<string, string | undefined>>)[r] ?? r;
const INDICATIONS: Readonly<Record<string, string>> = { trd: 'treatment-resistant depression', mdsi: 'depression with suicidal thoughts (MDSI)' };

interface Tally {
  patients: number;
  response: number;
  remissionN: number;
  remission: number;
}

function groupRates(key: string, label: string, t: Tally): DashboardOut['rates']['overall'] {
  return { key, label, patients: t.patients, response: ci(proportionWithCi(t.response, t.patients)), remission: ci(t.remissionN === 0 ? null : proportionWithCi(t.remission, t.remissionN)) };
}

function curve(km: KaplanMeierResult): DashboardOut['timeToResponse'] {
  const patients = km.steps.reduce((s, x) => s + x.events + x.censored, 0);
  return {
    patients,
    events: km.steps.reduce((s, x) => s + x.events, 0),
    medianDays: km.medianTime,
    steps: km.steps.map((s) => ({ time: s.time, atRisk: s.atRisk, events: s.events, censored: s.censored, survival: s.survival, lower: s.lower, upper: s.upper })),
  };
}

const survivalCounts = (rows: readonly CohortRow[], kind: 'ttr' | 'relapse') =>
  rows.filter((r) => r.kind === kind && r.a !== null).map((r) => ({ time: Math.max(0, r.a ?? 0), events: r.b === 1 ? r.n : 0, censored: r.b === 1 ? 0 : r.n }));

export interface DashboardInput {
  readonly filter: DashboardOut['filter'];
  readonly instrument: InstrumentId;
  readonly protocol: ProtocolSettings;
  readonly cohort: readonly CohortRow[];
  readonly safety: readonly SafetyRow[];
  readonly periodDays: number;
}

export function buildDashboard(input: DashboardInput): DashboardOut {
  const { cohort, safety, protocol, instrument } = input;
  const count = (a: number): number => cohort.find((r) => r.kind === 'count' && r.a === a)?.n ?? 0;
  const overall: Tally = { patients: 0, response: 0, remissionN: 0, remission: 0 };
  const byRoute = new Map<string, Tally>();
  const byProtocol = new Map<string, Tally>();
  for (const cell of cohort.filter((r) => r.kind === 'cell')) {
    const c = classifyOutcome(instrument, cell.a ?? 0, cell.b ?? 0, protocol);
    const route = cell.route ?? 'unknown';
    const proto = `${route}:${cell.indication ?? 'trd'}`;
    for (const [map, key] of [[byRoute, route], [byProtocol, proto]] as const) {
      if (!map.has(key)) {
        map.set(key, { patients: 0, response: 0, remissionN: 0, remission: 0 });
      }
    }
    for (const t of [overall, byRoute.get(route), byProtocol.get(proto)]) {
      if (t === undefined) {
        continue;
      }
      t.patients += cell.n;
      t.response += c.response ? cell.n : 0;
      t.remissionN += c.remission === null ? 0 : cell.n;
      t.remission += c.remission === true ? cell.n : 0;
    }
  }
  const sessions = safety.filter((r) => r.kind === 'sessions').reduce((s, r) => s + r.n, 0);
  const aeTotal = safety.filter((r) => r.kind === 'ae').reduce((s, r) => s + r.n, 0);
  const per100 = (events: number) => {
    const r = ratePer100(events, sessions);
    return r === null ? null : { events: r.events, sessions: r.exposures, rate: r.rate, lower: r.lower, upper: r.upper };
  };
  const termLabel = (id: string): string => ADVERSE_EVENT_TERMS.find((t) => t.id === id)?.label ?? id.replace(/_/g, ' ');
  const bpAny = safety.find((r) => r.kind === 'bp_any')?.n ?? 0;
  const o = protocol.outcomes;
  const relapseName = SHORT_NAMES[o.relapseInstrument];
  const name = SHORT_NAMES[instrument];
  return {
    filter: input.filter,
    patients: { inCohort: count(0), withBaseline: count(1), withFollowUp: count(2) },
    rates: {
      overall: groupRates('all', 'All patients', overall),
      byRoute: [...byRoute].sort().map(([k, t]) => groupRates(k, routeLabel(k), t)),
      byProtocol: [...byProtocol].sort().map(([k, t]) => {
        const [route = '', ind = ''] = k.split(':');
        return groupRates(k, `${routeLabel(route)} for ${INDICATIONS[ind] ?? ind}`, t);
      }),
    },
    timeToResponse: curve(kaplanMeierFromCounts(survivalCounts(cohort, 'ttr'))),
    relapse: { ...curve(kaplanMeierFromCounts(survivalCounts(cohort, 'relapse'))), instrument: relapseName, rule: `${o.relapseConsecutive} ${relapseName} scores in a row at or above ${o.relapseScoreAtOrAbove}` },
    safety: {
      sessions,
      patients: safety.find((r) => r.kind === 'patients')?.n ?? 0,
      patientsWithAdverseEvent: safety.find((r) => r.kind === 'ae_patients')?.n ?? 0,
      patientsWithBpAlert: safety.find((r) => r.kind === 'bp_patients')?.n ?? 0,
      sessionsPerWeek: input.periodDays > 0 ? sessions / (input.periodDays / 7) : null,
      byRoute: safety
        .filter((r) => r.kind === 'sessions')
        .map((r) => ({ route: r.key ?? '', label: routeLabel(r.key ?? ''), sessions: r.n }))
        .sort((a, b) => b.sessions - a.sessions || a.route.localeCompare(b.route)),
      weeks: safety.filter((r) => r.kind === 'week').map((r) => ({ weekStart: r.key ?? '', sessions: r.n })).sort((a, b) => a.weekStart.localeCompare(b.weekStart)),
      adverseEvents: {
        any: per100(aeTotal),
        sessionsWithEvent: ci(proportionWithCi(safety.find((r) => r.kind === 'ae_sessions')?.n ?? 0, sessions)),
        byTerm: safety
          .filter((r) => r.kind === 'ae')
          .sort((a, b) => b.n - a.n)
          .flatMap((r) => {
            const rate = per100(r.n);
            return rate === null ? [] : [{ term: r.key ?? '', label: termLabel(r.key ?? ''), rate }];
          }),
      },
      bloodPressure: {
        any: ci(proportionWithCi(bpAny, sessions)),
        byCode: safety
          .filter((r) => r.kind === 'bp')
          .flatMap((r) => {
            const rate = ci(proportionWithCi(r.n, sessions));
            const rule = (RULES as Readonly<Record<string, { description: string } | undefined>>)[r.key ?? ''];
            return rate === null ? [] : [{ code: r.key as RuleCode, label: rule?.description ?? r.key ?? '', rate }];
          }),
      },
    },
    method: [
      `Patients are counted when their first dose was in the period. Baseline: the last ${name} at or before the first dose. Outcome: the latest ${name} after it, up to the end of the period.`,
      `Response: a fall of at least ${o.responseReductionPercent}% from baseline. Remission: the protocol's ${name} cut-off.`,
      `Time to response: days from the first dose to the first ${name} that meets the response rule (Kaplan–Meier; patients without a response are counted until their last score).`,
      `Durability: days from the first response or remission to relapse (${o.relapseConsecutive} ${relapseName} scores in a row at or above ${o.relapseScoreAtOrAbove}), Kaplan–Meier with patients without relapse counted until their last score.`,
      'Safety figures count dosed sessions in the period. Adverse events per 100 sessions with a Poisson interval; blood-pressure alerts as the share of sessions with at least one alert of that kind (limits from the clinic protocol).',
      'Intervals are 95% confidence intervals. Small groups give wide intervals: read them before comparing groups.',
    ],
    sources: [SOURCES.outcome_definitions.citation, SOURCES.relapse_definition.citation, SOURCES.wilson_interval.citation, SOURCES.kaplan_meier.citation, SOURCES.poisson_rate.citation],
  };
}
