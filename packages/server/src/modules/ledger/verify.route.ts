import { z } from 'zod';
import { recordAuditStandalone } from '../../audit/record';
import { defineRoute } from '../../http/route';
import { verifyLedger } from './verify';

export const verifyLedgerRoute = defineRoute({
  method: 'GET',
  url: '/api/ledger/verify',
  access: { action: 'ledger.verify' },
  summary: "Tamper check of this clinic's controlled-substance register",
  description: 'Walks every entry from the first, recomputing the hash chain (edited, removed or reordered entries), and re-adds every container’s movements to check each stated and cached balance.',
  tags: ['Controlled drugs'],
  schema: {
    response: {
      200: z.object({
        ok: z.boolean(),
        entriesChecked: z.number().int(),
        containersChecked: z.number().int(),
        firstBreak: z.object({ kind: z.string(), seq: z.number().int().optional(), expectedSeq: z.number().int().optional(), foundSeq: z.number().int().optional(), containerId: z.string().optional() }).nullable(),
        balanceMismatches: z.array(z.object({ containerId: z.string(), ledgerUg: z.number(), cachedUg: z.number() })),
        checkedAt: z.string(),
      }),
    },
  },
  async handler({ deps, actor, meta }) {
    const me = actor();
    const report = await verifyLedger(deps.db, me.clinicId);
    const now = deps.clock.now();
    await recordAuditStandalone(deps.db, {
      action: 'ledger.verified',
      outcome: report.ok ? 'success' : 'failure',
      clinicId: me.clinicId,
      actor: me,
      details: { ok: report.ok, entriesChecked: report.entriesChecked, mismatches: report.balanceMismatches.length },
      meta,
      at: now,
    });
    return {
      ok: report.ok,
      entriesChecked: report.entriesChecked,
      containersChecked: report.containersChecked,
      firstBreak: report.firstBreak,
      balanceMismatches: report.balanceMismatches.map((m) => ({ containerId: m.containerId, ledgerUg: m.ledgerUg, cachedUg: m.cachedUg })),
      checkedAt: now.toISOString(),
    };
  },
});
