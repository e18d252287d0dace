import { useNow } from './useNow';
import { minutesSince } from '../../lib/clock';
import { stateLabel, type Session } from '../../lib/session-format';

/** Who is in the chair, on what, and how long since the dose: always in view at the top of the screen. */
export function SessionHeader({ s, tz }: { s: Session; tz: string }) {
  const now = useNow(15_000);
  const sinceDose = s.doseStartedAt === null ? null : minutesSince(s.doseStartedAt, now);
  return (
    <header className="session-head" aria-label="Session">
      <div className="session-who">
        <h1>{s.patient.displayName}</h1>
        <div className="muted small">
          <span className="mono">{s.patient.mrn}</span> · {s.patient.ageYears} years · session {s.sessionNumber} on this route
          {s.patient.allergies.length > 0 ? <> · <strong className="text-danger">Allergies: {s.patient.allergies.join(', ')}</strong></> : <> · no allergies recorded</>}
        </div>
      </div>
      <dl className="session-facts">
        <div>
          <dt>Route</dt>
          <dd>{s.routeLabel}</dd>
        </div>
        <div>
          <dt>Drug</dt>
          <dd>{s.drug}</dd>
        </div>
        <div>
          <dt>Chair</dt>
          <dd>{s.chair?.name ?? 'None'}</dd>
        </div>
        <div>
          <dt>State</dt>
          <dd data-testid="session-state">{stateLabel(s.state)}</dd>
        </div>
        <div>
          <dt>Since dose</dt>
          <dd className="big-num" aria-live="off">{sinceDose === null ? 'Not dosed' : `${sinceDose} min`}</dd>
        </div>
        {s.openAlerts > 0 && (
          <div className="fact-alert">
            <dt>Open alerts</dt>
            <dd>
              ⚠ {s.openAlerts} to acknowledge
            </dd>
          </div>
        )}
      </dl>
      {s.stateReason !== null && <p className="small">Reason: {s.stateReason}</p>}
      {tz !== Intl.DateTimeFormat().resolvedOptions().timeZone && <p className="small muted">Times are clinic time ({tz}).</p>}
    </header>
  );
}
