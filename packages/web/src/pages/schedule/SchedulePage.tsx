import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AppointmentDto } from '@ketapath/server/contracts';
import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BookAppointmentDialog, type BookAppointmentDialogProps } from '../../components/schedule/BookAppointmentDialog';
import { ConflictList } from '../../components/schedule/ConflictList';
import { APPOINTMENTS_KEY, conflictsOf, TONE_LEGEND, useAppointments, useResources, type Conflict, type Resources } from '../../components/schedule/data';
import { Modal } from '../../components/schedule/Modal';
import { addDays, formatLocalDate, fromMinutes, localOf, todayIn, zonedToIso } from '../../components/schedule/time';
import '../../components/schedule/schedule.css';
import { AppointmentPanel } from './AppointmentPanel';
import { CalendarToolbar, type CalendarState } from './CalendarToolbar';
import { buildColumns, datesOf, gridRange, type Column } from './calendar-model';
import { movePatch, type MovePatch } from './MoveForm';
import { TimeGrid } from './TimeGrid';

type Booking = Omit<BookAppointmentDialogProps, 'open' | 'onClose'>;
type MoveNote = { kind: 'ok'; text: string; undo: { id: string; patch: MovePatch } | null } | { kind: 'conflict'; title: string; conflicts: Conflict[] } | { kind: 'error'; error: unknown };

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

/** Week view: the chair or person to show ('' = everyone side by side). Defaults to the first chair or the first nurse with hours. */
function weekFilter(r: Resources, by: 'chair' | 'staff', asked: string): string {
  if (asked === 'all') {
    return '';
  }
  if (by === 'chair') {
    return r.chairs.find((c) => c.id === asked && c.active)?.id ?? r.chairs.find((c) => c.active)?.id ?? '';
  }
  const byRole = [...r.staff].sort((a, b) => Number(b.role === 'nurse') - Number(a.role === 'nurse') || Number(b.hours.length > 0) - Number(a.hours.length > 0));
  return r.staff.find((x) => x.userId === asked)?.userId ?? byRole[0]?.userId ?? '';
}

/** What puts a moved appointment back: only the fields that changed. */
function undoPatch(before: AppointmentDto, after: AppointmentDto): MovePatch {
  return {
    ...(after.startsAt === before.startsAt ? {} : { startsAt: before.startsAt }),
    ...((after.chair?.id ?? null) === (before.chair?.id ?? null) ? {} : { chairId: before.chair?.id ?? null }),
    ...((after.staff?.id ?? null) === (before.staff?.id ?? null) ? {} : { staffId: before.staff?.id ?? null }),
  };
}

const movedText = (a: AppointmentDto): string => `Moved ${a.patient.displayName} to ${formatLocalDate(a.localDate, 'short')} at ${a.localStart}${a.chair !== null ? `, ${a.chair.name}` : ''}${a.staff !== null ? `, ${a.staff.name}` : ''}.`;

/** The clinic calendar: chairs or staff by time, for a day or a week, in the clinic's time zone. */
export function SchedulePage({ session }: { session: ActiveSession }) {
  const tz = session.clinic.timeZone;
  const qc = useQueryClient();
  const now = useNow();
  const today = todayIn(tz, now);
  const drawerTitle = useId();
  const [params, setParams] = useSearchParams();
  const state: CalendarState = {
    view: params.get('view') === 'week' ? 'week' : 'day',
    by: params.get('by') === 'staff' ? 'staff' : 'chair',
    date: /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? (params.get('date') ?? today) : today,
    showCancelled: params.get('cancelled') === '1',
    filter: params.get('show') ?? '',
  };
  const resources = useResources();
  const setState = (patch: Partial<CalendarState>) => {
    const next = { ...state, ...patch };
    setParams({ view: next.view, by: next.by, date: next.date, ...(next.showCancelled ? { cancelled: '1' } : {}), ...(next.filter === '' ? {} : { show: next.filter }) }, { replace: true });
  };
  const firstDay = ['US', 'CA'].includes(session.clinic.jurisdiction) ? 0 : 1;
  const dates = datesOf(state.view, state.date, firstDay);
  const first = dates[0] ?? state.date;
  const last = dates[dates.length - 1] ?? state.date;
  const appts = useAppointments({ from: zonedToIso(first, '00:00', tz), to: zonedToIso(addDays(last, 1), '00:00', tz), includeCancelled: state.showCancelled });
  const [selected, setSelected] = useState<AppointmentDto | null>(null);
  const [booking, setBooking] = useState<Booking | null>(null);
  const [note, setNote] = useState<MoveNote | null>(null);
  const canBook = can(session, 'schedule.book');

  const move = useMutation({
    mutationFn: (v: { a: AppointmentDto; patch: MovePatch; undo: boolean }) => api.patch<AppointmentDto>(`/api/appointments/${v.a.id}`, v.patch),
    onSuccess: async (moved, v) => {
      setNote({ kind: 'ok', text: v.undo ? `Put back: ${moved.patient.displayName} at ${formatLocalDate(moved.localDate, 'short')} ${moved.localStart}.` : movedText(moved), undo: v.undo ? null : { id: moved.id, patch: undoPatch(v.a, moved) } });
      await qc.invalidateQueries({ queryKey: APPOINTMENTS_KEY });
    },
    onError: (error, v) => {
      const conflicts = conflictsOf(error);
      setNote(conflicts !== null && conflicts.length > 0 ? { kind: 'conflict', title: `Not moved: ${v.a.patient.displayName} stays at ${formatLocalDate(v.a.localDate, 'short')} ${v.a.localStart}${v.a.chair !== null ? `, ${v.a.chair.name}` : ''}.`, conflicts } : { kind: 'error', error });
    },
  });

  function onMove(a: AppointmentDto, col: Column, minutes: number) {
    const patch = movePatch(a, col.date, fromMinutes(minutes), col.chairId, col.staffId, tz);
    if (Object.keys(patch).length > 0) {
      setNote(null);
      move.mutate({ a, patch, undo: false });
    }
  }

  const list = appts.data?.appointments ?? [];
  function undo(u: { id: string; patch: MovePatch } | null) {
    const a = list.find((x) => x.id === u?.id);
    if (u !== null && a !== undefined) {
      move.mutate({ a, patch: u.patch, undo: true });
    }
  }
  const current = selected === null ? null : (list.find((a) => a.id === selected.id) ?? selected);
  const heading = state.view === 'day' ? formatLocalDate(state.date, 'long') : `${formatLocalDate(first, 'short')} – ${formatLocalDate(last, 'medium')}`;
  const range = resources.data === undefined ? null : gridRange(resources.data, list);
  // A week shows one chair or one person by default (readable on a tablet); "all" puts them side by side.
  const shown = resources.data === undefined ? '' : weekFilter(resources.data, state.by, state.filter);
  const columns = resources.data === undefined ? [] : buildColumns({ view: state.view, by: state.by, dates, resources: resources.data, appointments: list, today, filter: shown });
  const shownName = shown === '' ? null : state.by === 'chair' ? resources.data?.chairs.find((c) => c.id === shown)?.name : resources.data?.staff.find((x) => x.userId === shown)?.name;
  const active = columns.flatMap((c) => c.appointments).filter((a) => a.status !== 'cancelled' && a.status !== 'no_show').length;

  return (
    <>
      <div className="page-head sched-head">
        <div>
          <h1>Schedule</h1>
          <p className="muted" aria-live="polite">
            <strong>{heading}</strong> · {appts.isPending ? 'loading…' : `${active} appointment${active === 1 ? '' : 's'}`}
            {state.view === 'week' && shownName !== null && shownName !== undefined && ` for ${shownName}`}
          </p>
        </div>
        <div className="actions" style={{ marginTop: 0 }}>
          {can(session, 'schedule.manage') && (
            <Link className="button secondary" to="/settings/scheduling">
              Settings
            </Link>
          )}
          {canBook && (
            <button type="button" onClick={() => setBooking({})}>
              Book appointment
            </button>
          )}
        </div>
      </div>
      <ErrorAlert error={resources.error} />
      {resources.data !== undefined && (
        <div className="panel sched-panel">
          <CalendarToolbar state={{ ...state, filter: state.filter === 'all' ? 'all' : shown }} today={today} resources={resources.data} onChange={setState} onStep={(d) => setState({ date: addDays(state.date, d * (state.view === 'day' ? 1 : 7)) })} />
          <ErrorAlert error={appts.error} />
          {move.isPending && (
            <div className="alert info" role="status">
              Moving {move.variables.a.patient.displayName}…
            </div>
          )}
          {note?.kind === 'ok' && (
            <div className="alert ok sched-note" role="status">
              <span>{note.text}</span>
              {note.undo !== null && (
                <button type="button" className="secondary small" disabled={move.isPending} onClick={() => undo(note.undo)}>
                  Undo
                </button>
              )}
            </div>
          )}
          {note?.kind === 'conflict' && <ConflictList title={note.title} conflicts={note.conflicts} onDismiss={() => setNote(null)} />}
          {note?.kind === 'error' && <ErrorAlert error={note.error} />}
          {range !== null && (
            <TimeGrid
              view={state.view}
              by={state.by}
              mixed={state.view === 'week' && shown === ''}
              columns={columns}
              start={range.start}
              end={range.end}
              nowMinutes={localOf(now, tz).minutes}
              canMove={canBook}
              movingId={move.isPending ? move.variables.a.id : null}
              selectedId={current?.id ?? null}
              onOpen={setSelected}
              onMove={onMove}
              onSlot={canBook ? (col, minutes) => setBooking({ defaultStart: zonedToIso(col.date, fromMinutes(minutes), tz), defaultChairId: col.chairId ?? undefined, defaultStaffId: col.staffId ?? undefined }) : null}
            />
          )}
          <div className="sched-legend" aria-label="Colours">
            {TONE_LEGEND.map((t) => (
              <span key={t.tone} className="sched-legend-item">
                <span className={`sched-swatch tone-${t.tone}`} aria-hidden="true" />
                {t.label}
              </span>
            ))}
            <span className="small muted">
              Times in {tz.replace(/_/g, ' ')}.{canBook && ' Drag an appointment to move it (or open it and choose “Move…”); click an empty time to book there.'}
            </span>
          </div>
        </div>
      )}
      <Modal open={current !== null} onClose={() => setSelected(null)} labelledBy={drawerTitle} className="sched-drawer">
        {current !== null && resources.data !== undefined && (
          <AppointmentPanel
            key={current.id}
            appointment={current}
            session={session}
            resources={resources.data}
            titleId={drawerTitle}
            onClose={() => setSelected(null)}
            onChanged={setSelected}
            onMoved={(moved, before) => {
              setSelected(moved);
              setNote({ kind: 'ok', text: movedText(moved), undo: { id: moved.id, patch: undoPatch(before, moved) } });
            }}
            onBookReplacement={(date, missed) => {
              setSelected(null);
              setBooking({ patient: missed.patient, defaultStart: zonedToIso(date, missed.localStart, tz), defaultTypeId: missed.type.id, defaultChairId: missed.chair?.id, defaultStaffId: missed.staff?.id });
            }}
          />
        )}
      </Modal>
      <BookAppointmentDialog
        open={booking !== null}
        {...(booking ?? {})}
        onClose={(booked) => {
          setBooking(null);
          if (booked !== undefined) {
            setNote({ kind: 'ok', text: `Booked ${booked.patient.displayName}, ${booked.type.name}, on ${formatLocalDate(booked.localDate, 'short')} at ${booked.localStart}${booked.chair !== null ? `, ${booked.chair.name}` : ''}.`, undo: null });
            if (booked.localDate !== state.date && !dates.includes(booked.localDate)) {
              setState({ date: booked.localDate });
            }
          }
        }}
      />
    </>
  );
}
