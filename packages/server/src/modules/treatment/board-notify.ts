import { prepared, runPrepared } from '../../db/raw';
import type { Tx } from '../../db/types';

/** PostgreSQL channel the monitoring boards of every app server listen on. */
export const BOARD_CHANNEL = 'ketapath_board';

export interface BoardReadingDelta {
  readonly id: string;
  /** The id the tablet or monitor gave the reading (lets a sender see its own reading arrive). */
  readonly clientId: string;
  readonly takenAt: string;
  readonly systolic: number | null;
  readonly diastolic: number | null;
  readonly heartRate: number | null;
  readonly spo2: number | null;
  readonly respiratoryRate: number | null;
  readonly worst: string | null;
}

export interface BoardAlertDelta {
  readonly id: string;
  /** The reading that raised the alert (null for alerts from assessments). */
  readonly readingId?: string | null;
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly raisedAt: string;
  readonly escalationLevel: number;
  readonly acknowledgedAt: string | null;
}

/**
 * What changed, sent with NOTIFY (delivered on commit, to every app server). `vitals` and `alert` carry
 * their delta so boards update without another query; `session` tells boards to reload that tile.
 * No names: ids, values and codes only.
 */
export type BoardEvent =
  | { readonly k: 'vitals'; readonly c: string; readonly s: string; readonly readings: readonly BoardReadingDelta[]; readonly alerts: readonly BoardAlertDelta[] }
  | { readonly k: 'alert'; readonly c: string; readonly s: string; readonly alerts: readonly BoardAlertDelta[] }
  | { readonly k: 'session'; readonly c: string; readonly s: string };

/** NOTIFY payloads are limited to 8000 bytes; beyond that boards are told to reload the tile. */
const MAX_PAYLOAD = 7_000;

export async function notifyBoard(tx: Tx, event: BoardEvent): Promise<void> {
  await notifyBoardMany(tx, [event]);
}

/** Each event as its NOTIFY payload (an event too large for one becomes "reload that tile"). */
export function boardPayloads(events: readonly BoardEvent[]): string[] {
  return events.map((event) => {
    const payload = JSON.stringify(event);
    return payload.length > MAX_PAYLOAD ? JSON.stringify({ k: 'session', c: event.c, s: event.s } satisfies BoardEvent) : payload;
  });
}

/** `SELECT pg_notify` of each payload in the text array `$param`, in order (for a prepared statement). */
export const notifySql = (param: number): string => `SELECT pg_notify('${BOARD_CHANNEL}', p) FROM unnest($${String(param)}::text[]) AS p`;

const NOTIFY = prepared('kp_board_notify', notifySql(1));

/** Several notices in one statement (one transaction committing the readings of several requests). */
export async function notifyBoardMany(tx: Tx, events: readonly BoardEvent[]): Promise<void> {
  if (events.length === 0) {
    return;
  }
  await runPrepared(tx, NOTIFY, [boardPayloads(events)]);
}
