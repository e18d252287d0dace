import type { PatientDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import { EMPTY_PATIENT, PatientForm, toBody, type PatientFormValues } from '../../components/patient/PatientForm';

interface Duplicate {
  id: string;
  mrn: string;
  name: string;
  dateOfBirth: string;
  reasons: string[];
}

export function RegisterPatientPage() {
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<PatientFormValues | null>(null);
  const duplicates = error instanceof ApiError && error.problem.reason === 'LIKELY_DUPLICATE' ? (error.problem.duplicates as Duplicate[]) : [];

  async function save(v: PatientFormValues, confirmNotDuplicate: boolean) {
    setBusy(true);
    setError(null);
    try {
      const p = await api.post<PatientDto>('/api/patients', { ...toBody(v, true), ...(confirmNotDuplicate ? { confirmNotDuplicate: true } : {}) });
      await navigate(`/patients/${p.id}`);
    } catch (err) {
      setPending(v);
      setError(err);
      window.scrollTo({ top: 0 });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Register a patient</h1>
          <p className="muted">Only the legal name and date of birth are needed now; the rest can be completed later.</p>
        </div>
      </div>
      {duplicates.length > 0 && pending !== null && (
        <div className="alert warn" role="alert">
          <strong>This may be a patient who is already registered.</strong>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link to={`/patients/${d.id}`}>
                  {d.name} ({d.mrn}, born {d.dateOfBirth})
                </Link>{' '}
                — {d.reasons.join(', ')}
              </li>
            ))}
          </ul>
          <p>Open the existing record if it is the same person. If you have checked and it is a different person:</p>
          <button type="button" className="secondary" disabled={busy} onClick={() => void save(pending, true)}>
            It is a different person: register anyway
          </button>
        </div>
      )}
      <PatientForm initial={EMPTY_PATIENT} withMeasurements submitLabel="Register patient" busy={busy} error={error} onSubmit={(v) => void save(v, false)} />
    </>
  );
}
