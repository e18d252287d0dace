import type { FindingDto, PlanPreviewDto } from '@ketapath/server/contracts';
import { Field, SelectField } from '../../components/Field';
import { FindingCard } from '../../components/SeverityBadge';
import { ROUTE_OPTIONS } from '../../lib/routes';

export interface PlanDefaults {
  measurementPlan: { instrumentId: string; timings: string[] }[];
  timings: string[];
  followUps: { id: string; label: string; interval: string; default: boolean }[];
  instruments: { id: string; title: string; kind: string }[];
  doseDefaults: { ivMgPerKg: number; ivInfusionMinutes: number; imMgPerKg: number; oralStartMg: number; sublingualMg: number; esketamineDosesMg: number[] };
}

export interface PlanFormState {
  route: string;
  indication: 'trd' | 'mdsi';
  startDate: string;
  sessionTime: string;
  mgPerKg: string;
  durationMinutes: string;
  stockConcentrationMgPerMl: string;
  totalVolumeMl: string;
  doseMg: string;
  measurementPlan: { instrumentId: string; timings: string[] }[];
  followUps: string[];
  notes: string;
  changeReason: string;
  reasons: Record<string, string>;
}

const TIMING_LABELS: Record<string, string> = {
  at_baseline: 'Baseline',
  before_each_session: 'Before each session',
  weekly_during_induction: 'Weekly in induction',
  end_of_induction: 'End of induction',
  monthly_during_maintenance: 'Monthly in maintenance',
};

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

export function planRequest(f: PlanFormState): Record<string, unknown> {
  const dose: Record<string, number> = {};
  for (const [k, v] of Object.entries({ mgPerKg: f.mgPerKg, durationMinutes: f.durationMinutes, stockConcentrationMgPerMl: f.stockConcentrationMgPerMl, totalVolumeMl: f.totalVolumeMl, doseMg: f.doseMg })) {
    const n = num(v);
    if (n !== undefined) {
      dose[k] = n;
    }
  }
  return { route: f.route, indication: f.route === 'esketamine_nasal' ? f.indication : 'trd', startDate: f.startDate, sessionTime: f.sessionTime, dose, measurementPlan: f.measurementPlan.filter((m) => m.timings.length > 0), followUps: f.followUps };
}

export function PlanFields({ f, set, defaults }: { f: PlanFormState; set: (f: PlanFormState) => void; defaults: PlanDefaults }) {
  const d = defaults.doseDefaults;
  const s = (k: keyof PlanFormState) => (e: { target: { value: string } }) => set({ ...f, [k]: e.target.value });
  return (
    <>
      <section className="panel">
        <h2>Treatment</h2>
        <div className="form-row">
          <SelectField label="Route" value={f.route} onChange={s('route')} options={ROUTE_OPTIONS} />
          {f.route === 'esketamine_nasal' && <SelectField label="Indication" value={f.indication} onChange={s('indication')} options={[{ value: 'trd', label: 'Treatment-resistant depression' }, { value: 'mdsi', label: 'Depression with acute suicidal ideation' }]} />}
          <Field label="First session" type="date" value={f.startDate} onChange={s('startDate')} />
          <Field label="Usual start time" type="time" value={f.sessionTime} onChange={s('sessionTime')} />
        </div>
        <h3>Dose</h3>
        {f.route === 'iv' && (
          <div className="form-row">
            <Field label="Dose (mg/kg)" type="number" step="0.05" placeholder={String(d.ivMgPerKg)} hint={`Protocol default ${d.ivMgPerKg} mg/kg`} value={f.mgPerKg} onChange={s('mgPerKg')} />
            <Field label="Infusion (minutes)" type="number" placeholder={String(d.ivInfusionMinutes)} value={f.durationMinutes} onChange={s('durationMinutes')} />
            <Field label="Vial concentration (mg/mL)" type="number" hint="The ketamine stock you draw from" value={f.stockConcentrationMgPerMl} onChange={s('stockConcentrationMgPerMl')} />
            <Field label="Total infusion volume (mL)" type="number" hint="Bag or syringe; empty = protocol default" value={f.totalVolumeMl} onChange={s('totalVolumeMl')} />
          </div>
        )}
        {f.route === 'im' && (
          <div className="form-row">
            <Field label="Dose (mg/kg)" type="number" step="0.05" placeholder={String(d.imMgPerKg)} value={f.mgPerKg} onChange={s('mgPerKg')} />
            <Field label="Vial concentration (mg/mL)" type="number" value={f.stockConcentrationMgPerMl} onChange={s('stockConcentrationMgPerMl')} />
          </div>
        )}
        {(f.route === 'oral' || f.route === 'sublingual') && (
          <div className="form-row">
            <Field label="Dose (mg)" type="number" placeholder={String(f.route === 'oral' ? d.oralStartMg : d.sublingualMg)} value={f.doseMg} onChange={s('doseMg')} />
            <Field label="Liquid concentration (mg/mL, if liquid)" type="number" value={f.stockConcentrationMgPerMl} onChange={s('stockConcentrationMgPerMl')} />
          </div>
        )}
        {f.route === 'esketamine_nasal' && (
          <SelectField label="First dose" value={f.doseMg} onChange={s('doseMg')} options={[{ value: '', label: 'Labelled start dose for this patient' }, ...d.esketamineDosesMg.map((m) => ({ value: String(m), label: `${m} mg` }))]} />
        )}
      </section>
      <section className="panel">
        <h2>Measurement plan</h2>
        <p className="muted small">Which questionnaires the patient completes, and when.</p>
        <div className="table-wrap">
          <table aria-label="Measurement plan">
            <thead>
              <tr>
                <th>Instrument</th>
                {defaults.timings.map((t) => (
                  <th key={t}>{TIMING_LABELS[t] ?? t}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {defaults.instruments
                .filter((i) => !['moaas', 'cadss', 'padss', 'aldrete', 'cgi_i'].includes(i.id))
                .map((i) => {
                  const item = f.measurementPlan.find((m) => m.instrumentId === i.id);
                  return (
                    <tr key={i.id}>
                      <td>{i.title}</td>
                      {defaults.timings.map((t) => (
                        <td key={t}>
                          <input
                            type="checkbox"
                            aria-label={`${i.title}: ${TIMING_LABELS[t] ?? t}`}
                            checked={item?.timings.includes(t) ?? false}
                            onChange={(e) => {
                              const timings = e.target.checked ? [...(item?.timings ?? []), t] : (item?.timings ?? []).filter((x) => x !== t);
                              set({ ...f, measurementPlan: [...f.measurementPlan.filter((m) => m.instrumentId !== i.id), { instrumentId: i.id, timings }] });
                            }}
                          />
                        </td>
                      ))}
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel">
        <h2>Long-term safety follow-up</h2>
        {defaults.followUps.map((fu) => (
          <label key={fu.id} className="check">
            <input type="checkbox" checked={f.followUps.includes(fu.id)} onChange={(e) => set({ ...f, followUps: e.target.checked ? [...f.followUps, fu.id] : f.followUps.filter((x) => x !== fu.id) })} />
            {fu.label} <span className="muted small">({fu.interval})</span>
          </label>
        ))}
      </section>
    </>
  );
}

export function PlanPreview({ preview, reasons, setReason, timeZone }: { preview: PlanPreviewDto; reasons: Record<string, string>; setReason: (key: string, v: string) => void; timeZone: string }) {
  const key = (x: FindingDto) => `${x.code}|${x.field ?? ''}`;
  const fmt = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  return (
    <section className="panel" aria-label="Plan preview">
      <h2>Dose and schedule</h2>
      {preview.missing.map((m) => (
        <div key={m} className="alert warn">
          {m}
        </div>
      ))}
      {preview.dose !== null && (
        <>
          <p className="stat" style={{ fontSize: '1.4rem' }}>
            {preview.dose.summary}
          </p>
          <details open>
            <summary>How this was worked out</summary>
            <ol>
              {preview.dose.working.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ol>
          </details>
        </>
      )}
      {preview.findings.map((x) => (
        <FindingCard key={key(x) + x.message} f={x}>
          {x.severity === 'override' && (
            <div className="field" style={{ marginTop: '0.5rem', marginBottom: 0 }}>
              <label htmlFor={`pr-${key(x)}`}>Your reason to proceed despite this</label>
              <textarea id={`pr-${key(x)}`} value={reasons[key(x)] ?? ''} onChange={(e) => setReason(key(x), e.target.value)} rows={2} />
            </div>
          )}
        </FindingCard>
      ))}
      {preview.sessions.length > 0 && (
        <>
          <h3>{preview.sessions.length} planned sessions</h3>
          <table aria-label="Planned sessions">
            <thead>
              <tr>
                <th>#</th>
                <th>Phase</th>
                <th>Week</th>
                <th>When</th>
                <th>Dose</th>
              </tr>
            </thead>
            <tbody>
              {preview.sessions.map((x) => (
                <tr key={x.index}>
                  <td>{x.index}</td>
                  <td>{x.phase}</td>
                  <td>{x.week}</td>
                  <td>{fmt(x.startsAt)}</td>
                  <td>{x.plannedDose.mg !== undefined ? `${x.plannedDose.mg} mg` : x.plannedDose.mgPerKg !== undefined ? `${x.plannedDose.mgPerKg} mg/kg` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
