/**
 * Fans board notices out to the Server-Sent-Events clients connected to this app server. Every server
 * LISTENs on the same PostgreSQL channel, so a reading posted to one server reaches boards on all of them.
 * Nothing here is a source of truth: a client that reconnects gets a fresh snapshot.
 */
import type { Database } from '../../db/types';
import type { Deps } from '../../http/deps';
import { loadClinic } from '../clinic/load';
import { clinicProtocol } from '../protocol/load';
import { BOARD_CHANNEL, type BoardEvent } from './board-notify';
import { loadTiles, type TileOut } from './board';

export type BoardMessage = { readonly event: 'vitals' | 'alert'; readonly data: BoardEvent } | { readonly event: 'tile'; readonly data: TileOut } | { readonly event: 'tile_removed'; readonly data: { readonly sessionId: string } };
type Client = (m: BoardMessage) => void;

/** A `session` notice reloads that tile once, however many notices arrive within this window. */
const TILE_DEBOUNCE_MS = 150;

class BoardHub {
  private readonly clients = new Map<string, Set<Client>>();
  private listening: Promise<void> | null = null;
  private readonly pending = new Map<string, { clinicId: string; timer: NodeJS.Timeout }>();

  constructor(private readonly deps: Deps) {}

  async subscribe(clinicId: string, client: Client): Promise<() => void> {
    this.listening ??= this.deps.database.listen(BOARD_CHANNEL, (payload) => this.onNotice(payload)).then(() => undefined);
    await this.listening;
    let set = this.clients.get(clinicId);
    if (set === undefined) {
      set = new Set();
      this.clients.set(clinicId, set);
    }
    set.add(client);
    return () => {
      set.delete(client);
      if (set.size === 0) {
        this.clients.delete(clinicId);
      }
    };
  }

  private onNotice(payload: string): void {
    let ev: BoardEvent;
    try {
      ev = JSON.parse(payload) as BoardEvent;
    } catch {
      return;
    }
    const set = this.clients.get(ev.c);
    if (set === undefined || set.size === 0) {
      return;
    }
    if (ev.k === 'vitals' || ev.k === 'alert') {
      for (const c of set) {
        c({ event: ev.k, data: ev });
      }
      // An acknowledgement travels without the acknowledger's name (no names in notices): the reloaded tile carries it.
      if (!(ev.k === 'alert' && ev.alerts.some((a) => a.acknowledgedAt !== null))) {
        return;
      }
    }
    if (!this.pending.has(ev.s)) {
      this.pending.set(ev.s, { clinicId: ev.c, timer: setTimeout(() => void this.reloadTile(ev.c, ev.s), TILE_DEBOUNCE_MS) });
    }
  }

  private async reloadTile(clinicId: string, sessionId: string): Promise<void> {
    this.pending.delete(sessionId);
    const set = this.clients.get(clinicId);
    if (set === undefined) {
      return;
    }
    try {
      const clinic = await loadClinic(this.deps.db, clinicId);
      const [tile] = await loadTiles(this.deps.db, clinicId, clinicProtocol(clinic).protocol, this.deps.clock.now(), [sessionId]);
      const message: BoardMessage = tile === undefined ? { event: 'tile_removed', data: { sessionId } } : { event: 'tile', data: tile };
      for (const c of set) {
        c(message);
      }
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
