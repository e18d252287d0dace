import type { LedgerContainerDto, LedgerRulesDto } from '@ketapath/server/contracts';
import { useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { clinicNow } from '../../lib/ledger-format';
import { useLedgerMutation } from '../../pages/ledger/queries';
import { Unconfirmed } from './Badges';
import { ErrorAlert } from '../ErrorAlert';
import { Field } from '../Field';
import { Dialog } from './Dialog';
import { Summary } from './MovementDialogs';
import { EMPTY_SIGNATURE, EMPTY_WITNESS, MySignature, signatureBody, WitnessFields, witnessBody, signatureError } from './Signature';

const fe = (error: unknown, path: string): string | undefined => (error instanceof ApiError ? error.fieldError(path) : undefined);

/** Destruction of everything left in a container, with the witnesses the jurisdiction requires. */
export function DestroyDialog({ container: c, rules, mfa, timeZone, onClose, onDone }: { container: LedgerContainerDto; rules: LedgerRulesDto; mfa: boolean; timeZone: string; onClose: () => void; onDone: (m: string) => void }) {
  const needed = rules.destructionWitnesses.value;
  const [form, setForm] = useState({ method: '', place: '', occurredOn: clinicNow(timeZone).date });
  const [sig, setSig] = useState(EMPTY_SIGNATURE);
  const [witnesses, setWitnesses] = useState(Array.from({ length: needed }, () => EMPTY_WITNESS));
  const destroy = useLedgerMutation(
    () => api.post('/api/ledger/destructions', { containerIds: [c.id], ...form, ...signatureBody(sig), witnesses: witnesses.map(witnessBody) }),
    () => onDone(`Container #${c.no} recorded as destroyed.`),
  );
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    destroy.mutate();
  };
  return (
    <Dialog title="Destroy with witnesses" onClose={onClose} wide>
      <form onSubmit={submit} noValidate>
        <Summary c={c} />
        <p className="small">
          Everything left is destroyed to a non-retrievable state and the container is closed. {rules.destructionWitnesses.note} {!rules.destructionWitnesses.confirmed && <Unconfirmed />}
        </p>
        <div className="form-row">
          <Field label="How it was destroyed" placeholder="e.g. drug waste disposal system" value={form.method} onChange={(e) => setForm({ ...form, method: e.target.value })} error={fe(destroy.error, 'method')} />
          <Field label="Where" value={form.place} onChange={(e) => setForm({ ...form, place: e.target.value })} error={fe(destroy.error, 'place')} />
          <Field label="Date destroyed" type="date" value={form.occurredOn} onChange={(e) => setForm({ ...form, occurredOn: e.target.value })} error={fe(destroy.error, 'occurredOn')} />
        </div>
        <MySignature value={sig} onChange={setSig} mfa={mfa} error={destroy.error} />
        {witnesses.map((w, i) => (
          <WitnessFields key={i} prefix={`Witness ${i + 1}`} path={`witnesses.${i}`} value={w} onChange={(v) => setWitnesses(witnesses.map((x, j) => (j === i ? v : x)))} error={destroy.error} />
        ))}
        <ErrorAlert error={signatureError(destroy.error)} inlineFields={['method', 'place', 'occurredOn', 'password', 'totpCode', ...witnesses.flatMap((_, i) => [`witnesses.${i}.email`, `witnesses.${i}.password`, `witnesses.${i}.totpCode`])]} />
        <div className="actions">
          <button type="submit" className="danger" disabled={destroy.isPending}>
            Record destruction
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
