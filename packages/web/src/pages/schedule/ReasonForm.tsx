import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AppointmentDto } from '@ketapath/server/contracts';
import { useId, useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { APPOINTMENTS_KEY, type StatusResult } from '../../components/schedule/data';

const COPY = {
  cancel: {
    title: 'Cancel this appointment?',
    label: 'Why is it cancelled?',
    hint: 'For example “patient asked to rebook” or “unwell”. The reason is kept with the record.',
    confirm: 'Yes, cancel the appointment',
    back: 'No, keep it',
    min: 3,
  },
  'no-show': {
    title: 'Record that the patient did not come?',
    label: 'What happened? (optional)',
    hint: 'For example “no answer when called”. If this was a treatment session, Ketapath then suggests how to move the rest of the course.',
    confirm: 'Yes, record “did not come”',
    back: 'Go back',
    min: 0,
  },
} as const;

/** Cancel or no-show: ask for the reason, then confirm. What was typed stays if the server refuses. */
export function ReasonForm({ appointment: a, kind, onDone, onBack }: { appointment: AppointmentDto; kind: 'cancel' | 'no-show'; onDone: (r: StatusResult) => void; onBack: () => void }) {
  const qc = useQueryClient();
  const id = useId();
  const copy = COPY[kind];
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const save = useMutation({
    mutationFn: (text: string) => api.post<StatusResult>(`/api/appointments/${a.id}/${kind}`, { reason: text }),
    onSuccess: async (r) => {
      onDone(r);
      await qc.invalidateQueries({ queryKey: APPOINTMENTS_KEY });
    },
  });
  const fieldError = tooShort ? 'Write at least 3 letters, so colleagues know why.' : save.error instanceof ApiError ? save.error.fieldError('reason') : undefined;
  function submit(e: SubmitEvent) {
    e.preventDefault();
    const text = reason.trim();
    setTooShort(text.length < copy.min);
    if (text.length >= copy.min) {
      save.mutate(text);
    }
  }
  return (
    <form className="sched-section sched-confirm" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{copy.title}</h3>
      <p className="small muted">
        {a.patient.displayName}, {a.type.name}, {a.localStart}–{a.localEnd}
      </p>
      <div className="field">
        <label htmlFor={id}>{copy.label}</label>
        <span className="hint" id={`${id}-hint`}>
          {copy.hint}
        </span>
        <textarea
          id={id}
          value={reason}
          maxLength={1000}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={fieldError !== undefined}
          aria-describedby={`${id}-hint${fieldError === undefined ? '' : ` ${id}-error`}`}
        />
        {fieldError !== undefined && (
          <span className="error" id={`${id}-error`} role="alert">
            {fieldError}
          </span>
        )}
      </div>
      <ErrorAlert error={save.error} inlineFields={['reason']} />
      <div className="actions">
        <button type="submit" className="danger" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : copy.confirm}
        </button>
        <button type="button" className="secondary" onClick={onBack} disabled={save.isPending}>
          {copy.back}
        </button>
      </div>
    </form>
  );
}
