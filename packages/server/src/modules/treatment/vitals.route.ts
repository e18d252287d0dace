import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { vitalReadings } from '../../db/schema';
import { conflict } from '../../http/errors';
import { auditedNotFound } from '../../http/not-found';
import { defineRoute } from '../../http/route';
import { notifyBoard } from './board-notify';
import { ingestReadings } from './ingest';
import { sessionView } from './load-view';
import { loadSession, lockSession } from './repo';
import { ReadingsBatch, VoidReading } from './schemas';
import { SessionOut } from './view';

const IngestOut = z.object({
  readings: z.array(z.object({ id: z.string().nullable(), clientId: z.string(), worst: z.string().nullable(), duplicate: z.boolean() })),
  alerts: z.array(z.object({ id: z.string(), code: z.string(), severity: z.string(), message: z.string(), raisedAt: z.string(), escalationLevel: z.number().int(), acknowledgedAt: z.string().nullable() })),
});

export const postVitalsRoute = defineRoute({
  method: 'POST',
  url: '/api/sessions/:id/vitals',
  access: { action: 'vitals.record', device: true },
  summary: 'Record vital-sign readings (tablet or monitor); idempotent by each reading’s clientId',
  description:
    'A monitor or gateway sends `Authorization: Bearer <device token>` (Settings → Devices); the tablet uses the signed-in session. Each reading carries a `clientId` made where it was taken, so a retried batch stores nothing twice (`duplicate: true`). Each new reading is checked by the clinical core; findings become alerts on the monitoring board.',
  tags: ['Treatment sessions'],
  schema: { params: z.object({ id: z.uuid() }), body: ReadingsBatch, response: { 200: IngestOut } },
  async handler({ params, body, deps, actor, meta, device }) {
    const d = device();
    const by = d === null ? { kind: 'staff' as const, actor: actor() } : { kind: 'device' as const, device: d };
    const r = await ingestReadings(deps, params.id, by, meta, body.readings);
    return { readings: [...r.readings], alerts: [...r.alerts] };
  },
});

export const voidReadingRoute = defineRoute({
  method: 'POST',
  url: '/api/sessions/:id/vitals/:readingId/void',
  access: { action: 'session.chart' },
  summary: 'Mark a reading as entered in error (it stays visible, struck through, with who and why)',
  tags: ['Treatment sessions'],
  schema: { params: z.object({ id: z.uuid(), readingId: z.uuid() }), body: VoidReading, response: { 200: SessionOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const s = await loadSession(deps, me, meta, params.id);
    const [r] = await deps.db.select().from(vitalReadings).where(and(eq(vitalReadings.id, params.readingId), eq(vitalReadings.sessionId, s.id)));
    if (r === undefined) {
      throw await auditedNotFound(deps, me, meta, 'vital_reading', params.readingId);
    }
    if (r.voidedAt !== null) {
      throw conflict('This reading is already marked as entered in error.');
    }
    const updated = await deps.db.transaction(async (tx) => {
      const locked = await lockSession(tx, s.id);
      if (locked.signedAt !== null) {
        throw conflict('The session is signed: record an amendment instead.');
      }
      await tx.update(vitalReadings).set({ voidedAt: now, voidedBy: me.userId, voidReason: body.reason }).where(eq(vitalReadings.id, r.id));
      await recordAudit(tx, { action: 'vitals.voided', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'vital_reading', resourceId: r.id, patientId: s.patientId, meta, at: now });
      await notifyBoard(tx, { k: 'session', c: s.clinicId, s: s.id });
      return locked;
    });
    return sessionView(deps, me, meta, updated);
  },
});
