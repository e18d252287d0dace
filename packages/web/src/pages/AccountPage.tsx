import { useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../api/client';
import { useRefreshSession, type ActiveSession } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field } from '../components/Field';
import { MfaEnrolment } from '../components/MfaEnrolment';
import { ROLE_LABELS } from '../lib/format';

function ChangePassword() {
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const mismatch = form.confirm !== '' && form.confirm !== form.newPassword;

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setError(null);
    setDone(false);
    try {
      await api.post('/api/auth/password', { currentPassword: form.currentPassword, newPassword: form.newPassword });
      setDone(true);
      setForm({ currentPassword: '', newPassword: '', confirm: '' });
    } catch (err) {
      setError(err);
    }
  }
  const fe = (n: string) => (error instanceof ApiError ? error.fieldError(n) : undefined);
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate>
      <h2>Change password</h2>
      <p className="muted small">Changing your password signs you out on every other device.</p>
      {done && <div className="alert ok" role="status">Password changed. Other devices have been signed out.</div>}
      <ErrorAlert error={error} inlineFields={['currentPassword', 'newPassword']} />
      <Field label="Current password" type="password" autoComplete="current-password" value={form.currentPassword} onChange={(e) => setForm({ ...form, currentPassword: e.target.value })} error={fe('currentPassword')} />
      <Field label="New password" type="password" autoComplete="new-password" hint="At least 12 characters." value={form.newPassword} onChange={(e) => setForm({ ...form, newPassword: e.target.value })} error={fe('newPassword')} />
      <Field label="New password again" type="password" autoComplete="new-password" value={form.confirm} onChange={(e) => setForm({ ...form, confirm: e.target.value })} error={mismatch ? 'The two new passwords are different.' : undefined} />
      <button type="submit" disabled={mismatch || form.newPassword === '' || form.currentPassword === ''}>
        Change password
      </button>
    </form>
  );
}

export function AccountPage({ session }: { session: ActiveSession }) {
  const refresh = useRefreshSession();
  const [enrolling, setEnrolling] = useState(false);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>My account</h1>
          <p className="muted">
            {session.user.name} · {session.user.email} · {ROLE_LABELS[session.user.role]}
          </p>
        </div>
      </div>
      <div className="grid-2">
        <div className="panel">
          <h2>Two-step sign-in</h2>
          {session.user.mfaEnabled ? (
            <p>
              <span className="badge ok">On</span> You sign in with your password and a code from your authenticator app. If you lose your phone, use a recovery code or ask an administrator to reset it.
            </p>
          ) : enrolling ? (
            <MfaEnrolment
              onDone={async () => {
                setEnrolling(false);
                await refresh();
              }}
            />
          ) : (
            <>
              <p>
                <span className="badge warn">Off</span> Add a code from your phone to protect patient records if your password is ever stolen.
              </p>
              <button type="button" onClick={() => setEnrolling(true)}>
                Turn on two-step sign-in
              </button>
            </>
          )}
        </div>
        <ChangePassword />
      </div>
    </>
  );
}
