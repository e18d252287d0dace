import type { ReadingInDto } from '@ketapath/server/contracts';

/** One manual reading waiting to reach the server, with the id and time it was given at the chair. */
export interface PendingReading {
  readonly sessionId: string;
  readonly reading: ReadingInDto & { clientId: string; takenAt: string };
  readonly queuedAt: string;
  readonly attempts: number;
  readonly lastError: string | null;
}

/** Where pending readings live: IndexedDB in the browser, memory in tests. */
export interface OutboxStore {
  put(p: PendingReading): Promise<void>;
  delete(clientId: string): Promise<void>;
  all(): Promise<PendingReading[]>;
}

export interface SendResult {
  readonly readings: readonly { clientId: string; duplicate: boolean }[];
}

/** Thrown by a sender when the server refused the batch for good (e.g. the session is closed): stop retrying those. */
export class RejectedError extends Error {}

export function memoryStore(): OutboxStore {
  const rows = new Map<string, PendingReading>();
  return {
    put: (p) => {
      rows.set(p.reading.clientId, p);
      return Promise.resolve();
    },
    delete: (id) => {
      rows.delete(id);
      return Promise.resolve();
    },
    all: () => Promise.resolve([...rows.values()].sort((a, b) => a.reading.takenAt.localeCompare(b.reading.takenAt))),
  };
}

/** A client id that is unique per reading and per tablet (the server ignores a second copy of the same id). */
export function newClientId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  // randomUUID needs a secure context (https or localhost); fall back to random digits elsewhere.
  const rand = c !== undefined && typeof c.randomUUID === 'function' ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}${Math.random().toString(36).slice(2, 12)}`;
  return `tab-${rand}`;
}

/**
 * The outbox: a reading is stored first, then sent; it leaves the store only when the server has it
 * (stored now, or a duplicate of one stored before). Network failures keep it for the next flush.
 */
export class Outbox {
  private flushing: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: OutboxStore,
    private readonly send: (sessionId: string, readings: PendingReading['reading'][]) => Promise<SendResult>,
    private readonly now: () => string,
  ) {}

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private changed(): void {
    for (const l of this.listeners) {
      l();
    }
  }

  async add(sessionId: string, reading: PendingReading['reading']): Promise<void> {
    await this.store.put({ sessionId, reading, queuedAt: this.now(), attempts: 0, lastError: null });
    this.changed();
  }

  /** Remove a reading the nurse decided not to send (only offered for readings the server refused). */
  async discard(clientId: string): Promise<void> {
    await this.store.delete(clientId);
    this.changed();
  }

  pending(sessionId?: string): Promise<PendingReading[]> {
    return this.store.all().then((all) => all.filter((p) => sessionId === undefined || p.sessionId === sessionId));
  }

  /** Send everything pending, one batch per session, oldest first. Concurrent calls share one run. */
  flush(): Promise<void> {
    this.flushing ??= this.run().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async run(): Promise<void> {
    const all = await this.store.all();
    const bySession = new Map<string, PendingReading[]>();
    for (const p of all) {
      bySession.set(p.sessionId, [...(bySession.get(p.sessionId) ?? []), p]);
    }
    for (const [sessionId, items] of bySession) {
      try {
        const result = await this.send(sessionId, items.map((i) => i.reading));
        const known = new Set(result.readings.map((r) => r.clientId));
        for (const i of items) {
          if (known.has(i.reading.clientId)) {
            await this.store.delete(i.reading.clientId);
          }
        }
      } catch (err) {
        const message = err instanceof Error ? err.message : 'Not sent';
        for (const i of items) {
          await this.store.put({ ...i, attempts: i.attempts + 1, lastError: err instanceof RejectedError ? `Refused: ${message}` : message });
        }
      }
    }
    this.changed();
  }
}
