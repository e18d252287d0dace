import { useQueryClient } from '@tanstack/react-query';
import type { BoardDto, BoardTileDto } from '@ketapath/server/contracts';
import { useEffect, useRef, useState } from 'react';
import { api } from './client';

export type TileAlert = BoardTileDto['alerts'][number];
export type LinkStatus = 'connecting' | 'live' | 'reconnecting';

interface ReadingDelta {
  takenAt: string;
  systolic: number | null;
  diastolic: number | null;
  heartRate: number | null;
  spo2: number | null;
  respiratoryRate: number | null;
  worst: string | null;
}
interface AlertDelta {
  id: string;
  code: string;
  severity: string;
  message: string;
  raisedAt: string;
  escalationLevel: number;
  acknowledgedAt: string | null;
}
interface VitalsEvent {
  s: string;
  readings: ReadingDelta[];
  alerts: AlertDelta[];
}

/** Newest value of each vital sign after the readings of a live update (readings may arrive late, with their original times). */
export function mergeReadings(latest: BoardTileDto['latest'], readings: readonly ReadingDelta[]): BoardTileDto['latest'] {
  let out = latest;
  for (const r of [...readings].sort((a, b) => a.takenAt.localeCompare(b.takenAt))) {
    const newer = out === null || r.takenAt >= out.takenAt;
    const bpNewer = r.systolic !== null && (out?.bpTakenAt === null || out?.bpTakenAt === undefined || r.takenAt >= out.bpTakenAt);
    const pick = (next: number | null, current: number | null | undefined): number | null => (newer && next !== null ? next : (current ?? null));
    out = {
      takenAt: newer ? r.takenAt : (out?.takenAt ?? r.takenAt),
      systolic: bpNewer ? r.systolic : (out?.systolic ?? null),
      diastolic: bpNewer ? r.diastolic : (out?.diastolic ?? null),
      bpTakenAt: bpNewer ? r.takenAt : (out?.bpTakenAt ?? null),
      heartRate: pick(r.heartRate, out?.heartRate),
      spo2: pick(r.spo2, out?.spo2),
      respiratoryRate: pick(r.respiratoryRate, out?.respiratoryRate),
      worst: newer ? r.worst : (out?.worst ?? null),
    };
  }
  return out;
}

/** Alerts of a tile after a live update: new ones added, known ones updated (escalation, acknowledgement). */
export function mergeAlerts(alerts: readonly TileAlert[], deltas: readonly AlertDelta[]): TileAlert[] {
  const out = [...alerts];
  for (const d of deltas) {
    if (d.severity === 'info') {
      continue;
    }
    const i = out.findIndex((a) => a.id === d.id);
    const known = i >= 0 ? out[i] : undefined;
    const next: TileAlert = {
      ...known,
      ...d,
      escalationLevel: Math.max(d.escalationLevel, known?.escalationLevel ?? 0),
      acknowledgedAt: d.acknowledgedAt ?? known?.acknowledgedAt ?? null,
      acknowledgedBy: known?.acknowledgedBy ?? null,
    };
    if (i >= 0) {
      out[i] = next;
    } else {
      out.push(next);
    }
  }
  return out;
}

function upsertTile(board: BoardDto, tile: BoardTileDto): BoardDto {
  const i = board.tiles.findIndex((t) => t.sessionId === tile.sessionId);
  const tiles = i >= 0 ? board.tiles.map((t, j) => (j === i ? tile : t)) : [...board.tiles, tile];
  tiles.sort((a, b) => (a.chair?.sortOrder ?? 999) - (b.chair?.sortOrder ?? 999) || (a.chair?.name ?? '').localeCompare(b.chair?.name ?? '') || a.checkedInAt.localeCompare(b.checkedInAt));
  return { ...board, tiles };
}

function patchTile(board: BoardDto, sessionId: string, fn: (t: BoardTileDto) => BoardTileDto): BoardDto {
  return { ...board, tiles: board.tiles.map((t) => (t.sessionId === sessionId ? fn(t) : t)) };
}

/** The event's JSON data (null when it cannot be read; the next snapshot repairs any gap). */
function parse(e: Event): unknown {
  try {
    return JSON.parse((e as MessageEvent<string>).data) as unknown;
  } catch {
    return null;
  }
}

const FALLBACK_POLL_MS = 20_000;
const MAX_RETRY_MS = 30_000;
/** The server sends a fresh snapshot every minute: silence for longer means a dead connection that never said so. */
const SILENCE_MS = 80_000;

/**
 * The monitoring board, live: Server-Sent Events from /api/board/stream (a snapshot on every connect,
 * then readings, alerts and tile changes). When the stream drops it reconnects with back-off and, while
 * disconnected, re-fetches the snapshot so the screen never silently freezes.
 */
export function useBoardStream(): { board: BoardDto | null; status: LinkStatus; receivedAt: number | null; error: unknown; clockOffsetMs: number } {
  const qc = useQueryClient();
  const [board, setBoard] = useState<BoardDto | null>(null);
  const [status, setStatus] = useState<LinkStatus>('connecting');
  const [receivedAt, setReceivedAt] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [clockOffsetMs, setOffset] = useState(0);
  const retry = useRef(1_000);

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: number | undefined;
    let pollTimer: number | undefined;
    let closed = false;
    let lastEvent = Date.now();
    const touch = () => {
      lastEvent = Date.now();
      setReceivedAt(lastEvent);
    };
    const snapshot = (b: BoardDto) => {
      setBoard(b);
      setOffset(Date.parse(b.serverTime) - Date.now());
      setError(null);
      touch();
    };
    const poll = () => {
      api.get<BoardDto>('/api/board').then(snapshot, setError);
    };
    const startPolling = () => {
      if (pollTimer === undefined) {
        poll();
        pollTimer = window.setInterval(poll, FALLBACK_POLL_MS);
      }
    };
    const stopPolling = () => {
      window.clearInterval(pollTimer);
      pollTimer = undefined;
    };
    const reconnectLater = () => {
      window.clearTimeout(retryTimer);
      retryTimer = window.setTimeout(connect, retry.current);
      retry.current = Math.min(retry.current * 2, MAX_RETRY_MS);
    };
    const connect = () => {
      lastEvent = Date.now();
      source = new EventSource('/api/board/stream');
      source.addEventListener('open', () => {
        retry.current = 1_000;
        lastEvent = Date.now();
        setStatus('live');
        stopPolling();
      });
      source.addEventListener('snapshot', (e) => {
        const b = parse(e) as BoardDto | null;
        if (b !== null) {
          snapshot(b);
          setStatus('live');
        }
      });
      source.addEventListener('vitals', (e) => {
        const ev = parse(e) as VitalsEvent | null;
        if (ev !== null) {
          setBoard((b) => (b === null ? b : patchTile(b, ev.s, (t) => ({ ...t, latest: mergeReadings(t.latest, ev.readings), alerts: mergeAlerts(t.alerts, ev.alerts) }))));
          touch();
        }
      });
      source.addEventListener('alert', (e) => {
        const ev = parse(e) as { s: string; alerts: AlertDelta[] } | null;
        if (ev !== null) {
          setBoard((b) => (b === null ? b : patchTile(b, ev.s, (t) => ({ ...t, alerts: mergeAlerts(t.alerts, ev.alerts) }))));
          if (ev.alerts.some((a) => a.escalationLevel >= 2 || a.acknowledgedAt !== null)) {
            void qc.invalidateQueries({ queryKey: NOTICES_KEY });
          }
          touch();
        }
      });
      source.addEventListener('tile', (e) => {
        const tile = parse(e) as BoardTileDto | null;
        if (tile !== null) {
          setBoard((b) => (b === null ? b : upsertTile(b, tile)));
          touch();
        }
      });
      source.addEventListener('tile_removed', (e) => {
        const ev = parse(e) as { sessionId: string } | null;
        if (ev !== null) {
          setBoard((b) => (b === null ? b : { ...b, tiles: b.tiles.filter((t) => t.sessionId !== ev.sessionId) }));
          touch();
        }
      });
      source.addEventListener('error', () => {
        if (closed) {
          return;
        }
        setStatus('reconnecting');
        startPolling();
        // The browser retries by itself while the stream is merely interrupted; when it gives up
        // (server refused or restarted), open a new one with back-off.
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          reconnectLater();
        }
      });
    };
    connect();
    const watchdog = window.setInterval(() => {
      if (source !== null && source.readyState !== EventSource.CLOSED && Date.now() - lastEvent > SILENCE_MS) {
        source.close();
        setStatus('reconnecting');
        startPolling();
        reconnectLater();
      }
    }, 5_000);
    return () => {
      closed = true;
      source?.close();
      window.clearTimeout(retryTimer);
      window.clearInterval(watchdog);
      stopPolling();
    };
  }, [qc]);

  return { board, status, receivedAt, error, clockOffsetMs };
}

export const NOTICES_KEY = ['notices'] as const;
