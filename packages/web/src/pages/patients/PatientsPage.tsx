import { useQuery } from '@tanstack/react-query';
import type { PatientSummaryDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, qs } from '../../api/client';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';

/** Find a patient by name, record number, date of birth or phone. */
export function PatientsPage({ session }: { session: ActiveSession }) {
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [dob, setDob] = useState(params.get('dob') ?? '');
  const [phone, setPhone] = useState(params.get('phone') ?? '');
  const search = { q: params.get('q') ?? undefined, dob: params.get('dob') ?? undefined, phone: params.get('phone') ?? undefined };
  const hasSearch = Object.values(search).some((v) => v !== undefined && v !== '');
  const results = useQuery({
    queryKey: ['patients', search],
    queryFn: () => api.get<{ patients: PatientSummaryDto[] }>(`/api/patients${qs(search)}`),
    enabled: hasSearch,
  });

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Patients</h1>
          <p className="muted">Search before registering, to avoid creating a second record for the same person.</p>
        </div>
        {can(session, 'patient.register') && (
          <Link className="button" to="/patients/new">
            Register a patient
          </Link>
        )}
      </div>
      <form
        className="panel"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const next = new URLSearchParams();
          for (const [k, v] of Object.entries({ q: q.trim(), dob, phone: phone.trim() })) {
            if (v !== '') {
              next.set(k, v);
            }
          }
          setParams(next);
        }}
      >
        <div className="form-row">
          <Field label="Name or record number" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="e.g. Rivers or KP-000012" autoFocus />
          <Field label="Date of birth" type="date" value={dob} onChange={(e) => setDob(e.target.value)} />
          <Field label="Phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        </div>
        <button type="submit">Search</button>
      </form>
      <ErrorAlert error={results.error} />
      {hasSearch && results.data !== undefined && (
        <div className="panel">
          <h2>{results.data.patients.length === 0 ? 'No patient found' : `${results.data.patients.length} patient(s) found`}</h2>
          {results.data.patients.length > 0 && (
            <table aria-label="Patients found">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Record</th>
                  <th>Date of birth</th>
                  <th>Phone</th>
                </tr>
              </thead>
              <tbody>
                {results.data.patients.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/patients/${p.id}`}>
                        <strong>{p.displayName}</strong>
                      </Link>
                      {p.displayName !== p.legalName && <div className="small muted">Legal name: {p.legalName}</div>}
                    </td>
                    <td className="mono">{p.mrn}</td>
                    <td>
                      {p.dateOfBirth} <span className="muted">({p.ageYears} y)</span>
                    </td>
                    <td>{p.phone ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </>
  );
}
