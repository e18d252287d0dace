import { Link } from 'react-router';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResources } from '../../components/schedule/data';
import '../../components/schedule/schedule.css';
import { ChairsSection } from './settings/ChairsSection';
import { OpeningHoursSection } from './settings/OpeningHoursSection';
import { StaffHoursSection } from './settings/StaffHoursSection';
import { TypesSection } from './settings/TypesSection';

/** Scheduling set-up for administrators: when the clinic is open, its chairs, visit lengths and who works when. */
export function SchedulingSettingsPage({ session }: { session: ActiveSession }) {
  const resources = useResources();
  if (!can(session, 'schedule.manage')) {
    return (
      <div className="alert info" role="status">
        <strong>Scheduling settings are for clinic administrators.</strong>
        Ask your administrator to change opening hours, chairs, visit lengths or working hours.
      </div>
    );
  }
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Scheduling settings</h1>
          <p className="muted">
            Opening hours, chairs, visit lengths and working hours for {session.clinic.name}. Times are in {session.clinic.timeZone.replace(/_/g, ' ')}. Every change is recorded in the audit trail.
          </p>
        </div>
        <Link className="button secondary" to="/schedule">
          Back to the calendar
        </Link>
      </div>
      <ErrorAlert error={resources.error} />
      {resources.isPending && <p className="muted">Loading…</p>}
      {resources.data !== undefined && (
        <div className="sched-settings">
          <OpeningHoursSection resources={resources.data} />
          <ChairsSection resources={resources.data} />
          <TypesSection resources={resources.data} />
          <StaffHoursSection resources={resources.data} />
        </div>
      )}
    </>
  );
}
