import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AppointmentDto } from '@ketapath/server/contracts';
import { useId, useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { ErrorAlert } from '../ErrorAlert';
import { Field, SelectField } from '../Field';
import { ConflictList } from './ConflictList';
import { APPOINTMENTS_KEY, conflictsOf, useResources, type Resources } from './data';
import { Modal } from './Modal';
import { chairOptions, staffOptions } from './options';
import { PatientPicker, type PickedPatient } from './PatientPicker';
import { formatDuration, fromMinutes, localOf, todayIn, toMinutes, zonedToIso } from './time';
import './schedule.css';

export interface BookAppointmentDialogProps {
  readonly open: boolean;
  /** Called with the new appointment after booking, or with nothing when the person closes the dialog. */
  readonly onClose: (booked?: AppointmentDto) => void;
  /** Book for this patient; without it the dialog asks who the appointment is for. */
  readonly patient?: { id: string; displayName: string } | undefined;
  /** Suggested start (ISO instant), e.g. the slot that was clicked in the calendar. */
  readonly defaultStart?: string | undefined;
  readonly defaultChairId?: string | undefined;
  readonly defaultStaffId?: string | undefined;
  readonly defaultTypeId?: string | undefined;
}

interface Form {
  patient: PickedPatient | null;
  typeId: string;
  date: string;
  time: string;
  chairId: string;
  staffId: string;
  notes: string;
}

function initialForm(p: BookAppointmentDialogProps, tz: string, r: Resources | undefined): Form {
  let date: string;
  let time: string;
  if (p.defaultStart !== undefined) {
    ({ date, time } = localOf(p.defaultStart, tz));
  } else {
    const now = localOf(Date.now(), tz);
    const next = Math.ceil((now.minutes + 15) / 15) * 15;
    const fits = r !== undefined && next >= toMinutes(r.dayStartsAt) && next < toMinutes(r.dayEndsAt);
    date = now.date;
    time = fits ? fromMinutes(next) : (r?.dayStartsAt ?? '09:00');
  }
  return { patient: p.patient ?? null, typeId: p.defaultTypeId ?? '', date, time, chairId: p.defaultChairId ?? '', staffId: p.defaultStaffId ?? '', notes: '' };
}

function BookForm({ props, resources, timeZone, titleId }: { props: BookAppointmentDialogProps; resources: Resources; timeZone: string; titleId: string }) {
  const qc = useQueryClient();
  const [form, setForm] = useState<Form>(() => initialForm(props, timeZone, resources));
  const [missing, setMissing] = useState<Partial<Record<keyof Form, string>>>({});
  const type = resources.types.find((t) => t.id === form.typeId);
  const book = useMutation({
    mutationFn: (f: Form) =>
      api.post<AppointmentDto>('/api/appointments', {
        patientId: f.patient?.id,
        typeId: f.typeId,
        startsAt: zonedToIso(f.date, f.time, timeZone),
        chairId: f.chairId === '' ? null : f.chairId,
        staffId: f.staffId === '' ? null : f.staffId,
        ...(f.notes.trim() === '' ? {} : { notes: f.notes.trim() }),
      }),
    onSuccess: async (booked) => {
      await qc.invalidateQueries({ queryKey: APPOINTMENTS_KEY });
      props.onClose(booked);
    },
  });
  const conflicts = conflictsOf(book.error);
  const fe = (n: keyof Form): string | undefined => missing[n] ?? (book.error instanceof ApiError ? book.error.fieldError(n === 'patient' ? 'patientId' : n === 'date' || n === 'time' ? 'startsAt' : n) : undefined);

  function submit(e: SubmitEvent) {
    e.preventDefault();
    const m: Partial<Record<keyof Form, string>> = {};
    if (form.patient === null) {
      m.patient = 'Choose the patient.';
    }
    if (type === undefined) {
      m.typeId = 'Choose the type of visit.';
    }
    if (form.date === '') {
      m.date = 'Choose the date.';
    }
    if (!/^\d{2}:\d{2}$/.test(form.time)) {
      m.time = 'Choose the start time.';
    }
    if (type?.needsChair === true && form.chairId === '') {
      m.chairId = 'A treatment session needs a chair: choose one.';
    }
    setMissing(m);
    if (Object.keys(m).length === 0) {
      book.mutate(form);
    }
  }
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const endsAt = type === undefined || form.time === '' ? null : fromMinutes(toMinutes(form.time) + type.durationMinutes);
  return (
    <form className="dialog-body" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId} style={{ marginTop: 0 }}>
        Book an appointment{props.patient !== undefined ? ` for ${props.patient.displayName}` : ''}
      </h2>
      {props.patient === undefined && <PatientPicker value={form.patient} onChange={(patient) => set({ patient })} error={fe('patient')} />}
      <SelectField
        label="Type of visit"
        value={form.typeId}
        onChange={(e) => set({ typeId: e.target.value })}
        error={fe('typeId')}
        hint={type === undefined ? undefined : `Takes ${formatDuration(type.durationMinutes)}${type.route !== null ? '. Sessions of a signed treatment plan are best booked from the plan, so the course spacing is kept.' : '.'}`}
        options={[{ value: '', label: 'Choose…' }, ...resources.types.filter((t) => t.active).map((t) => ({ value: t.id, label: t.name }))]}
      />
      <div className="form-row">
        <Field label="Date" type="date" value={form.date} min={todayIn(timeZone)} onChange={(e) => set({ date: e.target.value })} error={fe('date')} />
        <Field label="Start time" type="time" step={900} value={form.time} onChange={(e) => set({ time: e.target.value })} error={fe('time')} />
      </div>
      <p className="small muted sched-after-row" aria-live="polite">
        {endsAt === null ? `Clinic hours ${resources.dayStartsAt}–${resources.dayEndsAt}.` : `Ends at ${endsAt}. Clinic hours ${resources.dayStartsAt}–${resources.dayEndsAt}.`}
      </p>
      <div className="form-row">
        <SelectField
          label="Chair or room"
          value={form.chairId}
          onChange={(e) => set({ chairId: e.target.value })}
          error={fe('chairId')}
          hint={type?.needsChair === true ? 'Needed for a treatment session.' : undefined}
          options={chairOptions(resources, type?.needsChair === true ? 'Choose…' : 'None needed')}
        />
        <SelectField
          label="Nurse or clinician"
          value={form.staffId}
          onChange={(e) => set({ staffId: e.target.value })}
          error={fe('staffId')}
          hint={type?.needsNurse === true ? 'A nurse monitors the whole session.' : undefined}
          options={staffOptions(resources, 'Not decided yet')}
        />
      </div>
      <div className="field">
        <label htmlFor={`${titleId}-notes`}>Notes for the team (optional)</label>
        <textarea id={`${titleId}-notes`} maxLength={1000} value={form.notes} onChange={(e) => set({ notes: e.target.value })} />
      </div>
      {conflicts !== null && conflicts.length > 0 ? <ConflictList title="Not booked: that time does not work" conflicts={conflicts} /> : <ErrorAlert error={book.error} inlineFields={['patientId', 'typeId', 'startsAt', 'chairId', 'staffId', 'notes']} />}
      <div className="actions">
        <button type="submit" disabled={book.isPending}>
          {book.isPending ? 'Booking…' : 'Book appointment'}
        </button>
        <button type="button" className="secondary" onClick={() => props.onClose()}>
          Close without booking
        </button>
      </div>
    </form>
  );
}

/** Book one appointment by hand; conflicts come back in plain words and nothing typed is lost. */
export function BookAppointmentDialog(props: BookAppointmentDialogProps) {
  const session = useSession();
  const resources = useResources();
  const timeZone = session.data?.authenticated === true ? session.data.clinic.timeZone : undefined;
  const labelId = useId();
  return (
    <Modal open={props.open} onClose={() => props.onClose()} labelledBy={labelId} className="sched-dialog">
      {resources.data !== undefined && timeZone !== undefined ? (
        <BookForm props={props} resources={resources.data} timeZone={timeZone} titleId={labelId} />
      ) : (
        <div className="dialog-body">
          <h2 id={labelId} style={{ marginTop: 0 }}>
            Book an appointment
          </h2>
          {resources.isPending && <p className="muted">Loading chairs, staff and visit types…</p>}
          <ErrorAlert error={resources.error} />
          <button type="button" className="secondary" onClick={() => props.onClose()}>
            Close
          </button>
        </div>
      )}
    </Modal>
  );
}
