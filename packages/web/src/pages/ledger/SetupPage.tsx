import type { LedgerLocationDto, LedgerProductDto } from '@ketapath/server/contracts';
import { useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../../api/client';
import type { ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field, SelectField } from '../../components/Field';
import { LedgerLayout } from './LedgerLayout';
import { useCatalog, useLedgerMutation } from './queries';

/** Esketamine kits from reference §2.1: 28 mg per device, NDC 50458-028-02 (2 devices) and -03 (3 devices). */
const PRESETS = [
  { label: 'Spravato 56 mg kit (2 devices)', body: { name: 'Spravato 56 mg kit (2 nasal devices)', substance: 'esketamine', form: 'unit', code: '50458-028-02', codeSystem: 'NDC', unitLabel: 'device', mgPerUnit: 28, unitsPerContainer: 2 } },
  { label: 'Spravato 84 mg kit (3 devices)', body: { name: 'Spravato 84 mg kit (3 nasal devices)', substance: 'esketamine', form: 'unit', code: '50458-028-03', codeSystem: 'NDC', unitLabel: 'device', mgPerUnit: 28, unitsPerContainer: 3 } },
];

const BLANK = { name: '', substance: 'ketamine', form: 'liquid', code: '', codeSystem: 'NDC', strengthMgPerMl: '', containerVolumeMl: '', unitLabel: 'device', mgPerUnit: '', unitsPerContainer: '' };

function ProductForm({ existing }: { existing: LedgerProductDto[] }) {
  const [f, setF] = useState(BLANK);
  const add = useLedgerMutation((body: Record<string, unknown>) => api.post('/api/ledger/products', body), () => setF(BLANK));
  const fe = (n: string) => (add.error instanceof ApiError ? add.error.fieldError(n) : undefined);
  const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const liquid = f.form === 'liquid';
    add.mutate({
      name: f.name,
      substance: f.substance,
      form: f.form,
      code: f.code,
      codeSystem: f.codeSystem,
      ...(liquid ? { strengthMgPerMl: num(f.strengthMgPerMl), containerVolumeMl: num(f.containerVolumeMl) } : { unitLabel: f.unitLabel, mgPerUnit: num(f.mgPerUnit), unitsPerContainer: num(f.unitsPerContainer) }),
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Add a product">
      <h3>Add a product</h3>
      <div className="actions">
        {PRESETS.filter((p) => !existing.some((e) => e.code === p.body.code && e.active)).map((p) => (
          <button key={p.label} type="button" className="secondary" onClick={() => add.mutate(p.body)}>
            Add {p.label}
          </button>
        ))}
      </div>
      <p className="small muted">Or describe it as printed on the pack. Quantities cannot be changed later.</p>
      <div className="form-row">
        <Field label="Product name" value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} error={fe('name')} />
        <SelectField label="Substance" value={f.substance} onChange={(e) => setF({ ...f, substance: e.target.value, form: e.target.value === 'esketamine' ? 'unit' : f.form })} options={[{ value: 'ketamine', label: 'Ketamine (racemic)' }, { value: 'esketamine', label: 'Esketamine' }, { value: 'other', label: 'Other controlled drug' }]} />
        <SelectField label="Form" value={f.form} onChange={(e) => setF({ ...f, form: e.target.value })} options={[{ value: 'liquid', label: 'Liquid (vial)' }, { value: 'unit', label: 'Devices or units (kit, box)' }]} />
      </div>
      <div className="form-row">
        <Field label="NDC or product code" value={f.code} onChange={(e) => setF({ ...f, code: e.target.value })} error={fe('code')} />
        <SelectField label="Code type" value={f.codeSystem} onChange={(e) => setF({ ...f, codeSystem: e.target.value })} options={[{ value: 'NDC', label: 'NDC (US)' }, { value: 'local', label: 'Local product code' }]} />
        {f.form === 'liquid' ? (
          <>
            <Field label="Strength (mg per mL)" inputMode="decimal" value={f.strengthMgPerMl} onChange={(e) => setF({ ...f, strengthMgPerMl: e.target.value })} error={fe('strengthMgPerMl')} />
            <Field label="Volume of one vial (mL)" inputMode="decimal" value={f.containerVolumeMl} onChange={(e) => setF({ ...f, containerVolumeMl: e.target.value })} error={fe('containerVolumeMl')} />
          </>
        ) : (
          <>
            <Field label="One unit is a…" value={f.unitLabel} onChange={(e) => setF({ ...f, unitLabel: e.target.value })} error={fe('unitLabel')} />
            <Field label="mg per unit" inputMode="decimal" value={f.mgPerUnit} onChange={(e) => setF({ ...f, mgPerUnit: e.target.value })} error={fe('mgPerUnit')} />
            <Field label="Units per kit or box" inputMode="numeric" value={f.unitsPerContainer} onChange={(e) => setF({ ...f, unitsPerContainer: e.target.value })} error={fe('unitsPerContainer')} />
          </>
        )}
      </div>
      <ErrorAlert error={add.error} inlineFields={['name', 'code', 'strengthMgPerMl', 'containerVolumeMl', 'unitLabel', 'mgPerUnit', 'unitsPerContainer']} />
      <button type="submit" disabled={add.isPending}>
        Add product
      </button>
    </form>
  );
}

function LocationForm() {
  const [f, setF] = useState({ name: '', kind: 'safe' });
  const add = useLedgerMutation(() => api.post('/api/ledger/locations', f), () => setF({ name: '', kind: 'safe' }));
  return (
    <form onSubmit={(e) => { e.preventDefault(); add.mutate(); }} noValidate aria-label="Add a storage place">
      <h3>Add a storage place</h3>
      <div className="form-row">
        <Field label="Name" placeholder="e.g. Main safe" value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} error={add.error instanceof ApiError ? add.error.fieldError('name') : undefined} />
        <SelectField label="Kind" value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value })} options={[{ value: 'safe', label: 'Safe' }, { value: 'cabinet', label: 'Locked cabinet' }, { value: 'other', label: 'Other' }]} />
      </div>
      <ErrorAlert error={add.error} inlineFields={['name']} />
      <button type="submit" disabled={add.isPending}>
        Add place
      </button>
    </form>
  );
}

function ActiveToggle({ url, item }: { url: string; item: LedgerProductDto | LedgerLocationDto }) {
  const toggle = useLedgerMutation(() => api.patch(url, { active: !item.active }));
  return (
    <button type="button" className="secondary small" onClick={() => toggle.mutate()} disabled={toggle.isPending}>
      {item.active ? 'Stop using' : 'Use again'}
    </button>
  );
}

export function SetupPage({ session }: { session: ActiveSession }) {
  const catalog = useCatalog();
  const products = catalog.data?.products ?? [];
  const locations = catalog.data?.locations ?? [];
  return (
    <LedgerLayout session={session} title="products and places" intro="The controlled drugs this clinic stocks and where they are kept.">
      <ErrorAlert error={catalog.error} />
      <div className="panel">
        <h2>Products</h2>
        <table className="ledger-table" aria-label="Products">
          <tbody>
            {products.map((p) => (
              <tr key={p.id}>
                <td>
                  <strong>{p.name}</strong> {!p.active && <span className="badge">Not in use</span>}
                  <div className="small muted">
                    {p.description}
                    {p.code !== null && ` · ${p.codeSystem ?? ''} ${p.code}`}
                  </div>
                </td>
                <td className="num">
                  <ActiveToggle url={`/api/ledger/products/${p.id}`} item={p} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ProductForm existing={products} />
      </div>
      <div className="panel">
        <h2>Storage places</h2>
        <table className="ledger-table" aria-label="Storage places">
          <tbody>
            {locations.map((l) => (
              <tr key={l.id}>
                <td>
                  <strong>{l.name}</strong> <span className="small muted">{l.kind}</span> {!l.active && <span className="badge">Not in use</span>}
                </td>
                <td className="num">
                  <ActiveToggle url={`/api/ledger/locations/${l.id}`} item={l} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <LocationForm />
      </div>
    </LedgerLayout>
  );
}
