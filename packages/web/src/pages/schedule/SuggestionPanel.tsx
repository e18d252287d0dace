import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AppointmentDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { ConflictLines } from '../../components/schedule/ConflictList';
import { APPOINTMENTS_KEY, conflictsOf, fetchAppointments, type Conflict, type RescheduleSuggestion } from '../../components/schedule/data';
import { addDays, formatLocalDate, zonedToIso } from '../../components/schedule/time';

type Outcome = { ok: true; text: string } | { ok: false; text: string; conflicts: readonly Conflict[] };

interface Props {
  readonly missed: AppointmentDto;
  readonly suggestion: RescheduleSuggestion;
  readonly timeZone: string;
  readonly canBook: boolean;
  /** Book a new appointment for the missed session on this local date. */
  readonly onBookReplacement: (date: string) => void;
  readonly onDone: () => void;
}

/** After a missed treatment session: the clinical core's suggestion for the rest of the course, applied only on request. */
export function SuggestionPanel({ missed, suggestion, timeZone, canBook, onBookReplacement, onDone }: Props) {
  const qc = useQueryClient();
  const [outcomes, setOutcomes] = useState<Record<number, Outcome>>({});
  const movable = suggestion.changes.filter((c) => c.appointmentId !== null);
  const apply = useMutation({
    mutationFn: async () => {
      // Latest first, so each session moves into room the next one has already left.
      for (const c of [...movable].sort((x, y) => y.index - x.index)) {
        let outcome: Outcome;
        try {
          const day = await fetchAppointments({ from: zonedToIso(c.from, '00:00', timeZone), to: zonedToIso(addDays(c.from, 1), '00:00', timeZone), patientId: missed.patient.id });
          const appt = day.appointments.find((x) => x.id === c.appointmentId);
          if (appt === undefined) {
            outcome = { ok: false, text: 'Not found on its old date: it may already have been moved or cancelled.', conflicts: [] };
          } else {
            const moved = await api.patch<AppointmentDto>(`/api/appointments/${appt.id}`, { startsAt: zonedToIso(c.to, appt.localStart, timeZone) });
            outcome = { ok: true, text: `Moved to ${formatLocalDate(moved.localDate)} at ${moved.localStart}.` };
          }
        } catch (err) {
          const conflicts = conflictsOf(err);
          outcome = { ok: false, text: conflicts !== null ? 'Not moved:' : err instanceof ApiError ? `Not moved: ${err.detail ?? err.title}` : 'Not moved: no connection. Try again.', conflicts: conflicts ?? [] };
        }
        setOutcomes((o) => ({ ...o, [c.index]: outcome }));
      }
    },
    onSettled: () => qc.invalidateQueries({ queryKey: APPOINTMENTS_KEY }),
  });
  const done = apply.isSuccess;
  const failed = Object.values(outcomes).filter((o) => !o.ok).length;
  return (
    <section className="sched-section" aria-labelledby="suggestion-title">
      <h3 id="suggestion-title">Suggested changes to the rest of the course</h3>
      {suggestion.notes.length > 0 && (
        <div className="alert info">
          {suggestion.notes.map((n) => (
            <p key={n} style={{ margin: 0 }}>
              {n}
            </p>
          ))}
        </div>
      )}
      {suggestion.changes.length === 0 ? (
        <p>No other session needs to move.</p>
      ) : (
        <ul className="sched-changes">
          {suggestion.changes.map((c) => {
            const o = outcomes[c.index];
            return (
              <li key={c.index}>
                <strong>Session {c.index}</strong>
                {c.appointmentId === null ? ' (the missed one)' : ''}: {formatLocalDate(c.from, 'short')} → <strong>{formatLocalDate(c.to, 'short')}</strong>
                {c.appointmentId === null && canBook && (
                  <div>
                    <button type="button" className="secondary small" onClick={() => onBookReplacement(c.to)}>
                      Book a replacement on {formatLocalDate(c.to, 'short')}
                    </button>
                  </div>
                )}
                {o !== undefined && (
                  <div className={o.ok ? 'sched-ok-text' : 'sched-danger-text'}>
                    {o.ok ? '✓ ' : '✕ '}
                    {o.text}
                    {!o.ok && o.conflicts.length > 0 && <ConflictLines conflicts={o.conflicts} />}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {done && (
        <div className={`alert ${failed === 0 ? 'ok' : 'warn'}`} role="status">
          {failed === 0 ? 'The course has been moved as suggested.' : `${failed} session${failed === 1 ? ' was' : 's were'} not moved (see above): move ${failed === 1 ? 'it' : 'them'} by hand in the calendar.`}
        </div>
      )}
      <div className="actions">
        {canBook && movable.length > 0 && !done && (
          <button type="button" disabled={apply.isPending} onClick={() => apply.mutate()}>
            {apply.isPending ? 'Moving…' : `Move ${movable.length} booked session${movable.length === 1 ? '' : 's'} as suggested`}
          </button>
        )}
        <button type="button" className="secondary" onClick={onDone} disabled={apply.isPending}>
          {done || movable.length === 0 ? 'Done' : 'Leave the course as it is'}
        </button>
      </div>
    </section>
  );
}
