import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';

type Value = number | boolean | string | null | (string | number)[];
interface Setting {
  key: string;
  area: string;
  label: string;
  unit: string | null;
  type: { kind: string; options?: string[]; nullable?: boolean; min?: number; max?: number };
  status: 'sourced' | 'unconfirmed' | 'conflict';
  source: { citation: string; url?: string };
  note: string | null;
  default: Value;
  value: Value;
  setByClinic: boolean;
  needsConfirmation: boolean;
}

const AREAS: Record<string, string> = {
  bp: 'Blood pressure before dosing', vitals: 'Vital-sign alerts during sessions', fasting: 'Fasting', predose: 'Pre-dose checks', dosing: 'Dosing weight and rounding', iv: 'IV ketamine', im: 'IM ketamine', oral: 'Oral ketamine', sublingual: 'Sublingual ketamine', esketamine: 'Esketamine', observation: 'Observation', discharge: 'Discharge', eligibility: 'Eligibility', trd: 'Treatment resistance', titration: 'Titration suggestions', outcomes: 'Outcomes', schedule: 'Course schedules', followUp: 'Long-term follow-up', rems: 'REMS', alerts: 'Alert escalation', riskAlerts: 'Suicide-risk alert escalation',
};

function show(v: Value): string {
  return v === null ? 'not set (rule off)' : Array.isArray(v) ? v.join(', ') : String(v);
}

function Input({ s, value, onChange, disabled }: { s: Setting; value: Value; onChange: (v: Value) => void; disabled: boolean }) {
  const id = `ps-${s.key}`;
  if (s.type.kind === 'boolean') {
    return <input id={id} type="checkbox" aria-label={s.label} checked={value === true} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />;
  }
  if (s.type.kind === 'enum') {
    return (
      <select id={id} aria-label={s.label} value={String(value)} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {(s.type.options ?? []).map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    );
  }
  if (s.type.kind === 'number') {
    return (
      <input
        id={id}
        aria-label={s.label}
        type="number"
        step="any"
        value={value === null ? '' : String(value)}
        placeholder={s.type.nullable === true ? 'not set' : ''}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value === '' ? (s.type.nullable === true ? null : Number.NaN) : Number(e.target.value))}
        style={{ maxWidth: 140 }}
      />
    );
  }
  return (
    <input
      id={id}
      aria-label={s.label}
      type="text"
      value={Array.isArray(value) ? value.join(', ') : String(value)}
      disabled={disabled}
      onChange={(e) => {
        const parts = e.target.value.split(',').map((x) => x.trim()).filter(Boolean);
        onChange(s.type.kind === 'number_list' ? parts.map(Number) : parts);
      }}
    />
  );
}

export function ProtocolSettingsPage({ session }: { session: ActiveSession }) {
  const qc = useQueryClient();
  const data = useQuery({ queryKey: ['protocol'], queryFn: () => api.get<{ settings: Setting[]; needsConfirmation: number }>('/api/clinic/protocol') });
  const [edits, setEdits] = useState<Record<string, Value>>({});
  const [filter, setFilter] = useState<'all' | 'confirm'>('all');
  const editable = can(session, 'protocol.edit');
  useEffect(() => {
    if (data.data !== undefined) {
      setEdits(Object.fromEntries(data.data.settings.filter((s) => s.setByClinic).map((s) => [s.key, s.value])));
    }
  }, [data.data]);
  const save = useMutation({
    mutationFn: () => api.put<{ settings: Setting[] }>('/api/clinic/protocol', { overrides: edits }),
    onSuccess: (res) => qc.setQueryData(['protocol'], res),
  });
  if (data.data === undefined) {
    return <ErrorAlert error={data.error} />;
  }
  const settings = data.data.settings.filter((s) => filter === 'all' || s.needsConfirmation);
  const areas = [...new Set(settings.map((s) => s.area))];
  const fieldErr = (key: string) => (save.error instanceof ApiError ? save.error.fields.find((f) => f.path === `body.overrides.${key}`)?.message : undefined);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Clinical protocol</h1>
          <p className="muted">Every threshold and dose the safety rules use, with its source. Defaults come from the published evidence; where the evidence is uncertain or conflicting, your medical director must confirm the value.</p>
        </div>
      </div>
      {data.data.needsConfirmation > 0 && (
        <div className="alert warn">
          <strong>{data.data.needsConfirmation} settings need confirmation by your medical director.</strong>
          They are marked below. Confirm the default or set your clinic's value.{' '}
          <button type="button" className="link" onClick={() => setFilter(filter === 'all' ? 'confirm' : 'all')}>
            {filter === 'all' ? 'Show only these' : 'Show all settings'}
          </button>
        </div>
      )}
      <ErrorAlert error={save.error} inlineFields={Object.keys(edits).map((k) => `overrides.${k}`)} />
      {save.isSuccess && <div className="alert ok" role="status">Protocol saved. New sessions, plans and screenings use it from now on.</div>}
      {areas.map((area) => (
        <section key={area} className="panel">
          <h2>{AREAS[area] ?? area}</h2>
          <table>
            <thead>
              <tr>
                <th>Setting</th>
                <th>Clinic value</th>
                <th>Default</th>
                <th>Status and source</th>
              </tr>
            </thead>
            <tbody>
              {settings
                .filter((s) => s.area === area)
                .map((s) => {
                  const value = s.key in edits ? (edits[s.key] as Value) : s.default;
                  return (
                    <tr key={s.key}>
                      <td>
                        <label htmlFor={`ps-${s.key}`}>{s.label}</label>
                        {s.unit !== null && <span className="muted small"> ({s.unit})</span>}
                        {s.note !== null && <div className="small muted">{s.note}</div>}
                        {fieldErr(s.key) !== undefined && <div className="small" style={{ color: 'var(--danger)' }}>{fieldErr(s.key)}</div>}
                      </td>
                      <td>
                        <Input s={s} value={value} disabled={!editable} onChange={(v) => setEdits({ ...edits, [s.key]: v })} />
                      </td>
                      <td className="small">{show(s.default)}</td>
                      <td className="small">
                        {s.status === 'sourced' ? <span className="badge ok">Sourced</span> : s.key in edits ? <span className="badge info">Set by clinic</span> : <span className="badge warn">Confirm with your medical director</span>}
                        {s.status !== 'sourced' && !(s.key in edits) && editable && (
                          <button type="button" className="link" onClick={() => setEdits({ ...edits, [s.key]: s.default })}>
                            Confirm default
                          </button>
                        )}
                        <details>
                          <summary>Source</summary>
                          {s.source.citation}
                        </details>
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </section>
      ))}
      {editable && (
        <div className="sticky-actions">
          <button type="button" disabled={save.isPending} onClick={() => save.mutate()}>
            Save protocol
          </button>
          <span className="small muted">Changes are recorded in the audit trail.</span>
        </div>
      )}
    </>
  );
}
