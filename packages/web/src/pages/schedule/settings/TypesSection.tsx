import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api, ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RESOURCES_KEY, type AppointmentType, type Resources } from '../../../components/schedule/data';
import { formatDuration } from '../../../components/schedule/time';

function TypeRow({ type }: { type: AppointmentType }) {
  const qc = useQueryClient();
  const id = useId();
  const [name, setName] = useState(type.name);
  const [minutes, setMinutes] = useState(String(type.durationMinutes));
  const [active, setActive] = useState(type.active);
  const save = useMutation({
    mutationFn: (body: { name: string; durationMinutes: number; active: boolean }) => api.patch<AppointmentType>(`/api/scheduling/types/${type.id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: RESOURCES_KEY }),
  });
  const n = Number(minutes);
  const localError =
    minutes.trim() === '' || !Number.isInteger(n) || n < 5 || n > 600
      ? 'Enter whole minutes, from 5 to 600.'
      : type.minimumMinutes !== null && n < type.minimumMinutes
        ? `Too short: at least ${type.minimumMinutes} minutes are needed for the dose and observation in your protocol.`
        : undefined;
  const minutesError = localError ?? (save.error instanceof ApiError ? save.error.fieldError('durationMinutes') : undefined);
  const dirty = name.trim() !== type.name || n !== type.durationMinutes || active !== type.active;
  return (
    <tr>
      <td>
        <label className="sr-only" htmlFor={`${id}-name`}>
          Name of {type.name}
        </label>
        <input id={`${id}-name`} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} aria-invalid={name.trim() === ''} />
        <div className="small muted">{type.route === null ? 'Visit' : 'Treatment session'}</div>
        <ErrorAlert error={save.error} inlineFields={['durationMinutes', 'name']} />
      </td>
      <td>
        <label className="sr-only" htmlFor={`${id}-min`}>
          Length of {type.name} in minutes
        </label>
        <input
          id={`${id}-min`}
          type="number"
          inputMode="numeric"
          min={type.minimumMinutes ?? 5}
          max={600}
          step={5}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          aria-invalid={minutesError !== undefined}
          aria-describedby={`${id}-min-hint${minutesError === undefined ? '' : ` ${id}-min-error`}`}
          style={{ maxWidth: '7rem' }}
        />
        <div className="small muted" id={`${id}-min-hint`}>
          {Number.isInteger(n) && n > 0 ? `${formatDuration(n)}. ` : ''}
          {type.minimumMinutes === null ? 'Any length.' : `At least ${type.minimumMinutes} minutes: dose and observation in your protocol.`}
        </div>
        {minutesError !== undefined && (
          <div className="error small" id={`${id}-min-error`} role="alert">
            {minutesError}
          </div>
        )}
      </td>
      <td>
        <label className="check nowrap">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          Can be booked
        </label>
      </td>
      <td>
        <button type="button" className="small" disabled={!dirty || localError !== undefined || name.trim() === '' || save.isPending} onClick={() => save.mutate({ name: name.trim(), durationMinutes: n, active })}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
        {save.isSuccess && !dirty && (
          <div className="small sched-ok-text" role="status">
            Saved.
          </div>
        )}
      </td>
    </tr>
  );
}

export function TypesSection({ resources }: { resources: Resources }) {
  const id = useId();
  const sorted = [...resources.types].sort((a, b) => Number(a.route === null) - Number(b.route === null) || a.name.localeCompare(b.name));
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Types of appointment</h2>
      <p className="muted small">How long each kind of visit blocks the chair and the nurse. Treatment sessions can never be shorter than your protocol needs for the dose and the observation after it.</p>
      <div className="table-wrap">
        <table className="sched-settings-table sched-types">
          <colgroup>
            <col style={{ width: '38%' }} />
            <col style={{ width: '34%' }} />
            <col />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>Name</th>
              <th>Length (minutes)</th>
              <th>Offered</th>
              <th>
                <span className="sr-only">Save</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((t) => (
              <TypeRow key={t.id} type={t} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
