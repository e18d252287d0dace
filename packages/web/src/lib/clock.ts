/**
 * The one clock of the chairside screens. Tablet clocks drift, so times shown and stamped here follow the
 * server: every session answer carries `serverTime`, and `syncServerTime` keeps the offset. Tests replace
 * the source with `setClockSource`.
 */
let source: () => number = () => Date.now();
let skewMs = 0;

export const clock = {
  /** Milliseconds since the epoch, as the server counts them. */
  now: (): number => source() + skewMs,
  nowIso: (): string => new Date(source() + skewMs).toISOString(),
};

/** Align with the server's clock from an answer's `serverTime` (ignored when unreadable). */
export function syncServerTime(serverIso: string, receivedAt: number = source()): void {
  const server = Date.parse(serverIso);
  if (Number.isFinite(server)) {
    skewMs = server - receivedAt;
  }
}

export function setClockSource(next: () => number): void {
  source = next;
  skewMs = 0;
}

/** Whole minutes from `iso` to now (never negative). */
export function minutesSince(iso: string, now: number = clock.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
}

/** "4 min ago", "just now", "1 h 12 min ago": the age of a reading, always with its unit. */
export function ageText(iso: string, now: number = clock.now()): string {
  const m = minutesSince(iso, now);
  if (m < 1) {
    return 'just now';
  }
  return m < 60 ? `${m} min ago` : `${Math.floor(m / 60)} h ${m % 60} min ago`;
}

/** "4:05" for a countdown of seconds (minutes:seconds). */
export function countdownText(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
