import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RESOURCES_KEY, STAFF_ROLE_SHORT, type Resources, type StaffHours, type WorkingHours } from '../../../components/schedule/data';
import { WEEKDAYS } from '../../../components/schedule/time';
import { WEEK_ORDER } from './OpeningHoursSection';

const SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** ["Mon–Thu 08:00–17:00", "Fri 08:00–14:00"]: consecutive days with the same hours are grouped. */
export function summariseHours(hours: readonly WorkingHours[]): string[] {
  const text = (d: number) =>
    hours
      .filter((h) => h.weekday === d)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .map((h) => `${h.startsAt}–${h.endsAt}`)
      .join(', ');
  const groups: { from: number; to: number; text: string }[] = [];
  for (const d of WEEK_ORDER) {
    const t = text(d);
    const last = groups[groups.length - 1];
    if (t !== '' && last !== undefined && last.text === t && WEEK_ORDER.indexOf(last.to as (typeof WEEK_ORDER)[number]) === WEEK_ORDER.indexOf(d) - 1) {
      last.to = d;
    } else if (t !== '') {
      groups.push({ from: d, to: d, text: t });
    }
  }
  return groups.map((g) => `${SHORT[g.from]}${g.to === g.from ? '' : `–${SHORT[g.to]}`} ${g.text}`);
}

type Shift = { key: number; startsAt: string; endsAt: string };
type Week = Record<number, Shift[]>;

let nextKey = 1;
function toWeek(hours: readonly WorkingHours[]): Week {
  const w: Week = { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] };
  for (const h of hours) {
    w[h.weekday]?.push({ key: nextKey++, startsAt: h.startsAt, endsAt: h.endsAt });
  }
  return w;
}

function HoursEditor({ person, defaults, onDone }: { person: StaffHours; defaults: { startsAt: string; endsAt: string }; onDone: () => void }) {
  const qc = useQueryClient();
  const id = useId();
  const [week, setWeek] = useState<Week>(() => toWeek(person.hours));
  const save = useMutation({
    mutationFn: (hours: WorkingHours[]) => api.put<StaffHours>(`/api/scheduling/staff/${person.userId}/hours`, { hours }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: RESOURCES_KEY });
      onDone();
    },
  });
  const set = (day: number, shifts: Shift[]) => setWeek((w) => ({ ...w, [day]: shifts }));
  const shiftError = (s: Shift): string | undefined => (!/^\d{2}:\d{2}$/.test(s.startsAt) || !/^\d{2}:\d{2}$/.test(s.endsAt) ? 'Enter both times.' : s.endsAt <= s.startsAt ? 'Must end after it starts.' : undefined);
  const all = WEEK_ORDER.flatMap((d) => (week[d] ?? []).map((s) => ({ weekday: d, startsAt: s.startsAt, endsAt: s.endsAt, bad: shiftError(s) !== undefined })));
  const invalid = all.some((s) => s.bad);
  const monday = week[1] ?? [];
  const add = (d: number, shifts: Shift[]) => (
    <button
      type="button"
      className="secondary small"
      onClick={() => set(d, [...shifts, { key: nextKey++, ...(shifts.length === 0 ? defaults : { startsAt: shifts[shifts.length - 1]?.endsAt ?? defaults.startsAt, endsAt: defaults.endsAt }) }])}
      aria-label={shifts.length === 0 ? `Add working hours on ${WEEKDAYS[d]}` : `Add another time on ${WEEKDAYS[d]}`}
    >
      {shifts.length === 0 ? 'Add hours' : 'Add another time'}
    </button>
  );
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, []);
  return (
    <div className="sched-section" role="group" aria-labelledby={`${id}-h`} ref={ref}>
      <h3 id={`${id}-h`}>Working hours of {person.name}</h3>
      <p className="small muted">Leave a day empty when they do not work. Bookings with them outside these hours are refused.</p>
      {WEEK_ORDER.map((d) => {
        const shifts = week[d] ?? [];
        return (
          <div key={d} className="sched-hours-day">
            <span className="label">{WEEKDAYS[d]}</span>
            <div>
              {shifts.map((s, i) => {
                const err = shiftError(s);
                return (
                  <div key={s.key} className="sched-shift">
                    <label className="sr-only" htmlFor={`${id}-${s.key}-from`}>
                      {WEEKDAYS[d]} start{shifts.length > 1 ? ` (${i + 1})` : ''}
                    </label>
                    <input id={`${id}-${s.key}-from`} type="time" step={900} value={s.startsAt} aria-invalid={err !== undefined} onChange={(e) => set(d, shifts.map((x) => (x.key === s.key ? { ...x, startsAt: e.target.value } : x)))} />
                    <span aria-hidden="true">to</span>
                    <label className="sr-only" htmlFor={`${id}-${s.key}-to`}>
                      {WEEKDAYS[d]} end{shifts.length > 1 ? ` (${i + 1})` : ''}
                    </label>
                    <input id={`${id}-${s.key}-to`} type="time" step={900} value={s.endsAt} aria-invalid={err !== undefined} onChange={(e) => set(d, shifts.map((x) => (x.key === s.key ? { ...x, endsAt: e.target.value } : x)))} />
                    <button type="button" className="secondary small" onClick={() => set(d, shifts.filter((x) => x.key !== s.key))} aria-label={`Remove ${WEEKDAYS[d]} ${s.startsAt}–${s.endsAt}`}>
                      Remove
                    </button>
                    {i === shifts.length - 1 && add(d, shifts)}
                    {err !== undefined && <span className="error small">{err}</span>}
                  </div>
                );
              })}
              {shifts.length === 0 && (
                <div className="sched-shift">
                  <span className="muted">Not working</span>
                  {add(d, shifts)}
                </div>
              )}
            </div>
          </div>
        );
      })}
      <ErrorAlert error={save.error} />
      {invalid && <p className="sched-danger-text small">Correct the times marked in red before saving.</p>}
      <div className="actions">
        <button type="button" disabled={invalid || save.isPending} onClick={() => save.mutate(all.map(({ weekday, startsAt, endsAt }) => ({ weekday, startsAt, endsAt })))}>
          {save.isPending ? 'Saving…' : 'Save working hours'}
        </button>
        <button type="button" className="secondary" disabled={monday.length === 0} onClick={() => setWeek((w) => ({ ...w, ...Object.fromEntries([2, 3, 4, 5].map((d) => [d, monday.map((s) => ({ ...s, key: nextKey++ }))])) }))}>
          Copy Monday to Tuesday–Friday
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Close without saving
        </button>
      </div>
    </div>
  );
}

export function StaffHoursSection({ resources }: { resources: Resources }) {
  const id = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const person = resources.staff.find((s) => s.userId === editing);
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Staff working hours</h2>
      <p className="muted small">Used to offer nurses for treatment sessions and to warn when someone is booked outside their hours.</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Person</th>
              <th>Usual week</th>
              <th>
                <span className="sr-only">Edit</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {resources.staff.map((s) => (
              <tr key={s.userId}>
                <td>
                  <strong>{s.name}</strong>
                  <div className="small muted">{STAFF_ROLE_SHORT[s.role] ?? s.role}</div>
                </td>
                <td>
                  {s.hours.length === 0 ? (
                    <span className="muted small">No hours set: bookings are not checked against working hours.</span>
                  ) : (
                    summariseHours(s.hours).map((g) => (
                      <div key={g} className="nowrap">
                        {g}
                      </div>
                    ))
                  )}
                </td>
                <td>
                  <button type="button" className="secondary small nowrap" onClick={() => setEditing(s.userId)} disabled={editing === s.userId} aria-label={`Edit working hours of ${s.name}`}>
                    Edit hours
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {person !== undefined && <HoursEditor key={person.userId} person={person} defaults={{ startsAt: resources.dayStartsAt, endsAt: resources.dayEndsAt }} onDone={() => setEditing(null)} />}
    </section>
  );
}
