import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RemsFormRowDto, TreatmentSessionDto } from '@ketapath/server/contracts';
import { useId, useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field, SelectField } from '../../components/Field';
import { Modal } from '../../components/schedule/Modal';

const METHODS = [
  { value: 'online', label: 'Online at SPRAVATOrems.com' },
  { value: 'fax', label: 'By fax' },
];

/** Record that the form was submitted: date, how, and the confirmation number the REMS gave. */
export function RemsSubmissionDialog({ row, today, onClose }: { row: RemsFormRowDto; today: string; onClose: () => void }) {
  const qc = useQueryClient();
  const titleId = useId();
  const [form, setForm] = useState({ submittedOn: today, method: 'online', confirmationNumber: '' });
  const save = useMutation({
    mutationFn: () => api.post<TreatmentSessionDto>(`/api/sessions/${row.sessionId}/rems-form/submission`, { submittedOn: form.submittedOn, method: form.method, ...(form.confirmationNumber.trim() === '' ? {} : { confirmationNumber: form.confirmationNumber.trim() }) }),
    onSuccess: async (s) => {
      qc.setQueryData(['session', row.sessionId], s);
      await qc.invalidateQueries({ queryKey: ['rems'] });
      onClose();
    },
  });
  const fe = (n: string) => (save.error instanceof ApiError ? save.error.fieldError(n) : undefined);
  function submit(e: SubmitEvent) {
    e.preventDefault();
    save.mutate();
  }
  return (
    <Modal open onClose={onClose} labelledBy={titleId}>
      <form className="dialog-body" onSubmit={submit} noValidate>
        <h2 id={titleId}>Record submission: {row.patient.displayName}</h2>
        <p className="muted">
          Session of {row.sessionDate}. Record this after you have submitted the form to the REMS. The content as it is now is kept with the submission.
        </p>
        <ErrorAlert error={save.error} inlineFields={['submittedOn', 'confirmationNumber']} />
        <Field label="Date submitted" type="date" min={row.sessionDate} max={today} value={form.submittedOn} onChange={(e) => setForm({ ...form, submittedOn: e.target.value })} error={fe('submittedOn')} />
        <SelectField label="How it was submitted" value={form.method} onChange={(e) => setForm({ ...form, method: e.target.value })} options={METHODS} />
        <Field label="Confirmation number" hint="The number the REMS website or fax confirmation gives you." value={form.confirmationNumber} maxLength={60} onChange={(e) => setForm({ ...form, confirmationNumber: e.target.value })} error={fe('confirmationNumber')} />
        <div className="actions">
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Record submission'}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
