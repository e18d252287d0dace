/**
 * The opt-in outcomes section of a clinic's transparency page: the outcome dashboard's aggregates for the last
 * 12 months, with small-number suppression applied to every figure before it can reach the page (no figure
 * rests on a cell of fewer than 11 patients). Pure: the dashboard comes in as an argument.
 */
import type { DashboardOut } from '../../outcomes/schemas';
import { suppressCount, suppressRate, type SuppressedCount, type SuppressedRate, type Withheld } from '../suppress';

export interface PublicOutcomes {
  readonly from: string;
  readonly to: string;
  readonly instrument: string;
  readonly responsePercent: number;
  readonly patientsStarted: SuppressedCount;
  readonly patientsMeasured: SuppressedCount;
  readonly response: SuppressedRate;
  readonly remission: SuppressedRate;
  /** Sessions delivered: shown only when the patients they were given to number at least the minimum. */
  readonly sessions: { readonly shown: true; readonly count: number } | Withheld;
  /** Adverse events per 100 sessions: shown only when patients with and without an event both reach the minimum. */
  readonly adverseEvents: { readonly shown: true; readonly per100: number; readonly patientsWith: SuppressedRate } | Withheld;
  readonly bloodPressure: { readonly shown: true; readonly sessionShare: number; readonly patientsWith: SuppressedRate } | Withheld;
}

const NOT_COMPUTED: Withheld = { shown: false, reason: 'denominator_below_minimum', message: 'Not shown: not enough patients with a score before and after treatment yet.' };

/** Suppressed public figures from the dashboard; `null` when there is no outcome data at all yet. */
export function publicOutcomes(d: DashboardOut, responsePercent: number): PublicOutcomes | null {
  if (d.patients.inCohort === 0 && d.safety.sessions === 0) {
    return null;
  }
  const overall = d.rates.overall;
  const sessionPatients = suppressCount(d.safety.patients);
  const ae = suppressRate({ numerator: d.safety.patientsWithAdverseEvent, denominator: d.safety.patients });
  const bp = suppressRate({ numerator: d.safety.patientsWithBpAlert, denominator: d.safety.patients });
  return {
    from: d.filter.from,
    to: d.filter.to,
    instrument: d.filter.instrumentName,
    responsePercent,
    patientsStarted: suppressCount(d.patients.inCohort),
    patientsMeasured: suppressCount(d.patients.withFollowUp),
    response: overall.response === null ? NOT_COMPUTED : suppressRate({ numerator: overall.response.successes, denominator: overall.response.n }),
    remission: overall.remission === null ? NOT_COMPUTED : suppressRate({ numerator: overall.remission.successes, denominator: overall.remission.n }),
    sessions: sessionPatients.shown ? { shown: true, count: d.safety.sessions } : sessionPatients,
    adverseEvents: !ae.shown ? ae : d.safety.adverseEvents.any === null ? NOT_COMPUTED : { shown: true, per100: d.safety.adverseEvents.any.rate, patientsWith: ae },
    bloodPressure: !bp.shown ? bp : d.safety.bloodPressure.any === null ? NOT_COMPUTED : { shown: true, sessionShare: d.safety.bloodPressure.any.proportion, patientsWith: bp },
  };
}
