import { recordAuditStandalone } from '../audit/record';
import { prepared, runPrepared } from '../db/raw';
import type { DeviceInfo, RequestMeta } from '../http/context';
import type { Deps } from '../http/deps';
import { AppError } from '../http/errors';
import { hashToken, newToken } from './tokens';

/** Device tokens look like `kpd_<43 base64url chars>` so they are recognisable in a gateway's settings. */
export const DEVICE_TOKEN_PREFIX = 'kpd_';

export function newDeviceToken(): string {
  return `${DEVICE_TOKEN_PREFIX}${newToken(32)}`;
}

/**
 * Monitors post a reading every few seconds, so a verified token is remembered for a few seconds in this
 * process. Revoking a device clears it here at once; another app server may accept it for at most
 * `CACHE_MS` more (documented in docs/decisions/0007-treatment-sessions.md).
 */
const CACHE_MS = 10_000;
const LAST_SEEN_EVERY_MS = 60_000;
const MAX_CACHED = 5_000;
const cache = new Map<string, { device: DeviceInfo; until: number; lastSeenWritten: number }>();

const LOOKUP = prepared('kp_device_lookup', 'SELECT id::text AS id, clinic_id::text AS "clinicId", name, revoked_at IS NOT NULL AS revoked FROM clinic_devices WHERE token_hash = $1::text');
const SEEN = prepared('kp_device_seen', 'UPDATE clinic_devices SET last_seen_at = $2::timestamptz WHERE id = $1::uuid');

export function forgetDevice(deviceId: string): void {
  for (const [hash, entry] of cache) {
    if (entry.device.deviceId === deviceId) {
      cache.delete(hash);
    }
  }
}

/** Resolve a device token to its device, or throw UNAUTHENTICATED (audited). */
export async function authenticateDevice(deps: Deps, token: string, meta: RequestMeta): Promise<DeviceInfo> {
  const now = deps.clock.now();
  const hash = hashToken(token);
  const hit = cache.get(hash);
  if (hit !== undefined && hit.until > now.getTime()) {
    if (now.getTime() - hit.lastSeenWritten > LAST_SEEN_EVERY_MS) {
      hit.lastSeenWritten = now.getTime();
      await runPrepared(deps.db, SEEN, [hit.device.deviceId, now.toISOString()]);
    }
    return hit.device;
  }
  const [row] = token.startsWith(DEVICE_TOKEN_PREFIX) ? await runPrepared<{ id: string; clinicId: string; name: string; revoked: boolean }>(deps.db, LOOKUP, [hash]) : [];
  if (row === undefined || row.revoked) {
    cache.delete(hash);
    await recordAuditStandalone(deps.db, { action: 'device.auth_failed', outcome: 'failure', clinicId: row?.clinicId ?? null, actor: null, resourceType: 'device', ...(row === undefined ? {} : { resourceId: row.id }), details: { revoked: row !== undefined }, meta, at: now });
    throw new AppError('UNAUTHENTICATED', { detail: row === undefined ? 'Unknown device token.' : 'This device has been revoked.' });
  }
  const device: DeviceInfo = { deviceId: row.id, clinicId: row.clinicId, name: row.name };
  if (cache.size >= MAX_CACHED) {
    cache.clear();
  }
  // Re-checking the token every CACHE_MS must not also rewrite "last seen" every CACHE_MS: that stays once a minute.
  const seenRecently = hit !== undefined && now.getTime() - hit.lastSeenWritten <= LAST_SEEN_EVERY_MS;
  cache.set(hash, { device, until: now.getTime() + CACHE_MS, lastSeenWritten: seenRecently ? hit.lastSeenWritten : now.getTime() });
  if (!seenRecently) {
    await runPrepared(deps.db, SEEN, [row.id, now.toISOString()]);
  }
  return device;
}
