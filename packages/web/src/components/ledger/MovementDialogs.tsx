import type { LedgerContainerDto, LedgerEntryBriefDto, LedgerLocationDto } from '@ketapath/server/contracts';
import { useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { qty } from '../../lib/ledger-format';
import { useLedgerMutation } from '../../pages/ledger/queries';
import { ErrorAlert } from '../ErrorAlert';
import { Field, SelectField } from '../Field';
import { Dialog } from './Dialog';
import { EMPTY_SIGNATURE, EMPTY_WITNESS, MySignature, signatureBody, WitnessFields, witnessBody, signatureError } from './Signature';

interface Props {
  readonly container: LedgerContainerDto;
  readonly mfa: boolean;
  readonly onClose: () => void;
  readonly onDone: (message: string) => void;
}

const fe = (error: unknown, path: string): string | undefined => (error instanceof ApiError ? error.fieldError(path) : undefined);

export function Summary({ c }: { c: LedgerContainerDto }) {
  return (
    <p className="summary-line">
      <strong>
        Container #{c.no}: {c.product.name}
      </strong>
      <br />
      Lot {c.lot} · expires {c.expiryDate} · {c.location.name} · <span className="balance">{qty(c.balance, c.product.unitLabel)} left</span>
    </p>
  );
}

/** Amount typed as mL (liquids) or devices (kits). */
function AmountField({ c, value, onChange, error, label }: { c: LedgerContainerDto; value: string; onChange: (v: string) => void; error: unknown; label: string }) {
  const liquid = c.product.form === 'liquid';
  return (
    <Field
      label={`${label} (${liquid ? 'mL' : `${c.product.unitLabel ?? 'unit'}s`})`}
      inputMode="decimal"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={fe(error, liquid ? 'volumeMl' : 'units') ?? fe(error, 'amountMg')}
    />
  );
}

function amountBody(c: LedgerContainerDto, value: string): { volumeMl?: number; units?: number } {
  const v = Number(value.replace(',', '.'));
  return c.product.form === 'liquid' ? { volumeMl: v } : { units: v };
}

const done = (what: string, r: LedgerEntryBriefDto, c: LedgerContainerDto) => `${what}. Container #${c.no} now holds ${r.balance === null ? '—' : qty(r.balance, c.product.unitLabel)}.`;

export function WasteDialog({ container: c, mfa, onClose, onDone }: Props) {
  const [all, setAll] = useState(true);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('Remainder after the dose');
  const [sig, setSig] = useState(EMPTY_SIGNATURE);
  const [wit, setWit] = useState(EMPTY_WITNESS);
  const waste = useLedgerMutation(
    () => api.post<LedgerEntryBriefDto>(`/api/ledger/containers/${c.id}/waste`, { ...(all ? { all: true } : amountBody(c, amount)), reason, ...signatureBody(sig), witness: witnessBody(wit) }),
    (r) => onDone(done('Waste recorded', r, c)),
  );
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    waste.mutate();
  };
  return (
    <Dialog title="Waste with a witness" onClose={onClose} wide>
      <form onSubmit={submit} noValidate>
        <Summary c={c} />
        <div className="choice" role="radiogroup" aria-label="How much">
          <label>
            <input type="radio" name="how-much" checked={all} onChange={() => setAll(true)} /> Everything that is left
          </label>
          <label>
            <input type="radio" name="how-much" checked={!all} onChange={() => setAll(false)} /> Part of it
          </label>
        </div>
        <div className="form-row">
          {!all && <AmountField c={c} value={amount} onChange={setAmount} error={waste.error} label="Amount wasted" />}
          <Field label="Reason" list="waste-reasons" value={reason} onChange={(e) => setReason(e.target.value)} error={fe(waste.error, 'reason')} />
          <datalist id="waste-reasons">
            <option value="Remainder after the dose" />
            <option value="Drawn up, not given" />
            <option value="Dropped or contaminated" />
            <option value="Device did not spray" />
          </datalist>
        </div>
        <MySignature value={sig} onChange={setSig} mfa={mfa} error={waste.error} />
        <WitnessFields value={wit} onChange={setWit} error={waste.error} />
        <ErrorAlert error={signatureError(waste.error)} inlineFields={['volumeMl', 'units', 'amountMg', 'reason', 'password', 'totpCode', 'witness.email', 'witness.password', 'witness.totpCode']} />
        <div className="actions">
          <button type="submit" disabled={waste.isPending}>
            Record waste
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function MoveDialog({ container: c, mfa, onClose, onDone, locations }: Props & { locations: LedgerLocationDto[] }) {
  const options = locations.filter((l) => l.active && l.id !== c.location.id);
  const [to, setTo] = useState(options[0]?.id ?? '');
  const [sig, setSig] = useState(EMPTY_SIGNATURE);
  const move = useLedgerMutation(
    () => api.post<LedgerEntryBriefDto>(`/api/ledger/containers/${c.id}/transfer`, { toLocationId: to, ...signatureBody(sig) }),
    () => onDone(`Container #${c.no} moved to ${options.find((o) => o.id === to)?.name ?? 'the new place'}.`),
  );
  return (
    <Dialog title="Move to another place" onClose={onClose}>
      <form onSubmit={(e) => { e.preventDefault(); move.mutate(); }} noValidate>
        <Summary c={c} />
        {options.length === 0 ? <p className="alert warn">There is no other storage place. An administrator can add one under Set-up.</p> : <SelectField label="Move to" value={to} onChange={(e) => setTo(e.target.value)} options={options.map((l) => ({ value: l.id, label: l.name }))} />}
        <MySignature value={sig} onChange={setSig} mfa={mfa} error={move.error} />
        <ErrorAlert error={signatureError(move.error)} inlineFields={['password', 'totpCode']} />
        <div className="actions">
          <button type="submit" disabled={move.isPending || options.length === 0}>
            Move
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function ReturnDialog({ container: c, mfa, onClose, onDone }: Props) {
  const [form, setForm] = useState({ supplierName: '', reference: '', reason: '' });
  const [sig, setSig] = useState(EMPTY_SIGNATURE);
  const ret = useLedgerMutation(
    () => api.post<LedgerEntryBriefDto>(`/api/ledger/containers/${c.id}/return`, { ...form, ...signatureBody(sig) }),
    () => onDone(`Container #${c.no} returned to ${form.supplierName}.`),
  );
  return (
    <Dialog title="Return to the supplier" onClose={onClose}>
      <form onSubmit={(e) => { e.preventDefault(); ret.mutate(); }} noValidate>
        <Summary c={c} />
        <p className="muted small">Everything left in this container goes back; the container is closed for good.</p>
        <Field label="Returned to (supplier)" value={form.supplierName} onChange={(e) => setForm({ ...form, supplierName: e.target.value })} error={fe(ret.error, 'supplierName')} />
        <Field label="Return authorisation or delivery note number" value={form.reference} onChange={(e) => setForm({ ...form, reference: e.target.value })} error={fe(ret.error, 'reference')} />
        <Field label="Why (optional)" value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
        <MySignature value={sig} onChange={setSig} mfa={mfa} error={ret.error} />
        <ErrorAlert error={signatureError(ret.error)} inlineFields={['supplierName', 'reference', 'password', 'totpCode']} />
        <div className="actions">
          <button type="submit" disabled={ret.isPending}>
            Record the return
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function AdjustDialog({ container: c, mfa, onClose, onDone }: Props) {
  const [direction, setDirection] = useState<'remove' | 'add'>('remove');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [sig, setSig] = useState(EMPTY_SIGNATURE);
  const adjust = useLedgerMutation(
    () => api.post<LedgerEntryBriefDto>(`/api/ledger/containers/${c.id}/adjust`, { direction, ...amountBody(c, amount), reason, ...signatureBody(sig) }),
    (r) => onDone(done('Adjustment recorded (flagged in every report)', r, c)),
  );
  return (
    <Dialog title="Correct the balance (adjustment)" onClose={onClose}>
      <form onSubmit={(e) => { e.preventDefault(); adjust.mutate(); }} noValidate>
        <Summary c={c} />
        <div className="alert warn">
          <strong>Adjustments are flagged in every report.</strong>Use one only when nothing else explains the difference. If stock is missing, report a theft or loss instead.
        </div>
        <div className="choice" role="radiogroup" aria-label="Direction">
          <label>
            <input type="radio" name="direction" checked={direction === 'remove'} onChange={() => setDirection('remove')} /> Less than the register
          </label>
          <label>
            <input type="radio" name="direction" checked={direction === 'add'} onChange={() => setDirection('add')} /> More than the register
          </label>
        </div>
        <AmountField c={c} value={amount} onChange={setAmount} error={adjust.error} label="Difference" />
        <div className="field">
          <label htmlFor="adjust-reason">Reason (at least 10 characters)</label>
          <textarea id="adjust-reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={fe(adjust.error, 'reason') !== undefined} />
          {fe(adjust.error, 'reason') !== undefined && <span className="error">{fe(adjust.error, 'reason')}</span>}
        </div>
        <MySignature value={sig} onChange={setSig} mfa={mfa} error={adjust.error} />
        <ErrorAlert error={signatureError(adjust.error)} inlineFields={['volumeMl', 'units', 'reason', 'password', 'totpCode']} />
        <div className="actions">
          <button type="submit" className="danger" disabled={adjust.isPending}>
            Record adjustment
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
