import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClinicDto } from '@ketapath/server/contracts';
import { useId, useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Field } from '../../../components/Field';
import { RESOURCES_KEY, type Resources } from '../../../components/schedule/data';
import { WEEKDAYS } from '../../../components/schedule/time';

/** Monday first, as staff read a working week. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

interface Form {
  openingDays: number[];
  dayStartsAt: string;
  dayEndsAt: string;
  chairsPerNurse: string;
}

export function OpeningHoursSection({ resources }: { resources: Resources }) {
  const qc = useQueryClient();
  const id = useId();
  const [form, setForm] = useState<Form>(() => ({ openingDays: [...resources.openingDays], dayStartsAt: resources.dayStartsAt, dayEndsAt: resources.dayEndsAt, chairsPerNurse: String(resources.chairsPerNurse) }));
  const [problems, setProblems] = useState<Partial<Record<keyof Form, string>>>({});
  const save = useMutation({
    mutationFn: (f: Form) => api.patch<ClinicDto>('/api/clinic', { openingDays: f.openingDays, dayStartsAt: f.dayStartsAt, dayEndsAt: f.dayEndsAt, chairsPerNurse: Number(f.chairsPerNurse) }),
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: RESOURCES_KEY }), qc.invalidateQueries({ queryKey: ['clinic'] })]);
    },
  });
  const edit = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
    if (save.isSuccess) {
      save.reset();
    }
  };
  const fe = (n: keyof Form): string | undefined => problems[n] ?? (save.error instanceof ApiError ? save.error.fieldError(n) : undefined);
  function submit(e: SubmitEvent) {
    e.preventDefault();
    const p: Partial<Record<keyof Form, string>> = {};
    if (form.openingDays.length === 0) {
      p.openingDays = 'Tick at least one day the clinic is open.';
    }
    if (!/^\d{2}:\d{2}$/.test(form.dayStartsAt)) {
      p.dayStartsAt = 'Enter the opening time, for example 08:00.';
    }
    if (!/^\d{2}:\d{2}$/.test(form.dayEndsAt) || form.dayEndsAt <= form.dayStartsAt) {
      p.dayEndsAt = 'The day must end after it starts.';
    }
    const n = Number(form.chairsPerNurse);
    if (!Number.isInteger(n) || n < 1 || n > 12) {
      p.chairsPerNurse = 'Enter a whole number from 1 to 12.';
    }
    setProblems(p);
    if (Object.keys(p).length === 0) {
      save.mutate(form);
    }
  }
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Opening days and hours</h2>
      <p className="muted small">Appointments can only be booked on these days and within these hours.</p>
      {save.isSuccess && (
        <div className="alert ok" role="status">
          Opening days and hours saved.
        </div>
      )}
      <ErrorAlert error={save.error} inlineFields={['openingDays', 'dayStartsAt', 'dayEndsAt', 'chairsPerNurse']} />
      <fieldset className="field sched-fieldset" aria-describedby={fe('openingDays') === undefined ? undefined : `${id}-days-error`}>
        <legend className="label">Days the clinic is open</legend>
        <div className="sched-days">
          {WEEK_ORDER.map((d) => (
            <label key={d} className="check">
              <input
                type="checkbox"
                checked={form.openingDays.includes(d)}
                onChange={(e) => edit({ openingDays: e.target.checked ? [...form.openingDays, d].sort((a, b) => a - b) : form.openingDays.filter((x) => x !== d) })}
              />
              {WEEKDAYS[d]}
            </label>
          ))}
        </div>
        {fe('openingDays') !== undefined && (
          <span className="error" id={`${id}-days-error`} role="alert">
            {fe('openingDays')}
          </span>
        )}
      </fieldset>
      <div className="form-row">
        <Field label="Opens at" type="time" step={900} value={form.dayStartsAt} onChange={(e) => edit({ dayStartsAt: e.target.value })} error={fe('dayStartsAt')} />
        <Field label="Closes at" type="time" step={900} value={form.dayEndsAt} onChange={(e) => edit({ dayEndsAt: e.target.value })} error={fe('dayEndsAt')} />
        <Field
          label="Sessions per nurse at once"
          type="number"
          min={1}
          max={12}
          inputMode="numeric"
          value={form.chairsPerNurse}
          onChange={(e) => edit({ chairsPerNurse: e.target.value })}
          error={fe('chairsPerNurse')}
        />
      </div>
      <p className="small muted sched-after-row">The last visit of the day must end by closing time. For how many sessions one nurse may watch at once, follow your protocol and local rules.</p>
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save opening days and hours'}
      </button>
    </form>
  );
}
