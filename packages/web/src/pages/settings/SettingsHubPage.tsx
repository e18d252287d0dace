import type { Action } from '@ketapath/server/contracts';
import { Link } from 'react-router';
import { can, type ActiveSession } from '../../api/session';

interface Entry {
  readonly to: string;
  readonly title: string;
  readonly text: string;
  readonly needs: Action;
}

const ENTRIES: readonly Entry[] = [
  { to: '/settings/clinic', title: 'Clinic and sign-in security', text: 'Name, time zone, country, two-step sign-in and sign-out after inactivity.', needs: 'clinic.update' },
  { to: '/settings/protocol', title: 'Clinical protocol', text: 'Every threshold and dose the safety rules use, with its source, and the values your medical director must confirm.', needs: 'protocol.read' },
  { to: '/settings/on-call', title: 'On-call list and crisis line', text: 'Who is told, in order, about a suicide-risk alert, and the crisis line patients are shown.', needs: 'clinic.update' },
  { to: '/settings/consent-forms', title: 'Consent forms', text: 'The forms patients sign, with every published version.', needs: 'consent.read' },
  { to: '/settings/scheduling', title: 'Scheduling', text: 'Opening hours, chairs and rooms, visit types and staff working hours.', needs: 'schedule.manage' },
  { to: '/settings/devices', title: 'Monitors and gateways', text: 'Devices that send vital signs into sessions: add one, copy its token, revoke it.', needs: 'device.manage' },
  { to: '/settings/public-page', title: 'Public page', text: 'What your clinic publishes about its team, safety protocol and prices.', needs: 'public_profile.update' },
];

export function SettingsHubPage({ session }: { session: ActiveSession }) {
  const visible = ENTRIES.filter((e) => can(session, e.needs));
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Settings</h1>
          <p className="muted">Changes are recorded in the audit trail.</p>
        </div>
      </div>
      <div className="grid-2">
        {visible.map((e) => (
          <Link key={e.to} to={e.to} className="panel settings-card">
            <h2>{e.title}</h2>
            <p className="muted">{e.text}</p>
          </Link>
        ))}
      </div>
      {visible.length === 0 && <p>Your role has no settings to change.</p>}
    </>
  );
}
