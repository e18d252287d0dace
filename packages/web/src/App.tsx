import { FollowUpPage } from './pages/FollowUpPage';
import { OutcomesDashboardPage } from './pages/OutcomesDashboardPage';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { onSessionLost, onSessionNarrowed } from './api/client';
import { can, SESSION_KEY, useSession, type ActiveSession } from './api/session';
import { IdleWatcher } from './components/IdleWatcher';
import { Shell } from './components/Shell';
import { AccountPage } from './pages/AccountPage';
import { AuditPage } from './pages/AuditPage';
import { BoardPage } from './pages/board/BoardPage';
import { ClinicSettingsPage } from './pages/ClinicSettingsPage';
import { ConsultationRequestsPage } from './pages/ConsultationRequestsPage';
import { EnrolPage } from './pages/EnrolPage';
import { HomePage } from './pages/HomePage';
import { InvitePage } from './pages/InvitePage';
import { LedgerRoutes } from './pages/ledger/LedgerRoutes';
import { MfaPage } from './pages/MfaPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OutboxPage } from './pages/OutboxPage';
import { PatientChartPage } from './pages/patients/PatientChartPage';
import { PatientsPage } from './pages/patients/PatientsPage';
import { PortalApp } from './pages/portal/PortalApp';
import { RegisterPatientPage } from './pages/patients/RegisterPatientPage';
import { SchedulePage } from './pages/schedule/SchedulePage';
import { SchedulingSettingsPage } from './pages/schedule/SchedulingSettingsPage';
import { ConsentFormsPage } from './pages/settings/ConsentFormsPage';
import { ProtocolSettingsPage } from './pages/settings/ProtocolSettingsPage';
import { SettingsHubPage } from './pages/settings/SettingsHubPage';
import { PublicPageSettingsPage } from './pages/PublicPageSettingsPage';
import { RemsPage } from './pages/rems/RemsPage';
import { DevicesPage } from './pages/settings/DevicesPage';
import { OnCallSettingsPage } from './pages/settings/OnCallSettingsPage';
import { TabletMode } from './pages/patients/TabletMode';
import { SessionPage } from './pages/sessions/SessionPage';
import { SetupPage } from './pages/SetupPage';
import { SignInPage } from './pages/SignInPage';
import { StaffPage } from './pages/StaffPage';

function SignedIn({ session, onSignedOut }: { session: ActiveSession; onSignedOut: (why: string) => void }) {
  const qc = useQueryClient();
  // Set by the server while this browser is handed to a patient: every tab shows only their questionnaires.
  const tabletPatient = session.tabletPatientId;
  // Set by the server while this browser is a wall display: every tab shows only the board (no idle sign-out).
  if (session.display) {
    return (
      <main id="main">
        <BoardPage session={session} display />
      </main>
    );
  }
  if (tabletPatient !== null) {
    return (
      <>
        <IdleWatcher idleSeconds={session.idleTimeoutSeconds} onSignedOut={onSignedOut} />
        <TabletMode
          patientId={tabletPatient}
          mfa={session.user.mfaEnabled}
          onExit={() => {
            void qc.invalidateQueries({ queryKey: SESSION_KEY });
            void qc.invalidateQueries({ queryKey: ['questionnaires', tabletPatient] });
            void qc.invalidateQueries({ queryKey: ['risk-alerts'] });
          }}
        />
      </>
    );
  }
  return (
    <Shell session={session}>
      <IdleWatcher idleSeconds={session.idleTimeoutSeconds} onSignedOut={onSignedOut} />
      <Routes>
        <Route path="/" element={<HomePage session={session} />} />
        {can(session, 'user.list') && <Route path="/staff" element={<StaffPage session={session} />} />}
        {can(session, 'audit.read') && <Route path="/audit" element={<AuditPage session={session} />} />}
        <Route path="/settings" element={<SettingsHubPage session={session} />} />
        {can(session, 'clinic.update') && <Route path="/settings/clinic" element={<ClinicSettingsPage />} />}
        {can(session, 'patient.read') && <Route path="/patients" element={<PatientsPage session={session} />} />}
        {can(session, 'patient.register') && <Route path="/patients/new" element={<RegisterPatientPage />} />}
        {can(session, 'patient.read') && <Route path="/patients/:id/*" element={<PatientChartPage session={session} />} />}
        {can(session, 'schedule.read') && <Route path="/schedule" element={<SchedulePage session={session} />} />}
        {can(session, 'schedule.manage') && <Route path="/settings/scheduling" element={<SchedulingSettingsPage session={session} />} />}
        {can(session, 'protocol.read') && <Route path="/settings/protocol" element={<ProtocolSettingsPage session={session} />} />}
        {can(session, 'consent.read') && <Route path="/settings/consent-forms" element={<ConsentFormsPage session={session} />} />}
        {can(session, 'public_profile.update') && <Route path="/settings/public-page" element={<PublicPageSettingsPage timeZone={session.clinic.timeZone} />} />}
        {can(session, 'consultation.read') && <Route path="/consultation-requests" element={<ConsultationRequestsPage session={session} />} />}
        {can(session, 'ledger.read') && <Route path="/controlled-drugs/*" element={<LedgerRoutes session={session} />} />}
        {can(session, 'board.read') && <Route path="/board" element={<BoardPage session={session} />} />}
        {can(session, 'rems.read') && <Route path="/rems" element={<RemsPage session={session} />} />}
        {can(session, 'device.manage') && <Route path="/settings/devices" element={<DevicesPage session={session} />} />}
        {can(session, 'clinic.update') && <Route path="/settings/on-call" element={<OnCallSettingsPage />} />}
        {can(session, 'session.read') && <Route path="/sessions/:id/*" element={<SessionPage session={session} />} />}
        {can(session, 'outbox.read') && <Route path="/outbox" element={<OutboxPage />} />}
        {can(session, 'outcomes.read') && <Route path="/outcomes" element={<OutcomesDashboardPage session={session} />} />}
        {can(session, 'followup.read') && <Route path="/follow-up" element={<FollowUpPage session={session} />} />}
        <Route path="/account" element={<AccountPage session={session} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Shell>
  );
}

function Gate() {
  const session = useSession();
  const qc = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const signedOut = useCallback(
    (why: string) => {
      setNotice(why);
      void qc.invalidateQueries({ queryKey: SESSION_KEY });
    },
    [qc],
  );
  useEffect(
    () =>
      onSessionLost((code) => {
        signedOut(code === 'SESSION_EXPIRED' ? 'Your session ended. Please sign in again.' : 'Please sign in.');
      }),
    [signedOut],
  );
  // Another tab handed this browser to a patient, or made it a wall display: reload the session, which switches the view.
  useEffect(() => onSessionNarrowed(() => void qc.invalidateQueries({ queryKey: SESSION_KEY })), [qc]);
  if (session.isPending) {
    return <p style={{ padding: '2rem' }}>Loading Ketapath…</p>;
  }
  if (session.isError) {
    return (
      <div className="center-page">
        <div className="card">
          <h1>Cannot reach Ketapath</h1>
          <p>The server did not answer. Check the connection, then reload the page.</p>
        </div>
      </div>
    );
  }
  const s = session.data;
  if (!s.authenticated) {
    return (
      <Routes>
        <Route path="/invite/:token" element={<InvitePage />} />
        <Route path="*" element={s.needsSetup ? <SetupPage /> : <SignInPage demo={s.demo} demoPassword={s.demoPassword} notice={notice} />} />
      </Routes>
    );
  }
  if (s.stage === 'mfa_pending') {
    return <MfaPage />;
  }
  if (s.stage === 'mfa_enrolment') {
    return <EnrolPage />;
  }
  return <SignedIn session={s} onSignedOut={signedOut} />;
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/portal/*" element={<PortalApp />} />
        <Route path="*" element={<Gate />} />
      </Routes>
    </BrowserRouter>
  );
}
