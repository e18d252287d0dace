/** Reminders for due questionnaires: one email per due slot to each patient with an active portal account. */
import { INSTRUMENTS } from '@ketapath/clinical';
import { eq } from 'drizzle-orm';
import { clinics, patientAccounts } from '../../db/schema';
import type { Deps } from '../../http/deps';
import { loadDue } from '../questionnaires/due';
import { enqueueMessage } from './outbox';

/** One pass. Returns how many reminders were queued (each due slot is reminded once, by its dedupe key). */
export async function queueReminders(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const accounts = await deps.db.select({ a: patientAccounts, clinic: clinics }).from(patientAccounts).innerJoin(clinics, eq(clinics.id, patientAccounts.clinicId)).where(eq(patientAccounts.status, 'active'));
  let queued = 0;
  for (const { a, clinic } of accounts) {
    const due = await loadDue(deps.db, clinic, a.patientId, now);
    for (const d of due) {
      const title = INSTRUMENTS[d.instrumentId].title;
      const id = await deps.db.transaction((tx) =>
        enqueueMessage(tx, {
          clinicId: clinic.id,
          patientId: a.patientId,
          kind: 'questionnaire_reminder',
          to: a.email,
          subject: `${clinic.name}: a questionnaire is waiting for you`,
          body: `Hello,\n\nYour care team at ${clinic.name} asks you to fill in a short questionnaire (${title}). It takes a few minutes and helps them see how your treatment is going.\n\nSign in to your patient portal: ${deps.config.publicUrl}/portal\n\nIf you are in crisis or thinking about harming yourself, do not wait for your clinic: call your local crisis line or emergency number now.\n`,
          dedupeKey: `reminder:${a.patientId}:${d.dueKey}`,
          now,
        }),
      );
      if (id !== null) {
        queued += 1;
      }
    }
  }
  return queued;
}

export function startReminderWorker(deps: Deps, everyMs = 10 * 60_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) {
      return;
    }
    running = true;
    queueReminders(deps)
      .catch((err: unknown) => deps.log.error({ errType: err instanceof Error ? err.name : 'unknown' }, 'reminder pass failed'))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
