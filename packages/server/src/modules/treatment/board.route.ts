import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { recordAuditStandalone } from '../../audit/record';
import type { Actor, RequestMeta } from '../../http/context';
import type { Deps } from '../../http/deps';
import { defineRoute } from '../../http/route';
import { BoardOut } from './board';
import { boardHub, sseFrame } from './board-hub';

async function auditBoard(deps: Deps, me: Actor, meta: RequestMeta, action: string, b: BoardOut): Promise<void> {
  await recordAuditStandalone(deps.db, { action, outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'monitoring_board', details: { tiles: b.tiles.length, patients: b.tiles.map((t) => t.patientId) }, meta, at: deps.clock.now() });
}

export const boardRoute = defineRoute({
  method: 'GET',
  url: '/api/board',
  access: { action: 'board.read', display: true },
  summary: 'The monitoring board: one tile per patient in a chair (initials, route, dose time, latest vitals, due readings, open alerts)',
  tags: ['Monitoring board'],
  schema: { response: { 200: BoardOut } },
  async handler({ deps, actor, meta }) {
    const me = actor();
    const hub = boardHub(deps);
    const b = await hub.snapshot(me.clinicId, hub.ticket());
    await auditBoard(deps, me, meta, 'board.viewed', b);
    return b;
  },
});

const HEARTBEAT_MS = 15_000;

export const boardStreamRoute = defineRoute({
  method: 'GET',
  url: '/api/board/stream',
  access: { action: 'board.read', display: true },
  summary: 'Live board updates (Server-Sent Events): `snapshot`, then `vitals`, `alert`, `tile` and `tile_removed` events',
  description: 'Works across several app servers: updates travel through PostgreSQL LISTEN/NOTIFY. A fresh snapshot is sent every minute and on every reconnect.',
  tags: ['Monitoring board'],
  schema: { response: { 200: z.unknown() } },
  async handler({ deps, actor, meta, reply, req }) {
    const me = actor();
    const stream = new PassThrough();
    const write = (frame: string): void => {
      if (!stream.writableEnded) {
        stream.write(frame);
      }
    };
    const hub = boardHub(deps);
    const { since, unsubscribe } = await hub.subscribe(me.clinicId, write);
    // Boards connecting together share one load; the hub also sends every board a fresh snapshot each minute.
    let first: BoardOut;
    try {
      first = await hub.snapshot(me.clinicId, since);
      await auditBoard(deps, me, meta, 'board.stream_opened', first);
    } catch (err) {
      unsubscribe();
      throw err;
    }
    write(sseFrame({ event: 'snapshot', data: first }));
    const heartbeat = setInterval(() => write(`: keep-alive ${Date.now()}\n\n`), HEARTBEAT_MS);
    const close = (): void => {
      clearInterval(heartbeat);
      unsubscribe();
      stream.end();
    };
    req.raw.on('close', close);
    return reply.code(200).header('content-type', 'text/event-stream; charset=utf-8').header('x-accel-buffering', 'no').header('connection', 'keep-alive').send(stream);
  },
});
