import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { recordAuditStandalone } from '../../audit/record';
import type { Actor, RequestMeta } from '../../http/context';
import type { Deps } from '../../http/deps';
import { defineRoute } from '../../http/route';
import { loadClinic } from '../clinic/load';
import { clinicProtocol } from '../protocol/load';
import { loadTiles, TileOut } from './board';
import { boardHub } from './board-hub';

const BoardOut = z.object({ tiles: z.array(TileOut), serverTime: z.string(), escalateAfterMinutes: z.number(), notifyPrescriberAfterMinutes: z.number(), clinicName: z.string(), timeZone: z.string() });
type BoardOut = z.infer<typeof BoardOut>;

async function snapshot(deps: Deps, me: Actor): Promise<BoardOut> {
  const now = deps.clock.now();
  const clinic = await loadClinic(deps.db, me.clinicId);
  const { protocol } = clinicProtocol(clinic);
  const tiles = await loadTiles(deps.db, me.clinicId, protocol, now);
  return { tiles, serverTime: now.toISOString(), escalateAfterMinutes: protocol.alerts.escalateAfterMinutes, notifyPrescriberAfterMinutes: protocol.alerts.notifyPrescriberAfterMinutes, clinicName: clinic.name, timeZone: clinic.timeZone };
}

async function auditBoard(deps: Deps, me: Actor, meta: RequestMeta, action: string, b: BoardOut): Promise<void> {
  await recordAuditStandalone(deps.db, { action, outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'monitoring_board', details: { tiles: b.tiles.length, patients: b.tiles.map((t) => t.patientId) }, meta, at: deps.clock.now() });
}

export const boardRoute = defineRoute({
  method: 'GET',
  url: '/api/board',
  access: { action: 'board.read' },
  summary: 'The monitoring board: one tile per patient in a chair (initials, route, dose time, latest vitals, due readings, open alerts)',
  tags: ['Monitoring board'],
  schema: { response: { 200: BoardOut } },
  async handler({ deps, actor, meta }) {
    const me = actor();
    const b = await snapshot(deps, me);
    await auditBoard(deps, me, meta, 'board.viewed', b);
    return b;
  },
});

const HEARTBEAT_MS = 15_000;
const RESNAPSHOT_MS = 60_000;

export const boardStreamRoute = defineRoute({
  method: 'GET',
  url: '/api/board/stream',
  access: { action: 'board.read' },
  summary: 'Live board updates (Server-Sent Events): `snapshot`, then `vitals`, `alert`, `tile` and `tile_removed` events',
  description: 'Works across several app servers: updates travel through PostgreSQL LISTEN/NOTIFY. A fresh snapshot is sent every minute and on every reconnect.',
  tags: ['Monitoring board'],
  schema: { response: { 200: z.unknown() } },
  async handler({ deps, actor, meta, reply, req }) {
    const me = actor();
    const stream = new PassThrough();
    const send = (event: string, data: unknown): void => {
      if (!stream.writableEnded) {
        stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      }
    };
    const unsubscribe = await boardHub(deps).subscribe(me.clinicId, (m) => send(m.event, m.data));
    const first = await snapshot(deps, me);
    await auditBoard(deps, me, meta, 'board.stream_opened', first);
    send('snapshot', first);
    const heartbeat = setInterval(() => stream.write(`: keep-alive ${Date.now()}\n\n`), HEARTBEAT_MS);
    const refresh = setInterval(() => {
      snapshot(deps, me).then((b) => send('snapshot', b), () => undefined);
    }, RESNAPSHOT_MS);
    const close = (): void => {
      clearInterval(heartbeat);
      clearInterval(refresh);
      unsubscribe();
      stream.end();
    };
    req.raw.on('close', close);
    return reply.code(200).header('content-type', 'text/event-stream; charset=utf-8').header('x-accel-buffering', 'no').header('connection', 'keep-alive').send(stream);
  },
});
