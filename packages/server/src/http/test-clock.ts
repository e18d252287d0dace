import fs from 'node:fs';
import type { Clock } from './deps';

/**
 * Browser tests only (KP_TEST_CLOCK_FILE; refused in production by the configuration): the system
 * clock shifted by the whole number of milliseconds written in a file, so a test can move a real
 * server process through a two-hour observation in seconds. An empty, missing or unreadable file means
 * no shift. The file is read on every call, so a change applies to the very next request.
 */
export function fileOffsetClock(file: string, system: () => number = Date.now): Clock {
  return {
    now() {
      let offset = 0;
      try {
        const n = Number(fs.readFileSync(file, 'utf8').trim());
        offset = Number.isSafeInteger(n) ? n : 0;
      } catch {
        offset = 0;
      }
      return new Date(system() + offset);
    },
  };
}
