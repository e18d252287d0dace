import type { AppointmentDto } from '@ketapath/server/contracts';
import { useEffect, useLayoutEffect, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import { fromMinutes } from '../../components/schedule/time';
import { AppointmentBlock } from './AppointmentBlock';
import { placeAppointments, PX_PER_MINUTE, STEP_MINUTES, type By, type Column, type View } from './calendar-model';

interface Props {
  readonly view: View;
  readonly by: By;
  /** Week view of every chair or person together. */
  readonly mixed: boolean;
  readonly columns: readonly Column[];
  readonly start: number;
  readonly end: number;
  /** Minutes since midnight now, in the clinic's zone. */
  readonly nowMinutes: number;
  readonly canMove: boolean;
  readonly movingId: string | null;
  readonly selectedId: string | null;
  readonly onOpen: (a: AppointmentDto) => void;
  readonly onMove: (a: AppointmentDto, column: Column, minutes: number) => void;
  readonly onSlot: ((column: Column, minutes: number) => void) | null;
}

interface Drag {
  readonly appointment: AppointmentDto;
  /** Where in the block it was picked up, in minutes from its start. */
  readonly grab: number;
}

const bookedText = (n: number): string => (n === 0 ? 'Nothing booked' : `${n} booked`);

/** Whether an appointment may be dropped on a column (not on a closed day, not out of its own chair into "no chair"). */
function accepts(col: Column, a: AppointmentDto): boolean {
  if (col.closed) {
    return false;
  }
  if (col.chairId === null && a.chair !== null) {
    return false;
  }
  return !(col.staffId === null && a.staff !== null);
}

export function TimeGrid({ view, by, mixed, columns, start, end, nowMinutes, canMove, movingId, selectedId, onOpen, onMove, onSlot }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const [hover, setHover] = useState<{ key: string; minutes: number } | null>(null);
  const height = (end - start) * PX_PER_MINUTE;
  const hours: number[] = [];
  for (let m = Math.ceil(start / 60) * 60; m < end; m += 60) {
    hours.push(m);
  }
  const showNow = nowMinutes >= start && nowMinutes <= end;
  const nowLabelKey = columns.find((c) => c.isToday)?.key;

  // The calendar scrolls inside itself and reaches down to the bottom of the window, whatever is above
  // it (messages above it come and go, so this runs after every render). The colour key sits below.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el === null) {
      return undefined;
    }
    const fit = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      el.style.maxHeight = `${Math.max(320, window.innerHeight - top - 16)}px`;
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  });

  // Open on the current time (today) or the first appointment, rather than at the top of the day.
  const firstKey = columns.map((c) => c.key).join('|');
  useEffect(() => {
    const el = scroller.current;
    if (el === null) {
      return;
    }
    const today = columns.some((c) => c.isToday);
    const first = Math.min(...columns.flatMap((c) => c.appointments.map((a) => Number(a.localStart.slice(0, 2)) * 60 + Number(a.localStart.slice(3)))));
    const target = today && showNow ? nowMinutes - 60 : Number.isFinite(first) ? first - 30 : start;
    el.scrollTop = Math.max(0, (target - start) * PX_PER_MINUTE);
    // Only when the columns (day, view) change, not on every refresh.
  }, [firstKey]);

  function minutesAt(e: DragEvent<HTMLDivElement> | MouseEvent<HTMLDivElement>, grab: number): number {
    const rect = e.currentTarget.getBoundingClientRect();
    const raw = start + (e.clientY - rect.top) / PX_PER_MINUTE - grab;
    return Math.max(start, Math.min(end - STEP_MINUTES, Math.round(raw / STEP_MINUTES) * STEP_MINUTES));
  }

  function startDrag(a: AppointmentDto, e: DragEvent<HTMLButtonElement>) {
    const rect = e.currentTarget.getBoundingClientRect();
    drag.current = { appointment: a, grab: Math.max(0, (e.clientY - rect.top) / PX_PER_MINUTE) };
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', a.id);
  }

  function over(col: Column, e: DragEvent<HTMLDivElement>) {
    const d = drag.current;
    if (d === null || !accepts(col, d.appointment)) {
      return;
    }
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const minutes = minutesAt(e, d.grab);
    if (hover?.key !== col.key || hover.minutes !== minutes) {
      setHover({ key: col.key, minutes });
    }
  }

  function drop(col: Column, e: DragEvent<HTMLDivElement>) {
    const d = drag.current;
    drag.current = null;
    setHover(null);
    if (d === null || !accepts(col, d.appointment)) {
      return;
    }
    e.preventDefault();
    onMove(d.appointment, col, minutesAt(e, d.grab));
  }

  // Lay out every column first: a day with overlapping visits gets room for each lane.
  const placed = new Map(columns.map((c) => [c.key, placeAppointments(c.appointments, start)]));
  const laneRem = view === 'week' ? 6 : 8.5;
  const template = columns
    .map((c) => {
      if (c.closed && view === 'week') {
        return '2.25rem';
      }
      const lanes = Math.max(1, ...(placed.get(c.key) ?? []).map((p) => p.lanes));
      return `minmax(${lanes * laneRem}rem, ${lanes}fr)`;
    })
    .join(' ');
  const dragged = drag.current?.appointment;
  const dragMinutes = dragged === undefined ? 0 : (Number(dragged.localEnd.slice(0, 2)) * 60 + Number(dragged.localEnd.slice(3))) - (Number(dragged.localStart.slice(0, 2)) * 60 + Number(dragged.localStart.slice(3)));
  return (
    <div className={`sched-scroll view-${view}`} ref={scroller}>
      <div className="sched-grid" style={{ gridTemplateColumns: `3.1rem ${template}` }}>
        <div className="sched-corner" aria-hidden="true" />
        {columns.map((c) => (
          <div key={c.key} className={`sched-colhead${c.isToday ? ' is-today' : ''}${c.closed ? ' is-closed' : ''}`} title={c.closed ? `${c.label}: clinic closed` : c.label}>
            <span className="sched-colhead-label">{c.closed && view === 'week' ? c.label.split(' ')[0] : c.label}</span>
            {c.closed && view === 'week' && <span className="sched-colhead-sub">{c.label.split(' ')[1]}</span>}
            {c.sub !== undefined && <span className="sched-colhead-sub">{c.sub}</span>}
            {view === 'week' && !c.closed && <span className="sched-colhead-sub">{bookedText(c.appointments.filter((a) => a.status !== 'cancelled' && a.status !== 'no_show').length)}</span>}
          </div>
        ))}
        <div className="sched-gutter" style={{ height }} aria-hidden="true">
          {hours.map((m) => (
            <span key={m} className="sched-hour" style={{ top: (m - start) * PX_PER_MINUTE }}>
              {fromMinutes(m)}
            </span>
          ))}
        </div>
        {columns.map((c) => (
          <div
            key={c.key}
            className={`sched-col${c.closed ? ' is-closed' : ''}${hover?.key === c.key ? ' is-over' : ''}`}
            style={{ height }}
            role="group"
            aria-label={`${c.label}${c.closed ? ': clinic closed' : ''}`}
            onDragOver={(e) => over(c, e)}
            onDragLeave={(e) => {
              if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) {
                setHover(null);
              }
            }}
            onDrop={(e) => drop(c, e)}
            onClick={(e) => {
              if (onSlot !== null && e.target === e.currentTarget && !c.closed) {
                onSlot(c, Math.floor((start + (e.clientY - e.currentTarget.getBoundingClientRect().top) / PX_PER_MINUTE) / STEP_MINUTES) * STEP_MINUTES);
              }
            }}
          >
            {c.offHours.map((o) => (
              <div key={o.from} className="sched-off" style={{ top: (Math.max(o.from, start) - start) * PX_PER_MINUTE, height: Math.max(0, Math.min(o.to, end) - Math.max(o.from, start)) * PX_PER_MINUTE }} aria-hidden="true" />
            ))}
            {c.closed && (
              <div className={`sched-closed${view === 'week' ? ' is-slim' : ''}`} aria-hidden="true">
                <span>Clinic closed</span>
              </div>
            )}
            {(placed.get(c.key) ?? []).map((p) => (
              <AppointmentBlock
                key={p.appointment.id}
                placed={p}
                view={view}
                by={by}
                mixed={mixed}
                draggable={canMove && p.appointment.status === 'booked' && movingId === null}
                moving={movingId === p.appointment.id}
                selected={selectedId === p.appointment.id}
                onOpen={onOpen}
                onDragStart={startDrag}
                onDragEnd={() => {
                  drag.current = null;
                  setHover(null);
                }}
              />
            ))}
            {hover?.key === c.key && dragged !== undefined && (
              <div className="sched-ghost" style={{ top: (hover.minutes - start) * PX_PER_MINUTE, height: Math.max(dragMinutes, STEP_MINUTES) * PX_PER_MINUTE - 2 }} aria-hidden="true">
                Move to {fromMinutes(hover.minutes)}
              </div>
            )}
            {c.isToday && showNow && (
              <div className={`sched-now${c.key === nowLabelKey ? ' has-label' : ''}`} style={{ top: (nowMinutes - start) * PX_PER_MINUTE }} aria-hidden="true">
                {c.key === nowLabelKey && <span>Now {fromMinutes(nowMinutes)}</span>}
              </div>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
