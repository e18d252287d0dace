import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConsentDto, ConsentTemplateVersionDto, PatientDto } from '@ketapath/server/contracts';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { patientKeys } from '../../api/patient-hooks';
import { useSession } from '../../api/session';
import { ConsentText } from '../../components/ConsentText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { SignaturePad, type SignaturePadHandle } from '../../components/SignaturePad';
import { SignDialog } from '../../components/SignDialog';

interface Templates {
  templates: { kind: string; label: string; current: ConsentTemplateVersionDto }[];
}

/** The patient reads the exact current version on a clinic tablet and signs; staff then countersign. */
export function SignConsentPage({ patient }: { patient: PatientDto }) {
  const { kind = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const session = useSession();
  const templates = useQuery({ queryKey: ['consent-templates'], queryFn: () => api.get<Templates>('/api/consent-templates') });
  const [readToEnd, setReadToEnd] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [relationship, setRelationship] = useState<'patient' | 'legal_representative'>('patient');
  const [name, setName] = useState('');
  const [hasInk, setHasInk] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [signed, setSigned] = useState<ConsentDto | null>(null);
  const [countersigning, setCountersigning] = useState(false);
  const pad = useRef<SignaturePadHandle>(null);
  const t = templates.data?.templates.find((x) => x.kind === kind);

  async function sign() {
    const png = pad.current?.toPng() ?? null;
    if (t === undefined || png === null) {
      return;
    }
    setError(null);
    try {
      const c = await api.post<ConsentDto>(`/api/patients/${patient.id}/consents`, { templateVersionId: t.current.id, contentHash: t.current.contentHash, signerName: name, signerRelationship: relationship, signaturePng: png, readConfirmed: true });
      setSigned(c);
      await qc.invalidateQueries({ queryKey: patientKeys.all(patient.id) });
    } catch (err) {
      setError(err);
    }
  }

  if (t === undefined) {
    return templates.isError ? <ErrorAlert error={templates.error} /> : <p>Loading the form…</p>;
  }
  const c = t.current.content;
  const mfa = session.data?.authenticated === true && session.data.user.mfaEnabled;
  if (signed !== null) {
    return (
      <div className="consent-sign panel">
        <div className="alert ok" role="status">
          <strong>Thank you. The form is signed.</strong> Please hand the device back to a member of staff.
        </div>
        <p>A nurse or prescriber now countersigns to confirm the consent discussion took place.</p>
        <div className="actions">
          <button type="button" onClick={() => setCountersigning(true)}>
            Countersign as staff
          </button>
          <Link className="button secondary" to={`/patients/${patient.id}/consent`}>
            Countersign later
          </Link>
        </div>
        <SignDialog
          open={countersigning}
          title="Countersign the consent"
          statement={`I confirm I discussed this treatment with ${patient.displayName} and answered their questions.`}
          mfa={mfa}
          onClose={() => setCountersigning(false)}
          onSign={async (proof) => {
            await api.post(`/api/consents/${signed.id}/countersign`, proof);
            await qc.invalidateQueries({ queryKey: patientKeys.all(patient.id) });
            await navigate(`/patients/${patient.id}/consent`);
          }}
        />
      </div>
    );
  }
  return (
    <div>
      <article
        className="consent-doc"
        aria-label={c.title}
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          if (el.scrollTop + el.clientHeight >= el.scrollHeight - 40) {
            setReadToEnd(true);
          }
        }}
        style={{ maxHeight: '60vh', overflowY: 'auto' }}
      >
        <p className="small muted">
          {patient.displayName} · form version {t.current.version}
        </p>
        <h1>{c.title}</h1>
        <ConsentText content={c} />
        <div ref={(el) => {
          if (el !== null && el.parentElement !== null && el.parentElement.scrollHeight <= el.parentElement.clientHeight + 40) {
            setReadToEnd(true);
          }
        }} />
      </article>
      <section className="consent-sign panel" aria-label="Signature">
        <ErrorAlert error={error} inlineFields={['signerName']} />
        {!readToEnd && <div className="alert info">Please scroll through the whole form before signing.</div>}
        <label className="check">
          <input type="checkbox" checked={confirmed} disabled={!readToEnd} onChange={(e) => setConfirmed(e.target.checked)} /> I have read the whole form, had the chance to ask questions, and agree to this treatment.
        </label>
        <fieldset className="tri">
          <legend>Who is signing?</legend>
          <div className="tri-options">
            <label className={`tri-option ${relationship === 'patient' ? 'on' : ''}`}>
              <input type="radio" name="rel" checked={relationship === 'patient'} onChange={() => setRelationship('patient')} /> The patient
            </label>
            <label className={`tri-option ${relationship === 'legal_representative' ? 'on' : ''}`}>
              <input type="radio" name="rel" checked={relationship === 'legal_representative'} onChange={() => setRelationship('legal_representative')} /> A legal representative
            </label>
          </div>
        </fieldset>
        <Field label="Type your full name" value={name} onChange={(e) => setName(e.target.value)} error={error instanceof ApiError ? error.fieldError('signerName') : undefined} autoComplete="off" />
        <SignaturePad ref={pad} label="Sign here with your finger or a stylus" onChange={setHasInk} />
        <div className="actions">
          <button type="button" className="secondary" onClick={() => pad.current?.clear()}>
            Clear signature
          </button>
          <button type="button" disabled={!confirmed || name.trim().length < 2 || !hasInk} onClick={() => void sign()}>
            Sign the consent
          </button>
          <Link to={`/patients/${patient.id}/consent`}>Cancel</Link>
        </div>
      </section>
    </div>
  );
}
