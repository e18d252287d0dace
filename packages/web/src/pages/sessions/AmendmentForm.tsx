import type { AmendmentInDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { api } from '../../api/client';
import type { ActiveSession } from '../../api/session';
import { Field } from '../../components/Field';
import { SignDialog } from '../../components/SignDialog';
import { TextAreaField } from '../../components/TextAreaField';
import type { Session } from '../../lib/session-format';

/** A correction to a signed note: what changed (before → after), why, confirmed by password. */
export function AmendmentForm({ s, me, value, onChange, onDone }: { s: Session; me: ActiveSession; value: AmendmentInDto; onChange: (v: AmendmentInDto | null) => void; onDone: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const change = (i: number, patch: Partial<AmendmentInDto['changes'][number]>) => onChange({ ...value, changes: value.changes.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const ready = value.reason.trim().length >= 3 && value.changes.every((c) => c.field.trim().length >= 2 && c.after.trim().length > 0);
  return (
    <div className="amend-form">
      <h3>Amendment</h3>
      {value.changes.map((c, i) => (
        <div key={i} className="form-row">
          <Field label={`What is corrected (${i + 1})`} value={c.field} onChange={(e) => change(i, { field: e.target.value })} hint="e.g. Lot number" />
          <Field label="Was" value={c.before ?? ''} onChange={(e) => change(i, { before: e.target.value })} />
          <Field label="Should be" value={c.after} onChange={(e) => change(i, { after: e.target.value })} />
        </div>
      ))}
      <button type="button" className="link" onClick={() => onChange({ ...value, changes: [...value.changes, { field: '', before: '', after: '' }] })}>
        Add another correction
      </button>
      <TextAreaField label="Why the correction is needed" rows={2} value={value.reason} onChange={(e) => onChange({ ...value, reason: e.target.value })} />
      <div className="actions">
        <button type="button" disabled={!ready} onClick={() => setConfirming(true)}>
          Save amendment…
        </button>
        <button type="button" className="secondary" onClick={() => onChange(null)}>
          Cancel
        </button>
      </div>
      <SignDialog
        open={confirming}
        title="Confirm the amendment"
        statement={`The original note of ${s.patient.displayName}'s session stays visible; this amendment is added with your name, the time and the reason.`}
        mfa={me.user.mfaEnabled}
        onClose={() => setConfirming(false)}
        onSign={async (proof) => {
          await api.post(`/api/sessions/${s.id}/amendments`, { ...value, ...proof });
          setConfirming(false);
          onDone();
        }}
      />
    </div>
  );
}
