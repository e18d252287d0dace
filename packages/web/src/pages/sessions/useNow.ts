import { useEffect, useState } from 'react';
import { clock } from '../../lib/clock';

/** The clock's time, re-read every `everyMs` so countdowns and ages stay current. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(clock.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(clock.now()), everyMs);
    return () => window.clearInterval(t);
  }, [everyMs]);
  return now;
}
