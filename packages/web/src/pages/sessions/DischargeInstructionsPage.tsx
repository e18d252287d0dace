import { useQuery } from '@tanstack/react-query';
import type { DischargeInstructionsDto } from '@ketapath/server/contracts';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The printable sheet the patient takes home. */
export function DischargeInstructionsPage({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['session', id, 'instructions'], queryFn: () => api.get<DischargeInstructionsDto>(`/api/sessions/${id}/discharge-instructions`) });
  if (q.data === undefined) {
    return q.isError ? <ErrorAlert error={q.error} /> : <p>Loading the instructions…</p>;
  }
  const d = q.data;
  return (
    <div className="instructions">
      <div className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
        <Link className="button secondary" to={`/sessions/${id}`}>
          Back to the session
        </Link>
      </div>
      <article className="consent-doc">
        <h1>After your treatment today</h1>
        <p>
          <strong>{d.patientName}</strong> · {d.date} · {d.treatment} · {d.clinicName}
        </p>
        {d.sections.map((sec) => (
          <section key={sec.title}>
            <h2>{sec.title}</h2>
            <ul>
              {sec.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
            {sec.source !== null && <p className="sources">Source: {sec.source}</p>}
          </section>
        ))}
        <h2>Your next appointment</h2>
        <p>{d.nextAppointment === null ? 'Not booked yet: the clinic will call you.' : `${d.nextAppointment.date} at ${d.nextAppointment.time} — ${d.nextAppointment.type}`}</p>
      </article>
    </div>
  );
}
