import { useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field, SelectField } from '../../components/Field';
import { EMPTY_SIGNATURE, MySignature, signatureBody, signatureError } from '../../components/ledger/Signature';
import { clinicNow } from '../../lib/ledger-format';
import { LedgerLayout } from './LedgerLayout';
import { useCatalog, useLedgerMutation } from './queries';

interface Item {
  productId: string;
  lot: string;
  expiryDate: string;
  containers: string;
  locationId: string;
}

/** A delivery from a supplier: who sent it, the paperwork numbers, and each product with lot, expiry and count. */
export function ReceivePage({ session }: { session: ActiveSession }) {
  const catalog = useCatalog();
  const navigate = useNavigate();
  const us = session.clinic.jurisdiction === 'US';
  const products = (catalog.data?.products ?? []).filter((p) => p.active);
  const locations = (catalog.data?.locations ?? []).filter((l) => l.active);
  const blank = (): Item => ({ productId: products[0]?.id ?? '', lot: '', expiryDate: '', containers: '1', locationId: locations[0]?.id ?? '' });
  const [form, setForm] = useState({ receivedOn: clinicNow(session.clinic.timeZone).date, supplierName: '', supplierAddress: '', supplierRegistration: '', invoiceNumber: '', orderFormNumber: '', notes: '' });
  const [items, setItems] = useState<Item[] | null>(null);
  const rows = items ?? (products.length > 0 ? [blank()] : []);
  const [sig, setSig] = useState(EMPTY_SIGNATURE);
  const receive = useLedgerMutation(
    () =>
      api.post<{ containers: { no: number }[] }>('/api/ledger/receipts', {
        ...form,
        items: rows.map((i) => ({ ...i, containers: Number(i.containers) })),
        ...signatureBody(sig),
      }),
    (r) => void navigate('/controlled-drugs', { state: { notice: `Stock received: containers ${r.containers.map((c) => `#${c.no}`).join(', ')}. Write the numbers on the labels.` } }),
  );
  const fe = (n: string) => (receive.error instanceof ApiError ? receive.error.fieldError(n) : undefined);
  const set = (i: number, patch: Partial<Item>) => setItems(rows.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    receive.mutate();
  };
  return (
    <LedgerLayout session={session} title="receive stock" intro="Record a delivery the day it arrives. Each vial or kit gets a container number to write on its label.">
      {catalog.data !== undefined && (products.length === 0 || locations.length === 0) && (
        <div className="alert warn">
          <strong>Set up first.</strong>An administrator must add the products you stock and at least one storage place (Set-up).
        </div>
      )}
      <form className="panel" onSubmit={submit} noValidate aria-label="Receive stock">
        <h2>Delivery</h2>
        <div className="form-row">
          <Field label="Date received" type="date" value={form.receivedOn} onChange={(e) => setForm({ ...form, receivedOn: e.target.value })} error={fe('receivedOn')} />
          <Field label="Supplier" value={form.supplierName} onChange={(e) => setForm({ ...form, supplierName: e.target.value })} error={fe('supplierName')} />
          <Field label={us ? 'Supplier DEA registration number' : 'Supplier licence number (if any)'} value={form.supplierRegistration} onChange={(e) => setForm({ ...form, supplierRegistration: e.target.value })} error={fe('supplierRegistration')} />
        </div>
        <Field label="Supplier address" value={form.supplierAddress} onChange={(e) => setForm({ ...form, supplierAddress: e.target.value })} error={fe('supplierAddress')} />
        <div className="form-row">
          <Field label="Invoice or delivery note number" value={form.invoiceNumber} onChange={(e) => setForm({ ...form, invoiceNumber: e.target.value })} error={fe('invoiceNumber')} />
          <Field
            label="Order form number (if the schedule needs one)"
            hint={us ? 'Schedule III ketamine and esketamine are ordered on invoice; DEA Form 222 is only for Schedule I–II.' : undefined}
            value={form.orderFormNumber}
            onChange={(e) => setForm({ ...form, orderFormNumber: e.target.value })}
          />
        </div>
        <h2>What arrived</h2>
        {rows.map((item, i) => (
          <div className="item-row" key={i} role="group" aria-label={`Product ${i + 1}`}>
            <SelectField label="Product" value={item.productId} onChange={(e) => set(i, { productId: e.target.value })} options={products.map((p) => ({ value: p.id, label: `${p.name}${p.code === null ? '' : ` (${p.code})`}` }))} error={fe(`items.${i}.productId`)} />
            <Field label="Lot number" value={item.lot} onChange={(e) => set(i, { lot: e.target.value })} error={fe(`items.${i}.lot`)} />
            <Field label="Expiry date" type="date" value={item.expiryDate} onChange={(e) => set(i, { expiryDate: e.target.value })} error={fe(`items.${i}.expiryDate`)} />
            <Field label="How many (vials/kits)" inputMode="numeric" value={item.containers} onChange={(e) => set(i, { containers: e.target.value })} error={fe(`items.${i}.containers`)} />
            <SelectField label="Store in" value={item.locationId} onChange={(e) => set(i, { locationId: e.target.value })} options={locations.map((l) => ({ value: l.id, label: l.name }))} error={fe(`items.${i}.locationId`)} />
            <div className="field">
              {rows.length > 1 && (
                <button type="button" className="secondary" onClick={() => setItems(rows.filter((_, j) => j !== i))}>
                  Remove
                </button>
              )}
            </div>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => setItems([...rows, blank()])}>
          Add another product
        </button>
        <div className="field" style={{ marginTop: '1rem' }}>
          <label htmlFor="receipt-notes">Notes (optional)</label>
          <textarea id="receipt-notes" value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} />
        </div>
        <MySignature value={sig} onChange={setSig} mfa={session.user.mfaEnabled} error={receive.error} />
        <ErrorAlert error={signatureError(receive.error)} inlineFields={['receivedOn', 'supplierName', 'supplierRegistration', 'supplierAddress', 'invoiceNumber', 'password', 'totpCode', ...rows.flatMap((_, i) => ['productId', 'lot', 'expiryDate', 'containers', 'locationId'].map((f) => `items.${i}.${f}`))]} />
        <div className="actions">
          <button type="submit" disabled={receive.isPending || rows.length === 0}>
            Receive stock
          </button>
          <button type="button" className="secondary" onClick={() => void navigate('/controlled-drugs')}>
            Cancel
          </button>
        </div>
      </form>
    </LedgerLayout>
  );
}
