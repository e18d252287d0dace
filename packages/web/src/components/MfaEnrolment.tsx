import { useEffect, useState, type SubmitEvent } from 'react';
import { api } from '../api/client';
import { ErrorAlert } from './ErrorAlert';
import { Field } from './Field';

interface Start {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

/** Enrol an authenticator app: scan, confirm one code, then save the recovery codes. */
export function MfaEnrolment({ onDone }: { onDone: () => void | Promise<void> }) {
  const [start, setStart] = useState<Start | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.post<Start>('/api/auth/mfa/enrolment').then(setStart, setError);
  }, []);

  async function confirm(e: SubmitEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ recoveryCodes: string[] }>('/api/auth/mfa/enrolment/confirm', { code: code.replace(/\s/g, '') });
      setCodes(res.recoveryCodes);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (codes !== null) {
    return (
      <div>
        <div className="alert ok" role="status">
          <strong>Two-step sign-in is on.</strong>
          Save these recovery codes somewhere safe (printed, or in a password manager). Each one signs you in once if you lose your phone. They are shown only now.
        </div>
        <div className="codes" aria-label="Recovery codes">
          {codes.map((c) => (
            <span key={c}>{c}</span>
          ))}
        </div>
        <div className="actions" style={{ marginTop: '1rem' }}>
          <button type="button" className="secondary" onClick={() => window.print()}>
            Print codes
          </button>
          <label className="check">
            <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} /> I have saved my recovery codes
          </label>
        </div>
        <button type="button" className="block" style={{ marginTop: '1rem' }} disabled={!saved} onClick={() => void onDone()}>
          Continue
        </button>
      </div>
    );
  }

  return (
    <div>
      <ErrorAlert error={error} />
      <ol className="muted">
        <li>Install an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator or 1Password).</li>
        <li>Scan this code with the app, or type the key below.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      {start === null ? (
        <p>Preparing…</p>
      ) : (
        <>
          <img className="qr" alt="QR code for your authenticator app" src={`data:image/svg+xml;base64,${btoa(start.qrSvg)}`} />
          <p className="small">
            Key: <code data-testid="totp-secret">{start.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
          </p>
          <form onSubmit={(e) => void confirm(e)}>
            <Field label="6-digit code from the app" className="code-input" inputMode="numeric" autoComplete="one-time-code" maxLength={7} value={code} onChange={(e) => setCode(e.target.value)} />
            <button type="submit" disabled={busy || code.trim().length < 6}>
              {busy ? 'Checking…' : 'Turn on two-step sign-in'}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
