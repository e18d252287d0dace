import type { Action } from '@ketapath/server/contracts';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { can, useSignOut, type ActiveSession } from '../api/session';
import { ROLE_LABELS } from '../lib/format';
import { LogoMark } from './Logo';
import { NoticeBell } from './NoticeBell';
import { RiskBanner } from './RiskBanner';

interface NavItem {
  readonly to: string;
  readonly label: string;
  readonly needs?: Action;
  /** Active only on this exact path (not on the pages below it). */
  readonly end?: boolean;
}

/** Navigation shows only what the signed-in role may open (the server decides; the UI reads abilities). */
export const NAV: readonly NavItem[] = [
  { to: '/', label: 'Home' },
  { to: '/patients', label: 'Patients', needs: 'patient.read' },
  { to: '/schedule', label: 'Schedule', needs: 'schedule.read' },
  { to: '/board', label: 'Monitoring board', needs: 'board.read' },
  { to: '/rems', label: 'REMS forms', needs: 'rems.read' },
  { to: '/controlled-drugs', label: 'Controlled drugs', needs: 'ledger.read' },
  { to: '/follow-up', label: 'Safety follow-up', needs: 'followup.read' },
  { to: '/outcomes', label: 'Outcomes', needs: 'outcomes.read' },
  { to: '/staff', label: 'Staff', needs: 'user.list' },
  { to: '/audit', label: 'Audit trail', needs: 'audit.read' },
  { to: '/consultation-requests', label: 'Consultation requests', needs: 'consultation.read' },
  { to: '/outbox', label: 'Outbox', needs: 'outbox.read' },
  { to: '/settings', label: 'Settings' },
  { to: '/account', label: 'My account' },
];

export function Shell({ session, children }: { session: ActiveSession; children: ReactNode }) {
  const signOut = useSignOut();
  return (
    <>
      {session.clinic.isDemo && <div className="demo-banner">DEMO CLINIC: all patients and records here are synthetic</div>}
      <div className="shell">
        <nav className="sidebar" aria-label="Main">
          <div className="brand">
            <LogoMark size={30} />
            <span>
              Ketapath
              <span className="clinic-name">{session.clinic.name}</span>
            </span>
          </div>
          {can(session, 'notice.read') && <NoticeBell timeZone={session.clinic.timeZone} />}
          {NAV.filter((n) => n.needs === undefined || can(session, n.needs)).map((n) => (
            <NavLink key={n.to} to={n.to} end={n.to === '/' || n.end === true} className={({ isActive }) => (isActive ? 'active' : '')}>
              {n.label}
            </NavLink>
          ))}
          <div className="spacer" />
          <div className="me">
            <div>
              <strong>{session.user.name}</strong>
              <div className="small">{ROLE_LABELS[session.user.role]}</div>
            </div>
            <button type="button" className="secondary small" onClick={signOut}>
              Sign out
            </button>
          </div>
        </nav>
        <main className="main" id="main">
          {can(session, 'risk_alert.read') && <RiskBanner />}
          {children}
        </main>
      </div>
    </>
  );
}
