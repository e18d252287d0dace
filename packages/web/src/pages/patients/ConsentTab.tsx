import { useQueryClient } from '@tanstack/react-query';
import type { ConsentDto, PatientDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { patientKeys, useConsents } from '../../api/patient-hooks';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SignDialog } from '../../components/SignDialog';
import { formatDateTime } from '../../lib/format';

const KIND_LABELS: Record<string, string> = {
  iv_ketamine: 'IV ketamine',
  esketamine_nasal: 'Esketamine nasal spray (REMS)',
  im_ketamine: 'IM ketamine',
  oral_ketamine: 'Oral or sublingual ketamine',
};
const STATUS: Record<string, { cls: string; text: string }> = {
  valid: { cls: 'ok', text: 'Valid' },
  awaiting_countersignature: { cls: 'warn', text: 'Needs staff countersignature' },
  needs_reconsent: { cls: 'warn', text: 'Form changed: sign again' },
  withdrawn: { cls: 'danger', text: 'Withdrawn' },
  none: { cls: '', text: 'Not signed' },
};

export function ConsentTab({ session, patient }: { session: ActiveSession; patient: PatientDto }) {
  const qc = useQueryClient();
  const consents = useConsents(patient.id);
  const [countersign, setCountersign] = useState<ConsentDto | null>(null);
  const [withdrawing, setWithdrawing] = useState<ConsentDto | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: patientKeys.all(patient.id) });
  const tz = session.clinic.timeZone;

  return (
    <>
      <ErrorAlert error={consents.error ?? error} />
      <div className="panel">
        <h2>Consent forms</h2>
        <table aria-label="Consent by treatment">
          <thead>
            <tr>
              <th>Treatment</th>
              <th>Status</th>
              <th>Current form</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {consents.data?.byKind.map((k) => (
              <tr key={k.kind}>
                <td>{KIND_LABELS[k.kind] ?? k.kind}</td>
                <td>
                  <span className={`badge ${STATUS[k.status]?.cls ?? ''}`}>{STATUS[k.status]?.text ?? k.status}</span>
                </td>
                <td>version {k.currentVersion}</td>
                <td>
                  {can(session, 'consent.record') && k.status !== 'valid' && k.status !== 'awaiting_countersignature' && (
                    <Link className="button secondary small" to={`/patients/${patient.id}/consent/sign/${k.kind}`}>
                      Sign on this device
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="panel">
        <h2>Signed consents</h2>
        {consents.data?.consents.length === 0 && <p className="muted">None yet.</p>}
        {consents.data?.consents.map((c) => (
          <div key={c.id} className="finding">
            <strong>
              {KIND_LABELS[c.kind] ?? c.kind}, version {c.version}
            </strong>{' '}
            <span className={`badge ${STATUS[c.status]?.cls ?? ''}`}>{STATUS[c.status]?.text ?? c.status}</span>
            <div className="small muted">
              Signed by {c.signerName} ({c.signerRelationship.replace('_', ' ')}) on {formatDateTime(c.signedAt, tz)}
              {c.countersignedAt !== null && ` · countersigned by ${c.countersignedByName ?? 'staff'} on ${formatDateTime(c.countersignedAt, tz)}`}
              {c.withdrawnAt !== null && ` · withdrawn on ${formatDateTime(c.withdrawnAt, tz)}: ${c.withdrawnReason ?? ''}`}
            </div>
            <div className="actions">
              <a className="button secondary small" href={`/api/consents/${c.id}/pdf`} download>
                Download PDF
              </a>
              {c.status === 'awaiting_countersignature' && can(session, 'consent.countersign') && (
                <button type="button" className="small" onClick={() => setCountersign(c)}>
                  Countersign
                </button>
              )}
              {c.withdrawnAt === null && can(session, 'consent.record') && (
                <button type="button" className="secondary small" onClick={() => setWithdrawing(c)}>
                  Record withdrawal
                </button>
              )}
            </div>
            {withdrawing?.id === c.id && (
              <form
                className="field"
                onSubmit={(e) => {
                  e.preventDefault();
                  setError(null);
                  api
                    .post(`/api/consents/${c.id}/withdraw`, { reason })
                    .then(async () => {
                      setWithdrawing(null);
                      setReason('');
                      await refresh();
                    })
                    .catch(setError);
                }}
              >
                <label htmlFor={`wd-${c.id}`}>What did the patient say? (future sessions for this treatment will be cancelled)</label>
                <textarea id={`wd-${c.id}`} value={reason} onChange={(e) => setReason(e.target.value)} />
                <div className="actions">
                  <button type="submit" className="danger" disabled={reason.trim().length < 3}>
                    Record withdrawal
                  </button>
                  <button type="button" className="secondary" onClick={() => setWithdrawing(null)}>
                    Cancel
                  </button>
                </div>
              </form>
            )}
          </div>
        ))}
      </div>
      <SignDialog
        open={countersign !== null}
        title="Countersign the consent"
        statement={`I confirm I discussed this treatment with ${patient.displayName} and answered their questions.`}
        mfa={session.user.mfaEnabled}
        onClose={() => setCountersign(null)}
        onSign={async (proof) => {
          await api.post(`/api/consents/${countersign?.id ?? ''}/countersign`, proof);
          setCountersign(null);
          await refresh();
        }}
      />
    </>
  );
}
