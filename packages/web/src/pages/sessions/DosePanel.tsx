import { useQuery } from '@tanstack/react-query';
import type { DoseStartDto, DosePreviewDto, LedgerContainerDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { api, qs } from '../../api/client';
import { useSessionAction } from '../../api/session-hooks';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field, SelectField } from '../../components/Field';
import { FindingCard } from '../../components/SeverityBadge';
import { clock, countdownText } from '../../lib/clock';
import { fromLocalInput, timeOf, type Session } from '../../lib/session-format';
import { findingKeyOf } from './ChecklistItem';
import { useNow } from './useNow';

function Working({ summary, working }: { summary: string | null; working: readonly string[] }) {
  return (
    <div className="dose-working">
      {summary !== null && <p className="dose-summary">{summary}</p>}
      <ol className="small">
        {working.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ol>
    </div>
  );
}

/** What was given: one row per administration (each esketamine device is its own row). */
function AdministrationTable({ s, tz }: { s: Session; tz: string }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">Administration record</caption>
        <thead>
          <tr>
            <th>{s.esketamine === null ? 'Dose' : 'Device'}</th>
            <th>Drug and strength</th>
            <th>Lot · expiry</th>
            <th>Started</th>
            <th>Ended</th>
            <th>Volume</th>
            <th>Given by</th>
          </tr>
        </thead>
        <tbody>
          {s.administrations.map((a) => (
            <tr key={a.id}>
              <td>{a.deviceNumber === null ? `${a.doseMg} mg` : `Device ${a.deviceNumber} (${a.doseMg} mg)`}</td>
              <td>
                {a.drug}
                {a.concentrationMgPerMl !== null && <> · {a.concentrationMgPerMl} mg/mL</>} · {s.routeLabel}
                {a.containerId !== null && <div className="small muted">From the register</div>}
              </td>
              <td>
                {a.lot ?? '—'} · {a.expiry ?? '—'}
              </td>
              <td>{timeOf(a.startedAt, tz)}</td>
              <td>{a.stoppedAt === null ? (a.deviceNumber === null ? 'Running' : '—') : timeOf(a.stoppedAt, tz)}</td>
              <td>{a.volumeMl === null ? '—' : `${a.volumeMl} mL`}</td>
              <td>{a.givenBy ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Esketamine: each device in turn, with a visible countdown to the earliest time the next may be given. */
function Devices({ s, tz }: { s: Session; tz: string }) {
  const now = useNow(1000);
  const give = useSessionAction<Record<string, never>>(s.id, 'post', '/devices');
  const e = s.esketamine;
  if (e === null) {
    return null;
  }
  const left = e.nextDeviceAt === null ? null : (Date.parse(e.nextDeviceAt) - now) / 1000;
  const next = e.devicesGiven + 1;
  return (
    <div className="devices">
      <h3>
        Devices: {e.devicesGiven} of {e.devicesPlanned} given (at least {e.spacingMinutes} min apart)
      </h3>
      <ol className="device-row" aria-label="Devices">
        {Array.from({ length: e.devicesPlanned }, (_, i) => {
          const a = s.administrations.filter((x) => x.deviceNumber !== null)[i];
          return (
            <li key={i} className={a === undefined ? 'device-todo' : 'device-done'}>
              <span className="device-n">Device {i + 1}</span>
              <span>{a === undefined ? 'Not given' : `✓ Given ${timeOf(a.startedAt, tz)}`}</span>
            </li>
          );
        })}
      </ol>
      {s.state === 'dosing' && e.devicesGiven < e.devicesPlanned && left !== null && (
        <div className={`countdown ${left > 0 ? 'countdown-wait' : 'countdown-go'}`} role="timer">
          {left > 0 ? (
            <>
              <span className="countdown-num">{countdownText(left)}</span> <span>(min:sec) until device {next} may be given, at {timeOf(e.nextDeviceAt ?? '', tz)}</span>
            </>
          ) : (
            <span>Device {next} may be given now.</span>
          )}
          <button type="button" className="big" disabled={left > 0 || give.isPending} onClick={() => give.mutate({})}>
            Record device {next} given now
          </button>
        </div>
      )}
      <ErrorAlert error={give.error} />
    </div>
  );
}

function StartDose({ s, me, tz }: { s: Session; me: ActiveSession; tz: string }) {
  const esk = s.route === 'esketamine_nasal';
  const prescriber = can(me, 'session.override');
  const [containerId, setContainerId] = useState('');
  const [lot, setLot] = useState('');
  const [expiry, setExpiry] = useState('');
  const [concentration, setConcentration] = useState('');
  const [startedAt, setStartedAt] = useState('');
  const [change, setChange] = useState('');
  const [changeReason, setChangeReason] = useState('');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const weight = typeof s.predose.answers.weightKg === 'number' ? s.predose.answers.weightKg : undefined;
  const changeKey = esk ? 'doseMg' : 'mgPerKg';
  const changeValue = change === '' ? undefined : Number(change);
  const preview = useQuery({
    queryKey: ['session', s.id, 'dose-preview', containerId, changeValue, weight],
    queryFn: () => api.get<DosePreviewDto>(`/api/sessions/${s.id}/dose/preview${qs({ weightKg: weight, containerId: containerId === '' ? undefined : containerId, [changeKey]: changeValue })}`),
  });
  const stock = useQuery({ queryKey: ['ledger', 'stock', 'in_stock'], queryFn: () => api.get<{ containers: LedgerContainerDto[] }>('/api/ledger/stock'), enabled: can(me, 'ledger.read'), retry: false });
  const start = useSessionAction<DoseStartDto>(s.id, 'post', '/dose/start');
  const containers = (stock.data?.containers ?? []).filter((c) => (esk ? c.product.substance.includes('esketamine') : !c.product.substance.includes('esketamine')) && c.expiry !== 'expired');
  const p = preview.data;
  const overrideFindings = (p?.findings ?? []).filter((f) => f.severity === 'override');
  const body: DoseStartDto = {
    ...(changeValue === undefined ? {} : { dose: { [changeKey]: changeValue }, changeReason }),
    ...(weight === undefined ? {} : { weightKg: weight }),
    administration: {
      ...(containerId === '' ? { lot, ...(expiry === '' ? {} : { expiry }), ...(concentration === '' ? {} : { concentrationMgPerMl: Number(concentration) }) } : { containerId }),
      ...(startedAt === '' ? {} : { startedAt: fromLocalInput(startedAt, tz) }),
    },
    overrides: overrideFindings.map((f) => ({ code: f.code, field: f.field, reason: reasons[findingKeyOf(f)] ?? '' })),
  };
  return (
    <>
      <h3>Today’s dose, recomputed by the clinical rules</h3>
      <ErrorAlert error={preview.error} />
      {p !== undefined && (p.ok ? <Working summary={p.summary} working={p.working} /> : <div className="alert error">The dose cannot be computed: {p.findings.map((f) => f.message).join(' ')}</div>)}
      {p !== undefined && (
        <dl className="dose-facts">
          {p.weightKg !== null && (
            <div>
              <dt>Weight</dt>
              <dd>{p.weightKg} kg</dd>
            </div>
          )}
          {p.detail.mgPerKg !== undefined && (
            <div>
              <dt>Dose per kg</dt>
              <dd>{p.detail.mgPerKg} mg/kg</dd>
            </div>
          )}
          {p.detail.doseMg !== undefined && (
            <div>
              <dt>Dose</dt>
              <dd>{p.detail.doseMg} mg</dd>
            </div>
          )}
          {(p.detail.drawnVolumeMl ?? p.detail.volumeMl) !== undefined && (
            <div>
              <dt>Volume to draw</dt>
              <dd>{p.detail.drawnVolumeMl ?? p.detail.volumeMl} mL</dd>
            </div>
          )}
          {p.detail.pumpRateMlPerHour !== undefined && (
            <div>
              <dt>Pump rate</dt>
              <dd>{p.detail.pumpRateMlPerHour} mL/h</dd>
            </div>
          )}
          {p.detail.durationMinutes !== undefined && (
            <div>
              <dt>Over</dt>
              <dd>{p.detail.durationMinutes} min</dd>
            </div>
          )}
          {p.detail.devices !== undefined && (
            <div>
              <dt>Devices</dt>
              <dd>{p.detail.devices} × 28 mg</dd>
            </div>
          )}
        </dl>
      )}
      {(p?.findings ?? []).map((f) => (
        <FindingCard key={findingKeyOf(f)} f={f}>
          {f.severity === 'override' &&
            (prescriber ? (
              <div className="field">
                <label htmlFor={`dov-${f.code}`}>Prescriber’s reason to go ahead</label>
                <textarea id={`dov-${f.code}`} rows={2} value={reasons[findingKeyOf(f)] ?? ''} onChange={(e) => setReasons({ ...reasons, [findingKeyOf(f)]: e.target.value })} />
              </div>
            ) : (
              <p className="small">A prescriber must start this dose and give the reason.</p>
            ))}
        </FindingCard>
      ))}
      {prescriber && (
        <details className="change-dose" open={change !== ''}>
          <summary>Change the dose from the plan (prescriber)</summary>
          <div className="form-row">
            {esk ? (
              <SelectField label="Dose" value={change} onChange={(e) => setChange(e.target.value)} options={[{ value: '', label: 'As planned' }, { value: '28', label: '28 mg (1 device)' }, { value: '56', label: '56 mg (2 devices)' }, { value: '84', label: '84 mg (3 devices)' }]} />
            ) : (
              <Field label="Dose (mg/kg)" inputMode="decimal" value={change} onChange={(e) => setChange(e.target.value)} hint="Leave empty for the planned dose." />
            )}
            <Field label="Reason for the change" value={changeReason} onChange={(e) => setChangeReason(e.target.value)} />
          </div>
        </details>
      )}
      <h3>Administration record</h3>
      <div className="form-row">
        {containers.length > 0 && (
          <SelectField
            label={esk ? 'Kit from the register' : 'Vial from the register'}
            value={containerId}
            onChange={(e) => setContainerId(e.target.value)}
            options={[{ value: '', label: 'Not from the register (enter lot and expiry)' }, ...containers.map((c) => ({ value: c.id, label: `No. ${c.no} · ${c.product.name} · lot ${c.lot} · exp ${c.expiryDate} · ${c.balance.ml === null ? `${c.balance.mg} mg` : `${c.balance.ml} mL`} left` }))]}
          />
        )}
        {containerId === '' && (
          <>
            <Field label="Lot number" value={lot} onChange={(e) => setLot(e.target.value)} />
            <Field label="Expiry date" type="date" value={expiry} onChange={(e) => setExpiry(e.target.value)} />
            {!esk && <Field label="Concentration (mg/mL)" inputMode="decimal" value={concentration} onChange={(e) => setConcentration(e.target.value)} hint={s.plan?.dose.stockConcentrationMgPerMl === undefined ? undefined : `Plan: ${s.plan.dose.stockConcentrationMgPerMl} mg/mL`} />}
          </>
        )}
        <Field label={esk ? 'First device given at' : 'Started at'} type="datetime-local" value={startedAt} onChange={(e) => setStartedAt(e.target.value)} hint={`Leave empty for now (${timeOf(new Date(clock.now()).toISOString(), tz)}).`} />
      </div>
      <ErrorAlert error={start.error} />
      <div className="actions">
        <button type="button" className="big" disabled={start.isPending || p?.ok !== true} onClick={() => start.mutate(body)}>
          {esk ? 'Record device 1 given — start dosing' : 'Start the infusion'}
        </button>
      </div>
    </>
  );
}

function StopInfusion({ s, tz }: { s: Session; tz: string }) {
  const [volume, setVolume] = useState('');
  const [stoppedAt, setStoppedAt] = useState('');
  const [reason, setReason] = useState('');
  const stop = useSessionAction<{ stoppedAt?: string; volumeMl?: number; reason?: string }>(s.id, 'post', '/dose/stop');
  const planned = s.dose?.durationMinutes ?? null;
  const end = s.doseStartedAt === null || planned === null ? null : new Date(Date.parse(s.doseStartedAt) + planned * 60_000).toISOString();
  return (
    <div className="stop-infusion">
      <h3>End of infusion</h3>
      {end !== null && <p className="small">Planned end: {timeOf(end, tz)} ({planned} min after the start).</p>}
      <div className="form-row">
        <Field label="Volume given (mL)" inputMode="decimal" value={volume} onChange={(e) => setVolume(e.target.value)} hint="Leave empty if the whole volume ran." />
        <Field label="Ended at" type="datetime-local" value={stoppedAt} onChange={(e) => setStoppedAt(e.target.value)} hint="Leave empty for now." />
        <Field label="Reason if stopped before the planned end" value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <ErrorAlert error={stop.error} />
      <button type="button" className="big" disabled={stop.isPending} onClick={() => stop.mutate({ ...(volume === '' ? {} : { volumeMl: Number(volume) }), ...(stoppedAt === '' ? {} : { stoppedAt: fromLocalInput(stoppedAt, tz) }), ...(reason === '' ? {} : { reason }) })}>
        Infusion ended
      </button>
    </div>
  );
}

/** The dose: before it, the recomputed dose and the administration form; during and after, what was given. */
export function DosePanel({ s, me, tz }: { s: Session; me: ActiveSession; tz: string }) {
  return (
    <section className="panel" aria-labelledby="dose-h">
      <h2 id="dose-h">Dose</h2>
      {s.state === 'predose_passed' ? (
        <StartDose s={s} me={me} tz={tz} />
      ) : (
        <>
          {s.dose !== null && <Working summary={s.dose.summary} working={s.dose.working} />}
          {s.dose !== null && s.dose.changedFromPlan !== null && (
            <p className="small">
              Changed from the plan by {s.dose.changedFromPlan.by ?? 'unknown'}: {s.dose.changedFromPlan.reason}
            </p>
          )}
          <AdministrationTable s={s} tz={tz} />
          <Devices s={s} tz={tz} />
          {s.state === 'dosing' && s.route === 'iv' && <StopInfusion s={s} tz={tz} />}
        </>
      )}
    </section>
  );
}
