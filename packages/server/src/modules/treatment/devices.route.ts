import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { forgetDevice, newDeviceToken } from '../../auth/devices';
import { hashToken } from '../../auth/tokens';
import { chairs, clinicDevices } from '../../db/schema';
import { AppError, conflict } from '../../http/errors';
import { auditedNotFound } from '../../http/not-found';
import { defineRoute } from '../../http/route';

const DeviceOut = z.object({ id: z.string(), name: z.string(), chair: z.object({ id: z.string(), name: z.string() }).nullable(), createdAt: z.string(), lastSeenAt: z.string().nullable(), revokedAt: z.string().nullable() });

export const listDevicesRoute = defineRoute({
  method: 'GET',
  url: '/api/devices',
  access: { action: 'device.manage' },
  summary: 'Monitors and gateways allowed to post vital signs',
  tags: ['Devices'],
  schema: { response: { 200: z.object({ devices: z.array(DeviceOut) }) } },
  async handler({ deps, actor }) {
    const me = actor();
    const rows = await deps.db
      .select({ d: clinicDevices, chair: { id: chairs.id, name: chairs.name } })
      .from(clinicDevices)
      .leftJoin(chairs, eq(chairs.id, clinicDevices.chairId))
      .where(eq(clinicDevices.clinicId, me.clinicId))
      .orderBy(asc(clinicDevices.createdAt));
    return { devices: rows.map(({ d, chair }) => ({ id: d.id, name: d.name, chair, createdAt: d.createdAt.toISOString(), lastSeenAt: d.lastSeenAt?.toISOString() ?? null, revokedAt: d.revokedAt?.toISOString() ?? null })) };
  },
});

export const registerDeviceRoute = defineRoute({
  method: 'POST',
  url: '/api/devices',
  access: { action: 'device.manage' },
  summary: 'Register a monitor or gateway; its token is shown once (only its hash is kept)',
  tags: ['Devices'],
  schema: { body: z.object({ name: z.string().trim().min(2, 'Name the device').max(80), chairId: z.uuid().nullable().optional() }), response: { 201: z.object({ device: DeviceOut, token: z.string() }) } },
  async handler({ body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    let chair: { id: string; name: string } | null = null;
    if (body.chairId !== undefined && body.chairId !== null) {
      const [c] = await deps.db.select({ id: chairs.id, name: chairs.name }).from(chairs).where(and(eq(chairs.id, body.chairId), eq(chairs.clinicId, me.clinicId)));
      if (c === undefined) {
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.chairId', message: 'No such chair.' }] });
      }
      chair = c;
    }
    const token = newDeviceToken();
    const id = randomUUID();
    await deps.db.transaction(async (tx) => {
      await tx.insert(clinicDevices).values({ id, clinicId: me.clinicId, name: body.name, chairId: chair?.id ?? null, tokenHash: hashToken(token), createdBy: me.userId, createdAt: now });
      await recordAudit(tx, { action: 'device.registered', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'device', resourceId: id, meta, at: now });
    });
    return { device: { id, name: body.name, chair, createdAt: now.toISOString(), lastSeenAt: null, revokedAt: null }, token };
  },
});

export const revokeDeviceRoute = defineRoute({
  method: 'POST',
  url: '/api/devices/:id/revoke',
  access: { action: 'device.manage' },
  summary: 'Revoke a device token (it can no longer post readings)',
  tags: ['Devices'],
  schema: { params: z.object({ id: z.uuid() }), response: { 204: z.null() } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const [d] = await deps.db.select().from(clinicDevices).where(and(eq(clinicDevices.id, params.id), eq(clinicDevices.clinicId, me.clinicId)));
    if (d === undefined) {
      throw await auditedNotFound(deps, me, meta, 'device', params.id);
    }
    if (d.revokedAt !== null) {
      throw conflict('This device is already revoked.');
    }
    await deps.db.transaction(async (tx) => {
      await tx.update(clinicDevices).set({ revokedAt: now, revokedBy: me.userId }).where(and(eq(clinicDevices.id, d.id), isNull(clinicDevices.revokedAt)));
      await recordAudit(tx, { action: 'device.revoked', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'device', resourceId: d.id, meta, at: now });
    });
    forgetDevice(d.id);
    return null;
  },
});
