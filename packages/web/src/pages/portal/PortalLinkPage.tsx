import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PORTAL_SESSION_KEY } from './portal-api';

interface LinkInfo {
  readonly purpose: 'invitation' | 'sign_in';
  readonly clinicName: string;
  readonly firstName: string;
  readonly hasPassword: boolean;
}

/** An invitation (choose a password, or keep using email links) or a one-time sign-in link. */
export function PortalLinkPage() {
  const { token = '' } = useParams();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const info = useQuery({ queryKey: ['portal-link', token], queryFn: () => api.get<LinkInfo>(`/api/portal/links/${token}`), retry: false });
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function accept(withPassword: boolean, e?: SyntheticEvent) {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/portal/links/${token}/accept`, withPassword ? { password } : {});
      await qc.invalidateQueries({ queryKey: PORTAL_SESSION_KEY });
      void navigate('/portal', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (info.isPending) {
    return <p className="portal-narrow">Checking your link…</p>;
  }
  if (info.isError) {
    return (
      <div className="portal-narrow">
        <h1>This link no longer works</h1>
        <ErrorAlert error={info.error} />
        <a className="button" href="/portal">
          Ask for a new sign-in link
        </a>
      </div>
    );
  }
  const l = info.data;
  if (l.purpose === 'sign_in') {
    return (
      <div className="portal-narrow">
        <h1>Welcome back, {l.firstName}</h1>
        <ErrorAlert error={error} />
        <button type="button" className="big" disabled={busy} onClick={() => void accept(false)}>
          Sign in to {l.clinicName}
        </button>
      </div>
    );
  }
  return (
    <div className="portal-narrow">
      <h1>Welcome, {l.firstName}</h1>
      <p>{l.clinicName} has invited you to your patient portal. Choose a password to sign in with, or skip it and sign in with a link we email you each time.</p>
      <form className="card" onSubmit={(e) => void accept(true, e)}>
        <div className="field">
          <label htmlFor="np">Choose a password</label>
          <input id="np" type="password" autoComplete="new-password" minLength={12} required value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="np-hint" />
          <span id="np-hint" className="small muted">
            At least 12 characters. A few unrelated words work well.
          </span>
        </div>
        <ErrorAlert error={error} inlineFields={[]} />
        <button type="submit" className="big" disabled={busy}>
          Save password and open my portal
        </button>
      </form>
      <button type="button" className="link" disabled={busy} onClick={() => void accept(false)}>
        Skip: I will sign in with an email link
      </button>
    </div>
  );
}
