import type { PatientDto } from '@ketapath/server/contracts';
import { Link } from 'react-router';
import { useConsents, useIntake, usePlans, useReviews, useTimeline } from '../../api/patient-hooks';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { CONSENT_KIND_FOR_ROUTE, ROUTE_LABELS } from '../../lib/routes';

interface Step {
  label: string;
  state: 'done' | 'todo' | 'blocked';
  detail: string;
  to: string;
}

function Journey({ session, patient }: { session: ActiveSession; patient: PatientDto }) {
  const clinical = can(session, 'clinical.read');
  const intake = useIntake(patient.id, clinical);
  const reviews = useReviews(patient.id, clinical);
  const plans = usePlans(patient.id, can(session, 'plan.read'));
  const consents = useConsents(patient.id);
  const route = intake.data?.intake?.plannedRoute ?? plans.data?.plans[0]?.route ?? null;
  if (route === null) {
    return (
      <div className="panel">
        <h2>Next step</h2>
        <p>{clinical ? 'Start the intake: it records the history the eligibility screening needs and the planned treatment.' : 'A clinician starts the intake and eligibility review.'}</p>
        {clinical && (
          <Link className="button" to={`/patients/${patient.id}/intake`}>
            Start the intake
          </Link>
        )}
      </div>
    );
  }
  const review = reviews.data?.reviews.find((r) => r.route === route && r.current);
  const consent = consents.data?.byKind.find((k) => k.kind === CONSENT_KIND_FOR_ROUTE[route]);
  const plan = plans.data?.plans.find((p) => p.route === route && p.current);
  const base = `/patients/${patient.id}`;
  const steps: Step[] = [
    { label: 'Intake', state: intake.data?.intake?.status === 'submitted' ? 'done' : 'todo', detail: intake.data?.intake?.status === 'submitted' ? 'Submitted for review' : 'Draft: complete and submit it', to: `${base}/intake` },
    {
      label: 'Eligibility',
      state: review === undefined ? 'todo' : review.decision === 'declined' ? 'blocked' : 'done',
      detail: review === undefined ? 'Waiting for the prescriber’s review' : review.decision === 'declined' ? 'Declined' : review.decision === 'approved' ? 'Approved' : 'Approved with override',
      to: `${base}/eligibility`,
    },
    {
      label: 'Consent',
      state: consent?.status === 'valid' ? 'done' : consent?.status === 'withdrawn' ? 'blocked' : 'todo',
      detail: { valid: 'Signed and countersigned', awaiting_countersignature: 'Waiting for staff countersignature', needs_reconsent: 'Form changed: sign the new version', withdrawn: 'Withdrawn', none: 'Not signed yet' }[consent?.status ?? 'none'],
      to: `${base}/consent`,
    },
    { label: 'Treatment plan', state: plan === undefined ? 'todo' : 'done', detail: plan === undefined ? 'Not signed yet' : `Version ${plan.version}: ${plan.dose.summary}`, to: `${base}/plan` },
  ];
  if (route === 'esketamine_nasal') {
    steps.splice(3, 0, { label: 'REMS enrolment', state: patient.remsEnrolledAt === null ? 'todo' : 'done', detail: patient.remsEnrolledAt === null ? 'Enrol the patient in the SPRAVATO REMS and record it' : `Enrolled ${patient.remsEnrolledAt}`, to: `${base}/details` });
  }
  return (
    <div className="panel">
      <h2>Pathway: {ROUTE_LABELS[route]}</h2>
      <ErrorAlert error={intake.error ?? reviews.error ?? consents.error ?? plans.error} />
      <ol className="journey">
        {steps.map((s, i) => (
          <li key={s.label} className={s.state}>
            <span className="step" aria-hidden="true">
              {s.state === 'done' ? '✓' : s.state === 'blocked' ? '!' : i + 1}
            </span>
            <span className="grow">
              <strong>{s.label}</strong>
              <div className="small muted">{s.detail}</div>
            </span>
            <Link to={s.to}>{s.state === 'done' ? 'View' : 'Open'}</Link>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function OverviewTab({ session, patient }: { session: ActiveSession; patient: PatientDto }) {
  const timeline = useTimeline(patient.id);
  return (
    <div className="grid-2" style={{ alignItems: 'start' }}>
      <Journey session={session} patient={patient} />
      <div className="panel">
        <h2>History</h2>
        <ErrorAlert error={timeline.error} />
        <ul className="timeline" aria-label="Patient history">
          {timeline.data?.events.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <div className="small muted">{formatDateTime(e.at, session.clinic.timeZone)}</div>
              <strong>{e.title}</strong>
              {e.detail !== null && <div className="small">{e.detail.startsWith('For 20') ? `For ${formatDateTime(e.detail.slice(4), session.clinic.timeZone)}` : e.detail}</div>}
              {e.by !== null && <div className="small muted">by {e.by}</div>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
