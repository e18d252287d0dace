import type { LedgerContainerDto, LedgerCountDto, LedgerCountLineDto } from '@ketapath/server/contracts';
import { useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { useLedgerMutation, useStock } from '../../pages/ledger/queries';
import { ErrorAlert } from '../ErrorAlert';
import { SelectField } from '../Field';
import { EMPTY_SIGNATURE, EMPTY_WITNESS, MySignature, signatureBody, WitnessFields, witnessBody, signatureError } from './Signature';

const KINDS = [
  { value: 'routine', label: 'End-of-day count' },
  { value: 'initial_inventory', label: 'Initial inventory' },
  { value: 'biennial_inventory', label: 'Biennial (full) inventory' },
];

interface Entry {
  value: string;
  estimated: boolean;
}

/**
 * A count by two people. Counted values are typed without seeing the register's balance (a blind count);
 * the comparison is shown after saving.
 */
export function CountForm({ mfa, onSaved, onCancel }: { mfa: boolean; onSaved: (r: { count: LedgerCountDto; lines: LedgerCountLineDto[] }) => void; onCancel: () => void }) {
  const stock = useStock('in_stock');
  const containers: LedgerContainerDto[] = stock.data?.containers ?? [];
  const [kind, setKind] = useState('routine');
  const [businessTime, setBusinessTime] = useState<'opening' | 'close'>('close');
  const [values, setValues] = useState<Record<string, Entry>>({});
  const [sig, setSig] = useState(EMPTY_SIGNATURE);
  const [wit, setWit] = useState(EMPTY_WITNESS);
  const save = useLedgerMutation(
    () =>
      api.post<{ count: LedgerCountDto; lines: LedgerCountLineDto[] }>('/api/ledger/counts', {
        kind,
        ...(kind === 'routine' ? {} : { businessTime }),
        lines: containers.map((c) => {
          const v = values[c.id] ?? { value: '', estimated: false };
          const n = Number(v.value.replace(',', '.'));
          const typed = v.value.trim() === '' || Number.isNaN(n) ? undefined : n;
          return c.product.form === 'liquid' ? { containerId: c.id, countedMl: typed, estimated: v.estimated } : { containerId: c.id, countedUnits: typed };
        }),
        ...signatureBody(sig),
        witness: witnessBody(wit),
      }),
    onSaved,
  );
  const fe = (path: string) => (save.error instanceof ApiError ? save.error.fieldError(path) : undefined);
  const set = (id: string, patch: Partial<Entry>) => setValues({ ...values, [id]: { ...(values[id] ?? { value: '', estimated: false }), ...patch } });
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="panel" onSubmit={submit} noValidate aria-label="Count the stock">
      <h2>Count the stock</h2>
      <p className="muted small">Count what is physically there, container by container. For an opened vial, measure or estimate the volume left and tick “estimate”. The register’s figures are shown after you save.</p>
      <div className="form-row">
        <SelectField label="Type of count" value={kind} onChange={(e) => setKind(e.target.value)} options={KINDS} />
        {kind !== 'routine' && (
          <div className="field">
            <span className="label">Taken at</span>
            <div className="choice" role="radiogroup" aria-label="Taken at">
              <label>
                <input type="radio" name="business-time" checked={businessTime === 'opening'} onChange={() => setBusinessTime('opening')} /> Opening of business
              </label>
              <label>
                <input type="radio" name="business-time" checked={businessTime === 'close'} onChange={() => setBusinessTime('close')} /> Close of business
              </label>
            </div>
          </div>
        )}
      </div>
      <div className="table-wrap">
        <table className="ledger-table count-grid" aria-label="Counted">
          <thead>
            <tr>
              <th>No.</th>
              <th>Product</th>
              <th>Lot · place</th>
              <th>Counted</th>
            </tr>
          </thead>
          <tbody>
            {containers.map((c, i) => {
              const liquid = c.product.form === 'liquid';
              const v = values[c.id] ?? { value: '', estimated: false };
              const err = fe(`lines.${i}.${liquid ? 'countedMl' : 'countedUnits'}`);
              return (
                <tr key={c.id}>
                  <td>
                    <strong>#{c.no}</strong>
                  </td>
                  <td>{c.product.name}</td>
                  <td className="small">
                    {c.lot} · {c.location.name}
                  </td>
                  <td>
                    <label className="sr-only" htmlFor={`count-${c.id}`}>
                      Container #{c.no} counted ({liquid ? 'mL' : 'devices'})
                    </label>
                    <div className="actions" style={{ marginTop: 0 }}>
                      <input id={`count-${c.id}`} inputMode="decimal" value={v.value} onChange={(e) => set(c.id, { value: e.target.value })} aria-invalid={err !== undefined} />
                      <span>{liquid ? 'mL' : `${c.product.unitLabel ?? 'unit'}s`}</span>
                      {liquid && c.opened && (
                        <label className="check">
                          <input type="checkbox" checked={v.estimated} onChange={(e) => set(c.id, { estimated: e.target.checked })} /> estimate
                        </label>
                      )}
                    </div>
                    {err !== undefined && <span className="error small">{err}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {containers.length === 0 && !stock.isPending && <p className="muted">Nothing in stock: saving records a count of zero.</p>}
      <MySignature value={sig} onChange={setSig} mfa={mfa} error={save.error} />
      <WitnessFields prefix="Second counter" value={wit} onChange={setWit} error={save.error} />
      <ErrorAlert error={signatureError(save.error)} inlineFields={['password', 'totpCode', 'witness.email', 'witness.password', 'witness.totpCode', ...containers.flatMap((_, i) => [`lines.${i}.countedMl`, `lines.${i}.countedUnits`])]} />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          Save the count
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
