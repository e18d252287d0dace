import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AppointmentDto } from '@ketapath/server/contracts';
import { useId, useState, type SubmitEvent } from 'react';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field, SelectField } from '../../components/Field';
import { ConflictList } from '../../components/schedule/ConflictList';
import { APPOINTMENTS_KEY, conflictsOf, type Resources } from '../../components/schedule/data';
import { chairOptions, staffOptions } from '../../components/schedule/options';
import { fromMinutes, toMinutes, todayIn, zonedToIso } from '../../components/schedule/time';

export interface MovePatch {
  startsAt?: string;
  chairId?: string | null;
  staffId?: string | null;
}

/** Only what changed, so the server re-checks exactly the move that was asked for. */
export function movePatch(a: AppointmentDto, date: string, time: string, chairId: string | null | undefined, staffId: string | null | undefined, timeZone: string): MovePatch {
  const patch: MovePatch = {};
  if (date !== a.localDate || time !== a.localStart) {
    patch.startsAt = zonedToIso(date, time, timeZone);
  }
  if (chairId !== undefined && chairId !== (a.chair?.id ?? null)) {
    patch.chairId = chairId;
  }
  if (staffId !== undefined && staffId !== (a.staff?.id ?? null)) {
    patch.staffId = staffId;
  }
  return patch;
}

/** "Move…" for touch screens and keyboards: a new date, time, chair or nurse, checked by the server. */
export function MoveForm({ appointment: a, resources, timeZone, onMoved, onBack }: { appointment: AppointmentDto; resources: Resources; timeZone: string; onMoved: (a: AppointmentDto, before: AppointmentDto) => void; onBack: () => void }) {
  const qc = useQueryClient();
  const id = useId();
  const [form, setForm] = useState({ date: a.localDate, time: a.localStart, chairId: a.chair?.id ?? '', staffId: a.staff?.id ?? '' });
  const [unchanged, setUnchanged] = useState(false);
  const move = useMutation({
    mutationFn: (patch: MovePatch) => api.patch<AppointmentDto>(`/api/appointments/${a.id}`, patch),
    onSuccess: async (moved) => {
      onMoved(moved, a);
      await qc.invalidateQueries({ queryKey: APPOINTMENTS_KEY });
    },
  });
  const conflicts = conflictsOf(move.error);
  const minutes = toMinutes(a.localEnd) - toMinutes(a.localStart);
  const typeNeedsChair = resources.types.find((t) => t.id === a.type.id)?.needsChair === true;
  function submit(e: SubmitEvent) {
    e.preventDefault();
    const patch = movePatch(a, form.date, form.time, form.chairId === '' ? null : form.chairId, form.staffId === '' ? null : form.staffId, timeZone);
    setUnchanged(Object.keys(patch).length === 0);
    if (Object.keys(patch).length > 0) {
      move.mutate(patch);
    }
  }
  return (
    <form className="sched-section" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Move this appointment</h3>
      <p className="small muted">Now: {a.localStart}–{a.localEnd}{a.chair !== null ? `, ${a.chair.name}` : ''}{a.staff !== null ? `, ${a.staff.name}` : ''}. The length stays the same.</p>
      <div className="form-row">
        <Field label="New date" type="date" min={todayIn(timeZone)} value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />
        <Field label="New start time" type="time" step={900} value={form.time} onChange={(e) => setForm({ ...form, time: e.target.value })} />
      </div>
      {/^\d{2}:\d{2}$/.test(form.time) && (
        <p className="small muted sched-after-row" aria-live="polite">
          Ends at {fromMinutes(toMinutes(form.time) + minutes)}.
        </p>
      )}
      <SelectField label="Chair or room" value={form.chairId} onChange={(e) => setForm({ ...form, chairId: e.target.value })} options={chairOptions(resources, typeNeedsChair ? 'Choose…' : 'None needed', a.chair?.id)} />
      <SelectField label="Nurse or clinician" value={form.staffId} onChange={(e) => setForm({ ...form, staffId: e.target.value })} options={staffOptions(resources, 'Not decided yet')} />
      {unchanged && (
        <div className="alert info" role="status">
          Nothing is different yet: change the date, time, chair or nurse first.
        </div>
      )}
      {conflicts !== null && conflicts.length > 0 ? <ConflictList title="Not moved: the appointment stays where it was" conflicts={conflicts} /> : <ErrorAlert error={move.error} />}
      <div className="actions">
        <button type="submit" disabled={move.isPending || (typeNeedsChair && form.chairId === '')}>
          {move.isPending ? 'Moving…' : 'Move appointment'}
        </button>
        <button type="button" className="secondary" onClick={onBack}>
          Back
        </button>
      </div>
    </form>
  );
}
