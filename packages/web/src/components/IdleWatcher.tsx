import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';

const WARN_SECONDS = 60;
const PING_EVERY_MS = 60_000;
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Inactivity sign-out that matches the server: activity pings the server at most once a minute; a
 * minute before the timeout a dialog offers to stay signed in; at the timeout the session is ended.
 */
export function IdleWatcher({ idleSeconds, onSignedOut }: { idleSeconds: number; onSignedOut: (reason: string) => void }) {
  const lastActivity = useRef(Date.now());
  const lastPing = useRef(Date.now());
  const [remaining, setRemaining] = useState<number | null>(null);

  useEffect(() => {
    const onActivity = () => {
      lastActivity.current = Date.now();
      if (Date.now() - lastPing.current > PING_EVERY_MS) {
        lastPing.current = Date.now();
        void api.post('/api/auth/keepalive').catch(() => undefined);
      }
    };
    for (const e of ACTIVITY) {
      window.addEventListener(e, onActivity, { passive: true });
    }
    const timer = window.setInterval(() => {
      const idleFor = (Date.now() - lastActivity.current) / 1000;
      const left = Math.ceil(idleSeconds - idleFor);
      if (left <= 0) {
        window.clearInterval(timer);
        void api.post('/api/auth/logout').catch(() => undefined).finally(() => {
          onSignedOut(`You were signed out after ${Math.round(idleSeconds / 60)} minutes without activity, to protect patient information.`);
        });
      } else {
        setRemaining(left <= WARN_SECONDS ? left : null);
      }
    }, 1000);
    return () => {
      window.clearInterval(timer);
      for (const e of ACTIVITY) {
        window.removeEventListener(e, onActivity);
      }
    };
  }, [idleSeconds, onSignedOut]);

  if (remaining === null) {
    return null;
  }
  return (
    <div role="alertdialog" aria-modal="true" aria-labelledby="idle-title" className="idle-overlay" style={{ position: 'fixed', inset: 0, background: 'rgba(15,30,35,0.45)', display: 'grid', placeItems: 'center', zIndex: 50 }}>
      <div className="card">
        <h2 id="idle-title">Still there?</h2>
        <p>For patient privacy you will be signed out in <strong>{remaining} seconds</strong>.</p>
        <button
          type="button"
          className="block"
          autoFocus
          onClick={() => {
            lastActivity.current = Date.now();
            lastPing.current = Date.now();
            setRemaining(null);
            void api.post('/api/auth/keepalive').catch(() => undefined);
          }}
        >
          Stay signed in
        </button>
      </div>
    </div>
  );
}
