import type { AppointmentDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { can, type ActiveSession } from '../../api/session';
import { STATUS_LABELS, type RescheduleSuggestion, type Resources } from '../../components/schedule/data';
import { formatDuration, formatLocalDate, toMinutes } from '../../components/schedule/time';
import { CheckInSection } from './CheckInSection';
import { MoveForm } from './MoveForm';
import { ReasonForm } from './ReasonForm';
import { SuggestionPanel } from './SuggestionPanel';

type Mode = { kind: 'actions' } | { kind: 'move' } | { kind: 'cancel' } | { kind: 'no-show' } | { kind: 'suggestion'; suggestion: RescheduleSuggestion };

interface Props {
  readonly appointment: AppointmentDto;
  readonly session: ActiveSession;
  readonly resources: Resources;
  readonly titleId: string;
  readonly onClose: () => void;
  readonly onChanged: (a: AppointmentDto) => void;
  readonly onMoved: (a: AppointmentDto, before: AppointmentDto) => void;
  readonly onBookReplacement: (date: string, missed: AppointmentDto) => void;
}

const PHASES: Record<string, string> = { induction: 'induction', maintenance: 'maintenance' };

/** Everything about one appointment, and what can be done with it now. */
export function AppointmentPanel({ appointment: a, session, resources, titleId, onClose, onChanged, onMoved, onBookReplacement }: Props) {
  const [mode, setMode] = useState<Mode>({ kind: 'actions' });
  const [notice, setNotice] = useState<string | null>(null);
  const tz = session.clinic.timeZone;
  const canBook = can(session, 'schedule.book');
  const status = STATUS_LABELS[a.status];
  const minutes = toMinutes(a.localEnd) - toMinutes(a.localStart);
  const open = a.status === 'booked' || a.status === 'checked_in';
  return (
    <div className="sched-drawer-body">
      <div className="sched-drawer-head">
        <div>
          <h2 id={titleId}>{a.patient.displayName}</h2>
          <div className="muted">
            {a.patient.mrn} <span className={`badge ${status.tone}`}>{status.label}</span>
          </div>
        </div>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      {a.session !== null && can(session, 'session.read') && (
        <Link className="button block" style={{ marginBottom: '0.5rem' }} to={`/sessions/${a.session.id}`}>
          Open session
        </Link>
      )}
      <Link className="button secondary block" to={`/patients/${a.patient.id}`}>
        Open patient record
      </Link>
      {notice !== null && (
        <div className="alert ok" role="status" style={{ marginTop: '1rem' }}>
          {notice}
        </div>
      )}
      <dl className="sched-details">
        <dt>When</dt>
        <dd>
          {formatLocalDate(a.localDate, 'long')}
          <br />
          <strong>
            {a.localStart}–{a.localEnd}
          </strong>{' '}
          <span className="muted">({formatDuration(minutes)})</span>
        </dd>
        <dt>Visit</dt>
        <dd>
          {a.type.name}
          {a.planSessionIndex !== null && (
            <div className="small muted">
              Session {a.planSessionIndex} of the treatment plan{a.phase !== null ? ` (${PHASES[a.phase] ?? a.phase.replace(/_/g, ' ')})` : ''}
            </div>
          )}
        </dd>
        <dt>Chair or room</dt>
        <dd>{a.chair?.name ?? <span className="muted">None</span>}</dd>
        <dt>Nurse or clinician</dt>
        <dd>{a.staff?.name ?? <span className="muted">Not decided yet</span>}</dd>
        {a.statusReason !== null && (
          <>
            <dt>Reason</dt>
            <dd>{a.statusReason}</dd>
          </>
        )}
        {a.notes !== null && (
          <>
            <dt>Notes</dt>
            <dd className="sched-notes">{a.notes}</dd>
          </>
        )}
      </dl>
      {mode.kind === 'actions' && <CheckInSection appointment={a} canCheckIn={can(session, 'schedule.check_in')} onChanged={(u) => { setNotice(`${u.patient.displayName} is checked in.`); onChanged(u); }} />}
      {mode.kind === 'actions' && canBook && open && (
        <section className="sched-section" aria-label="Change this appointment">
          <div className="sched-actions">
            {a.status === 'booked' && (
              <button type="button" className="secondary" onClick={() => { setNotice(null); setMode({ kind: 'move' }); }}>
                Move…
              </button>
            )}
            {a.status === 'booked' && (
              <button type="button" className="secondary" onClick={() => { setNotice(null); setMode({ kind: 'cancel' }); }}>
                Cancel appointment…
              </button>
            )}
            <button type="button" className="secondary" onClick={() => { setNotice(null); setMode({ kind: 'no-show' }); }}>
              Did not come…
            </button>
          </div>
        </section>
      )}
      {mode.kind === 'move' && (
        <MoveForm
          appointment={a}
          resources={resources}
          timeZone={tz}
          onBack={() => setMode({ kind: 'actions' })}
          onMoved={(moved, before) => {
            setMode({ kind: 'actions' });
            setNotice(`Moved to ${formatLocalDate(moved.localDate, 'short')} at ${moved.localStart}${moved.chair !== null ? `, ${moved.chair.name}` : ''}.`);
            onMoved(moved, before);
          }}
        />
      )}
      {(mode.kind === 'cancel' || mode.kind === 'no-show') && (
        <ReasonForm
          appointment={a}
          kind={mode.kind}
          onBack={() => setMode({ kind: 'actions' })}
          onDone={(r) => {
            onChanged(r.appointment);
            if (r.rescheduleSuggestion !== null) {
              setMode({ kind: 'suggestion', suggestion: r.rescheduleSuggestion });
            } else {
              setMode({ kind: 'actions' });
              setNotice(mode.kind === 'cancel' ? 'The appointment is cancelled. It stays visible under “Show cancelled”.' : 'Recorded: the patient did not come.');
            }
          }}
        />
      )}
      {mode.kind === 'suggestion' && (
        <SuggestionPanel
          missed={a}
          suggestion={mode.suggestion}
          timeZone={tz}
          canBook={canBook}
          onBookReplacement={(date) => onBookReplacement(date, a)}
          onDone={() => setMode({ kind: 'actions' })}
        />
      )}
    </div>
  );
}
