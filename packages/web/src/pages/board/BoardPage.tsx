import type { BoardTileDto } from '@ketapath/server/contracts';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useBoardStream, type LinkStatus, type TileAlert } from '../../api/board';
import { can, useSignOut, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { beep, enableSound } from '../../lib/alert-sound';
import { ago, alertState, clockTime, type AlertState } from '../../lib/board-format';
import { AcknowledgeDialog } from './AcknowledgeDialog';
import { DisplayDialog } from './DisplayDialog';
import { BoardTile, type TileContext } from './BoardTile';
import './board.css';

const DARK_KEY = 'kp.board.dark';

function LiveIndicator({ status, receivedAt, now }: { status: LinkStatus; receivedAt: number | null; now: number }) {
  const live = status === 'live';
  return (
    <div className={`live ${live ? 'on' : 'off'}`} role="status" aria-live="polite">
      <Icon name={live ? 'wifi' : 'wifiOff'} />
      <strong>{live ? 'Live' : status === 'connecting' ? 'Connecting…' : 'Reconnecting…'}</strong>
      {receivedAt !== null && <span className="small"> · updated {ago(new Date(receivedAt).toISOString(), now)}</span>}
    </div>
  );
}

/** Beeps (when sound is on) and a screen-reader announcement for alerts that are new or have just escalated. */
function useAlertCues(tiles: readonly BoardTileDto[] | undefined, now: number, minutes: { escalate: number; notify: number }, sound: boolean): string {
  const seen = useRef<Map<string, AlertState> | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (tiles === undefined) {
      return;
    }
    const first = seen.current === null;
    const before = seen.current ?? new Map<string, AlertState>();
    const after = new Map<string, AlertState>();
    let cue: 'new' | 'escalated' | null = null;
    let text = '';
    const rank: Record<AlertState, number> = { acknowledged: -1, new: 0, escalated: 1, prescriber: 2 };
    for (const t of tiles) {
      for (const a of t.alerts) {
        const st = alertState(a, now, minutes.escalate, minutes.notify);
        after.set(a.id, st);
        const prev = before.get(a.id);
        if (first || st === 'acknowledged') {
          continue;
        }
        const where = `${t.initials}${t.chair === null ? '' : `, ${t.chair.name}`}`;
        if (prev === undefined) {
          cue ??= 'new';
          text = `New alert for ${where}: ${a.message}`;
        } else if (rank[st] > rank[prev]) {
          cue = 'escalated';
          text = `Alert escalated for ${where}: ${a.message}`;
        }
      }
    }
    seen.current = after;
    if (cue !== null) {
      setAnnouncement(text);
      if (sound) {
        beep(cue);
      }
    }
  }, [tiles, now, minutes.escalate, minutes.notify, sound]);
  return announcement;
}

/**
 * The monitoring board. `display`: this browser is a wall display (the server answers it only the board): always
 * in wall mode, with no acknowledging, no opening a session, and signing out as the way back.
 */
export function BoardPage({ session, display = false }: { session: ActiveSession; display?: boolean }) {
  const { board, status, receivedAt, error, clockOffsetMs } = useBoardStream();
  const [params, setParams] = useSearchParams();
  const wall = display || params.get('wall') === '1';
  const [confirmDisplay, setConfirmDisplay] = useState(false);
  const signOut = useSignOut();
  const [dark, setDark] = useState(() => localStorage.getItem(DARK_KEY) === '1');
  const [sound, setSound] = useState(false);
  const [now, setNow] = useState(() => Date.now() + clockOffsetMs);
  const [acking, setAcking] = useState<{ tile: BoardTileDto; alert: TileAlert } | null>(null);
  const [acked, setAcked] = useState<string | null>(null);

  useEffect(() => {
    setNow(Date.now() + clockOffsetMs);
    const id = window.setInterval(() => setNow(Date.now() + clockOffsetMs), 5_000);
    return () => window.clearInterval(id);
  }, [clockOffsetMs, board]);

  const announcement = useAlertCues(board?.tiles, now, { escalate: board?.escalateAfterMinutes ?? Infinity, notify: board?.notifyPrescriberAfterMinutes ?? Infinity }, sound);

  const setWall = (on: boolean) => {
    const next = new URLSearchParams(params);
    if (on) {
      next.set('wall', '1');
      try {
        void document.documentElement.requestFullscreen().catch(() => undefined);
      } catch {
        // Full screen is not available on this device: wall mode still fills the window.
      }
    } else {
      next.delete('wall');
      if (document.fullscreenElement !== null) {
        void document.exitFullscreen().catch(() => undefined);
      }
    }
    setParams(next, { replace: true });
  };
  const toggleDark = () => {
    localStorage.setItem(DARK_KEY, dark ? '0' : '1');
    setDark(!dark);
  };
  const toggleSound = () => {
    if (!sound && enableSound()) {
      setSound(true);
      beep('new');
    } else {
      setSound(false);
    }
  };

  const ctx: TileContext = {
    now,
    escalateAfterMinutes: board?.escalateAfterMinutes ?? Infinity,
    notifyPrescriberAfterMinutes: board?.notifyPrescriberAfterMinutes ?? Infinity,
    timeZone: board?.timeZone ?? session.clinic.timeZone,
    canAcknowledge: !display && can(session, 'alert.acknowledge'),
    canOpen: !display && can(session, 'session.read'),
    onAcknowledge: (tile, alert) => {
      setAcked(null);
      setAcking({ tile, alert });
    },
  };
  const open = board?.tiles.reduce((n, t) => n + t.alerts.filter((a) => a.acknowledgedAt === null).length, 0) ?? 0;

  const controls = (
    <div className="board-controls">
      <button type="button" className="secondary" aria-pressed={sound} onClick={toggleSound}>
        <Icon name={sound ? 'sound' : 'mute'} /> Sound {sound ? 'on' : 'off'}
      </button>
      {wall && (
        <button type="button" className="secondary" aria-pressed={dark} onClick={toggleDark}>
          <Icon name="moon" /> Dark {dark ? 'on' : 'off'}
        </button>
      )}
      {display ? (
        <button type="button" className="secondary" onClick={signOut}>
          Sign out
        </button>
      ) : (
        <>
          {wall && (
            <button type="button" className="secondary" onClick={() => setConfirmDisplay(true)}>
              <Icon name="lock" /> Keep on this screen
            </button>
          )}
          <button type="button" className="secondary" onClick={() => setWall(!wall)}>
            <Icon name="expand" /> {wall ? 'Leave wall mode' : 'Wall mode'}
          </button>
        </>
      )}
    </div>
  );

  const body =
    board === null ? (
      error !== null ? <ErrorAlert error={error} /> : <p className="board-empty">Connecting to the board…</p>
    ) : board.tiles.length === 0 ? (
      <div className="board-empty">
        <Icon name="chair" size={40} />
        <h2>No patient is in a chair right now</h2>
        <p>A tile appears here as soon as a patient is checked in for a treatment session.</p>
      </div>
    ) : (
      <div className="tiles">
        {board.tiles.map((t) => (
          <BoardTile key={t.sessionId} tile={t} ctx={ctx} />
        ))}
      </div>
    );

  return (
    <div className={`board${wall ? ' board-wall' : ''}${wall && dark ? ' board-dark' : ''}`}>
      <div className="board-head">
        <div>
          <h1>{wall ? (board?.clinicName ?? session.clinic.name) : 'Monitoring board'}</h1>
          <p className="board-sub">
            {wall && <span className="board-clock">{clockTime(new Date(now).toISOString(), ctx.timeZone)} · </span>}
            {board === null ? '' : `${board.tiles.length} ${board.tiles.length === 1 ? 'chair' : 'chairs'} in use · ${open === 0 ? 'no open alerts' : `${open} open ${open === 1 ? 'alert' : 'alerts'}`}`}
          </p>
          {display && (
            <p className="board-sub small">
              Wall display, signed in by {session.user.name} until {clockTime(session.expiresAt, ctx.timeZone)}. Acknowledge alerts on a nurse’s screen.
            </p>
          )}
        </div>
        <LiveIndicator status={status} receivedAt={receivedAt} now={Date.now()} />
        {controls}
      </div>
      {status === 'reconnecting' && board !== null && (
        <div className="alert warn" role="alert">
          <strong>Connection to the server lost: reconnecting.</strong>
          The board refreshes every 20 seconds until live updates are back. Check patients directly if this lasts.
        </div>
      )}
      {acked !== null && (
        <div className="alert ok" role="status">
          {acked}
        </div>
      )}
      <div className="sr-only" aria-live="assertive">
        {announcement}
      </div>
      {body}
      {confirmDisplay && <DisplayDialog userName={session.user.name} expiresAt={session.expiresAt} timeZone={ctx.timeZone} onClose={() => setConfirmDisplay(false)} />}
      {acking !== null && (
        <AcknowledgeDialog
          tile={acking.tile}
          alert={acking.alert}
          userName={session.user.name}
          onClose={() => setAcking(null)}
          onDone={(a) => {
            setAcking(null);
            setAcked(`Alert acknowledged by ${a.acknowledged?.by ?? session.user.name}.`);
          }}
        />
      )}
    </div>
  );
}
