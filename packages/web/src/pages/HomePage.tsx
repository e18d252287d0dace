import { useQuery } from '@tanstack/react-query';
import type { InvitationDto, UserDto } from '@ketapath/server/contracts';
import { Link } from 'react-router';
import { api } from '../api/client';
import { can, type ActiveSession } from '../api/session';
import { ROLE_LABELS } from '../lib/format';

function greeting(timeZone: string): string {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hour12: false }).format(new Date()));
  return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

function StaffSummary() {
  const staff = useQuery({ queryKey: ['users'], queryFn: () => api.get<{ users: UserDto[]; invitations: InvitationDto[] }>('/api/users') });
  if (staff.data === undefined) {
    return <p className="muted">Loading staff…</p>;
  }
  const active = staff.data.users.filter((u) => u.status === 'active');
  const withoutMfa = active.filter((u) => !u.mfaEnabled);
  const locked = active.filter((u) => u.lockedUntil !== null);
  const pending = staff.data.invitations.filter((i) => i.status === 'pending');
  return (
    <div className="panel">
      <h2>Staff</h2>
      <p>
        <span className="stat">{active.length}</span> active accounts
      </p>
      <ul>
        <li>{pending.length} invitation(s) waiting to be accepted</li>
        <li>{withoutMfa.length} account(s) without two-step sign-in</li>
        {locked.length > 0 && <li className="badge danger">{locked.length} account(s) locked after failed sign-ins</li>}
      </ul>
      <Link to="/staff">Manage staff</Link>
    </div>
  );
}

function ChainStatus() {
  const verify = useQuery({ queryKey: ['audit-verify'], queryFn: () => api.get<{ ok: boolean; eventsChecked: number }>('/api/audit/verify'), staleTime: 300_000 });
  return (
    <div className="panel">
      <h2>Audit trail</h2>
      {verify.data === undefined ? (
        <p className="muted">Checking the audit trail…</p>
      ) : verify.data.ok ? (
        <p>
          <span className="badge ok">Intact</span> {verify.data.eventsChecked} events checked; none was changed or removed.
        </p>
      ) : (
        <div className="alert error">
          <strong>The audit trail has been tampered with.</strong> Open the audit trail page for the first broken record.
        </div>
      )}
      <Link to="/audit">Open the audit trail</Link>
    </div>
  );
}

export function HomePage({ session }: { session: ActiveSession }) {
  return (
    <>
      <div className="page-head">
        <div>
          <h1>
            {greeting(session.clinic.timeZone)}, {session.user.name.split(' ')[0]}
          </h1>
          <p className="muted">
            {ROLE_LABELS[session.user.role]} at {session.clinic.name}
          </p>
        </div>
      </div>
      {!session.user.mfaEnabled && (
        <div className="alert warn">
          <strong>Protect your account with two-step sign-in.</strong>
          A password alone is easy to steal. <Link to="/account">Turn on two-step sign-in</Link>.
        </div>
      )}
      <div className="grid-2">
        {can(session, 'user.list') && <StaffSummary />}
        {can(session, 'audit.verify') && <ChainStatus />}
        <div className="panel">
          <h2>Your account</h2>
          <ul>
            <li>Signed in as {session.user.email}</li>
            <li>Two-step sign-in: {session.user.mfaEnabled ? <span className="badge ok">On</span> : <span className="badge warn">Off</span>}</li>
            <li>You are signed out after {Math.round(session.idleTimeoutSeconds / 60)} minutes without activity.</li>
          </ul>
          <Link to="/account">Account and password</Link>
        </div>
      </div>
    </>
  );
}
