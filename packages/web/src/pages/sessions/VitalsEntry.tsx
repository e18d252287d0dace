import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type SubmitEvent } from 'react';
import { outbox, usePendingReadings } from '../../api/outbox';
import { sessionKeys } from '../../api/session-hooks';
import { ageText, clock, countdownText } from '../../lib/clock';
import { newClientId, type PendingReading } from '../../lib/outbox';
import { bpText, SYMPTOMS, timeOf, type Reading, type Session } from '../../lib/session-format';
import { useNow } from './useNow';

const FIELDS = [
  { key: 'systolic', label: 'Systolic', unit: 'mmHg', max: 400 },
  { key: 'diastolic', label: 'Diastolic', unit: 'mmHg', max: 400 },
  { key: 'heartRate', label: 'Heart rate', unit: 'beats/min', max: 400 },
  { key: 'spo2', label: 'SpO₂', unit: '%', max: 100 },
  { key: 'respiratoryRate', label: 'Breathing rate', unit: 'breaths/min', max: 120 },
] as const;
type Key = (typeof FIELDS)[number]['key'];
type Values = Record<Key, string>;

const lastWithValues = (s: Session): Reading | undefined => [...s.readings].reverse().find((r) => r.voided === null && (r.systolic !== null || r.heartRate !== null || r.spo2 !== null));

function valuesOf(r: Reading | undefined): Values {
  const v = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  return { systolic: v(r?.systolic), diastolic: v(r?.diastolic), heartRate: v(r?.heartRate), spo2: v(r?.spo2), respiratoryRate: v(r?.respiratoryRate) };
}

function pendingText(r: PendingReading['reading']): string {
  return [
    r.systolic === undefined ? null : `${r.systolic}/${r.diastolic ?? '—'} mmHg`,
    r.heartRate === undefined ? null : `${r.heartRate} beats/min`,
    r.spo2 === undefined ? null : `SpO₂ ${r.spo2} %`,
    r.respiratoryRate === undefined ? null : `${r.respiratoryRate} breaths/min`,
  ]
    .filter((x) => x !== null)
    .join(', ');
}

/** The next observation the protocol asks for, as a countdown (or how late it is), with words, not colour alone. */
export function DueTimer({ s, tz }: { s: Session; tz: string }) {
  const now = useNow(1000);
  const next = s.schedule?.next ?? null;
  if (next === null) {
    return s.schedule === null ? null : <p className="due due-none">No more observations are due by the protocol.</p>;
  }
  const seconds = (Date.parse(next.dueAt) - now) / 1000;
  const late = seconds < 0;
  return (
    <div className={`due ${late ? 'due-late' : seconds < 120 ? 'due-soon' : ''}`} role="timer" aria-live="off">
      <span className="due-label">{late ? '⏰ Overdue:' : 'Next due:'} {next.label}</span>
      <span className="due-count">{late ? `${countdownText(-seconds)} late` : `in ${countdownText(seconds)}`}</span>
      <span className="small">at {timeOf(next.dueAt, tz)} (min:sec)</span>
    </div>
  );
}

/** Manual vital signs for a tablet: last values pre-filled, one tap for "same as last"; every reading goes through the outbox. */
export function VitalsEntry({ s, tz }: { s: Session; tz: string }) {
  const qc = useQueryClient();
  const last = useMemo(() => lastWithValues(s), [s]);
  const [values, setValues] = useState<Values>(() => valuesOf(last));
  const [symptoms, setSymptoms] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const pending = usePendingReadings(s.id);
  useNow(30_000);
  const lastId = last?.id;
  useEffect(() => {
    // A new reading arrived (from this tablet or the monitor): pre-fill with it (only when the last reading changes).
    setValues(valuesOf(last));
  }, [lastId]);

  async function record(v: Values, syms: string[]): Promise<void> {
    const n = (x: string) => (x.trim() === '' ? undefined : Number(x));
    const reading: PendingReading['reading'] = { clientId: newClientId(), takenAt: clock.nowIso() };
    for (const f of FIELDS) {
      const x = n(v[f.key]);
      if (x !== undefined) {
        if (!Number.isInteger(x) || x < 0 || x > f.max) {
          setProblem(`${f.label}: enter a whole number from 0 to ${f.max} ${f.unit}.`);
          return;
        }
        reading[f.key] = x;
      }
    }
    if ((reading.systolic === undefined) !== (reading.diastolic === undefined)) {
      setProblem('Blood pressure needs both numbers: systolic and diastolic.');
      return;
    }
    if (FIELDS.every((f) => reading[f.key] === undefined) && syms.length === 0) {
      setProblem('Enter at least one value.');
      return;
    }
    if (syms.length > 0) {
      reading.symptoms = syms as NonNullable<PendingReading['reading']['symptoms']>;
    }
    setProblem(null);
    await outbox.add(s.id, reading);
    setSaved(`Reading at ${timeOf(reading.takenAt, tz)} saved on this tablet; sending…`);
    setSymptoms([]);
    await outbox.flush();
    await qc.invalidateQueries({ queryKey: sessionKeys.one(s.id) });
    setSaved(`Reading at ${timeOf(reading.takenAt, tz)} recorded.`);
  }

  function submit(e: SubmitEvent) {
    e.preventDefault();
    void record(values, symptoms);
  }

  return (
    <section className="panel vitals-entry" aria-labelledby="ve-h">
      <div className="panel-head">
        <h2 id="ve-h">Record vital signs</h2>
        <DueTimer s={s} tz={tz} />
      </div>
      <p className="small muted">
        {last === undefined ? 'No earlier reading: enter the first set.' : <>Pre-filled with the last reading ({bpText(last)}, taken {ageText(last.takenAt)} at {timeOf(last.takenAt, tz)}). Change what differs, then record.</>}
      </p>
      <form onSubmit={submit} noValidate>
        <div className="vitals-grid">
          {FIELDS.map((f) => (
            <div key={f.key} className="vital-input">
              <label htmlFor={`vital-${f.key}`}>{f.label}</label>
              <input id={`vital-${f.key}`} inputMode="numeric" pattern="[0-9]*" value={values[f.key]} onChange={(e) => setValues({ ...values, [f.key]: e.target.value.replace(/[^0-9]/g, '') })} aria-describedby={`unit-${f.key}`} />
              <span className="vital-unit" id={`unit-${f.key}`}>{f.unit}</span>
            </div>
          ))}
        </div>
        <fieldset className="symptoms">
          <legend>Symptoms now (tap all that apply)</legend>
          <div className="checks">
            {SYMPTOMS.map((x) => (
              <label key={x.id} className={`tri-option ${symptoms.includes(x.id) ? 'on' : ''}`}>
                <input type="checkbox" checked={symptoms.includes(x.id)} onChange={(e) => setSymptoms(e.target.checked ? [...symptoms, x.id] : symptoms.filter((y) => y !== x.id))} />
                {x.label}
              </label>
            ))}
          </div>
        </fieldset>
        {problem !== null && <div className="alert error" role="alert">{problem}</div>}
        <div className="actions">
          <button type="submit" className="big">Record reading</button>
          {last !== undefined && (
            <button type="button" className="secondary big" onClick={() => void record(valuesOf(last), [])}>
              Same as last ({bpText(last)}{last.heartRate === null ? '' : `, ${last.heartRate} beats/min`}{last.spo2 === null ? '' : `, SpO₂ ${last.spo2} %`})
            </button>
          )}
          {saved !== null && <span role="status" className="small">{saved}</span>}
        </div>
      </form>
      {pending.length > 0 && (
        <div className="alert warn pending" role="status" aria-label="Readings waiting to be sent">
          <strong>{pending.length === 1 ? '1 reading is' : `${pending.length} readings are`} saved on this tablet and not yet on the server.</strong>
          They are sent with their original times as soon as the connection returns; do not re-enter them.
          <ul>
            {pending.map((p) => (
              <li key={p.reading.clientId}>
                Taken {timeOf(p.reading.takenAt, tz)}: {pendingText(p.reading)}
                {' — '}
                <span className="small">{p.lastError === null ? 'waiting to send' : `not sent (${p.attempts} ${p.attempts === 1 ? 'try' : 'tries'}): ${p.lastError}`}</span>
                {p.lastError?.startsWith('Refused') === true && (
                  <button type="button" className="small secondary" onClick={() => void outbox.discard(p.reading.clientId)}>
                    Discard this reading
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
