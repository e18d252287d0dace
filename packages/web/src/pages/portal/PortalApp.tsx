import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { NavLink, Route, Routes } from 'react-router';
import { api, onSessionLost } from '../../api/client';
import { LogoMark } from '../../components/Logo';
import { PORTAL_SESSION_KEY, usePortalSession } from './portal-api';
import { PortalConsent } from './PortalConsent';
import { PortalHome } from './PortalHome';
import { PortalLearn } from './PortalLearn';
import { PortalLinkPage } from './PortalLinkPage';
import { PortalProgress } from './PortalProgress';
import { PortalQuestionnaire } from './PortalQuestionnaire';
import { PortalSignIn } from './PortalSignIn';
import './portal.css';

/** The patient portal: its own layout and sign-in, mobile first. Staff pages are never reachable from here. */
export function PortalApp() {
  const session = usePortalSession();
  const qc = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(
    () =>
      onSessionLost((code) => {
        setNotice(code === 'SESSION_EXPIRED' ? 'You were signed out after a while without activity. Please sign in again.' : null);
        void qc.invalidateQueries({ queryKey: PORTAL_SESSION_KEY });
      }),
    [qc],
  );
  const signedIn = session.data?.signedIn === true;
  return (
    <div className="portal">
      <header className="portal-head">
        <a href="/portal" className="portal-brand">
          <LogoMark size={28} />
          <span>My care</span>
        </a>
        {signedIn && (
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void api.post('/api/portal/logout').finally(() => {
                setNotice('You have signed out.');
                void qc.invalidateQueries({ queryKey: PORTAL_SESSION_KEY });
              })
            }
          >
            Sign out
          </button>
        )}
      </header>
      {signedIn && (
        <nav className="portal-nav" aria-label="Portal">
          <NavLink to="/portal" end>
            Home
          </NavLink>
          <NavLink to="/portal/progress">My progress</NavLink>
          <NavLink to="/portal/learn">About my treatment</NavLink>
        </nav>
      )}
      <main className="portal-main" id="main">
        {session.isPending ? (
          <p>Loading…</p>
        ) : (
          <Routes>
            <Route path="link/:token" element={<PortalLinkPage />} />
            {signedIn ? (
              <>
                <Route index element={<PortalHome />} />
                <Route path="questionnaire/:instrument" element={<PortalQuestionnaire />} />
                <Route path="learn" element={<PortalLearn />} />
                <Route path="consent/:kind" element={<PortalConsent />} />
                <Route path="progress" element={<PortalProgress />} />
                <Route path="*" element={<PortalHome />} />
              </>
            ) : (
              <Route path="*" element={<PortalSignIn notice={notice} />} />
            )}
          </Routes>
        )}
      </main>
    </div>
  );
}
