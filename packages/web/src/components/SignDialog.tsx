import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { ApiError } from '../api/client';
import { useSession } from '../api/session';
import { ErrorAlert } from './ErrorAlert';
import { Field } from './Field';

export interface SignatureProof {
  password: string;
  totpCode?: string;
}

/**
 * Confirm a signature by re-entering the password (and the current code with two-step sign-in).
 * `onSign` performs the signed request; a wrong password keeps the dialog open with the message.
 */
export function SignDialog({ open, title, statement, mfa, onSign, onClose, submitLabel = 'Sign', cancelLabel = 'Cancel' }: { open: boolean; title: string; statement: string; mfa: boolean; onSign: (proof: SignatureProof) => Promise<void>; onClose: () => void; submitLabel?: string; cancelLabel?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const session = useSession();
  const demoPassword = session.data?.authenticated === true ? session.data.clinic.demoPassword : null;
  useEffect(() => {
    const d = ref.current;
    if (d === null) {
      return;
    }
    if (open && !d.open) {
      d.showModal();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSign({ password, ...(mfa ? { totpCode: code.replace(/\s/g, '') } : {}) });
      setPassword('');
      setCode('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const fe = (n: string) => (error instanceof ApiError ? error.fieldError(n) : undefined);
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="sign-title">
      <form className="dialog-body" onSubmit={(e) => void submit(e)}>
        <h2 id="sign-title">{title}</h2>
        <p>{statement}</p>
        {demoPassword !== null && <p className="small muted">Demo clinic: the password is {demoPassword}</p>}
        <ErrorAlert error={error} inlineFields={['password', 'totpCode']} />
        <Field label="Your password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={fe('password')} autoFocus />
        {mfa && <Field label="6-digit code from your authenticator app" className="code-input" inputMode="numeric" autoComplete="one-time-code" maxLength={7} value={code} onChange={(e) => setCode(e.target.value)} error={fe('totpCode')} />}
        <div className="actions">
          <button type="submit" disabled={busy || password === ''}>
            {busy ? 'Checking…' : submitLabel}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {cancelLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
