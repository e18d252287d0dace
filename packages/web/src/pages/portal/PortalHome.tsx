import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatWhen, usePortalHome } from './portal-api';

const CONSENT_WORDS: Record<string, string> = {
  valid: 'Signed',
  awaiting_countersignature: 'Signed: your clinician will add their signature',
  needs_reconsent: 'The form has changed: please read and sign the new version',
  withdrawn: 'Withdrawn',
};

export function PortalHome() {
  const home = usePortalHome();
  if (home.isPending) {
    return <p>Loading your page…</p>;
  }
  if (home.isError) {
    return <ErrorAlert error={home.error} />;
  }
  const h = home.data;
  return (
    <>
      <h1>Hello, {h.firstName}</h1>
      <section className="pcard" aria-labelledby="due-h">
        <h2 id="due-h">Questionnaires to fill in</h2>
        {h.due.length === 0 ? (
          <p className="muted">Nothing to fill in right now. We will email you when your care team asks for one.</p>
        ) : (
          <ul className="plist">
            {h.due.map((d) => (
              <li key={d.instrumentId}>
                <div>
                  <strong>{d.title}</strong>
                  {d.closesAt !== null && <div className="small muted">Please fill in before {formatWhen(d.closesAt, h.timeZone)}</div>}
                </div>
                <Link className="button" to={`/portal/questionnaire/${d.instrumentId}`} aria-label={`Start ${d.title}`}>
                  Start
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="pcard" aria-labelledby="appt-h">
        <h2 id="appt-h">Your next appointments</h2>
        {h.appointments.length === 0 ? (
          <p className="muted">No appointments booked. Call the clinic to book one.</p>
        ) : (
          <ul className="plist">
            {h.appointments.map((a) => (
              <li key={a.id}>
                <div>
                  <strong>{formatWhen(a.startsAt, h.timeZone)}</strong>
                  <div className="small muted">{a.type}</div>
                </div>
              </li>
            ))}
          </ul>
        )}
        <p className="small">
          Before a treatment: arrange for someone to drive you home, and read <Link to="/portal/learn">what to expect</Link>.
        </p>
      </section>
      <section className="pcard" aria-labelledby="consent-h">
        <h2 id="consent-h">Your consent forms</h2>
        {h.consents.length === 0 ? (
          <p className="muted">No consent forms signed yet.</p>
        ) : (
          <ul className="plist">
            {h.consents.map((c) => (
              <li key={c.kind}>
                <div>
                  <strong>{c.title}</strong>
                  <div className={`small ${c.status === 'needs_reconsent' ? 'warn-text' : 'muted'}`}>
                    {CONSENT_WORDS[c.status]} · version {c.version}, signed {new Date(c.signedAt).toLocaleDateString('en-US', { dateStyle: 'medium' })}
                  </div>
                  {c.status === 'needs_reconsent' && <Link to={`/portal/consent/${c.kind}`}>Read and sign the new version</Link>}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="pcard help" aria-labelledby="help-h">
        <h2 id="help-h">Need help now?</h2>
        {h.crisisLine !== null ? (
          <p>
            If you are thinking about harming yourself, call or text <a href={`tel:${h.crisisLine.number}`}><strong>{h.crisisLine.number}</strong></a> ({h.crisisLine.name}), any time. In an emergency, call your emergency number.
          </p>
        ) : (
          <p>If you are thinking about harming yourself, call your local crisis line or emergency number now.</p>
        )}
        <p className="small muted">For questions about your treatment, call {h.clinicName} during opening hours.</p>
      </section>
    </>
  );
}
