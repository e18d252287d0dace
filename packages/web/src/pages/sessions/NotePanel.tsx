import { useQueryClient } from '@tanstack/react-query';
import type { AmendmentInDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { api } from '../../api/client';
import { sessionKeys } from '../../api/session-hooks';
import { can, type ActiveSession } from '../../api/session';
import { SignDialog, type SignatureProof } from '../../components/SignDialog';
import { formatDateTime } from '../../lib/format';
import type { Session } from '../../lib/session-format';
import { AmendmentForm } from './AmendmentForm';

/** The note assembled from the record; the prescriber signs it (re-authentication) and it is locked; corrections are amendments. */
export function NotePanel({ s, me, tz }: { s: Session; me: ActiveSession; tz: string }) {
  const qc = useQueryClient();
  const [signing, setSigning] = useState(false);
  const [amending, setAmending] = useState<AmendmentInDto | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: sessionKeys.one(s.id) });
  const n = s.note;
  return (
    <section className="panel note" aria-labelledby="note-h">
      <h2 id="note-h">Session note {s.signed !== null ? '(signed and locked)' : '(not signed yet)'}</h2>
      {s.signed !== null ? (
        <p className="alert ok">
          <strong>
            Signed by {s.signed.by ?? '—'} on {formatDateTime(s.signed.at, tz)}
          </strong>
          Confirmed by {s.signed.signature === 'password+totp' ? 'password and code' : 'password'}. The original below cannot change; corrections are amendments.
        </p>
      ) : (
        <p className="small muted">Assembled from the record as it is now. The prescriber signs it once the session is closed.</p>
      )}
      {n === null ? (
        <p className="muted">The note is assembled when the patient is discharged or the session is stopped.</p>
      ) : (
        <article className="note-body">
          <h3>{n.title}</h3>
          {n.sections.map((sec) => (
            <div key={sec.title}>
              <h4>{sec.title}</h4>
              <ul>
                {sec.lines.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            </div>
          ))}
          {n.vitals.length > 0 && (
            <table className="small">
              <caption>Vital signs</caption>
              <thead>
                <tr>
                  <th>Time</th>
                  <th>BP (mmHg)</th>
                  <th>HR (/min)</th>
                  <th>SpO₂ (%)</th>
                  <th>RR (/min)</th>
                  <th>By</th>
                  <th>Flag</th>
                </tr>
              </thead>
              <tbody>
                {n.vitals.map((v, i) => (
                  <tr key={i}>
                    <td>{v.time}</td>
                    <td>{v.bp}</td>
                    <td>{v.heartRate}</td>
                    <td>{v.spo2}</td>
                    <td>{v.respiratoryRate}</td>
                    <td>{v.by}</td>
                    <td>{v.flag}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </article>
      )}
      {s.amendments.length > 0 && (
        <div className="amendments">
          <h3>Amendments</h3>
          <ol>
            {s.amendments.map((a) => (
              <li key={a.id}>
                <strong>
                  {a.by ?? '—'}, {formatDateTime(a.at, tz)}
                </strong>{' '}
                — why: {a.reason}
                <ul>
                  {a.changes.map((c, i) => (
                    <li key={i}>
                      {c.field}: <del>{c.before ?? '(empty)'}</del> → <ins>{c.after}</ins>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </div>
      )}
      <div className="actions no-print">
        {s.signed === null && s.allowedNext.includes('signed') && can(me, 'session.sign') && (
          <button type="button" className="big" onClick={() => setSigning(true)}>
            Sign the note
          </button>
        )}
        {s.signed === null && s.allowedNext.includes('signed') && !can(me, 'session.sign') && <p className="small">A prescriber signs the note.</p>}
        {s.signed !== null && can(me, 'session.chart') && amending === null && (
          <button type="button" className="secondary" onClick={() => setAmending({ reason: '', changes: [{ field: '', before: '', after: '' }] })}>
            Add an amendment
          </button>
        )}
      </div>
      {amending !== null && <AmendmentForm s={s} me={me} value={amending} onChange={setAmending} onDone={() => { setAmending(null); void refresh(); }} />}
      <SignDialog
        open={signing}
        title="Sign the session note"
        statement={`I have reviewed this record of ${s.patient.displayName}'s session and sign it. It will be locked; later corrections are amendments.`}
        mfa={me.user.mfaEnabled}
        onClose={() => setSigning(false)}
        onSign={async (proof: SignatureProof) => {
          await api.post(`/api/sessions/${s.id}/sign`, proof);
          setSigning(false);
          await refresh();
        }}
      />
    </section>
  );
}
