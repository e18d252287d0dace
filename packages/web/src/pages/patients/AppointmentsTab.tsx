import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppointmentDto, PatientDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { api, qs } from '../../api/client';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BookAppointmentDialog } from '../../components/schedule/BookAppointmentDialog';
import { formatDateTime } from '../../lib/format';

interface Gate {
  ready: boolean;
  items: { code: string; ok: boolean; message: string; source: string }[];
}

const STATUS: Record<AppointmentDto['status'], string> = { booked: 'Booked', checked_in: 'Checked in', completed: 'Completed', cancelled: 'Cancelled', no_show: 'Did not attend' };

function Readiness({ id }: { id: string }) {
  const gate = useQuery({ queryKey: ['appointments', id, 'readiness'], queryFn: () => api.get<Gate>(`/api/appointments/${id}/readiness`) });
  if (gate.data === undefined || gate.data.items.length === 0) {
    return null;
  }
  return (
    <ul className="small" aria-label="Before check-in" style={{ margin: '0.3rem 0', paddingLeft: '1.1rem' }}>
      {gate.data.items.map((i) => (
        <li key={i.code} style={{ color: i.ok ? 'var(--ok)' : 'var(--danger)' }}>
          {i.ok ? '✓' : '✗'} {i.message}
        </li>
      ))}
    </ul>
  );
}

export function AppointmentsTab({ session, patient }: { session: ActiveSession; patient: PatientDto }) {
  const qc = useQueryClient();
  const [booking, setBooking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const from = new Date(Date.now() - 180 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 60 * 86_400_000).toISOString();
  const list = useQuery({ queryKey: ['appointments', 'patient', patient.id], queryFn: () => api.get<{ appointments: AppointmentDto[] }>(`/api/appointments${qs({ from, to, patientId: patient.id, includeCancelled: 'true' })}`) });
  const now = Date.now();
  const upcoming = list.data?.appointments.filter((a) => Date.parse(a.endsAt) >= now) ?? [];
  const past = list.data?.appointments.filter((a) => Date.parse(a.endsAt) < now).reverse() ?? [];
  const tz = session.clinic.timeZone;

  async function checkIn(a: AppointmentDto) {
    setError(null);
    try {
      await api.post(`/api/appointments/${a.id}/check-in`);
      await qc.invalidateQueries({ queryKey: ['appointments'] });
    } catch (err) {
      setError(err);
    }
  }

  const row = (a: AppointmentDto) => (
    <tr key={a.id}>
      <td>{formatDateTime(a.startsAt, tz)}</td>
      <td>
        {a.type.name}
        {a.planSessionIndex !== null && <div className="small muted">Plan session {a.planSessionIndex} ({a.phase})</div>}
      </td>
      <td>{a.chair?.name ?? '—'}</td>
      <td>{a.staff?.name ?? '—'}</td>
      <td>
        <span className={`badge ${a.status === 'cancelled' || a.status === 'no_show' ? 'warn' : a.status === 'booked' ? 'info' : 'ok'}`}>{STATUS[a.status]}</span>
        {a.statusReason !== null && <div className="small muted">{a.statusReason}</div>}
        {a.status === 'booked' && a.route !== null && <Readiness id={a.id} />}
      </td>
      <td>
        {a.status === 'booked' && can(session, 'schedule.check_in') && Date.parse(a.startsAt) - now < 12 * 3_600_000 && (
          <button type="button" className="small" onClick={() => void checkIn(a)}>
            Check in
          </button>
        )}
        {a.session !== null && can(session, 'session.read') && (
          <Link className="button small" to={`/sessions/${a.session.id}`}>
            Open session
          </Link>
        )}
      </td>
    </tr>
  );
  const table = (rows: AppointmentDto[], label: string) => (
    <table aria-label={label}>
      <thead>
        <tr>
          <th>When</th>
          <th>What</th>
          <th>Chair</th>
          <th>Nurse</th>
          <th>Status</th>
          <th />
        </tr>
      </thead>
      <tbody>{rows.map(row)}</tbody>
    </table>
  );
  return (
    <>
      <ErrorAlert error={list.error ?? error} />
      <div className="panel">
        <div className="page-head">
          <h2 style={{ margin: 0 }}>Upcoming</h2>
          {can(session, 'schedule.book') && (
            <button type="button" onClick={() => setBooking(true)}>
              Book an appointment
            </button>
          )}
        </div>
        {upcoming.length === 0 ? <p className="muted">Nothing booked.</p> : table(upcoming, 'Upcoming appointments')}
      </div>
      {past.length > 0 && <div className="panel">{table(past, 'Past appointments')}</div>}
      <BookAppointmentDialog
        open={booking}
        patient={{ id: patient.id, displayName: patient.displayName }}
        onClose={() => {
          setBooking(false);
          void qc.invalidateQueries({ queryKey: ['appointments'] });
        }}
      />
    </>
  );
}
