import { useEffect, useRef } from 'react';
import type { Conflict } from './data';

/** What the person at the desk can do about each kind of conflict. */
const WHAT_TO_DO: Record<string, string> = {
  IN_THE_PAST: 'Choose a later time.',
  CLINIC_CLOSED: 'Choose a day the clinic is open.',
  OUTSIDE_CLINIC_HOURS: 'Choose an earlier start, so the visit ends before closing.',
  CHAIR_BUSY: 'Choose another chair or room, or another time.',
  NURSE_BUSY: 'Choose another nurse, or another time.',
  PATIENT_BUSY: 'Choose another time.',
  OUTSIDE_STAFF_HOURS: 'Choose someone who works then, or a time within their hours.',
  SPACING: 'Choose a date further from the patient’s other treatment sessions.',
};

export function whatToDo(code: string): string {
  return WHAT_TO_DO[code] ?? 'Choose another time.';
}

/** Conflicts in plain words, each with what to do about it. */
export function ConflictList({ conflicts, title, onDismiss }: { conflicts: readonly Conflict[]; title: string; onDismiss?: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  // Bring the reasons into view: the button that was pressed may be further down than the list.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [conflicts]);
  return (
    <div className="alert error sched-conflicts" role="alert" ref={ref}>
      <strong>{title}</strong>
      <ul>
        {conflicts.map((c, i) => (
          <li key={`${c.code}-${i}`}>
            {c.message} <span className="sched-todo">{whatToDo(c.code)}</span>
          </li>
        ))}
      </ul>
      {onDismiss !== undefined && (
        <button type="button" className="secondary small" onClick={onDismiss} style={{ marginTop: '0.5rem' }}>
          OK
        </button>
      )}
    </div>
  );
}

/** Compact conflict lines for tables (booking preview). */
export function ConflictLines({ conflicts }: { conflicts: readonly Conflict[] }) {
  return (
    <ul className="sched-conflict-lines">
      {conflicts.map((c, i) => (
        <li key={`${c.code}-${i}`}>{c.message}</li>
      ))}
    </ul>
  );
}
