import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { ConsentText } from '../../components/ConsentText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { SignaturePad, type SignaturePadHandle } from '../../components/SignaturePad';

interface PortalConsent {
  readonly current: {
    readonly id: string;
    readonly version: number;
    readonly contentHash: string;
    readonly changeSummary: string | null;
    readonly content: { title: string; intro: string; sections: readonly { heading: string; paragraphs: readonly string[] }[]; sources: readonly string[] };
  };
  readonly signed: { readonly version: number; readonly status: string };
}

const AFTER_SIGNING: Record<string, string> = {
  awaiting_countersignature: 'Thank you. Your clinician will add their signature at your next visit.',
  valid: 'Thank you. Your consent is up to date.',
};

/** A patient reads the current version of a consent form that changed, and signs it in the portal. */
export function PortalConsent() {
  const { kind = '' } = useParams();
  const qc = useQueryClient();
  const form = useQuery({ queryKey: ['portal-consent', kind], queryFn: () => api.get<PortalConsent>(`/api/portal/consents/${kind}`) });
  const pad = useRef<SignaturePadHandle>(null);
  const [name, setName] = useState('');
  const [read, setRead] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  if (form.isPending) {
    return <p className="muted">Loading the form…</p>;
  }
  if (form.isError) {
    return <ErrorAlert error={form.error} />;
  }
  const c = form.data.current;
  if (done !== null) {
    return (
      <section className="pcard" role="status">
        <h1>{c.content.title}</h1>
        <p>{AFTER_SIGNING[done] ?? 'Thank you. Your signature is saved.'}</p>
        <Link to="/portal">Back to your home page</Link>
      </section>
    );
  }
  const submit = async (): Promise<void> => {
    setError(null);
    const png = pad.current?.toPng() ?? null;
    if (png === null) {
      setError(new Error('Please sign in the box before saving.'));
      return;
    }
    try {
      const r = await api.post<{ status: string }>('/api/portal/consents', { templateVersionId: c.id, contentHash: c.contentHash, signerName: name, signaturePng: png, readConfirmed: read });
      await qc.invalidateQueries({ queryKey: ['portal-home'] });
      setDone(r.status);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <article className="pcard">
      <p className="small muted">
        Version {c.version} (you signed version {form.data.signed.version})
      </p>
      <h1>{c.content.title}</h1>
      {c.changeSummary !== null && (
        <p className="warn-text">
          <strong>What changed:</strong> {c.changeSummary}
        </p>
      )}
      <ConsentText content={c.content} />
      <section aria-label="Signature">
        <ErrorAlert error={error} />
        <label className="check">
          <input type="checkbox" checked={read} onChange={(e) => setRead(e.target.checked)} /> I have read the whole form and had the chance to ask questions
        </label>
        <Field label="Your full name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
        <SignaturePad ref={pad} label="Sign here with your finger or mouse" />
        <button type="button" className="big" disabled={!read || name.trim().length < 2} onClick={() => void submit()}>
          Sign the new version
        </button>
        <p className="small">
          Questions first? <Link to="/portal">Go back</Link> and call the clinic.
        </p>
      </section>
    </article>
  );
}
