import type { PatientDto } from '@ketapath/server/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Account {
  readonly status: 'none' | 'invited' | 'active' | 'disabled';
  readonly email: string | null;
  readonly lastSignInAt: string | null;
  readonly invitation: { sentAt: string; expiresAt: string; status: 'open' | 'used' | 'revoked' | 'expired' } | null;
}

const STATUS: Record<Account['status'], string> = { none: 'Not invited', invited: 'Invited, not yet signed in', active: 'Active', disabled: 'Access stopped' };

export function PortalAccessPanel({ patient, canInvite }: { patient: PatientDto; canInvite: boolean }) {
  const qc = useQueryClient();
  const acc = useQuery({ queryKey: ['portal-account', patient.id], queryFn: () => api.get<Account>(`/api/patients/${patient.id}/portal`) });
  const [email, setEmail] = useState(patient.email ?? '');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  async function act(path: string, body: unknown, message: string) {
    setError(null);
    setDone(null);
    try {
      await api.post(`/api/patients/${patient.id}/portal/${path}`, body);
      setDone(message);
      await qc.invalidateQueries({ queryKey: ['portal-account', patient.id] });
    } catch (err) {
      setError(err);
    }
  }
  const a = acc.data;
  return (
    <section className="panel" aria-labelledby="portal-h">
      <h2 id="portal-h">Patient portal</h2>
      {a !== undefined && (
        <p>
          <strong>{STATUS[a.status]}</strong>
          {a.email !== null && <> · {a.email}</>}
          {a.invitation !== null && a.status === 'invited' && <> · invitation {a.invitation.status === 'open' ? `valid until ${new Date(a.invitation.expiresAt).toLocaleDateString()}` : a.invitation.status}</>}
          {a.lastSignInAt !== null && <> · last signed in {new Date(a.lastSignInAt).toLocaleString()}</>}
        </p>
      )}
      {canInvite && (
        <div className="form-row">
          <div className="field">
            <label htmlFor="portal-email">Email for the invitation</label>
            <input id="portal-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <button type="button" onClick={() => void act('invitations', { email }, 'Invitation sent.')}>
            {a === undefined || a.status === 'none' ? 'Invite to the portal' : 'Send the invitation again'}
          </button>
          {a !== undefined && a.status !== 'none' && a.status !== 'disabled' && (
            <button type="button" className="secondary" onClick={() => void act('revoke', {}, 'Portal access stopped.')}>
              Stop portal access
            </button>
          )}
        </div>
      )}
      {done !== null && <p role="status">{done}</p>}
      <ErrorAlert error={error} />
    </section>
  );
}
