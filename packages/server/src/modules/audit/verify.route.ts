import { z } from 'zod';
import { recordAuditStandalone } from '../../audit/record';
import { verifyChain } from '../../audit/verify';
import { defineRoute } from '../../http/route';

export const verifyAuditRoute = defineRoute({
  method: 'GET',
  url: '/api/audit/verify',
  access: { action: 'audit.verify' },
  summary: "Verify this clinic's audit hash chain",
  description: 'Walks every event from the first and reports the first broken link (edited, removed or reordered rows).',
  tags: ['Audit'],
  schema: {
    response: {
      200: z.object({
        ok: z.boolean(),
        eventsChecked: z.number().int(),
        firstBreak: z
          .object({ kind: z.string(), seq: z.number().int().optional(), eventId: z.number().int().optional(), expectedSeq: z.number().int().optional(), foundSeq: z.number().int().optional() })
          .nullable(),
        checkedAt: z.string(),
      }),
    },
  },
  async handler({ deps, actor, meta }) {
    const me = actor();
    const report = await verifyChain(deps.db, me.clinicId);
    const now = deps.clock.now();
    await recordAuditStandalone(deps.db, {
      action: 'audit.verified',
      outcome: report.ok ? 'success' : 'failure',
      clinicId: me.clinicId,
      actor: me,
      details: { ok: report.ok, eventsChecked: report.eventsChecked },
      meta,
      at: now,
    });
    return { ok: report.ok, eventsChecked: report.eventsChecked, firstBreak: report.firstBreak, checkedAt: now.toISOString() };
  },
});
