import { useQuery } from '@tanstack/react-query';
import type { OutcomeDashboardDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { api, qs } from '../api/client';
import type { ActiveSession } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field, SelectField } from '../components/Field';
import { SurvivalChart } from '../components/outcomes/SurvivalChart';
import { useResources } from '../components/schedule/data';
import { todayIn } from '../lib/format';

type Ci = OutcomeDashboardDto['rates']['overall']['response'];
type Group = OutcomeDashboardDto['rates']['overall'];

const pct = (x: number): string => `${Math.round(x * 100)}%`;

function Rate({ c }: { c: Ci }) {
  if (c === null) {
    return <span className="muted">—</span>;
  }
  return (
    <>
      <strong>{pct(c.proportion)}</strong> <span className="small">({c.successes} of {c.n})</span> <span className="ci">95% CI {pct(c.lower)}–{pct(c.upper)}</span>
    </>
  );
}

function RatesTable({ caption, groups }: { caption: string; groups: readonly Group[] }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{caption}</th>
            <th scope="col">Patients</th>
            <th scope="col">Response</th>
            <th scope="col">Remission</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key}>
              <th scope="row">{g.label}</th>
              <td>{g.patients}</td>
              <td>
                <Rate c={g.response} />
              </td>
              <td>
                <Rate c={g.remission} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const ROUTE_OPTIONS = [
  { value: '', label: 'All routes' },
  { value: 'iv', label: 'IV racemic ketamine' },
  { value: 'im', label: 'IM racemic ketamine' },
  { value: 'oral', label: 'Oral racemic ketamine' },
  { value: 'sublingual', label: 'Sublingual racemic ketamine' },
  { value: 'esketamine_nasal', label: 'Esketamine nasal spray' },
];

/** The clinic outcome dashboard: aggregates only, computed by the server. */
export function OutcomesDashboardPage({ session }: { session: ActiveSession }) {
  const today = todayIn(session.clinic.timeZone);
  const yearAgo = new Date(Date.parse(`${today}T12:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  const [filter, setFilter] = useState({ from: yearAgo, to: today, route: '', prescriberId: '', instrument: 'phq9' });
  const resources = useResources();
  const prescribers = (resources.data?.staff ?? []).filter((s) => s.role === 'prescriber');
  const query = qs({ from: filter.from, to: filter.to, route: filter.route || undefined, prescriberId: filter.prescriberId || undefined, instrument: filter.instrument });
  const q = useQuery({ queryKey: ['outcomes', query], queryFn: () => api.get<OutcomeDashboardDto>(`/api/outcomes/dashboard${query}`), placeholderData: (prev) => prev });
  const set = (k: keyof typeof filter) => (e: { target: { value: string } }) => setFilter((f) => ({ ...f, [k]: e.target.value }));
  const d = q.data;
  return (
    <div>
      <div className="page-head">
        <div>
          <h1>Outcomes</h1>
          <p className="muted" style={{ margin: 0 }}>
            How patients who started treatment in the period are doing, and how safe sessions were. Figures are for the whole clinic; no patient is named.
          </p>
        </div>
        <a className="button secondary" href={`/api/outcomes/dashboard.csv${query}`} download>
          Download figures (CSV)
        </a>
      </div>
      <form className="panel filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <Field label="From" type="date" value={filter.from} max={filter.to} onChange={set('from')} />
        <Field label="To" type="date" value={filter.to} min={filter.from} onChange={set('to')} />
        <SelectField label="Route" value={filter.route} onChange={set('route')} options={ROUTE_OPTIONS} />
        <SelectField label="Prescriber" value={filter.prescriberId} onChange={set('prescriberId')} options={[{ value: '', label: 'All prescribers' }, ...prescribers.map((p) => ({ value: p.userId, label: p.name }))]} />
        <SelectField
          label="Judged on"
          value={filter.instrument}
          onChange={set('instrument')}
          options={[
            { value: 'phq9', label: 'PHQ-9' },
            { value: 'qids_sr16', label: 'QIDS-SR16' },
            { value: 'madrs', label: 'MADRS' },
          ]}
        />
      </form>
      <ErrorAlert error={q.error} />
      {d === undefined ? (
        !q.isError && <p>Working out the figures…</p>
      ) : (
        <div aria-busy={q.isFetching}>
          <div className="stat-row">
            <div className="stat">
              <div className="small muted">Patients who started</div>
              <strong>{d.patients.inCohort}</strong>
            </div>
            <div className="stat">
              <div className="small muted">With a baseline and a later {d.filter.instrumentName}</div>
              <strong>{d.patients.withFollowUp}</strong>
            </div>
            <div className="stat">
              <div className="small muted">Dosed sessions</div>
              <strong>{d.safety.sessions}</strong>
            </div>
            <div className="stat">
              <div className="small muted">Sessions per week (average)</div>
              <strong>{d.safety.sessionsPerWeek === null ? '—' : d.safety.sessionsPerWeek.toFixed(1)}</strong>
            </div>
          </div>
          {d.patients.withFollowUp === 0 && <p className="alert info">No patient in this selection has a baseline and a later {d.filter.instrumentName} yet, so there are no rates to show.</p>}
          <section className="panel" aria-labelledby="oc-rates">
            <h2 id="oc-rates">Response and remission ({d.filter.instrumentName}, latest score)</h2>
            <RatesTable caption="Group" groups={[d.rates.overall]} />
            <h3>By route</h3>
            <RatesTable caption="Route" groups={d.rates.byRoute} />
            <h3>By protocol</h3>
            <RatesTable caption="Protocol" groups={d.rates.byProtocol} />
          </section>
          <div className="grid-2">
            <section className="panel" aria-labelledby="oc-ttr">
              <h2 id="oc-ttr">Time to response</h2>
              <p className="small muted">
                {d.timeToResponse.events} of {d.timeToResponse.patients} patients responded. Median: {d.timeToResponse.medianDays === null ? 'not reached' : `${d.timeToResponse.medianDays} days`} after the first dose.
              </p>
              {d.timeToResponse.steps.length > 0 && <SurvivalChart curve={d.timeToResponse} invert yLabel="Responded" label={`Share of patients who had responded by each day after the first dose; median ${d.timeToResponse.medianDays ?? 'not reached'}.`} />}
              <p className="small muted">Solid line: share of patients who had responded by each day after the first dose. Dashed lines: 95% interval.</p>
            </section>
            <section className="panel" aria-labelledby="oc-rel">
              <h2 id="oc-rel">Durability: time to relapse</h2>
              <p className="small muted">
                From the first response or remission. Relapse: {d.relapse.rule}. {d.relapse.events} of {d.relapse.patients} relapsed; median {d.relapse.medianDays === null ? 'not reached' : `${d.relapse.medianDays} days`}.
              </p>
              {d.relapse.steps.length > 0 && <SurvivalChart curve={d.relapse} invert={false} yLabel="Without relapse" label={`Share of responders without relapse by day (Kaplan–Meier); median ${d.relapse.medianDays ?? 'not reached'}.`} />}
              <p className="small muted">Solid line: share still without relapse by days since the first response. Dashed lines: 95% interval.</p>
            </section>
          </div>
          <div className="grid-2">
            <section className="panel" aria-labelledby="oc-ae">
              <h2 id="oc-ae">Adverse events per 100 sessions</h2>
              {d.safety.adverseEvents.any === null ? (
                <p className="muted">No dosed sessions in this selection.</p>
              ) : (
                <div className="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Event</th>
                        <th scope="col">Events</th>
                        <th scope="col">Per 100 sessions</th>
                      </tr>
                    </thead>
                    <tbody>
                      <tr>
                        <th scope="row">All adverse events</th>
                        <td>{d.safety.adverseEvents.any.events}</td>
                        <td>
                          <strong>{d.safety.adverseEvents.any.rate.toFixed(1)}</strong> <span className="ci">95% CI {d.safety.adverseEvents.any.lower.toFixed(1)}–{d.safety.adverseEvents.any.upper.toFixed(1)}</span>
                        </td>
                      </tr>
                      {d.safety.adverseEvents.byTerm.map((t) => (
                        <tr key={t.term}>
                          <th scope="row" style={{ fontWeight: 'normal' }}>
                            {t.label}
                          </th>
                          <td>{t.rate.events}</td>
                          <td>
                            {t.rate.rate.toFixed(1)} <span className="ci">{t.rate.lower.toFixed(1)}–{t.rate.upper.toFixed(1)}</span>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
            <section className="panel" aria-labelledby="oc-bp">
              <h2 id="oc-bp">Blood-pressure excursions</h2>
              <p className="small muted">Share of dosed sessions with at least one blood-pressure alert (limits from the clinic protocol).</p>
              <div className="table-wrap">
                <table>
                  <tbody>
                    <tr>
                      <th scope="row">Any blood-pressure alert</th>
                      <td>
                        <Rate c={d.safety.bloodPressure.any} />
                      </td>
                    </tr>
                    {d.safety.bloodPressure.byCode.map((b) => (
                      <tr key={b.code}>
                        <th scope="row" style={{ fontWeight: 'normal' }}>
                          {b.label}
                        </th>
                        <td>
                          <Rate c={b.rate} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          </div>
          <section className="panel" aria-labelledby="oc-wk">
            <h2 id="oc-wk">Sessions per week</h2>
            {d.safety.weeks.length === 0 ? (
              <p className="muted">No dosed sessions in this selection.</p>
            ) : (
              <div className="week-bars" role="img" aria-label={`Dosed sessions per week, ${d.safety.weeks.length} weeks, average ${d.safety.sessionsPerWeek?.toFixed(1) ?? '—'}.`}>
                {d.safety.weeks.map((w) => (
                  <div key={w.weekStart} className="week-bar" title={`Week of ${w.weekStart}: ${w.sessions} sessions`} style={{ height: `${(w.sessions / Math.max(...d.safety.weeks.map((x) => x.sessions))) * 100}%` }} />
                ))}
              </div>
            )}
            <p className="small muted">
              By route: {d.safety.byRoute.map((r) => `${r.label} ${r.sessions}`).join(' · ') || '—'}
            </p>
          </section>
          <section className="panel" aria-labelledby="oc-m">
            <h2 id="oc-m">How these figures are worked out</h2>
            <ul>
              {d.method.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
            <details>
              <summary>Sources</summary>
              <ul className="small">
                {d.sources.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </details>
          </section>
        </div>
      )}
    </div>
  );
}
