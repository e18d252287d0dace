/**
 * Fans board notices out to the Server-Sent-Events clients connected to this app server. Every server
 * LISTENs on the same PostgreSQL channel, so a reading posted to one server reaches boards on all of them.
 * The boards of a clinic share their snapshots: one load however many boards ask at once, one refresh a
 * minute for all of them, each message serialised once. Nothing here is a source of truth: a client that
 * reconnects gets a fresh snapshot.
 */
import type { Database } from '../../db/types';
import type { Deps } from '../../http/deps';
import { loadClinic } from '../clinic/load';
import { clinicProtocol } from '../protocol/load';
import { BOARD_CHANNEL, type BoardEvent } from './board-notify';
import { loadBoard, loadTiles, type BoardOut, type TileOut } from './board';

export type BoardMessage =
  | { readonly event: 'vitals' | 'alert'; readonly data: BoardEvent }
  | { readonly event: 'tile'; readonly data: TileOut }
  | { readonly event: 'tile_removed'; readonly data: { readonly sessionId: string } }
  | { readonly event: 'snapshot'; readonly data: BoardOut };
/** Receives each message as a ready Server-Sent-Events frame (`event: …\ndata: …\n\n`). */
type Client = (frame: string) => void;

/** A `session` notice reloads that tile once, however many notices arrive within this window. */
const TILE_DEBOUNCE_MS = 150;
/** Every connected board gets a fresh snapshot this often. */
export const RESNAPSHOT_MS = 60_000;

export const sseFrame = (m: BoardMessage): string => `event: ${m.event}\ndata: ${JSON.stringify(m.data)}\n\n`;

/**
 * True when one of `readings` changes the tile's "next due": taken in the window of its next scheduled vital-sign
 * check (which it fulfils), or after it (that check was missed meanwhile and the tile is already behind).
 */
export function readingMovesNextDue(window: TileOut['readingWindow'], readings: readonly { readonly takenAt: string }[]): boolean {
  if (window === null) {
    return false;
  }
  const from = window.from === null ? -Infinity : Date.parse(window.from);
  return readings.some((r) => Date.parse(r.takenAt) >= from);
}

/** A snapshot load of one clinic: `seq` orders its start against subscriptions and requests. */
interface Load {
  readonly seq: number;
  readonly promise: Promise<BoardOut>;
}

interface ClinicBoards {
  /** Each client with the sequence number of its subscription. */
  readonly clients: Map<Client, number>;
  refresh: NodeJS.Timeout | null;
}

class BoardHub {
  private readonly clinics = new Map<string, ClinicBoards>();
  private listening: Promise<void> | null = null;
  private readonly pending = new Map<string, { clinicId: string; timer: NodeJS.Timeout }>();
  /** Orders subscriptions, requests and snapshot starts (a snapshot serves only who asked before it started). */
  private seq = 0;
  private readonly loads = new Map<string, { running: Load; queued: Load | null }>();
  /**
   * Per clinic with boards here, per tile: the window of its next scheduled reading, from the last snapshot or tile
   * sent. A reading in it (or after it) reloads the tile, so "next due" moves on at once, about once per scheduled
   * check; any other reading travels as its delta alone.
   */
  private readonly readingWindows = new Map<string, Map<string, TileOut['readingWindow']>>();

  constructor(private readonly deps: Deps) {}

  async subscribe(clinicId: string, client: Client): Promise<{ readonly since: number; readonly unsubscribe: () => void }> {
    this.listening ??= this.deps.database.listen(BOARD_CHANNEL, (payload) => this.onNotice(payload)).then(() => undefined);
    await this.listening;
    let boards = this.clinics.get(clinicId);
    if (boards === undefined) {
      boards = { clients: new Map(), refresh: null };
      this.clinics.set(clinicId, boards);
    }
    const b = boards;
    b.refresh ??= setInterval(() => void this.refresh(clinicId, b), RESNAPSHOT_MS);
    const since = ++this.seq;
    b.clients.set(client, since);
    const unsubscribe = (): void => {
      b.clients.delete(client);
      if (b.clients.size === 0 && this.clinics.get(clinicId) === b) {
        if (b.refresh !== null) {
          clearInterval(b.refresh);
        }
        this.clinics.delete(clinicId);
        this.readingWindows.delete(clinicId);
      }
    };
    return { since, unsubscribe };
  }

  /** A sequence number for a request: `snapshot(clinicId, ticket())` then reflects everything committed before this call. */
  ticket(): number {
    return ++this.seq;
  }

  /**
   * The clinic's board, loaded after `since` (a subscription or a `ticket()`): joins the load in flight if it
   * started later, otherwise the one queued behind it, so any number of boards asking at once cost two loads.
   */
  snapshot(clinicId: string, since: number): Promise<BoardOut> {
    const slot = this.loads.get(clinicId);
    if (slot === undefined) {
      const running = this.start(clinicId);
      this.loads.set(clinicId, { running, queued: null });
      return running.promise;
    }
    if (slot.running.seq > since) {
      return slot.running.promise;
    }
    if (slot.queued === null) {
      const seq = ++this.seq;
      const promise = slot.running.promise.catch(() => undefined).then(() => this.run(clinicId, seq));
      slot.queued = { seq, promise };
    }
    return slot.queued.promise;
  }

  private start(clinicId: string): Load {
    const seq = ++this.seq;
    return { seq, promise: this.run(clinicId, seq) };
  }

  /** Runs a load and, when it ends, promotes the queued load (if any) to running. */
  private async run(clinicId: string, seq: number): Promise<BoardOut> {
    const slot = this.loads.get(clinicId);
    if (slot?.queued !== null && slot?.queued.seq === seq) {
      slot.running = slot.queued;
      slot.queued = null;
    }
    try {
      const board = await loadBoard(this.deps, clinicId);
      if (this.clinics.has(clinicId)) {
        this.readingWindows.set(clinicId, new Map(board.tiles.map((x) => [x.sessionId, x.readingWindow])));
      }
      return board;
    } finally {
      const now = this.loads.get(clinicId);
      if (now !== undefined && now.running.seq === seq && now.queued === null) {
        this.loads.delete(clinicId);
      }
    }
  }

  private async refresh(clinicId: string, boards: ClinicBoards): Promise<void> {
    const since = this.ticket();
    try {
      const b = await this.snapshot(clinicId, since);
      const frame = sseFrame({ event: 'snapshot', data: b });
      for (const [c, subscribed] of boards.clients) {
        // A board that subscribed after this snapshot started has a newer one of its own.
        if (subscribed < since) {
          c(frame);
        }
      }
    } catch (err) {
      this.deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'board refresh failed');
    }
  }

  private send(clinicId: string, m: BoardMessage): void {
    const boards = this.clinics.get(clinicId);
    if (boards === undefined) {
      return;
    }
    const frame = sseFrame(m);
    for (const c of boards.clients.keys()) {
      c(frame);
    }
  }

  private onNotice(payload: string): void {
    let ev: BoardEvent;
    try {
      ev = JSON.parse(payload) as BoardEvent;
    } catch {
      return;
    }
    if (!this.clinics.has(ev.c)) {
      return;
    }
    if (ev.k === 'vitals' || ev.k === 'alert') {
      this.send(ev.c, { event: ev.k, data: ev });
      // An acknowledgement travels without the acknowledger's name (no names in notices): the reloaded tile carries it.
      // A reading that fulfils the next scheduled check changes the tile's "next due": the reloaded tile carries it.
      const acknowledged = ev.k === 'alert' && ev.alerts.some((a) => a.acknowledgedAt !== null);
      const fulfils = ev.k === 'vitals' && readingMovesNextDue(this.readingWindows.get(ev.c)?.get(ev.s) ?? null, ev.readings);
      if (!acknowledged && !fulfils) {
        return;
      }
    }
    if (!this.pending.has(ev.s)) {
      this.pending.set(ev.s, { clinicId: ev.c, timer: setTimeout(() => void this.reloadTile(ev.c, ev.s), TILE_DEBOUNCE_MS) });
    }
  }

  private async reloadTile(clinicId: string, sessionId: string): Promise<void> {
    this.pending.delete(sessionId);
    if (!this.clinics.has(clinicId)) {
      return;
    }
    try {
      const clinic = await loadClinic(this.deps.db, clinicId);
      const [tile] = await loadTiles(this.deps.db, clinicId, clinicProtocol(clinic).protocol, this.deps.clock.now(), [sessionId]);
      const windows = this.readingWindows.get(clinicId);
      if (tile === undefined) {
        windows?.delete(sessionId);
      } else {
        windows?.set(sessionId, tile.readingWindow);
      }
      this.send(clinicId, tile === undefined ? { event: 'tile_removed', data: { sessionId } } : { event: 'tile', data: tile });
    } catch (err) {
      this.deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'board tile reload failed');
    }
  }
}

const hubs = new WeakMap<Database, BoardHub>();

export function boardHub(deps: Deps): BoardHub {
  let hub = hubs.get(deps.database);
  if (hub === undefined) {
    hub = new BoardHub(deps);
    hubs.set(deps.database, hub);
  }
  return hub;
}
