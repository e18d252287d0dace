import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { sessionKeys } from './session-hooks';

/**
 * Live updates for one session's screen: the clinic's board stream (Server-Sent Events) says when a monitor's
 * reading, an alert or a change of state reaches this session, and the screen fetches its view at once instead
 * of waiting for the next poll. Returns whether the stream is open (the screen polls less often while it is).
 */
export function useSessionLive(id: string): boolean {
  const qc = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource('/api/board/stream');
    let timer: number | undefined;
    // Several events for one change (a reading and its alert) make one fetch.
    const refresh = () => {
      if (timer === undefined) {
        timer = window.setTimeout(() => {
          timer = undefined;
          void qc.invalidateQueries({ queryKey: sessionKeys.one(id) });
        }, 250);
      }
    };
    const about = (key: 's' | 'sessionId') => (e: Event) => {
      try {
        const data = JSON.parse((e as MessageEvent<string>).data) as Record<string, unknown> | null;
        if (data?.[key] === id) {
          refresh();
        }
      } catch {
        // not an event for this screen
      }
    };
    source.addEventListener('open', () => setLive(true));
    source.addEventListener('error', () => setLive(source.readyState === EventSource.OPEN));
    source.addEventListener('vitals', about('s'));
    source.addEventListener('alert', about('s'));
    source.addEventListener('tile', about('sessionId'));
    source.addEventListener('tile_removed', about('sessionId'));
    return () => {
      source.close();
      window.clearTimeout(timer);
    };
  }, [qc, id]);
  return live;
}
