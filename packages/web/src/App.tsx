import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { onSessionLost } from './api/client';
import { can, SESSION_KEY, useSession, type ActiveSession } from './api/session';
import { IdleWatcher } from './components/IdleWatcher';
import { Shell } from './components/Shell';
import { AccountPage } from './pages/AccountPage';
import { AuditPage } from './pages/AuditPage';
import { ClinicSettingsPage } from './pages/ClinicSettingsPage';
import { EnrolPage } from './pages/EnrolPage';
import { HomePage } from './pages/HomePage';
import { InvitePage } from './pages/InvitePage';
import { LedgerRoutes } from './pages/ledger/LedgerRoutes';
import { MfaPage } from './pages/MfaPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SetupPage } from './pages/SetupPage';
import { SignInPage } from './pages/SignInPage';
import { StaffPage } from './pages/StaffPage';

function SignedIn({ session, onSignedOut }: { session: ActiveSession; onSignedOut: (why: string) => void }) {
  return (
    <Shell session={session}>
      <IdleWatcher idleSeconds={session.idleTimeoutSeconds} onSignedOut={onSignedOut} />
      <Routes>
        <Route path="/" element={<HomePage session={session} />} />
        {can(session, 'user.list') && <Route path="/staff" element={<StaffPage session={session} />} />}
        {can(session, 'audit.read') && <Route path="/audit" element={<AuditPage session={session} />} />}
        {can(session, 'ledger.read') && <Route path="/controlled-drugs/*" element={<LedgerRoutes session={session} />} />}
        {can(session, 'clinic.update') && <Route path="/settings" element={<ClinicSettingsPage />} />}
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
        <Route path="*" element={s.needsSetup ? <SetupPage /> : <SignInPage demo={s.demo} notice={notice} />} />
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
      <Gate />
    </BrowserRouter>
  );
}
