import type { PatientDto } from '@ketapath/server/contracts';
import { NavLink, Route, Routes, useParams } from 'react-router';
import { usePatient } from '../../api/patient-hooks';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ConsentTab } from './ConsentTab';
import { DetailsTab } from './DetailsTab';
import { EligibilityTab } from './EligibilityTab';
import { IntakeTab } from './IntakeTab';
import { OverviewTab } from './OverviewTab';
import { PlanTab } from './PlanTab';
import { SignConsentPage } from './SignConsentPage';
import { AppointmentsTab } from './AppointmentsTab';
import { SessionsTab } from './SessionsTab';
import { QuestionnairesTab } from './QuestionnairesTab';
import { OutcomesTab } from './OutcomesTab';
import { SafetyTab } from './SafetyTab';

function Header({ p }: { p: PatientDto }) {
  return (
    <div className="chart-head">
      <div>
        <h1>{p.displayName}</h1>
        <div className="muted">
          <span className="mono">{p.mrn}</span> · born {p.dateOfBirth} ({p.ageYears} years) · {p.sexAtBirth === 'unknown' ? 'sex not recorded' : p.sexAtBirth}
          {p.pronouns !== null && <> · {p.pronouns}</>}
          {p.displayName !== p.legalName && <> · legal name {p.legalName}</>}
        </div>
        {p.status !== 'active' && <span className="badge">Inactive record</span>}
      </div>
      <div>
        <div className="small muted">Allergies</div>
        {p.allergies.length === 0 ? (
          <span className="badge warn">Not recorded</span>
        ) : (
          p.allergies.map((a) => (
            <span key={a} className="badge danger" style={{ marginRight: 4 }}>
              {a}
            </span>
          ))
        )}
        <div className="small muted" style={{ marginTop: 6 }}>
          Weight {p.latestWeightKg === null ? 'not recorded' : `${p.latestWeightKg.value} kg`}
          {p.latestHeightCm !== null && <> · height {p.latestHeightCm.value} cm</>}
        </div>
      </div>
    </div>
  );
}

export function PatientChartPage({ session }: { session: ActiveSession }) {
  const { id = '' } = useParams();
  const patient = usePatient(id);
  const clinical = can(session, 'clinical.read');
  if (patient.data === undefined) {
    return patient.isError ? <ErrorAlert error={patient.error} /> : <p>Loading the record…</p>;
  }
  const p = patient.data;
  const tabs = [
    { to: '', label: 'Overview' },
    { to: 'details', label: 'Details' },
    ...(clinical ? [{ to: 'intake', label: 'Intake' }, { to: 'eligibility', label: 'Eligibility' }] : []),
    { to: 'consent', label: 'Consent' },
    ...(can(session, 'plan.read') ? [{ to: 'plan', label: 'Treatment plan' }] : []),
    { to: 'appointments', label: 'Appointments' },
    ...(can(session, 'session.read') ? [{ to: 'sessions', label: 'Sessions' }] : []),
    ...(can(session, 'questionnaire.tablet') ? [{ to: 'questionnaires', label: 'Questionnaires' }] : []),
    ...(clinical ? [{ to: 'outcomes', label: 'Outcomes' }] : []),
    ...(can(session, 'followup.read') ? [{ to: 'safety', label: 'Safety' }] : []),
  ];
  return (
    <Routes>
      <Route path="consent/sign/:kind" element={<SignConsentPage patient={p} />} />
      <Route
        path="*"
        element={
          <>
            <Header p={p} />
            <nav className="chart-tabs" aria-label="Patient record">
              {tabs.map((t) => (
                <NavLink key={t.to} to={t.to === '' ? `/patients/${p.id}` : `/patients/${p.id}/${t.to}`} end className={({ isActive }) => (isActive ? 'active' : '')}>
                  {t.label}
                </NavLink>
              ))}
            </nav>
            <Routes>
              <Route index element={<OverviewTab session={session} patient={p} />} />
              <Route path="details" element={<DetailsTab session={session} patient={p} />} />
              {clinical && <Route path="intake" element={<IntakeTab session={session} patient={p} />} />}
              {clinical && <Route path="eligibility" element={<EligibilityTab session={session} patient={p} />} />}
              <Route path="consent" element={<ConsentTab session={session} patient={p} />} />
              {can(session, 'plan.read') && <Route path="plan" element={<PlanTab session={session} patient={p} />} />}
              <Route path="appointments" element={<AppointmentsTab session={session} patient={p} />} />
              {can(session, 'session.read') && <Route path="sessions" element={<SessionsTab session={session} patient={p} />} />}
              {can(session, 'questionnaire.tablet') && <Route path="questionnaires" element={<QuestionnairesTab session={session} patient={p} />} />}
              {clinical && <Route path="outcomes" element={<OutcomesTab session={session} patient={p} />} />}
              {can(session, 'followup.read') && <Route path="safety" element={<SafetyTab session={session} patient={p} />} />}
            </Routes>
          </>
        }
      />
    </Routes>
  );
}
