import type { ActiveSession } from '../../api/session';
import { useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { clinicNow, THEFT_TYPES, zonedToIso } from '../../lib/ledger-format';
import { useLedgerMutation, useStock } from '../../pages/ledger/queries';
import { ErrorAlert } from '../ErrorAlert';
import { Field, SelectField } from '../Field';
import { EMPTY_SIGNATURE, MySignature, signatureBody, signatureError } from './Signature';

interface Line {
  containerId: string;
  all: boolean;
  amount: string;
}

function TextArea({ id, label, value, onChange, error, hint }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string | undefined; hint?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && <span className="hint">{hint}</span>}
      <textarea id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error !== undefined} />
      {error !== undefined && <span className="error">{error}</span>}
    </div>
  );
}

/** A theft or significant loss, with the information the authority's form asks for (US: DEA Form 106). */
export function LossForm({ session, onDone, onCancel }: { session: ActiveSession; onDone: () => void; onCancel: () => void }) {
  const tz = session.clinic.timeZone;
  const us = session.clinic.jurisdiction === 'US';
  const stock = useStock('in_stock');
  const containers = stock.data?.containers ?? [];
  const [f, setF] = useState({
    discovered: clinicNow(tz).local,
    theftType: 'other',
    theftTypeOther: '',
    registrantName: session.clinic.name,
    registrantAddress: '',
    registrantRegistration: '',
    policeNotified: false,
    policeDepartment: '',
    policeReportNumber: '',
    carrierName: '',
    trackingNumber: '',
    containerMarkings: '',
    circumstances: '',
    securityMeasures: '',
  });
  const [lines, setLines] = useState<Line[]>([]);
  const [sig, setSig] = useState(EMPTY_SIGNATURE);
  const report = useLedgerMutation(() => {
    const { discovered, ...rest } = f;
    return api.post('/api/ledger/loss-reports', {
      ...rest,
      discoveredAt: zonedToIso(discovered, tz),
      lines: lines.map((l) => {
        const c = containers.find((x) => x.id === l.containerId);
        const n = Number(l.amount.replace(',', '.'));
        return l.all ? { containerId: l.containerId, all: true } : c?.product.form === 'liquid' ? { containerId: l.containerId, volumeMl: n } : { containerId: l.containerId, units: n };
      }),
      ...signatureBody(sig),
    });
  }, onDone);
  const fe = (n: string) => (report.error instanceof ApiError ? report.error.fieldError(n) : undefined);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    report.mutate();
  };
  const unused = containers.filter((c) => !lines.some((l) => l.containerId === c.id));
  return (
    <form className="panel" onSubmit={submit} noValidate aria-label="Report a theft or loss">
      <h2>Report a theft or significant loss</h2>
      <p className="small muted">{us ? 'These are the facts DEA Form 106 asks for. Saving takes the stock off the register and creates the deadline tasks.' : 'Saving takes the stock off the register and creates follow-up tasks.'}</p>
      <div className="form-row">
        <Field label={`Discovered (date and time, ${tz})`} type="datetime-local" value={f.discovered} onChange={(e) => setF({ ...f, discovered: e.target.value })} error={fe('discoveredAt')} />
        <SelectField label="Type of theft or loss" value={f.theftType} onChange={(e) => setF({ ...f, theftType: e.target.value })} options={THEFT_TYPES} />
        {f.theftType === 'other' && <Field label="Explain the type" value={f.theftTypeOther} onChange={(e) => setF({ ...f, theftTypeOther: e.target.value })} error={fe('theftTypeOther')} />}
      </div>
      <h3>What is missing</h3>
      {lines.map((l, i) => {
        const c = containers.find((x) => x.id === l.containerId);
        return (
          <div className="form-row" key={l.containerId} role="group" aria-label={`Missing ${i + 1}`}>
            <div className="field">
              <span className="label">Container</span>
              <span>{c === undefined ? '' : `#${c.no} ${c.product.name} · lot ${c.lot}`}</span>
            </div>
            <label className="check">
              <input type="checkbox" checked={l.all} onChange={(e) => setLines(lines.map((x, j) => (j === i ? { ...x, all: e.target.checked } : x)))} /> All of it
            </label>
            {!l.all && <Field label={`Amount missing (${c?.product.form === 'liquid' ? 'mL' : 'devices'})`} value={l.amount} onChange={(e) => setLines(lines.map((x, j) => (j === i ? { ...x, amount: e.target.value } : x)))} error={fe(`lines.${i}.volumeMl`) ?? fe(`lines.${i}.units`)} />}
            <button type="button" className="secondary" onClick={() => setLines(lines.filter((_, j) => j !== i))}>
              Remove
            </button>
          </div>
        );
      })}
      {unused.length > 0 && (
        <SelectField
          label="Add a container"
          value=""
          onChange={(e) => e.target.value !== '' && setLines([...lines, { containerId: e.target.value, all: true, amount: '' }])}
          options={[{ value: '', label: 'Choose…' }, ...unused.map((c) => ({ value: c.id, label: `#${c.no} ${c.product.name} · lot ${c.lot}` }))]}
          error={fe('lines')}
        />
      )}
      <h3>Registrant and police</h3>
      <div className="form-row">
        <Field label="Registrant (clinic) name" value={f.registrantName} onChange={(e) => setF({ ...f, registrantName: e.target.value })} error={fe('registrantName')} />
        <Field label={us ? 'Clinic DEA registration number' : 'Clinic licence number (if any)'} value={f.registrantRegistration} onChange={(e) => setF({ ...f, registrantRegistration: e.target.value })} error={fe('registrantRegistration')} />
      </div>
      <Field label="Registered address" value={f.registrantAddress} onChange={(e) => setF({ ...f, registrantAddress: e.target.value })} error={fe('registrantAddress')} />
      <label className="check">
        <input type="checkbox" checked={f.policeNotified} onChange={(e) => setF({ ...f, policeNotified: e.target.checked })} /> The police were told
      </label>
      {f.policeNotified && (
        <div className="form-row">
          <Field label="Police department" value={f.policeDepartment} onChange={(e) => setF({ ...f, policeDepartment: e.target.value })} error={fe('policeDepartment')} />
          <Field label="Police report number" value={f.policeReportNumber} onChange={(e) => setF({ ...f, policeReportNumber: e.target.value })} />
        </div>
      )}
      {f.theftType === 'lost_in_transit' && (
        <div className="form-row">
          <Field label="Carrier" value={f.carrierName} onChange={(e) => setF({ ...f, carrierName: e.target.value })} error={fe('carrierName')} />
          <Field label="Tracking number" value={f.trackingNumber} onChange={(e) => setF({ ...f, trackingNumber: e.target.value })} />
        </div>
      )}
      <TextArea id="loss-circumstances" label="What happened" value={f.circumstances} onChange={(v) => setF({ ...f, circumstances: v })} error={fe('circumstances')} />
      <TextArea id="loss-markings" label="Marks or labels on the containers that would identify them (optional)" value={f.containerMarkings} onChange={(v) => setF({ ...f, containerMarkings: v })} />
      <TextArea id="loss-security" label="What has been done to prevent it happening again (optional)" value={f.securityMeasures} onChange={(v) => setF({ ...f, securityMeasures: v })} />
      <MySignature value={sig} onChange={setSig} mfa={session.user.mfaEnabled} error={report.error} />
      <ErrorAlert error={signatureError(report.error)} inlineFields={['discoveredAt', 'theftTypeOther', 'registrantName', 'registrantRegistration', 'registrantAddress', 'policeDepartment', 'carrierName', 'circumstances', 'lines', 'password', 'totpCode']} />
      <div className="actions">
        <button type="submit" className="danger" disabled={report.isPending || lines.length === 0}>
          Report theft or loss
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
