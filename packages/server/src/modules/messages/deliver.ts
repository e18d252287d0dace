/**
 * The outbox worker: claims due pending messages (row lock, SKIP LOCKED, so several app servers never send one
 * twice), sends each through the transport, and records the outcome. Failures retry with a growing delay and
 * give up after MAX_ATTEMPTS. Message bodies never reach the log.
 */
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { outboxMessages } from '../../db/schema';
import type { Deps } from '../../http/deps';
import { smtpTransport, type MailTransport } from './transport';

export const MAX_ATTEMPTS = 5;
const RETRY_MINUTES = [1, 5, 15, 60];

/** One pass: send every due message. Returns how many were sent. */
export async function deliverOutbox(deps: Deps, transport: MailTransport, batch = 20): Promise<number> {
  let sent = 0;
  for (let i = 0; i < batch; i++) {
    const now = deps.clock.now();
    const done = await deps.db.transaction(async (tx) => {
      const [m] = await tx
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.status, 'pending'), lte(outboxMessages.nextAttemptAt, now)))
        .orderBy(asc(outboxMessages.nextAttemptAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (m === undefined) {
        return null;
      }
      try {
        await transport.send({ from: deps.config.mailFrom, to: m.toAddress, subject: m.subject, text: m.body });
        await tx.update(outboxMessages).set({ status: 'sent', sentAt: now, attempts: m.attempts + 1, lastError: null }).where(eq(outboxMessages.id, m.id));
        return true;
      } catch (err) {
        const attempts = m.attempts + 1;
        const delay = RETRY_MINUTES[Math.min(attempts - 1, RETRY_MINUTES.length - 1)] ?? 60;
        const reason = err instanceof Error ? err.name : 'Error';
        deps.log.warn({ messageId: m.id, attempts, errType: reason }, 'outbox message not delivered');
        await tx
          .update(outboxMessages)
          .set({ attempts, status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', lastError: (err instanceof Error ? err.message : String(err)).slice(0, 300), nextAttemptAt: new Date(now.getTime() + delay * 60_000) })
          .where(eq(outboxMessages.id, m.id));
        return false;
      }
    });
    if (done === null) {
      break;
    }
    if (done) {
      sent += 1;
    }
  }
  return sent;
}

/** Count of pending messages (for health and the Outbox page). */
export async function pendingCount(deps: Deps): Promise<number> {
  const [row] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(outboxMessages).where(eq(outboxMessages.status, 'pending'));
  return row?.n ?? 0;
}

/** Deliver every few seconds when SMTP is configured; without it, messages wait in the outbox for an administrator to see. */
export function startOutboxWorker(deps: Deps, everyMs = 5_000): () => void {
  if (deps.config.smtpUrl === undefined) {
    return () => undefined;
  }
  const transport = smtpTransport(deps.config.smtpUrl);
  let running = false;
  const timer = setInterval(() => {
    if (running) {
      return;
    }
    running = true;
    deliverOutbox(deps, transport)
      .catch((err: unknown) => deps.log.error({ errType: err instanceof Error ? err.name : 'unknown' }, 'outbox pass failed'))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    transport.close();
  };
}
