import { z } from 'zod';
import { defineRoute } from '../../http/route';
import { FindingOut, presentFinding } from '../../lib/findings';
import { auditPatientRead } from '../patients/repo';
import { sessionDose } from './dose-compute';
import { loadBundle, loadSession } from './repo';
import { Id } from './schemas';

const PreviewQuery = z.object({
  weightKg: z.coerce.number().positive().max(400).optional(),
  containerId: z.uuid().optional(),
  doseMg: z.coerce.number().positive().max(1000).optional(),
  mgPerKg: z.coerce.number().positive().max(10).optional(),
});

export const DosePreviewOut = z.object({
  ok: z.boolean(),
  summary: z.string().nullable(),
  working: z.array(z.string()),
  detail: z.record(z.string(), z.number()),
  weightKg: z.number().nullable(),
  changedFromPlan: z.boolean(),
  findings: z.array(FindingOut),
});
export type DosePreviewOut = z.infer<typeof DosePreviewOut>;

export const dosePreviewRoute = defineRoute({
  method: 'GET',
  url: '/api/sessions/:id/dose/preview',
  access: { action: 'session.read' },
  summary: "The dose the session would start with now: recomputed by the clinical core from the plan and today's weight, with its working and findings (nothing is recorded)",
  tags: ['Treatment sessions'],
  schema: { params: Id, querystring: PreviewQuery, response: { 200: DosePreviewOut } },
  async handler({ params, query, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const s = await loadSession(deps, me, meta, params.id);
    const b = await loadBundle(deps, me, meta, s);
    const change = { ...(query.doseMg === undefined ? {} : { doseMg: query.doseMg }), ...(query.mgPerKg === undefined ? {} : { mgPerKg: query.mgPerKg }) };
    const r = await sessionDose(deps, s, b, { dose: Object.keys(change).length === 0 ? undefined : change, weightKg: query.weightKg, containerId: query.containerId }, now);
    await auditPatientRead(deps, me, meta, s.patientId, 'treatment_session');
    const detail = Object.fromEntries(Object.entries(r.computed.dose?.detail ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'));
    return {
      ok: r.computed.ok && r.computed.dose !== null,
      summary: r.computed.dose?.summary ?? null,
      working: [...(r.computed.dose?.working ?? [])],
      detail,
      weightKg: r.weightKg,
      changedFromPlan: r.changed,
      findings: r.computed.findings.map(presentFinding),
    };
  },
});
