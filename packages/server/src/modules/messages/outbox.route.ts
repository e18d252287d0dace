import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { outboxMessages } from '../../db/schema';
import { defineRoute } from '../../http/route';

const MessageOut = z.object({
  id: z.string(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const outboxRoute = defineRoute({
  method: 'GET',
  url: '/api/outbox',
  access: { action: 'outbox.read' },
  summary: 'Messages the clinic has sent or would send (invitations, sign-in links, reminders), newest first',
  description: 'Without SMTP configured nothing leaves the server: this list shows what would be sent. Viewing it is audited (messages name patients).',
  tags: ['Messages'],
  schema: {
    querystring: z.object({ status: z.enum(['pending', 'sent', 'failed']).optional() }),
    response: { 200: z.object({ smtpConfigured: z.boolean(), messages: z.array(MessageOut) }) },
  },
  async handler({ query, deps, actor, meta }) {
    const me = actor();
    const rows = await deps.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.clinicId, me.clinicId), ...(query.status === undefined ? [] : [eq(outboxMessages.status, query.status)])))
      .orderBy(desc(outboxMessages.createdAt))
      .limit(200);
    await deps.db.transaction((tx) => recordAudit(tx, { action: 'outbox.read', outcome: 'success', clinicId: me.clinicId, actor: me, details: { count: rows.length }, meta, at: deps.clock.now() }));
    return {
      smtpConfigured: deps.config.smtpUrl !== undefined,
      messages: rows.map((m) => ({ id: m.id, kind: m.kind, to: m.toAddress, subject: m.subject, body: m.body, status: m.status as 'pending', attempts: m.attempts, lastError: m.lastError, createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null })),
    };
  },
});
