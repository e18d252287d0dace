import { useState, type SubmitEvent } from 'react';
import { api } from '../api/client';
import { useRefreshSession } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field } from '../components/Field';
import { Logo } from '../components/Logo';

/** Second step of sign-in: the code from the authenticator app, or a recovery code. */
export function MfaPage() {
  const refresh = useRefreshSession();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/auth/mfa/verify', useRecovery ? { recoveryCode: code } : { code: code.replace(/\s/g, '') });
      await refresh();
    } catch (err) {
      setError(err);
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  async function cancel() {
    await api.post('/api/auth/logout').catch(() => undefined);
    await refresh();
  }

  return (
    <main className="center-page">
      <div className="card">
        <Logo />
        <h1>Two-step sign-in</h1>
        <p className="muted">{useRecovery ? 'Enter one of the recovery codes you saved. Each works once.' : 'Open your authenticator app and enter the 6-digit code for Ketapath.'}</p>
        <ErrorAlert error={error} />
        <form onSubmit={(e) => void submit(e)}>
          {useRecovery ? (
            <Field label="Recovery code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" autoFocus placeholder="XXXX-XXXX-XXXX" />
          ) : (
            <Field label="6-digit code" className="code-input" inputMode="numeric" autoComplete="one-time-code" maxLength={7} value={code} onChange={(e) => setCode(e.target.value)} autoFocus />
          )}
          <button type="submit" className="block" disabled={busy || code.trim() === ''}>
            {busy ? 'Checking…' : 'Continue'}
          </button>
        </form>
        <div className="actions" style={{ justifyContent: 'space-between', marginTop: '1rem' }}>
          <button type="button" className="link" onClick={() => { setUseRecovery(!useRecovery); setCode(''); setError(null); }}>
            {useRecovery ? 'Use the authenticator app' : 'Use a recovery code instead'}
          </button>
          <button type="button" className="link" onClick={() => void cancel()}>
            Cancel and sign out
          </button>
        </div>
      </div>
    </main>
  );
}
