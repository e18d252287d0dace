import { useQuery } from '@tanstack/react-query';
import type { PatientSummaryDto } from '@ketapath/server/contracts';
import { useEffect, useId, useState } from 'react';
import { api, qs } from '../../api/client';
import { ErrorAlert } from '../ErrorAlert';
import { formatLocalDate } from './time';

export interface PickedPatient {
  readonly id: string;
  readonly displayName: string;
  readonly mrn?: string;
}

/** Find and choose a patient by name or record number. */
export function PatientPicker({ value, onChange, error }: { value: PickedPatient | null; onChange: (p: PickedPatient | null) => void; error?: string | undefined }) {
  const id = useId();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(t);
  }, [text]);
  const results = useQuery({
    queryKey: ['patients', { q }],
    queryFn: () => api.get<{ patients: PatientSummaryDto[] }>(`/api/patients${qs({ q })}`),
    enabled: q.length >= 2 && value === null,
  });

  if (value !== null) {
    return (
      <div className="field">
        <span className="label" id={`${id}-label`}>
          Patient
        </span>
        <div className="sched-picked" aria-labelledby={`${id}-label`}>
          <span>
            <strong>{value.displayName}</strong>
            {value.mrn !== undefined && <span className="muted"> · {value.mrn}</span>}
          </span>
          <button type="button" className="secondary small" onClick={() => onChange(null)}>
            Change patient
          </button>
        </div>
      </div>
    );
  }
  const list = results.data?.patients ?? [];
  return (
    <div className="field">
      <label htmlFor={id}>Patient</label>
      <span className="hint" id={`${id}-hint`}>
        Type at least 2 letters of the name, or the record number (KP-…).
      </span>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${id}-hint${error === undefined ? '' : ` ${id}-error`}`}
        aria-invalid={error !== undefined}
      />
      {error !== undefined && (
        <span className="error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
      <ErrorAlert error={results.error} />
      {q.length >= 2 && results.isFetching && <span className="small muted">Searching…</span>}
      {q.length >= 2 && results.isSuccess && list.length === 0 && <span className="small muted">No patient matches “{q}”. Check the spelling, or register the patient first.</span>}
      {list.length > 0 && (
        <ul className="sched-results" aria-label="Matching patients">
          {list.slice(0, 8).map((p) => (
            <li key={p.id}>
              <button type="button" className="secondary" onClick={() => onChange({ id: p.id, displayName: p.displayName, mrn: p.mrn })}>
                <span>
                  <strong>{p.displayName}</strong> <span className="muted small">{p.mrn}</span>
                </span>
                <span className="small muted">
                  born {formatLocalDate(p.dateOfBirth, 'dayMonth')} · age {p.ageYears}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
