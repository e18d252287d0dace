import { createHash } from 'node:crypto';
import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import { consultationRequests, publicFormSubmissions } from '../../../db/schema';
import type { Tx } from '../../../db/types';
import { AppError } from '../../../http/errors';

/** At most this many consultation requests per client address per hour, across every clinic and server. */
export const REQUESTS_PER_ADDRESS_PER_HOUR = 5;
/** And at most this many per clinic per day, whatever the addresses (a flood guard). */
export const REQUESTS_PER_CLINIC_PER_DAY = 300;

const HOUR = 60 * 60_000;

/** A key for the client address that is not the address itself. */
export function addressKey(ip: string): string {
  return createHash('sha256').update(`ketapath-public-form:${ip}`).digest('hex');
}

/**
 * Inside the caller's transaction: refuse (429) when the address or the clinic is over its limit, otherwise
 * count this submission. A transaction-scoped advisory lock on the address key makes the check-and-count
 * atomic across app servers. Entries older than a day are removed as we go.
 */
export async function throttleConsultation(tx: Tx, ip: string, clinicId: string, now: Date): Promise<void> {
  const key = addressKey(ip);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
  const [recent] = await tx
    .select({ n: count() })
    .from(publicFormSubmissions)
    .where(and(eq(publicFormSubmissions.ipKey, key), eq(publicFormSubmissions.form, 'consultation'), gte(publicFormSubmissions.at, new Date(now.getTime() - HOUR))));
  const [today] = await tx
    .select({ n: count() })
    .from(consultationRequests)
    .where(and(eq(consultationRequests.clinicId, clinicId), gte(consultationRequests.receivedAt, new Date(now.getTime() - 24 * HOUR))));
  if ((recent?.n ?? 0) >= REQUESTS_PER_ADDRESS_PER_HOUR || (today?.n ?? 0) >= REQUESTS_PER_CLINIC_PER_DAY) {
    throw new AppError('RATE_LIMITED', { detail: 'Too many requests. Please try again later, or contact the clinic directly.', headers: { 'retry-after': String(HOUR / 1000) } });
  }
  await tx.delete(publicFormSubmissions).where(lt(publicFormSubmissions.at, new Date(now.getTime() - 24 * HOUR)));
  await tx.insert(publicFormSubmissions).values({ ipKey: key, form: 'consultation', at: now });
}
