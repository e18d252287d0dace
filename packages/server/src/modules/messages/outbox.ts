import { randomUUID } from 'node:crypto';
import { outboxMessages } from '../../db/schema';
import type { Tx } from '../../db/types';

export type MessageKind = 'portal_invitation' | 'portal_sign_in_link' | 'questionnaire_reminder';

export interface NewMessage {
  readonly clinicId: string;
  readonly patientId: string | null;
  readonly kind: MessageKind;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  /** Makes the message go out once however often it is asked for (e.g. one reminder per due slot). */
  readonly dedupeKey?: string;
  readonly now: Date;
}

/** Put a message in the outbox, in the caller's transaction: it is sent only if the change it belongs to commits. */
export async function enqueueMessage(tx: Tx, m: NewMessage): Promise<string | null> {
  const id = randomUUID();
  const rows = await tx
    .insert(outboxMessages)
    .values({ id, clinicId: m.clinicId, patientId: m.patientId, kind: m.kind, toAddress: m.to, subject: m.subject, body: m.body, status: 'pending', dedupeKey: m.dedupeKey ?? null, nextAttemptAt: m.now, createdAt: m.now })
    .onConflictDoNothing()
    .returning({ id: outboxMessages.id });
  return rows[0]?.id ?? null;
}
