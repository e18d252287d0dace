import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FindingDto, PatientDto, ScreeningDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, qs } from '../../api/client';
import { patientKeys, useIntake, useReviews } from '../../api/patient-hooks';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/Field';
import { FindingCard } from '../../components/SeverityBadge';
import { SignDialog } from '../../components/SignDialog';
import { formatDateTime } from '../../lib/format';
import { ROUTE_LABELS, ROUTE_OPTIONS } from '../../lib/routes';

interface ScreenResponse {
  intakeId: string;
  intakeStatus: string;
  route: string;
  routeLabel: string;
  screening: ScreeningDto;
}

const OUTCOME: Record<ScreeningDto['outcome'], { cls: string; text: string }> = {
  blocked: { cls: 'error', text: 'A finding stops treatment on this route. The patient can only be declined for it.' },
  needs_override: { cls: 'warn', text: 'Some findings need the prescriber’s written reason to proceed.' },
  no_blocking_findings: { cls: 'ok', text: 'Nothing stops treatment on this route. Review the notes below.' },
};

const key = (f: FindingDto) => `${f.code}|${f.field ?? ''}`;
const ORDER: FindingDto['severity'][] = ['block', 'override', 'warn', 'info'];

export function EligibilityTab({ session, patient }: { session: ActiveSession; patient: PatientDto }) {
  const qc = useQueryClient();
  const intake = useIntake(patient.id);
  const reviews = useReviews(patient.id);
  const [route, setRoute] = useState<string | null>(null);
  const chosen = route ?? intake.data?.intake?.plannedRoute ?? null;
  const screen = useQuery({
    queryKey: ['patient', patient.id, 'screen', chosen],
    queryFn: () => api.get<ScreenResponse>(`/api/patients/${patient.id}/eligibility/screen${qs({ route: chosen })}`),
    enabled: chosen !== null && intake.data?.intake !== null,
  });
  const [decision, setDecision] = useState<'approved' | 'approved_with_override' | 'declined'>('approved');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState('');
  const [signing, setSigning] = useState(false);
  const [done, setDone] = useState(false);
  const isPrescriber = can(session, 'eligibility.decide');

  if (intake.data?.intake === null) {
    return (
      <div className="panel">
        <p>There is no intake yet. The screening runs on the intake.</p>
        <Link to={`/patients/${patient.id}/intake`}>Open the intake</Link>
      </div>
    );
  }
  const s = screen.data?.screening;
  const overrides = s?.findings.filter((f) => f.severity === 'override') ?? [];
  const effectiveDecision = decision === 'declined' ? 'declined' : s?.outcome === 'needs_override' ? 'approved_with_override' : 'approved';

  return (
    <>
      <div className="panel">
        <div className="page-head">
          <h2 style={{ margin: 0 }}>Screening</h2>
          <div style={{ minWidth: 280 }}>
            <SelectField label="Route" value={chosen ?? ''} onChange={(e) => setRoute(e.target.value)} options={ROUTE_OPTIONS} />
          </div>
        </div>
        <ErrorAlert error={screen.error ?? intake.error} />
        {screen.data?.intakeStatus === 'draft' && <div className="alert info">The intake is a draft: this is a preview. Submit the intake before the decision.</div>}
        {s !== undefined && (
          <>
            <div className={`alert ${OUTCOME[s.outcome].cls}`} role="status">
              <strong>{OUTCOME[s.outcome].text}</strong>
            </div>
            <h3>Treatment resistance</h3>
            <p>
              {s.treatmentResistance.meetsTrd ? <span className="badge ok">Criteria met</span> : <span className="badge warn">Not established</span>} {s.treatmentResistance.summary}
            </p>
            {s.treatmentResistance.trials.length > 0 && (
              <table aria-label="Antidepressant trials assessed">
                <thead>
                  <tr>
                    <th>Medicine</th>
                    <th>Class</th>
                    <th>Counts?</th>
                    <th>Why</th>
                  </tr>
                </thead>
                <tbody>
                  {s.treatmentResistance.trials.map((t, i) => (
                    <tr key={i}>
                      <td>{t.drug}</td>
                      <td>{t.drugClass ?? 'not recognised'}</td>
                      <td>{t.counts ? <span className="badge ok">Yes</span> : <span className="badge">No</span>}</td>
                      <td className="small">{t.reasons.join('; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h3>Findings</h3>
            {ORDER.flatMap((sev) => s.findings.filter((f) => f.severity === sev)).map((f) => (
              <FindingCard key={key(f) + f.message} f={f}>
                {isPrescriber && f.severity === 'override' && decision !== 'declined' && (
                  <div className="field" style={{ marginTop: '0.5rem', marginBottom: 0 }}>
                    <label htmlFor={`reason-${key(f)}`}>Your reason to proceed despite this</label>
                    <textarea id={`reason-${key(f)}`} value={reasons[key(f)] ?? ''} onChange={(e) => setReasons({ ...reasons, [key(f)]: e.target.value })} rows={2} />
                  </div>
                )}
              </FindingCard>
            ))}
          </>
        )}
      </div>
      {isPrescriber && s !== undefined && screen.data?.intakeStatus === 'submitted' && (
        <div className="panel">
          <h2>Decision</h2>
          {done && <div className="alert ok" role="status">Decision signed and recorded.</div>}
          <fieldset className="tri">
            <legend>Your decision for {ROUTE_LABELS[screen.data.route]}</legend>
            <div className="tri-options">
              {s.outcome !== 'blocked' && (
                <label className={`tri-option ${decision !== 'declined' ? 'on' : ''}`}>
                  <input type="radio" name="decision" checked={decision !== 'declined'} onChange={() => setDecision('approved')} />
                  {s.outcome === 'needs_override' ? 'Approve with override' : 'Approve'}
                </label>
              )}
              <label className={`tri-option ${decision === 'declined' || s.outcome === 'blocked' ? 'on' : ''}`}>
                <input type="radio" name="decision" checked={decision === 'declined' || s.outcome === 'blocked'} onChange={() => setDecision('declined')} />
                Decline
              </label>
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor="decision-notes">{effectiveDecision === 'declined' || s.outcome === 'blocked' ? 'Reason for declining (required)' : 'Notes (optional)'}</label>
            <textarea id="decision-notes" value={notes} onChange={(e) => setNotes(e.target.value)} />
          </div>
          <button type="button" onClick={() => setSigning(true)}>
            Sign decision
          </button>
          <SignDialog
            open={signing}
            title="Sign the eligibility decision"
            statement="Your decision is final and recorded with your name. A later review can supersede it, but it cannot be edited."
            mfa={session.user.mfaEnabled}
            onClose={() => setSigning(false)}
            onSign={async (proof) => {
              await api.post(`/api/patients/${patient.id}/eligibility/reviews`, {
                route: screen.data?.route,
                decision: s.outcome === 'blocked' ? 'declined' : effectiveDecision,
                overrides: effectiveDecision === 'approved_with_override' ? overrides.map((f) => ({ code: f.code, ...(f.field === null ? {} : { field: f.field }), reason: reasons[key(f)] ?? '' })) : [],
                ...(notes.trim() === '' ? {} : { notes }),
                ...proof,
              });
              setSigning(false);
              setDone(true);
              await qc.invalidateQueries({ queryKey: patientKeys.all(patient.id) });
            }}
          />
        </div>
      )}
      <div className="panel">
        <h2>Decisions</h2>
        <ErrorAlert error={reviews.error} />
        {reviews.data?.reviews.length === 0 && <p className="muted">No decision yet.</p>}
        {reviews.data?.reviews.map((r) => (
          <div key={r.id} className="finding" style={{ opacity: r.current ? 1 : 0.7 }}>
            <strong>
              {ROUTE_LABELS[r.route] ?? r.route}: {r.decision.replace(/_/g, ' ')}
            </strong>{' '}
            {r.current ? <span className="badge ok">In force</span> : <span className="badge">Superseded</span>}
            <div className="small muted">
              Signed by {r.decidedByName} on {formatDateTime(r.decidedAt, session.clinic.timeZone)} ({r.signatureMethod})
            </div>
            {r.overrides.map((o) => (
              <div key={o.code} className="small">
                Override {o.code}: “{o.reason}”
              </div>
            ))}
            {r.notes !== null && <div className="small">Notes: {r.notes}</div>}
          </div>
        ))}
      </div>
    </>
  );
}
