import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserDto } from '@ketapath/server/contracts';
import { useEffect, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field, SelectField } from '../../components/Field';
import { ROLE_LABELS } from '../../lib/format';

interface Contacts {
  onCall: { userId: string; name: string; role: string }[];
  crisisLineName: string | null;
  crisisLineNumber: string | null;
  jurisdictionDefault: { name: string; number: string } | null;
  escalateAfterMinutes: number;
}
interface ProtocolSetting {
  key: string;
  needsConfirmation: boolean;
  setByClinic: boolean;
}
type Person = { userId: string; name: string; role: string };

const KEY = ['safety-contacts'] as const;
const CLINICAL_ROLES = new Set(['prescriber', 'nurse']);

function OnCallList({ people, onChange }: { people: readonly Person[]; onChange: (next: Person[]) => void }) {
  function move(i: number, by: -1 | 1) {
    const next = [...people];
    const [p] = next.splice(i, 1);
    if (p !== undefined) {
      next.splice(i + by, 0, p);
      onChange(next);
    }
  }
  if (people.length === 0) {
    return (
      <p className="alert warn" role="status">
        Nobody is on call. Until you add someone, suicide-risk alerts go to every prescriber working today.
      </p>
    );
  }
  return (
    <ol className="oncall-list" aria-label="On-call order">
      {people.map((p, i) => (
        <li key={p.userId} className="oncall-row">
          <span className="oncall-pos" aria-hidden="true">
            {i + 1}
          </span>
          <span className="oncall-name">
            <strong>{p.name}</strong>
            <span className="small muted">
              {ROLE_LABELS[p.role] ?? p.role}
              {i === 0 ? ' · told first' : ''}
            </span>
          </span>
          <span className="oncall-actions">
            <button type="button" className="secondary" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${p.name} up`}>
              ↑ Up
            </button>
            <button type="button" className="secondary" disabled={i === people.length - 1} onClick={() => move(i, 1)} aria-label={`Move ${p.name} down`}>
              ↓ Down
            </button>
            <button type="button" className="secondary" onClick={() => onChange(people.filter((x) => x.userId !== p.userId))} aria-label={`Remove ${p.name}`}>
              Remove
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}

function Editor({ saved, staff, escalation }: { saved: Contacts; staff: readonly UserDto[]; escalation: ProtocolSetting | undefined }) {
  const qc = useQueryClient();
  const [people, setPeople] = useState<Person[]>(saved.onCall);
  const [line, setLine] = useState({ name: saved.crisisLineName ?? '', number: saved.crisisLineNumber ?? '' });
  const [pick, setPick] = useState('');
  const [done, setDone] = useState(false);
  useEffect(() => {
    setPeople(saved.onCall);
    setLine({ name: saved.crisisLineName ?? '', number: saved.crisisLineNumber ?? '' });
  }, [saved]);
  const save = useMutation({
    mutationFn: () => api.put<Contacts>('/api/clinic/safety-contacts', { onCallUserIds: people.map((p) => p.userId), crisisLineName: line.name.trim() === '' ? null : line.name.trim(), crisisLineNumber: line.number.trim() === '' ? null : line.number.trim() }),
    onSuccess: (data) => {
      qc.setQueryData(KEY, data);
      setDone(true);
    },
  });
  const candidates = staff.filter((u) => u.status === 'active' && CLINICAL_ROLES.has(u.role) && !people.some((p) => p.userId === u.id));
  const fe = (n: string) => (save.error instanceof ApiError ? save.error.fieldError(n) : undefined);
  const def = saved.jurisdictionDefault;
  function submit(e: SubmitEvent) {
    e.preventDefault();
    setDone(false);
    save.mutate();
  }
  function change<T>(set: (v: T) => void) {
    return (v: T) => {
      setDone(false);
      set(v);
    };
  }
  return (
    <form onSubmit={submit} noValidate>
      <section className="panel" aria-labelledby="oncall-h">
        <h2 id="oncall-h">Who is told, in order</h2>
        <p className="muted">When a patient’s answers show a suicide risk, the first person is told at once. If nobody acknowledges the alert in time, it goes to the next person, and so on down the list.</p>
        <OnCallList people={people} onChange={change(setPeople)} />
        <div className="form-row" style={{ alignItems: 'flex-end' }}>
          <SelectField
            label="Add a clinician"
            hint={candidates.length === 0 ? 'Every active prescriber and nurse is on the list.' : 'Prescribers and monitoring nurses of this clinic.'}
            value={pick}
            onChange={(e) => setPick(e.target.value)}
            options={[{ value: '', label: 'Choose a person' }, ...candidates.map((u) => ({ value: u.id, label: `${u.name} (${ROLE_LABELS[u.role] ?? u.role})` }))]}
          />
          <button
            type="button"
            className="secondary"
            disabled={pick === ''}
            onClick={() => {
              const u = candidates.find((c) => c.id === pick);
              if (u !== undefined) {
                change(setPeople)([...people, { userId: u.id, name: u.name, role: u.role }]);
                setPick('');
              }
            }}
          >
            Add to the end
          </button>
        </div>
      </section>

      <section className="panel" aria-labelledby="crisis-h">
        <h2 id="crisis-h">Crisis line shown to patients</h2>
        <p className="muted">
          Patients see this line whenever their answers suggest a risk to themselves, and on their portal home page.{' '}
          {def === null ? 'Your country has no default line in Ketapath: enter one.' : `Leave the number blank to use the default for your country: ${def.name}, ${def.number}.`}
        </p>
        <div className="form-row">
          <Field label="Name of the line" hint="For example: 988 Suicide & Crisis Lifeline" value={line.name} maxLength={120} onChange={(e) => change(setLine)({ ...line, name: e.target.value })} error={fe('crisisLineName')} />
          <Field label="Phone number" hint="Digits, spaces, +, ( ) and - only." inputMode="tel" value={line.number} maxLength={40} onChange={(e) => change(setLine)({ ...line, number: e.target.value })} error={fe('crisisLineNumber')} />
        </div>
        <p className="small" data-testid="crisis-shown">
          Patients now see:{' '}
          <strong>
            {line.number.trim() !== '' ? `${line.name.trim() === '' ? 'Crisis line' : line.name.trim()}, ${line.number.trim()}` : def === null ? 'no crisis line' : `${def.name}, ${def.number} (default)`}
          </strong>
        </p>
      </section>

      <section className="panel" aria-labelledby="escalate-h">
        <h2 id="escalate-h">Time before the next person is told</h2>
        <p>
          Now <strong>{saved.escalateAfterMinutes} minutes</strong> without acknowledgement.{' '}
          {escalation?.needsConfirmation === false ? (
            <span className="badge ok">Confirmed for your clinic</span>
          ) : (
            <span className="badge warn">Not confirmed</span>
          )}
        </p>
        <p className="muted">No published source gives this time; it is a working default. Confirm it with your medical director. It is changed with the other safety settings, under “Suicide-risk alert escalation”.</p>
        <Link to="/settings/protocol">Open the clinical protocol settings</Link>
      </section>

      <ErrorAlert error={save.error} inlineFields={['crisisLineName', 'crisisLineNumber']} />
      {done && (
        <p className="alert ok" role="status">
          Saved. New alerts go first to {people[0]?.name ?? 'the prescribers working today'}.
        </p>
      )}
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save on-call list and crisis line'}
      </button>
    </form>
  );
}

/** The on-call list for suicide-risk alerts and the crisis line patients are shown (settings, administrators). */
export function OnCallSettingsPage() {
  const contacts = useQuery({ queryKey: KEY, queryFn: () => api.get<Contacts>('/api/clinic/safety-contacts') });
  const staff = useQuery({ queryKey: ['users'], queryFn: () => api.get<{ users: UserDto[] }>('/api/users') });
  const protocol = useQuery({ queryKey: ['protocol'], queryFn: () => api.get<{ settings: ProtocolSetting[] }>('/api/clinic/protocol') });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>On-call list and crisis line</h1>
          <p className="muted">Who is told about a suicide-risk alert from a patient’s questionnaire, and the crisis line patients are shown. Changes are recorded in the audit trail.</p>
        </div>
      </div>
      <ErrorAlert error={contacts.error ?? staff.error} />
      {contacts.isPending || staff.isPending ? (
        <p>Loading…</p>
      ) : contacts.data === undefined ? null : (
        <Editor saved={contacts.data} staff={staff.data?.users ?? []} escalation={protocol.data?.settings.find((s) => s.key === 'riskAlerts.escalateAfterMinutes')} />
      )}
    </>
  );
}
