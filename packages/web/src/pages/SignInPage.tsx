import { useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../api/client';
import { useRefreshSession } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field } from '../components/Field';
import { Logo } from '../components/Logo';
import { ROLE_LABELS } from '../lib/format';

export function SignInPage({ demo, demoPassword, notice }: { demo: boolean; demoPassword: string | null; notice: string | null }) {
  const refresh = useRefreshSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      await refresh();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function submit(e: SubmitEvent) {
    e.preventDefault();
    void run(() => api.post('/api/auth/login', { email, password }));
  }

  const fe = (n: string) => (error instanceof ApiError ? error.fieldError(n) : undefined);
  return (
    <main className="center-page">
      <div className="card">
        <Logo />
        <h1>Sign in</h1>
        {notice !== null && <div className="alert info" role="status">{notice}</div>}
        <ErrorAlert error={error} inlineFields={['email', 'password']} />
        <form onSubmit={submit} noValidate>
          <Field label="Email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} error={fe('email')} required autoFocus />
          <Field label="Password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={fe('password')} required />
          <button type="submit" className="block" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className="muted small" style={{ marginTop: '1rem' }}>
          Forgot your password or lost your phone? Ask your clinic administrator to reset your access.
        </p>
        {demo && (
          <section aria-labelledby="demo-h" style={{ marginTop: '1.5rem' }}>
            <h2 id="demo-h">Try the demo clinic</h2>
            <p className="muted small">Synthetic data only. Choose a role to look around:</p>
            {demoPassword !== null && (
              <p className="small">
                To sign decisions, plans and consents in the demo, the password of every demo user is <code>{demoPassword}</code> (generated for this installation).
              </p>
            )}
            <div className="actions">
              {(['admin', 'prescriber', 'nurse', 'front_desk'] as const).map((role) => (
                <button key={role} type="button" className="secondary" disabled={busy} onClick={() => void run(() => api.post('/api/demo/login', { role }))}>
                  {ROLE_LABELS[role]}
                </button>
              ))}
            </div>
            <p className="small" style={{ marginTop: '0.75rem' }}>
              Or see what patients see:{' '}
              <button type="button" className="link" disabled={busy} onClick={() => void api.post('/api/demo/portal-login').then(() => window.location.assign('/portal'))}>
                open the patient portal as a demo patient
              </button>
            </p>
          </section>
        )}
      </div>
    </main>
  );
}
