import type { BoardTileDto } from '@ketapath/server/contracts';

type TileAlert = BoardTileDto['alerts'][number];

export type AlertState = 'new' | 'escalated' | 'prescriber' | 'acknowledged';

/**
 * The alert's state on the board. The server raises the level (audited, once) and sends it; between
 * updates the board counts the same protocol minutes itself, so an unanswered alert never waits for
 * the next message to look louder.
 */
export function alertState(a: TileAlert, now: number, escalateAfterMinutes: number, notifyPrescriberAfterMinutes: number): AlertState {
  if (a.acknowledgedAt !== null) {
    return 'acknowledged';
  }
  const open = (now - Date.parse(a.raisedAt)) / 60_000;
  const level = Math.max(a.escalationLevel, open >= notifyPrescriberAfterMinutes ? 2 : open >= escalateAfterMinutes ? 1 : 0);
  return level >= 2 ? 'prescriber' : level === 1 ? 'escalated' : 'new';
}

/** Whole minutes between an instant and now (never negative). */
export function minutesSince(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
}

/** "just now", "4 min ago", "1 h 12 min ago". */
export function ago(iso: string, now: number): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) {
    return 'just now';
  }
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ago` : `${Math.floor(m / 60)} h ${m % 60} min ago`;
}

/** Plain words for a session state on the board. */
export const STATE_LABELS: Record<string, string> = {
  checked_in: 'Checked in',
  predose_passed: 'Ready to dose',
  dosing: 'Dosing',
  monitoring: 'Monitoring',
  ready_for_discharge: 'Ready for discharge',
};

/** Readings older than this are shown as stale (a monitor that stopped sending is itself a warning). */
export const STALE_READING_MINUTES = 10;

export function clockTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}
