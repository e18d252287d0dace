import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppointmentDto } from '@ketapath/server/contracts';
import { Fragment, useId, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ErrorAlert } from '../ErrorAlert';
import { SelectField } from '../Field';
import { ConflictLines } from './ConflictList';
import { APPOINTMENTS_KEY, useResources, type Proposal } from './data';
import { chairOptions, staffOptions } from './options';
import { formatLocalDate, localOf } from './time';
import './schedule.css';

export interface BookPlanPanelProps {
  readonly patientId: string;
  readonly planId: string;
  /** The clinic's time zone (session.clinic.timeZone). */
  readonly timeZone: string;
}

interface Options {
  sessions: 'induction' | 'all';
  chairId: string;
  staffId: string;
}

const phaseLabel = (p: string): string => (p === '' ? '' : `${p.charAt(0).toUpperCase()}${p.slice(1).replace(/_/g, ' ')}`);

function bodyOf(o: Options) {
  return { sessions: o.sessions, ...(o.chairId === '' ? {} : { chairId: o.chairId }), ...(o.staffId === '' ? {} : { staffId: o.staffId }) };
}

function ProposalRows({ proposals, timeZone }: { proposals: readonly Proposal[]; timeZone: string }) {
  return (
    <>
      {proposals.map((p) => (
        <Fragment key={p.index}>
          <tr className={p.conflicts.length > 0 ? 'sched-row-conflict' : undefined}>
            <td className="nowrap">
              <strong>{p.index}</strong>
              <div className="small muted">{phaseLabel(p.phase)}</div>
            </td>
            <td className="nowrap">
              {formatLocalDate(p.localDate, 'short')}
              <div className="small muted">
                {p.localStart}–{localOf(p.endsAt, timeZone).time}
              </div>
            </td>
            <td>
              {p.alreadyBooked ? (
                '—'
              ) : (
                <>
                  {p.chair?.name ?? <span className="muted">No chair free</span>}
                  <div className="small muted">{p.staff?.name ?? 'No nurse free'}</div>
                </>
              )}
            </td>
            <td className="nowrap">
              {p.alreadyBooked ? <span className="badge">Already booked</span> : p.conflicts.length === 0 ? <span className="badge ok">Can be booked</span> : <span className="badge danger">Needs another time</span>}
            </td>
          </tr>
          {p.conflicts.length > 0 && (
            <tr className="sched-row-conflict sched-row-reasons">
              <td colSpan={4}>
                <ConflictLines conflicts={p.conflicts} />
              </td>
            </tr>
          )}
        </Fragment>
      ))}
    </>
  );
}

function ProposalTable({ proposals, timeZone, caption }: { proposals: readonly Proposal[]; timeZone: string; caption: string }) {
  return (
    <div className="table-wrap sched-table-wrap">
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th>Session</th>
            <th>When</th>
            <th>Chair and nurse</th>
            <th>Can it be booked?</th>
          </tr>
        </thead>
        <tbody>
          <ProposalRows proposals={proposals} timeZone={timeZone} />
        </tbody>
      </table>
      <p className="small muted">Times in {timeZone.replace(/_/g, ' ')}.</p>
    </div>
  );
}

function Result({ booked, skipped, timeZone, onAgain }: { booked: readonly AppointmentDto[]; skipped: readonly Proposal[]; timeZone: string; onAgain: () => void }) {
  return (
    <div aria-live="polite">
      <div className={`alert ${booked.length > 0 ? 'ok' : 'warn'}`} role="status">
        <strong>
          {booked.length === 0 ? 'No sessions were booked.' : `${booked.length} session${booked.length === 1 ? '' : 's'} booked.`}
        </strong>
        {skipped.length > 0 ? `${skipped.length} session${skipped.length === 1 ? ' still needs' : 's still need'} a time: see below.` : 'Every session in the series has a time.'}
      </div>
      {booked.length > 0 && (
        <div className="table-wrap sched-table-wrap">
          <table>
            <caption className="sr-only">Booked sessions</caption>
            <thead>
              <tr>
                <th>Session</th>
                <th>When</th>
                <th>Chair and nurse</th>
              </tr>
            </thead>
            <tbody>
              {booked.map((a) => (
                <tr key={a.id}>
                  <td>
                    <strong>{a.planSessionIndex ?? ''}</strong>
                    <div className="small muted">{phaseLabel(a.phase ?? '')}</div>
                  </td>
                  <td className="nowrap">
                    {formatLocalDate(a.localDate, 'short')}
                    <div className="small muted">
                      {a.localStart}–{a.localEnd}
                    </div>
                  </td>
                  <td>
                    {a.chair?.name ?? '—'}
                    <div className="small muted">{a.staff?.name ?? 'No nurse yet'}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small muted">Times in {timeZone.replace(/_/g, ' ')}.</p>
        </div>
      )}
      {skipped.length > 0 && (
        <>
          <h3>Not booked: place these by hand</h3>
          <p className="muted small">Open the calendar on that day, pick a free chair and nurse, and use “Book appointment”. The reasons below say what was in the way.</p>
          <ul className="sched-skipped">
            {skipped.map((p) => (
              <li key={p.index}>
                <strong>
                  Session {p.index}, {formatLocalDate(p.localDate)} at {p.localStart}
                </strong>
                <ConflictLines conflicts={p.conflicts} />
                <Link className="button secondary" to={`/schedule?view=day&date=${p.localDate}`}>
                  Open the calendar on {formatLocalDate(p.localDate, 'short')}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={onAgain}>
          Check the plan’s sessions again
        </button>
      </div>
    </div>
  );
}

/** Book a treatment plan's series in one step: choose, preview every session with its conflicts, then book. */
export function BookPlanPanel({ patientId, planId, timeZone }: BookPlanPanelProps) {
  const qc = useQueryClient();
  const headingId = useId();
  const resources = useResources();
  const [opts, setOpts] = useState<Options>({ sessions: 'induction', chairId: '', staffId: '' });
  const base = `/api/patients/${patientId}/plans/${planId}/booking`;
  const preview = useQuery({
    queryKey: ['booking-preview', patientId, planId, opts],
    queryFn: () => api.post<{ proposals: Proposal[] }>(`${base}/preview`, bodyOf(opts)),
    staleTime: 0,
  });
  const book = useMutation({
    mutationFn: (o: Options) => api.post<{ booked: AppointmentDto[]; skipped: Proposal[] }>(base, bodyOf(o)),
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: APPOINTMENTS_KEY }), qc.invalidateQueries({ queryKey: ['booking-preview', patientId, planId] })]);
    },
  });
  const proposals = preview.data?.proposals ?? [];
  const bookable = proposals.filter((p) => !p.alreadyBooked && p.conflicts.length === 0).length;
  const blocked = proposals.filter((p) => !p.alreadyBooked && p.conflicts.length > 0).length;
  const already = proposals.filter((p) => p.alreadyBooked).length;

  return (
    <section className="panel sched-plan" aria-labelledby={headingId}>
      <h2 id={headingId}>Book the treatment sessions</h2>
      {book.data !== undefined ? (
        <Result booked={book.data.booked} skipped={book.data.skipped} timeZone={timeZone} onAgain={() => book.reset()} />
      ) : (
        <>
          <p className="muted">Ketapath proposes a chair and a nurse for each session of the plan, checks every one for clashes, and books all that are free in one step.</p>
          <fieldset className="field sched-fieldset">
            <legend className="label">Which sessions</legend>
            <div className="checks">
              <label className="check">
                <input type="radio" name={`${headingId}-sessions`} checked={opts.sessions === 'induction'} onChange={() => setOpts({ ...opts, sessions: 'induction' })} />
                The induction series only
              </label>
              <label className="check">
                <input type="radio" name={`${headingId}-sessions`} checked={opts.sessions === 'all'} onChange={() => setOpts({ ...opts, sessions: 'all' })} />
                The whole plan
              </label>
            </div>
          </fieldset>
          <ErrorAlert error={resources.error} />
          {resources.data !== undefined && (
            <div className="form-row">
              <SelectField label="Preferred chair" value={opts.chairId} onChange={(e) => setOpts({ ...opts, chairId: e.target.value })} options={chairOptions(resources.data, 'Any free chair')} />
              <SelectField label="Preferred nurse" value={opts.staffId} onChange={(e) => setOpts({ ...opts, staffId: e.target.value })} options={staffOptions(resources.data, 'Any free nurse')} />
            </div>
          )}
          <ErrorAlert error={preview.error} />
          {preview.isPending && <p className="muted">Checking chairs and nurses for each session…</p>}
          {preview.isSuccess && proposals.length === 0 && <div className="alert info">This plan has no sessions to book.</div>}
          {proposals.length > 0 && (
            <>
              <p aria-live="polite">
                <strong>{bookable}</strong> of {proposals.length} session{proposals.length === 1 ? '' : 's'} can be booked now.
                {blocked > 0 && <span className="sched-danger-text"> {blocked} need{blocked === 1 ? 's' : ''} another time (in red below).</span>}
                {already > 0 && <span className="muted"> {already} already booked.</span>}
              </p>
              <ProposalTable proposals={proposals} timeZone={timeZone} caption="Proposed sessions" />
            </>
          )}
          <ErrorAlert error={book.error} />
          <div className="actions">
            <button type="button" disabled={bookable === 0 || book.isPending || preview.isFetching} onClick={() => book.mutate(opts)}>
              {book.isPending ? 'Booking…' : `Book ${bookable} session${bookable === 1 ? '' : 's'}`}
            </button>
            {blocked > 0 && bookable > 0 && <span className="small muted">The {blocked} in red are left for you to place by hand afterwards.</span>}
          </div>
        </>
      )}
    </section>
  );
}
