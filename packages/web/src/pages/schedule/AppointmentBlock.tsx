import type { AppointmentDto } from '@ketapath/server/contracts';
import type { DragEvent } from 'react';
import { STATUS_LABELS, toneOf } from '../../components/schedule/data';
import type { By, Placed, View } from './calendar-model';

/** Everything a screen reader (and the hover tooltip) says about an appointment. */
export function describeAppointment(a: AppointmentDto): string {
  return [
    a.patient.displayName,
    a.patient.mrn,
    a.type.name,
    `${a.localStart} to ${a.localEnd}`,
    a.chair === null ? null : a.chair.name,
    a.staff === null ? 'no nurse assigned' : `with ${a.staff.name}`,
    STATUS_LABELS[a.status].label,
  ]
    .filter((x) => x !== null)
    .join(', ');
}

interface Props {
  readonly placed: Placed;
  readonly view: View;
  readonly by: By;
  /** The column holds several chairs or people (the week view of everyone). */
  readonly mixed: boolean;
  readonly draggable: boolean;
  readonly moving: boolean;
  readonly selected: boolean;
  readonly onOpen: (a: AppointmentDto) => void;
  readonly onDragStart: (a: AppointmentDto, e: DragEvent<HTMLButtonElement>) => void;
  readonly onDragEnd: () => void;
}

/** One appointment on the calendar: a button that opens its details, and can be dragged to move it. */
export function AppointmentBlock({ placed, view, by, mixed, draggable, moving, selected, onOpen, onDragStart, onDragEnd }: Props) {
  const a = placed.appointment;
  const status = STATUS_LABELS[a.status];
  const size = placed.height < 40 ? 'xs' : placed.height < 70 ? 'sm' : 'lg';
  // Who or where the column does not already say (a week of everyone side by side says both).
  const where = by === 'chair' ? a.staff?.name : a.chair?.name;
  const other = view === 'week' && mixed ? (by === 'chair' ? a.chair?.name : a.staff?.name) : undefined;
  const gone = a.status === 'cancelled' || a.status === 'no_show';
  return (
    <button
      type="button"
      className={`sched-appt tone-${toneOf(a.type.code, a.route)} size-${size}${gone ? ' is-gone' : ''}${moving ? ' is-moving' : ''}${selected ? ' is-selected' : ''}${placed.depth > 0 ? ' is-stacked' : ''}`}
      style={{
        top: placed.top,
        height: placed.height - 2,
        left: `calc(${(placed.lane / placed.lanes) * 100}% + ${2 + placed.depth * 12}px)`,
        width: `calc(${100 / placed.lanes}% - ${4 + placed.depth * 12}px)`,
        zIndex: 1 + placed.depth,
      }}
      aria-label={describeAppointment(a)}
      title={describeAppointment(a)}
      draggable={draggable}
      onClick={() => onOpen(a)}
      onDragStart={(e) => onDragStart(a, e)}
      onDragEnd={onDragEnd}
    >
      <span className="sched-appt-line">
        <span className="sched-appt-time">{a.localStart}</span> <span className="sched-appt-name">{a.patient.displayName}</span>
      </span>
      {size === 'sm' && a.status !== 'booked' ? (
        <span className={`badge ${status.tone} sched-appt-badge`}>{status.label}</span>
      ) : (
        size !== 'xs' && (
          <span className="sched-appt-meta">
          {a.type.name}
            <span className="sched-appt-mrn"> · {a.patient.mrn}</span>
          </span>
        )
      )}
      {size === 'lg' && (
        <span className="sched-appt-meta">
          {a.localStart}–{a.localEnd}
          {where !== undefined && <> · {where}</>}
          {other !== undefined && <> · {other}</>}
        </span>
      )}
      {a.status !== 'booked' && size !== 'sm' && <span className={`badge ${status.tone} sched-appt-badge`}>{status.label}</span>}
    </button>
  );
}
