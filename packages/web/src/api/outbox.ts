import type { IngestResultDto } from '@ketapath/server/contracts';
import { useEffect, useState } from 'react';
import { clock } from '../lib/clock';
import { memoryStore, Outbox, RejectedError, type OutboxStore, type PendingReading } from '../lib/outbox';
import { api, ApiError } from './client';

const DB = 'ketapath-chairside';
const STORE = 'pending-readings';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/** Pending readings in IndexedDB: they survive reloads, closed tabs and a lost network. */
export function indexedDbStore(): OutboxStore {
  let db: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    db ??= new Promise((resolve, reject) => {
      const r = indexedDB.open(DB, 1);
      r.onupgradeneeded = () => {
        r.result.createObjectStore(STORE, { keyPath: 'reading.clientId' });
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('IndexedDB unavailable'));
    });
    return db;
  };
  const tx = async (mode: IDBTransactionMode): Promise<IDBObjectStore> => (await open()).transaction(STORE, mode).objectStore(STORE);
  const done = async <T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const store = await tx(mode);
    const result = await request(f(store));
    if (mode === 'readwrite') {
      await new Promise<void>((resolve, reject) => {
        store.transaction.oncomplete = () => resolve();
        store.transaction.onerror = () => reject(store.transaction.error ?? new Error('IndexedDB write failed'));
      });
    }
    return result;
  };
  return {
    put: async (p) => {
      await done('readwrite', (s) => s.put(p));
    },
    delete: async (id) => {
      await done('readwrite', (s) => s.delete(id));
    },
    all: async () => ((await done('readonly', (s) => s.getAll())) as PendingReading[]).sort((a, b) => a.reading.takenAt.localeCompare(b.reading.takenAt)),
  };
}

async function sendReadings(sessionId: string, readings: PendingReading['reading'][]): Promise<IngestResultDto> {
  try {
    return await api.post<IngestResultDto>(`/api/sessions/${sessionId}/vitals`, { readings });
  } catch (err) {
    // A refusal (closed session, invalid value) will not change by retrying; a lost network or sign-in will.
    if (err instanceof ApiError && err.status >= 400 && err.status < 500 && err.status !== 401 && err.status !== 408 && err.status !== 429) {
      throw new RejectedError(err.detail ?? err.title);
    }
    throw new Error(err instanceof ApiError && err.code !== 'NETWORK' ? err.title : 'No connection to the server');
  }
}

export const outbox = new Outbox(typeof indexedDB === 'undefined' ? memoryStore() : indexedDbStore(), sendReadings, clock.nowIso);

/** Flush at start, whenever the network comes back, and every 10 seconds while anything waits. */
export function startOutbox(onSent: () => void): () => void {
  const flush = (): void => {
    void outbox.flush().then(onSent);
  };
  flush();
  window.addEventListener('online', flush);
  const timer = window.setInterval(() => {
    void outbox.pending().then((p) => {
      if (p.length > 0) {
        flush();
      }
    });
  }, 10_000);
  return () => {
    window.removeEventListener('online', flush);
    window.clearInterval(timer);
  };
}

/** The readings of a session still waiting to be sent (re-read whenever the outbox changes). */
export function usePendingReadings(sessionId: string): PendingReading[] {
  const [pending, setPending] = useState<PendingReading[]>([]);
  useEffect(() => {
    let alive = true;
    const load = (): void => {
      void outbox.pending(sessionId).then((p) => {
        if (alive) {
          setPending(p);
        }
      });
    };
    load();
    const off = outbox.subscribe(load);
    return () => {
      alive = false;
      off();
    };
  }, [sessionId]);
  return pending;
}
