import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeviceDto } from '@ketapath/server/contracts';
import { useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../../api/client';
import type { ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field, SelectField } from '../../components/Field';
import { formatDateTime } from '../../lib/format';

const DEVICES_KEY = ['devices'] as const;
type Chair = { id: string; name: string; active: boolean };

/** How a monitor or gateway sends readings, with the token just created. */
function TokenPanel({ name, token, origin }: { name: string; token: string; origin: string }) {
  const [copied, setCopied] = useState(false);
  const example = `POST ${origin}/api/sessions/{sessionId}/vitals
Authorization: Bearer ${token}
Content-Type: application/json

{ "readings": [ { "clientId": "monitor-1-000123", "takenAt": "2026-11-30T14:05:00Z",
    "systolic": 128, "diastolic": 82, "heartRate": 74, "spo2": 98, "respiratoryRate": 14 } ] }`;
  return (
    <div className="alert ok" role="status">
      <strong>“{name}” is added. Copy its token now: it is shown only once.</strong>
      <div className="copy-row" style={{ margin: '0.5rem 0' }}>
        <input type="text" readOnly value={token} aria-label="Device token" onFocus={(e) => e.target.select()} data-testid="device-token" />
        <button
          type="button"
          className="secondary"
          onClick={() => {
            try {
              void navigator.clipboard.writeText(token).then(() => setCopied(true), () => setCopied(false));
            } catch {
              // No clipboard access (e.g. not a secure connection): the token field can still be selected and copied.
              setCopied(false);
            }
          }}
        >
          {copied ? 'Copied' : 'Copy token'}
        </button>
      </div>
      <p>Enter the token in the monitor’s or gateway’s settings. Ketapath keeps only a fingerprint of it: if it is lost, revoke this device and add it again.</p>
      <details>
        <summary>How the device sends readings</summary>
        <p className="small">
          The device sends each reading (or a batch of up to 200) to the session of the patient in its chair. Every reading carries an id made by the device (<code>clientId</code>, 8–64 letters, digits or <code>- _ . :</code>) and the time it was taken; sending the same reading again stores nothing twice, so the device can
          simply retry after a network failure. The answer lists each reading’s alerts.
        </p>
        <pre className="code-block">{example}</pre>
      </details>
    </div>
  );
}

function AddDevice({ chairs }: { chairs: readonly Chair[] }) {
  const qc = useQueryClient();
  const [form, setForm] = useState({ name: '', chairId: '' });
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const add = useMutation({
    mutationFn: () => api.post<{ device: DeviceDto; token: string }>('/api/devices', { name: form.name, chairId: form.chairId === '' ? null : form.chairId }),
    onSuccess: async (r) => {
      setCreated({ name: r.device.name, token: r.token });
      setForm({ name: '', chairId: '' });
      await qc.invalidateQueries({ queryKey: DEVICES_KEY });
    },
  });
  const fe = (n: string) => (add.error instanceof ApiError ? add.error.fieldError(n) : undefined);
  function submit(e: SubmitEvent) {
    e.preventDefault();
    setCreated(null);
    add.mutate();
  }
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="add-device-h">
      <h2 id="add-device-h">Add a device</h2>
      <ErrorAlert error={add.error} inlineFields={['name', 'chairId']} />
      <div className="form-row">
        <Field label="Device name" hint="For example: Monitor, Chair 1" value={form.name} maxLength={80} onChange={(e) => setForm({ ...form, name: e.target.value })} error={fe('name')} />
        <SelectField label="Chair" hint="Where the device stands (optional)." value={form.chairId} onChange={(e) => setForm({ ...form, chairId: e.target.value })} options={[{ value: '', label: 'No particular chair' }, ...chairs.filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }))]} error={fe('chairId')} />
      </div>
      <button type="submit" disabled={add.isPending}>
        Add device
      </button>
      {created !== null && (
        <div style={{ marginTop: '1rem' }}>
          <TokenPanel name={created.name} token={created.token} origin={window.location.origin} />
        </div>
      )}
    </form>
  );
}

function DeviceRow({ d, timeZone }: { d: DeviceDto; timeZone: string }) {
  const qc = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => api.post(`/api/devices/${d.id}/revoke`),
    onSuccess: () => qc.invalidateQueries({ queryKey: DEVICES_KEY }),
  });
  return (
    <tr>
      <td>
        <strong>{d.name}</strong>
        <ErrorAlert error={revoke.error} />
      </td>
      <td>{d.chair?.name ?? <span className="muted">None</span>}</td>
      <td className="small">{formatDateTime(d.createdAt, timeZone)}</td>
      <td className="small">{d.lastSeenAt === null ? 'Never' : formatDateTime(d.lastSeenAt, timeZone)}</td>
      <td>{d.revokedAt === null ? <span className="badge ok">Active</span> : <span className="badge">Revoked {formatDateTime(d.revokedAt, timeZone)}</span>}</td>
      <td>
        {d.revokedAt === null && (
          <button
            type="button"
            className="secondary small"
            disabled={revoke.isPending}
            onClick={() => {
              if (window.confirm(`Revoke “${d.name}”? It can no longer send readings. Readings it already sent stay in the records.`)) {
                revoke.mutate();
              }
            }}
          >
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}

/** Monitors and gateways allowed to send vital signs (settings, administrators). */
export function DevicesPage({ session }: { session: ActiveSession }) {
  const devices = useQuery({ queryKey: DEVICES_KEY, queryFn: () => api.get<{ devices: DeviceDto[] }>('/api/devices') });
  const chairs = useQuery({ queryKey: ['scheduling', 'resources'], queryFn: () => api.get<{ chairs: Chair[] }>('/api/scheduling/resources'), staleTime: 60_000 });
  const list = devices.data?.devices ?? [];
  const tz = session.clinic.timeZone;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Monitors and gateways</h1>
          <p className="muted">Devices that send vital signs straight into a patient’s session. Each has its own token, separate from staff sign-ins; revoke a token when a device is replaced or lost.</p>
        </div>
      </div>
      <AddDevice chairs={chairs.data?.chairs ?? []} />
      <section className="panel" aria-labelledby="devices-h">
        <h2 id="devices-h">Devices</h2>
        <ErrorAlert error={devices.error} />
        {devices.isPending ? (
          <p>Loading…</p>
        ) : list.length === 0 ? (
          <p className="muted">No devices yet. Readings can still be entered on the chairside tablet.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Device</th>
                  <th>Chair</th>
                  <th>Added</th>
                  <th>Last used</th>
                  <th>Status</th>
                  <th>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((d) => (
                  <DeviceRow key={d.id} d={d} timeZone={tz} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
