import { useState } from 'react';
import { useSessionAction } from '../../api/session-hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextAreaField } from '../../components/TextAreaField';
import type { Session } from '../../lib/session-format';

type Exit = 'cancelled' | 'stopped_early';
const LABEL: Record<Exit, string> = { cancelled: 'Cancel the session', stopped_early: 'Stop the session early' };

/** Leaving the normal path: cancel (before the dose) or stop early, always with a reason. No-shows are recorded on the appointment. */
export function StateActions({ s }: { s: Session }) {
  const [exit, setExit] = useState<Exit | null>(null);
  const [reason, setReason] = useState('');
  const change = useSessionAction<{ to: Exit; reason: string }>(s.id, 'post', '/state');
  const exits = (['cancelled', 'stopped_early'] as const).filter((x) => s.allowedNext.includes(x));
  if (exits.length === 0) {
    return null;
  }
  return (
    <section className="panel no-print" aria-labelledby="exit-h">
      <h2 id="exit-h">End the session another way</h2>
      {exit === null ? (
        <div className="actions">
          {exits.map((x) => (
            <button key={x} type="button" className="secondary" onClick={() => setExit(x)}>
              {LABEL[x]}…
            </button>
          ))}
          <span className="small muted">A patient who did not come is marked “No-show” on the schedule.</span>
        </div>
      ) : (
        <div>
          <TextAreaField label={`Reason (${LABEL[exit].toLowerCase()})`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          <ErrorAlert error={change.error} />
          <div className="actions">
            <button type="button" className="danger" disabled={reason.trim().length < 3 || change.isPending} onClick={() => change.mutate({ to: exit, reason }, { onSuccess: () => setExit(null) })}>
              {LABEL[exit]}
            </button>
            <button type="button" className="secondary" onClick={() => setExit(null)}>
              Keep going
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
