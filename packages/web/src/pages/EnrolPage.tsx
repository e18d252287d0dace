import { useRefreshSession, useSignOut } from '../api/session';
import { Logo } from '../components/Logo';
import { MfaEnrolment } from '../components/MfaEnrolment';

/** Shown when the clinic requires two-step sign-in for this role and it is not set up yet. */
export function EnrolPage() {
  const refresh = useRefreshSession();
  const signOut = useSignOut();
  return (
    <main className="center-page">
      <div className="card wide">
        <Logo />
        <h1>Turn on two-step sign-in</h1>
        <p className="muted">Your clinic requires a second step for your role, because it protects patient records and prescribing. It takes about a minute.</p>
        <MfaEnrolment onDone={refresh} />
        <p style={{ marginTop: '1.5rem' }}>
          <button type="button" className="link" onClick={signOut}>
            Sign out
          </button>
        </p>
      </div>
    </main>
  );
}
