import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FollowUpResultDto } from '@ketapath/server/contracts';
import { useId, useState } from 'react';
import { api } from '../../api/client';
import { ErrorAlert } from '../ErrorAlert';
import { Field } from '../Field';
import { TextAreaField } from '../TextAreaField';

export const STATUS_LABELS: Record<string, { label: string; cls: string }> = {
  overdue: { label: 'Overdue', cls: 'danger' },
  due: { label: 'Due', cls: 'warn' },
  baseline_missing: { label: 'No baseline', cls: 'warn' },
  not_due: { label: 'Up to date', cls: 'ok' },
  disabled: { label: 'Interval not set', cls: 'info' },
  not_applicable: { label: 'Not needed for this route', cls: 'info' },
};

export function StatusBadge({ status }: { status: string }) {
  const s = STATUS_LABELS[status] ?? { label: status, cls: 'info' };
  return <span className={`badge ${s.cls}`}>{s.label}</span>;
}

const POSITIVE_WORDS: Record<string, string> = {
  urinary_screen: 'Symptoms reported (positive screen)',
  liver_tests: 'Abnormal result',
  cognition: 'Concern found',
  misuse_screen: 'Concern found (positive screen)',
  bp_review: 'Blood pressure of concern',
  induction_review: 'Benefit not clear',
};

/** Record the result of one follow-up item for a patient. */
export function RecordResultForm({ patientId, item, itemLabel, today, onDone }: { patientId: string; item: string; itemLabel: string; today: string; onDone: () => void }) {
  const qc = useQueryClient();
  const [outcome, setOutcome] = useState<'negative' | 'positive' | ''>('');
  const [doneOn, setDoneOn] = useState(today);
  const [summary, setSummary] = useState('');
  const name = useId();
  const save = useMutation({
    mutationFn: () => api.post<FollowUpResultDto>(`/api/patients/${patientId}/follow-ups`, { item, doneOn, outcome, ...(summary.trim() === '' ? {} : { summary }) }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['follow-ups'] });
      await qc.invalidateQueries({ queryKey: ['patient', patientId, 'follow-ups'] });
      onDone();
    },
  });
  return (
    <form
      className="panel"
      aria-label={`Record ${itemLabel}`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h4 style={{ marginTop: 0 }}>Record: {itemLabel}</h4>
      <ErrorAlert error={save.error} />
      <fieldset className="tri">
        <legend>Result</legend>
        <div className="tri-options">
          {(
            [
              ['negative', 'Nothing of concern'],
              ['positive', POSITIVE_WORDS[item] ?? 'Concern found'],
            ] as const
          ).map(([v, label]) => (
            <label key={v} className={`tri-option${outcome === v ? ' on' : ''}`}>
              <input type="radio" name={name} value={v} checked={outcome === v} onChange={() => setOutcome(v)} /> {label}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Date done" type="date" value={doneOn} max={today} onChange={(e) => setDoneOn(e.target.value)} required />
      <TextAreaField label="What was found (optional)" hint="For example the answers, the reading or the lab values." value={summary} onChange={(e) => setSummary(e.target.value)} rows={2} />
      {outcome === 'positive' && <p className="alert warn">A result of concern goes to the prescriber as a finding to review.</p>}
      <div className="actions">
        <button type="submit" disabled={outcome === '' || save.isPending}>
          {save.isPending ? 'Saving…' : 'Save result'}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The prescriber's review of a positive result. */
export function ReviewForm({ result, onDone }: { result: FollowUpResultDto; onDone: () => void }) {
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () => api.post<FollowUpResultDto>(`/api/follow-ups/results/${result.id}/review`, { note }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['follow-ups'] });
      await qc.invalidateQueries({ queryKey: ['patient', result.patientId, 'follow-ups'] });
      onDone();
    },
  });
  return (
    <form
      aria-label={`Review ${result.itemLabel}`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <ErrorAlert error={save.error} inlineFields={['body.note']} />
      <TextAreaField label="What you decided" hint="For example: referred to urology, repeat test in 4 weeks, plan unchanged." value={note} onChange={(e) => setNote(e.target.value)} rows={2} required minLength={3} />
      <div className="actions">
        <button type="submit" disabled={note.trim().length < 3 || save.isPending}>
          {save.isPending ? 'Saving…' : 'Mark as reviewed'}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
