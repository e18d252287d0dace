import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { can, type ActiveSession } from '../../api/session';
import { formatDate } from '../../lib/format';
import './ledger.css';
import { useAlerts } from './queries';

const TABS = [
  { to: '/controlled-drugs', label: 'Stock', end: true },
  { to: '/controlled-drugs/register', label: 'Register' },
  { to: '/controlled-drugs/counts', label: 'Counts' },
  { to: '/controlled-drugs/loss', label: 'Theft & loss', needs: 'ledger.report_loss' as const },
  { to: '/controlled-drugs/reports', label: 'Reports' },
  { to: '/controlled-drugs/setup', label: 'Set-up', needs: 'ledger.configure' as const },
];

/** What needs attention now, at the top of every controlled-drug screen. */
function AlertBanner({ session }: { session: ActiveSession }) {
  const alerts = useAlerts();
  const a = alerts.data;
  if (a === undefined) {
    return null;
  }
  const tz = session.clinic.timeZone;
  const admin = can(session, 'ledger.resolve');
  return (
    <div className="ledger-alerts" aria-label="Controlled-drug alerts">
      {a.discrepancies.map((d) => (
        <div key={d.id} className="alert error" role="alert">
          <strong>Count discrepancy not explained yet</strong>
          The count of {formatDate(d.countedAt, tz)} found {d.discrepancies} container{d.discrepancies === 1 ? '' : 's'} that did not match the register.{' '}
          {admin ? 'Explain it before the next count.' : 'An administrator must explain it before the next count.'} <Link to={`/controlled-drugs/counts?open=${d.id}`}>Open the count</Link>
        </div>
      ))}
      {a.tasks.overdue > 0 && can(session, 'ledger.report_loss') && (
        <div className="alert error" role="alert">
          <strong>
            {a.tasks.overdue} theft/loss deadline{a.tasks.overdue === 1 ? '' : 's'} overdue
          </strong>
          <Link to="/controlled-drugs/loss">Open the to-do list</Link>
        </div>
      )}
      {a.expired.length > 0 && (
        <div className="alert warn">
          <strong>
            {a.expired.length} expired container{a.expired.length === 1 ? '' : 's'} still in stock
          </strong>
          They cannot be used for patients: {a.expired.map((c) => `#${c.no}`).join(', ')}. Waste or destroy them with witnesses.
        </div>
      )}
      {a.inventory.state === 'initial_missing' && (
        <div className="alert warn">
          <strong>No initial inventory yet</strong>Take one (Counts → Initial inventory) on the day you first hold controlled drugs; record zero if none.
        </div>
      )}
      {(a.inventory.state === 'overdue' || a.inventory.state === 'due_soon') && (
        <div className={`alert ${a.inventory.state === 'overdue' ? 'error' : 'warn'}`}>
          <strong>{a.inventory.state === 'overdue' ? 'Full inventory overdue' : 'Full inventory due soon'}</strong>
          Due by {a.inventory.nextDueDate}. {a.rules.inventoryIntervalMonths.note}
        </div>
      )}
    </div>
  );
}

export function LedgerLayout({ session, title, intro, actions, children }: { session: ActiveSession; title: string; intro: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Controlled drugs: {title}</h1>
          <p className="muted">{intro}</p>
        </div>
        {actions}
      </div>
      <nav className="ledger-tabs" aria-label="Controlled drugs">
        {TABS.filter((t) => t.needs === undefined || can(session, t.needs)).map((t) => (
          <NavLink key={t.to} to={t.to} end={t.end === true} className={({ isActive }) => (isActive ? 'active' : '')}>
            {t.label}
          </NavLink>
        ))}
      </nav>
      <AlertBanner session={session} />
      {children}
    </>
  );
}
