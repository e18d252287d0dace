/**
 * Load generation for the vitals benchmark: chair monitors posting readings over HTTP with their device
 * tokens, and board clients listening on the Server-Sent-Events stream, timing each alert from the moment
 * its reading was posted to the moment it reaches the board.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Chair } from './protocol';

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

export interface PostResult {
  readonly status: number;
  readonly ms: number;
}

const NORMAL = { systolic: 124, diastolic: 79, heartRate: 72, spo2: 98 };
/** Above the hypertensive-urgency limit of the clinical core's default protocol: raises an alert. */
const HYPERTENSIVE = { systolic: 192, diastolic: 104, heartRate: 88, spo2: 97 };

export function postReading(port: number, chair: Chair, clientId: string, hypertensive: boolean): Promise<PostResult> {
  const body = JSON.stringify({ readings: [{ clientId, takenAt: new Date().toISOString(), ...(hypertensive ? HYPERTENSIVE : NORMAL) }] });
  const start = performance.now();
  return new Promise((resolve) => {
    const req = http.request(
      { agent, host: '127.0.0.1', port, method: 'POST', path: `/api/sessions/${chair.sessionId}/vitals`, headers: { authorization: `Bearer ${chair.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'Ketapath vitals benchmark' } },
      (res) => {
        res.resume();
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - start });
        });
      },
    );
    req.setNoDelay(true);
    req.on('error', () => {
      resolve({ status: 0, ms: performance.now() - start });
    });
    req.end(body);
  });
}

/** Readings posted as hypertensive, by client id → when they were posted; boards resolve them. */
export class AlertClock {
  private readonly posted = new Map<string, { at: number; seen: number }>();
  readonly latencies: number[] = [];
  constructor(private readonly boards: number) {}

  mark(clientId: string, at: number): void {
    this.posted.set(clientId, { at, seen: 0 });
  }

  arrived(clientId: string, now: number): void {
    const p = this.posted.get(clientId);
    if (p === undefined) {
      return;
    }
    this.latencies.push(now - p.at);
    p.seen += 1;
    if (p.seen >= this.boards) {
      this.posted.delete(clientId);
    }
  }

  /** Alerts posted but never seen on some board (counted per board). */
  missing(): number {
    let n = 0;
    for (const p of this.posted.values()) {
      n += this.boards - p.seen;
    }
    return n;
  }

  reset(): void {
    this.posted.clear();
    this.latencies.length = 0;
  }
}

interface VitalsEvent {
  readonly readings?: readonly { readonly clientId: string }[];
  readonly alerts?: readonly unknown[];
}

/** One board client on GET /api/board/stream; resolves once the first snapshot has arrived. */
export function openBoard(port: number, cookie: string, clock: AlertClock): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/board/stream', headers: { cookie, accept: 'text/event-stream', 'user-agent': 'Ketapath vitals benchmark board' } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`board stream answered ${res.statusCode}`));
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      let ready = false;
      res.on('data', (chunk: string) => {
        const now = performance.now();
        buffer += chunk;
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf('\n\n');
          const event = /^event: (.*)$/m.exec(block)?.[1];
          if (event === 'snapshot' && !ready) {
            ready = true;
            resolve(() => {
              req.destroy();
            });
          } else if (event === 'vitals') {
            const data = /^data: (.*)$/m.exec(block)?.[1];
            const ev = JSON.parse(data ?? '{}') as VitalsEvent;
            if ((ev.alerts?.length ?? 0) > 0) {
              for (const r of ev.readings ?? []) {
                clock.arrived(r.clientId, now);
              }
            }
          }
        }
      });
    });
    req.on('error', reject);
  });
}

export interface PhaseResult {
  readonly posted: number;
  readonly accepted: number;
  readonly errors: number;
  readonly errorCodes: Readonly<Record<string, number>>;
  readonly seconds: number;
  readonly latencies: readonly number[];
}

/**
 * Every chair posts one reading every `intervalMs` (paced, as monitors do) or back to back when
 * `intervalMs` is 0 (saturation). Every `hypertensiveEvery`-th reading of a chair raises an alert.
 */
export async function drive(port: number, chairs: readonly Chair[], opts: { seconds: number; intervalMs: number; hypertensiveEvery: number; tag: string; clock: AlertClock }): Promise<PhaseResult> {
  const latencies: number[] = [];
  const errorCodes: Record<string, number> = {};
  let posted = 0;
  let accepted = 0;
  const start = performance.now();
  const end = start + opts.seconds * 1000;
  const chairLoop = async (chair: Chair, i: number): Promise<void> => {
    let next = start + (opts.intervalMs > 0 ? Math.random() * opts.intervalMs : 0);
    for (let seq = 0; ; seq++) {
      const wait = next - performance.now();
      if (wait > 0) {
        await new Promise((r) => setTimeout(r, wait));
      }
      if (performance.now() >= end) {
        return;
      }
      const clientId = `bench-${opts.tag}-${i}-${seq}`;
      const hyper = opts.hypertensiveEvery > 0 && (seq + i) % opts.hypertensiveEvery === 0;
      if (hyper) {
        opts.clock.mark(clientId, performance.now());
      }
      posted++;
      const r = await postReading(port, chair, clientId, hyper);
      latencies.push(r.ms);
      if (r.status === 200) {
        accepted++;
      } else {
        errorCodes[String(r.status)] = (errorCodes[String(r.status)] ?? 0) + 1;
      }
      next = opts.intervalMs > 0 ? next + opts.intervalMs : performance.now();
    }
  };
  await Promise.all(chairs.map((c, i) => chairLoop(c, i)));
  const seconds = (performance.now() - start) / 1000;
  return { posted, accepted, errors: posted - accepted, errorCodes, seconds, latencies };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
