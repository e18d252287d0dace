import { useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PORTAL_SESSION_KEY } from './portal-api';

export function PortalSignIn({ notice }: { notice?: string | null }) {
  const qc = useQueryClient();
  const [mode, setMode] = useState<'link' | 'password'>('link');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mode === 'link') {
        await api.post('/api/portal/sign-in-link', { email });
        setSent(true);
      } else {
        await api.post('/api/portal/login', { email, password });
        await qc.invalidateQueries({ queryKey: PORTAL_SESSION_KEY });
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="portal-narrow">
      <h1>Sign in to your patient portal</h1>
      {notice !== null && notice !== undefined && <p className="alert">{notice}</p>}
      {sent ? (
        <div className="card">
          <h2>Check your email</h2>
          <p>If {email} belongs to a patient portal, we have sent a sign-in link to it. The link works once and expires in 15 minutes.</p>
          <button type="button" className="secondary" onClick={() => setSent(false)}>
            Use a different address
          </button>
        </div>
      ) : (
        <form className="card" onSubmit={(e) => void submit(e)}>
          <div className="field">
            <label htmlFor="pe">Email address</label>
            <input id="pe" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          {mode === 'password' && (
            <div className="field">
              <label htmlFor="pp">Password</label>
              <input id="pp" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
            </div>
          )}
          <ErrorAlert error={error} />
          <button type="submit" className="big" disabled={busy}>
            {mode === 'link' ? 'Email me a sign-in link' : 'Sign in'}
          </button>
          <button type="button" className="link" onClick={() => setMode(mode === 'link' ? 'password' : 'link')}>
            {mode === 'link' ? 'I have a password' : 'Email me a link instead'}
          </button>
        </form>
      )}
      <p className="small muted">Staff of the clinic sign in on the <a href="/">staff sign-in page</a>.</p>
    </div>
  );
}
