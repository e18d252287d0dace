/**
 * Group commit for readings. Every reading's audit event is appended to its clinic's hash chain, whose head
 * is locked until commit, and every NOTIFY serialises commits in PostgreSQL: so one transaction per request
 * caps a clinic at one commit (one disk flush) at a time. Instead, requests of the same clinic that arrive
 * while its previous write is committing wait together and are written in the next transaction: their
 * readings in one INSERT, the chain head locked once, one audit event and one board notice per request.
 * A quiet clinic's request is written at once, alone; nothing is answered before its transaction commits.
 *
 * If a shared transaction fails, each of its requests is retried in its own transaction, so one request's
 * problem (say, a session signed a moment ago) never fails another's.
 */
import { rawTransaction } from '../../db/raw';
import type { Db } from '../../db/types';
import type { Deps } from '../../http/deps';
import { writeIngestJobs, type IngestJob, type IngestResult } from './ingest-write';

/** At most this many requests share a transaction (keeps it short and the NOTIFY statement small). */
const MAX_JOBS = 200;

interface Pending {
  readonly job: IngestJob;
  readonly resolve: (r: IngestResult) => void;
  readonly reject: (err: unknown) => void;
}

class IngestQueue {
  private readonly waiting = new Map<string, Pending[]>();

  constructor(private readonly db: Db) {}

  submit(job: IngestJob): Promise<IngestResult> {
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(job.clinicId);
      if (queue !== undefined) {
        queue.push({ job, resolve, reject });
        return;
      }
      this.waiting.set(job.clinicId, [{ job, resolve, reject }]);
      void this.drain(job.clinicId);
    });
  }

  /** One writer per clinic: writes what is waiting, then whatever arrived meanwhile, until none is left. */
  private async drain(clinicId: string): Promise<void> {
    for (;;) {
      const queue = this.waiting.get(clinicId) ?? [];
      const take = queue.splice(0, MAX_JOBS);
      if (take.length === 0) {
        this.waiting.delete(clinicId);
        return;
      }
      await this.write(take);
    }
  }

  private async write(take: readonly Pending[]): Promise<void> {
    try {
      const results = await rawTransaction(this.db, (tx) => writeIngestJobs(tx, take.map((p) => p.job)));
      take.forEach((p, i) => {
        const r = results[i];
        if (r === undefined) {
          p.reject(new Error('ingest result missing'));
        } else {
          p.resolve(r);
        }
      });
    } catch (err) {
      if (take.length === 1) {
        take[0]?.reject(err);
        return;
      }
      for (const p of take) {
        try {
          const [r] = await rawTransaction(this.db, (tx) => writeIngestJobs(tx, [p.job]));
          if (r === undefined) {
            throw new Error('ingest result missing');
          }
          p.resolve(r);
        } catch (e) {
          p.reject(e);
        }
      }
    }
  }
}

const queues = new WeakMap<Db, IngestQueue>();

export function ingestQueue(deps: Deps): IngestQueue {
  let q = queues.get(deps.db);
  if (q === undefined) {
    q = new IngestQueue(deps.db);
    queues.set(deps.db, q);
  }
  return q;
}
