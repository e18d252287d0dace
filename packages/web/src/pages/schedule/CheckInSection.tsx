import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppointmentDto } from '@ketapath/server/contracts';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { APPOINTMENTS_KEY, readinessItemsOf, type Readiness } from '../../components/schedule/data';

/** What must be in place before a treatment session, and the Check in button that depends on it. */
export function CheckInSection({ appointment: a, canCheckIn, onChanged }: { appointment: AppointmentDto; canCheckIn: boolean; onChanged: (a: AppointmentDto) => void }) {
  const qc = useQueryClient();
  const readiness = useQuery({
    queryKey: [...APPOINTMENTS_KEY, a.id, 'readiness'],
    queryFn: () => api.get<Readiness>(`/api/appointments/${a.id}/readiness`),
    enabled: a.status === 'booked',
  });
  const checkIn = useMutation({
    mutationFn: () => api.post<AppointmentDto>(`/api/appointments/${a.id}/check-in`),
    onSuccess: async (updated) => {
      onChanged(updated);
      await qc.invalidateQueries({ queryKey: APPOINTMENTS_KEY });
    },
    // A refusal lists what is missing; reload the checklist so it shows the same thing.
    onError: () => qc.invalidateQueries({ queryKey: [...APPOINTMENTS_KEY, a.id, 'readiness'] }),
  });
  if (a.status !== 'booked') {
    return null;
  }
  // A refused check-in carries the checklist as the server saw it at that moment: show that one.
  const refused = readinessItemsOf(checkIn.error);
  const r: Readiness | undefined = refused !== null && refused.length > 0 ? { ready: false, items: refused } : readiness.data;
  const missing = r?.items.filter((i) => !i.ok) ?? [];
  return (
    <section className="sched-section" aria-labelledby={`ready-${a.id}`}>
      <h3 id={`ready-${a.id}`}>Before check-in</h3>
      <ErrorAlert error={readiness.error} />
      {readiness.isPending && <p className="muted small">Checking eligibility, consent and plan…</p>}
      {r !== undefined && r.items.length === 0 && <p className="muted small">No treatment checks are needed for this visit.</p>}
      {r !== undefined && r.items.length > 0 && (
        <ul className="sched-ready">
          {r.items.map((i) => (
            <li key={i.code} className={i.ok ? 'is-ok' : 'is-missing'}>
              <span className="sched-ready-icon" aria-hidden="true">
                {i.ok ? '✓' : '✕'}
              </span>
              <span>
                <span className="sr-only">{i.ok ? 'Done: ' : 'Missing: '}</span>
                {i.message}
                <span className="sched-ready-source">Source: {i.source}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {canCheckIn && (
        <>
          {refused === null ? <ErrorAlert error={checkIn.error} /> : <div className="alert error" role="alert"><strong>Not checked in.</strong> Something on the list is missing (marked ✕).</div>}
          {r !== undefined && !r.ready && (
            <p className="sched-danger-text small" id={`why-${a.id}`}>
              Check-in is not possible yet: {missing.length === 1 ? 'one item is' : `${missing.length} items are`} missing (marked ✕). Ask the prescriber or open the patient record to complete {missing.length === 1 ? 'it' : 'them'}.
            </p>
          )}
          <button type="button" className="block" disabled={r?.ready !== true || checkIn.isPending} aria-describedby={r !== undefined && !r.ready ? `why-${a.id}` : undefined} onClick={() => checkIn.mutate()}>
            {checkIn.isPending ? 'Checking in…' : 'Check in'}
          </button>
        </>
      )}
    </section>
  );
}
