import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InvitationDto, StaffRole, UserDto } from '@ketapath/server/contracts';
import { useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../api/client';
import type { ActiveSession } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field, SelectField } from '../components/Field';
import { formatDateTime, ROLE_LABELS } from '../lib/format';

const ROLE_OPTIONS = (['nurse', 'prescriber', 'front_desk', 'admin'] as const).map((r) => ({ value: r, label: ROLE_LABELS[r] ?? r }));
type Staff = { users: UserDto[]; invitations: InvitationDto[] };

function InviteForm() {
  const qc = useQueryClient();
  const [form, setForm] = useState({ name: '', email: '', role: 'nurse' });
  const [link, setLink] = useState<{ url: string; name: string } | null>(null);
  const invite = useMutation({
    mutationFn: () => api.post<{ inviteUrl: string }>('/api/users/invitations', form),
    onSuccess: async (res) => {
      setLink({ url: res.inviteUrl, name: form.name });
      setForm({ name: '', email: '', role: form.role });
      await qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const fe = (n: string) => (invite.error instanceof ApiError ? invite.error.fieldError(n) : undefined);
  function submit(e: SubmitEvent) {
    e.preventDefault();
    setLink(null);
    invite.mutate();
  }
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="invite-h">
      <h2 id="invite-h">Invite a staff member</h2>
      <ErrorAlert error={invite.error} inlineFields={['name', 'email', 'role']} />
      <div className="form-row">
        <Field label="Full name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={fe('name')} />
        <Field label="Email" type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={fe('email')} />
        <SelectField label="Role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })} options={ROLE_OPTIONS} />
      </div>
      <button type="submit" disabled={invite.isPending}>
        Create invitation
      </button>
      {link !== null && (
        <div className="alert ok" role="status" style={{ marginTop: '1rem' }}>
          <strong>Invitation for {link.name} created.</strong>
          Send this one-time link to them privately. It works once and expires in 7 days.
          <div className="copy-row" style={{ marginTop: '0.5rem' }}>
            <input type="text" readOnly value={link.url} aria-label="Invitation link" onFocus={(e) => e.target.select()} data-testid="invite-link" />
            <button type="button" className="secondary" onClick={() => void navigator.clipboard.writeText(link.url)}>
              Copy
            </button>
          </div>
        </div>
      )}
    </form>
  );
}

function UserRow({ user, me, timeZone }: { user: UserDto; me: string; timeZone: string }) {
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const act = useMutation({
    mutationFn: (fn: () => Promise<unknown>) => fn(),
    onSuccess: async () => {
      setError(null);
      await qc.invalidateQueries({ queryKey: ['users'] });
    },
    onError: setError,
  });
  const post = (path: string, confirmText?: string) => () => {
    if (confirmText !== undefined && !window.confirm(confirmText)) {
      return;
    }
    act.mutate(() => api.post(`/api/users/${user.id}/${path}`));
  };
  const isMe = user.id === me;
  return (
    <tr>
      <td>
        <strong>{user.name}</strong>
        {isMe && <span className="badge info" style={{ marginLeft: 6 }}>You</span>}
        <div className="small muted">{user.email}</div>
        {error !== null && <ErrorAlert error={error} />}
      </td>
      <td>
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          Role of {user.name}
        </label>
        <select
          id={`role-${user.id}`}
          value={user.role}
          disabled={act.isPending || user.status !== 'active'}
          onChange={(e) => act.mutate(() => api.patch(`/api/users/${user.id}`, { role: e.target.value as StaffRole }))}
        >
          {ROLE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        {user.status === 'active' ? <span className="badge ok">Active</span> : <span className="badge">Deactivated</span>}{' '}
        {user.lockedUntil !== null && <span className="badge danger">Locked</span>}{' '}
        {user.mfaEnabled ? <span className="badge info">2-step on</span> : <span className="badge warn">2-step off</span>}
      </td>
      <td className="small">{user.lastLoginAt === null ? 'Never' : formatDateTime(user.lastLoginAt, timeZone)}</td>
      <td>
        <div className="actions" style={{ marginTop: 0 }}>
          {user.lockedUntil !== null && (
            <button type="button" className="secondary small" onClick={post('unlock')}>
              Unlock
            </button>
          )}
          {user.mfaEnabled && !isMe && (
            <button type="button" className="secondary small" onClick={post('reset-mfa', `Reset two-step sign-in for ${user.name}? They will be signed out and set it up again at next sign-in.`)}>
              Reset 2-step
            </button>
          )}
          {user.status === 'active' && !isMe && (
            <button type="button" className="secondary small" onClick={post('deactivate', `Deactivate ${user.name}? They are signed out at once and cannot sign in. Their records stay.`)}>
              Deactivate
            </button>
          )}
          {user.status === 'deactivated' && (
            <button type="button" className="secondary small" onClick={post('reactivate')}>
              Reactivate
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}

export function StaffPage({ session }: { session: ActiveSession }) {
  const qc = useQueryClient();
  const staff = useQuery({ queryKey: ['users'], queryFn: () => api.get<Staff>('/api/users') });
  const revoke = useMutation({
    mutationFn: (id: string) => api.post(`/api/users/invitations/${id}/revoke`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
  const tz = session.clinic.timeZone;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Staff</h1>
          <p className="muted">Who can sign in to {session.clinic.name}, and what their role allows.</p>
        </div>
      </div>
      <InviteForm />
      <div className="panel">
        <h2>Accounts</h2>
        <ErrorAlert error={staff.error} />
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Person</th>
                <th>Role</th>
                <th>Status</th>
                <th>Last sign-in</th>
                <th>Actions</th>
              </tr>
            </thead>
            <tbody>
              {staff.data?.users.map((u) => <UserRow key={u.id} user={u} me={session.user.id} timeZone={tz} />)}
            </tbody>
          </table>
        </div>
      </div>
      {staff.data !== undefined && staff.data.invitations.length > 0 && (
        <div className="panel">
          <h2>Open invitations</h2>
          <ErrorAlert error={revoke.error} />
          <table>
            <thead>
              <tr>
                <th>Person</th>
                <th>Role</th>
                <th>Status</th>
                <th>Expires</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {staff.data.invitations.map((i) => (
                <tr key={i.id}>
                  <td>
                    {i.name}
                    <div className="small muted">{i.email}</div>
                  </td>
                  <td>{ROLE_LABELS[i.role]}</td>
                  <td>{i.status === 'pending' ? <span className="badge info">Waiting</span> : <span className="badge warn">Expired</span>}</td>
                  <td className="small">{formatDateTime(i.expiresAt, tz)}</td>
                  <td>
                    <button type="button" className="secondary small" onClick={() => revoke.mutate(i.id)}>
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
