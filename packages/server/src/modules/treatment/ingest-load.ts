/**
 * The read half of vital-sign ingestion: for each request, its session, the clinic's protocol settings, the
 * latest live readings and the baseline. Requests of a clinic that arrive while its previous load is running
 * are loaded together in the next query (like the writes in ingest-queue.ts), so a burst of monitors takes a
 * few queries instead of one connection each, and never starves the clinic's writer of a connection. A quiet
 * clinic's request is loaded at once, alone.
 */
import { prepared, runPrepared } from '../../db/raw';
import type { Db } from '../../db/types';

const HISTORY = 12;
/** At most this many requests share a load query. */
const MAX_LOADS = 200;

/** A reading as the load query answers it (JSON, time in epoch milliseconds). */
export interface ReadingJson {
  readonly t: number;
  readonly s: number | null;
  readonly d: number | null;
  readonly h: number | null;
  readonly o: number | null;
  readonly r: number | null;
  readonly y: string[] | null;
}

/** One session as loaded for ingest. Dose time in epoch milliseconds; protocol settings as the database prints them. */
export interface IngestLoad {
  readonly id: string;
  readonly state: string;
  readonly route: string;
  readonly patientId: string;
  readonly dose: number | null;
  readonly overrides: string | null;
  readonly recent: ReadingJson[];
  readonly base: ReadingJson | null;
}

const READING_JSON = `json_build_object('t', (extract(epoch from r.taken_at) * 1000)::float8, 's', r.systolic, 'd', r.diastolic, 'h', r.heart_rate, 'o', r.spo2, 'r', r.respiratory_rate, 'y', r.symptoms)`;

/**
 * Everything the evaluation needs, for several sessions of one clinic, in one round trip.
 *
 * The latest readings are the newest few entries of the (session_id, taken_at) index. "Not voided" is
 * written as a CASE so that the planner, which cannot estimate it, keeps walking that index backwards: as
 * a plain `voided_at IS NULL` on a table without statistics (autovacuum off) it expects almost no live row
 * and reads and sorts every reading of the session instead (160 ms instead of 3 ms for 25 sessions of
 * 2,700 readings each).
 */
const LOAD_FOR_INGEST = prepared(
  'kp_ingest_load',
  `SELECT s.id::text AS id, s.state, s.route, s.patient_id::text AS "patientId", (extract(epoch from s.dose_started_at) * 1000)::float8 AS dose, c.protocol_overrides::text AS overrides,
  (SELECT coalesce(json_agg(${READING_JSON} ORDER BY r.taken_at DESC), '[]'::json) FROM (SELECT * FROM vital_readings v WHERE v.session_id = s.id AND CASE WHEN v.voided_at IS NULL THEN true END ORDER BY v.taken_at DESC LIMIT ${String(HISTORY)}) r) AS recent,
  (SELECT ${READING_JSON} FROM vital_readings r WHERE r.session_id = s.id AND r.voided_at IS NULL AND r.taken_at <= s.dose_started_at ORDER BY r.taken_at DESC LIMIT 1) AS base
FROM treatment_sessions s JOIN clinics c ON c.id = s.clinic_id
WHERE s.id = ANY($1::uuid[]) AND s.clinic_id = $2::uuid`,
);

interface Waiting {
  readonly sessionId: string;
  readonly resolve: (row: IngestLoad | undefined) => void;
  readonly reject: (err: unknown) => void;
}

class IngestLoader {
  private readonly waiting = new Map<string, Waiting[]>();

  constructor(private readonly db: Db) {}

  /** The session if it belongs to the clinic, else undefined. */
  load(clinicId: string, sessionId: string): Promise<IngestLoad | undefined> {
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(clinicId);
      if (queue !== undefined) {
        queue.push({ sessionId, resolve, reject });
        return;
      }
      this.waiting.set(clinicId, [{ sessionId, resolve, reject }]);
      void this.drain(clinicId);
    });
  }

  private async drain(clinicId: string): Promise<void> {
    for (;;) {
      const take = (this.waiting.get(clinicId) ?? []).splice(0, MAX_LOADS);
      if (take.length === 0) {
        this.waiting.delete(clinicId);
        return;
      }
      try {
        const rows = await runPrepared<IngestLoad>(this.db, LOAD_FOR_INGEST, [[...new Set(take.map((w) => w.sessionId))], clinicId]);
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const w of take) {
          w.resolve(byId.get(w.sessionId.toLowerCase()));
        }
      } catch (err) {
        for (const w of take) {
          w.reject(err);
        }
      }
    }
  }
}

const loaders = new WeakMap<Db, IngestLoader>();

/** Load one request's session (shared with the other requests of its clinic waiting at the same moment). */
export function loadForIngest(db: Db, clinicId: string, sessionId: string): Promise<IngestLoad | undefined> {
  let l = loaders.get(db);
  if (l === undefined) {
    l = new IngestLoader(db);
    loaders.set(db, l);
  }
  return l.load(clinicId, sessionId);
}
