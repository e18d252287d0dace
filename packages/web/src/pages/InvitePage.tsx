import { useQuery } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import { useRefreshSession } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field } from '../components/Field';
import { Logo } from '../components/Logo';
import { ROLE_LABELS } from '../lib/format';

interface Invitation {
  clinicName: string;
  name: string;
  email: string;
  role: string;
  expiresAt: string;
}

/** Accept a staff invitation: confirm your name and choose a password. */
export function InvitePage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const refresh = useRefreshSession();
  const invitation = useQuery({ queryKey: ['invitation', token], queryFn: () => api.get<Invitation>(`/api/invitations/${token}`), retry: false });
  const [name, setName] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/invitations/${token}/accept`, { name: name ?? invitation.data?.name ?? '', password });
      await refresh();
      await navigate('/', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const fe = (n: string) => (error instanceof ApiError ? error.fieldError(n) : undefined);
  return (
    <main className="center-page">
      <div className="card">
        <Logo />
        {invitation.isPending && <p>Checking your invitation…</p>}
        {invitation.isError && (
          <>
            <h1>Invitation not valid</h1>
            <ErrorAlert error={invitation.error} />
          </>
        )}
        {invitation.data !== undefined && (
          <>
            <h1>Join {invitation.data.clinicName}</h1>
            <p className="muted">
              You are invited as <strong>{ROLE_LABELS[invitation.data.role] ?? invitation.data.role}</strong> with the email <strong>{invitation.data.email}</strong>.
            </p>
            <ErrorAlert error={error} inlineFields={['name', 'password']} />
            <form onSubmit={(e) => void submit(e)} noValidate>
              <Field label="Your full name" value={name ?? invitation.data.name} onChange={(e) => setName(e.target.value)} error={fe('name')} autoComplete="name" />
              <Field label="Choose a password" type="password" hint="At least 12 characters. A few unrelated words work well." value={password} onChange={(e) => setPassword(e.target.value)} error={fe('password')} autoComplete="new-password" />
              <button type="submit" className="block" disabled={busy}>
                {busy ? 'Creating your account…' : 'Create my account'}
              </button>
            </form>
          </>
        )}
      </div>
    </main>
  );
}
