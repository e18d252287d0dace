import { useId } from 'react';
import type { Resources } from '../../components/schedule/data';
import type { By, View } from './calendar-model';

export interface CalendarState {
  readonly view: View;
  readonly by: By;
  readonly date: string;
  readonly showCancelled: boolean;
  readonly filter: string;
}

interface Props {
  readonly state: CalendarState;
  readonly today: string;
  readonly resources: Resources;
  readonly onChange: (patch: Partial<CalendarState>) => void;
  readonly onStep: (direction: -1 | 1) => void;
}

function Segmented<T extends string>({ legend, value, options, onChange }: { legend: string; value: T; options: readonly { value: T; label: string }[]; onChange: (v: T) => void }) {
  const name = useId();
  return (
    <fieldset className="sched-seg">
      <legend className="sr-only">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className={value === o.value ? 'is-on' : undefined}>
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Date navigation and what the calendar shows. */
export function CalendarToolbar({ state, today, resources, onChange, onStep }: Props) {
  const dateId = useId();
  const filterId = useId();
  const unit = state.view === 'day' ? 'day' : 'week';
  const filterOptions =
    state.by === 'chair'
      ? [...resources.chairs.filter((c) => c.active).map((c) => ({ value: c.id, label: c.name })), { value: 'all', label: 'All chairs and rooms together' }]
      : [...resources.staff.map((s) => ({ value: s.userId, label: s.name })), { value: 'all', label: 'Everyone together' }];
  return (
    <div className="sched-toolbar" role="toolbar" aria-label="Calendar">
      <div className="sched-toolbar-row">
        <button type="button" className="secondary" onClick={() => onChange({ date: today })} disabled={state.date === today}>
          Today
        </button>
        <div className="sched-stepper">
          <button type="button" className="secondary" onClick={() => onStep(-1)} aria-label={`Previous ${unit}`}>
            <span aria-hidden="true">‹</span> Previous
          </button>
          <button type="button" className="secondary" onClick={() => onStep(1)} aria-label={`Next ${unit}`}>
            Next <span aria-hidden="true">›</span>
          </button>
        </div>
        <div className="sched-inline-field">
          <label htmlFor={dateId}>Go to date</label>
          <input
            id={dateId}
            type="date"
            value={state.date}
            onChange={(e) => {
              if (e.target.value !== '') {
                onChange({ date: e.target.value });
              }
            }}
          />
        </div>
      </div>
      <div className="sched-toolbar-row">
        <Segmented
          legend="Show one day or a week"
          value={state.view}
          onChange={(view) => onChange({ view })}
          options={[
            { value: 'day', label: 'Day' },
            { value: 'week', label: 'Week' },
          ]}
        />
        <Segmented
          legend={state.view === 'day' ? 'Columns' : 'Group by'}
          value={state.by}
          onChange={(by) => onChange({ by, filter: '' })}
          options={[
            { value: 'chair', label: 'By chair' },
            { value: 'staff', label: 'By staff' },
          ]}
        />
        {state.view === 'week' && (
          <div className="sched-inline-field">
            <label htmlFor={filterId}>Show</label>
            <select id={filterId} value={state.filter} onChange={(e) => onChange({ filter: e.target.value })}>
              {filterOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <label className="check sched-check">
          <input type="checkbox" checked={state.showCancelled} onChange={(e) => onChange({ showCancelled: e.target.checked })} />
          Show cancelled
        </label>
      </div>
    </div>
  );
}
