import type { PatientDto } from '@ketapath/server/contracts';
import { Link } from 'react-router';
import { usePatientSessions } from '../../api/session-hooks';
import type { ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { stateLabel } from '../../lib/session-format';

const ACTIVE = ['checked_in', 'predose_passed', 'dosing', 'monitoring', 'ready_for_discharge'];

/** The patient's treatment sessions, newest first, each opening the session screen. */
export function SessionsTab({ session, patient }: { session: ActiveSession; patient: PatientDto }) {
  const q = usePatientSessions(patient.id);
  const tz = session.clinic.timeZone;
  if (q.data === undefined) {
    return q.isError ? <ErrorAlert error={q.error} /> : <p>Loading sessions…</p>;
  }
  const rows = q.data.sessions;
  return (
    <section className="panel" aria-labelledby="sessions-h">
      <h2 id="sessions-h">Treatment sessions</h2>
      {rows.length === 0 ? (
        <p className="muted">No sessions yet. A session opens when the patient is checked in for a treatment appointment on the schedule.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Checked in</th>
                <th>Route</th>
                <th>State</th>
                <th>Dose started</th>
                <th>Signed</th>
                <th>
                  <span className="sr-only">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id}>
                  <td>{formatDateTime(s.checkedInAt, tz)}</td>
                  <td>{s.routeLabel}</td>
                  <td>{ACTIVE.includes(s.state) ? <span className="badge info">In progress: {stateLabel(s.state)}</span> : stateLabel(s.state)}</td>
                  <td>{s.doseStartedAt === null ? '—' : formatDateTime(s.doseStartedAt, tz)}</td>
                  <td>{s.signedAt === null ? (ACTIVE.includes(s.state) ? '—' : <span className="badge warn">Not signed</span>) : formatDateTime(s.signedAt, tz)}</td>
                  <td>
                    <Link className="button secondary small" to={`/sessions/${s.id}`}>
                      Open session
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
