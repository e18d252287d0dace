import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Field, SelectField } from '../../../components/Field';
import { RESOURCES_KEY, type Chair, type Resources } from '../../../components/schedule/data';

const KINDS = [
  { value: 'chair', label: 'Chair' },
  { value: 'room', label: 'Room' },
];

type ChairBody = Pick<Chair, 'name' | 'kind' | 'active' | 'sortOrder'> & { id?: string };

function useSaveChair() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (bodies: readonly ChairBody[]) => bodies.reduce<Promise<unknown>>((p, b) => p.then(() => api.post<Chair>('/api/scheduling/chairs', b)), Promise.resolve(null)),
    onSettled: () => qc.invalidateQueries({ queryKey: RESOURCES_KEY }),
  });
}

function ChairRow({ chair, index, ordered }: { chair: Chair; index: number; ordered: readonly Chair[] }) {
  const id = useId();
  const [name, setName] = useState(chair.name);
  const [kind, setKind] = useState<Chair['kind']>(chair.kind);
  const save = useSaveChair();
  const dirty = name.trim() !== chair.name || kind !== chair.kind;
  const body = (patch: Partial<ChairBody>): ChairBody => ({ id: chair.id, name: name.trim() === '' ? chair.name : name.trim(), kind, active: chair.active, sortOrder: chair.sortOrder, ...patch });
  /** Renumber every chair in the new order, so equal numbers never leave the order undecided. */
  function moveBy(step: -1 | 1) {
    const next = [...ordered];
    const [me] = next.splice(index, 1);
    if (me === undefined) {
      return;
    }
    next.splice(index + step, 0, me);
    save.mutate(
      next
        .map((c, i) => ({ id: c.id, name: c.name, kind: c.kind, active: c.active, sortOrder: (i + 1) * 10 }))
        .filter((c, i) => {
          const was = ordered[i];
          return was === undefined || was.id !== c.id || was.sortOrder !== c.sortOrder;
        }),
    );
  }
  function toggleActive() {
    if (chair.active && !window.confirm(`Take “${chair.name}” out of use? Appointments already booked in it stay where they are, but no new ones can be booked there.`)) {
      return;
    }
    save.mutate([body({ active: !chair.active })]);
  }
  const nameError = name.trim() === '' ? 'Enter a name.' : save.error instanceof ApiError ? save.error.fieldError('name') : undefined;
  return (
    <tr className={chair.active ? undefined : 'muted'}>
      <td>
        <div className="sched-order">
          <button type="button" className="secondary small" disabled={index === 0 || !chair.active || save.isPending} onClick={() => moveBy(-1)} aria-label={`Move ${chair.name} up`}>
            ↑
          </button>
          <button type="button" className="secondary small" disabled={index === ordered.length - 1 || !chair.active || save.isPending} onClick={() => moveBy(1)} aria-label={`Move ${chair.name} down`}>
            ↓
          </button>
        </div>
      </td>
      <td>
        <label className="sr-only" htmlFor={`${id}-name`}>
          Name of {chair.name}
        </label>
        <input id={`${id}-name`} className="sched-table-input" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} aria-invalid={nameError !== undefined} />
        {!chair.active && <span className="badge">Not in use</span>}
        {nameError !== undefined && <div className="error small">{nameError}</div>}
        <ErrorAlert error={save.error} inlineFields={['name']} />
      </td>
      <td>
        <label className="sr-only" htmlFor={`${id}-kind`}>
          Kind of {chair.name}
        </label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value === 'room' ? 'room' : 'chair')}>
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <div className="sched-row-actions">
          <button type="button" className="small" disabled={!dirty || name.trim() === '' || save.isPending} onClick={() => save.mutate([body({})])}>
            Save
          </button>
          <button type="button" className="secondary small" disabled={save.isPending} onClick={toggleActive}>
            {chair.active ? 'Take out of use' : 'Put back in use'}
          </button>
        </div>
      </td>
    </tr>
  );
}

function AddChair({ nextOrder }: { nextOrder: number }) {
  const [form, setForm] = useState({ name: '', kind: 'chair' as Chair['kind'] });
  const [missing, setMissing] = useState(false);
  const save = useSaveChair();
  function submit(e: SubmitEvent) {
    e.preventDefault();
    setMissing(form.name.trim() === '');
    if (form.name.trim() !== '') {
      save.mutate([{ name: form.name.trim(), kind: form.kind, active: true, sortOrder: nextOrder }], { onSuccess: () => setForm({ name: '', kind: form.kind }) });
    }
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Add a chair or room" style={{ marginTop: '1rem' }}>
      <h3>Add a chair or room</h3>
      <ErrorAlert error={save.error} inlineFields={['name']} />
      <div className="form-row">
        <Field label="Name" placeholder="e.g. Chair 4, Quiet room" maxLength={60} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={missing ? 'Enter a name.' : save.error instanceof ApiError ? save.error.fieldError('name') : undefined} />
        <SelectField label="Kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value === 'room' ? 'room' : 'chair' })} options={KINDS} />
      </div>
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? 'Adding…' : 'Add'}
      </button>
    </form>
  );
}

export function ChairsSection({ resources }: { resources: Resources }) {
  const id = useId();
  const active = resources.chairs.filter((c) => c.active);
  const inactive = resources.chairs.filter((c) => !c.active);
  const nextOrder = Math.min(1000, Math.max(0, ...resources.chairs.map((c) => c.sortOrder)) + 10);
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Chairs and rooms</h2>
      <p className="muted small">Each becomes a column of the calendar, in this order. A chair holds one patient at a time; treatment sessions are offered a chair before a room.</p>
      {resources.chairs.length === 0 ? (
        <div className="alert warn">No chairs or rooms yet. Add at least one treatment chair before booking treatment sessions.</div>
      ) : (
        <div className="table-wrap">
          <table className="sched-settings-table">
            <thead>
              <tr>
                <th>Order</th>
                <th>Name</th>
                <th>Kind</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {active.map((c, i) => (
                <ChairRow key={`${c.id}-${c.name}-${c.kind}-${c.active}`} chair={c} index={i} ordered={active} />
              ))}
              {inactive.map((c, i) => (
                <ChairRow key={`${c.id}-${c.name}-${c.kind}-${c.active}`} chair={c} index={i} ordered={inactive} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddChair nextOrder={nextOrder} />
    </section>
  );
}
