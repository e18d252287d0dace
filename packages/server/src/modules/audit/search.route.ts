import { z } from 'zod';
import { recordAuditStandalone } from '../../audit/record';
import { csvRow } from '../../lib/csv';
import { defineRoute } from '../../http/route';
import { loadClinic } from '../clinic/load';
import { AuditEventOut, AuditFilter, searchAudit } from './query';

export const searchAuditRoute = defineRoute({
  method: 'GET',
  url: '/api/audit',
  access: { action: 'audit.read' },
  summary: 'Search the audit trail by patient, user, action and date range',
  description: 'Newest first. Page with `before` (the smallest id of the previous page). Dates without a time are whole days in the clinic time zone.',
  tags: ['Audit'],
  schema: {
    querystring: AuditFilter.extend({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      before: z.coerce.number().int().positive().optional(),
    }),
    response: { 200: z.object({ events: z.array(AuditEventOut), nextBefore: z.number().int().nullable() }) },
  },
  async handler({ query, deps, actor, meta }) {
    const me = actor();
    const clinic = await loadClinic(deps.db, me.clinicId);
    const { limit, before, ...filter } = query;
    const events = await searchAudit(deps.db, clinic, filter, { limit, beforeId: before });
    await recordAuditStandalone(deps.db, {
      action: 'audit.searched',
      outcome: 'success',
      clinicId: me.clinicId,
      actor: me,
      ...(filter.patientId === undefined ? {} : { patientId: filter.patientId }),
      details: { filters: Object.keys(filter).filter((k) => filter[k as keyof typeof filter] !== undefined) },
      meta,
      at: deps.clock.now(),
    });
    return { events, nextBefore: events.length === limit ? (events.at(-1)?.id ?? null) : null };
  },
});

const EXPORT_MAX_ROWS = 100_000;
const EXPORT_PAGE = 1000;

export const exportAuditRoute = defineRoute({
  method: 'GET',
  url: '/api/audit/export.csv',
  access: { action: 'audit.read' },
  summary: 'Export the filtered audit trail as CSV',
  description: `At most ${EXPORT_MAX_ROWS} rows, newest first. The export itself is audited.`,
  tags: ['Audit'],
  schema: {
    querystring: AuditFilter,
    response: { 200: z.string().describe('text/csv') },
  },
  async handler({ query, deps, actor, meta, reply }) {
    const me = actor();
    const clinic = await loadClinic(deps.db, me.clinicId);
    let out = csvRow(['id', 'occurred_at', 'actor_id', 'actor_name', 'actor_role', 'action', 'outcome', 'resource_type', 'resource_id', 'patient_id', 'request_id', 'ip', 'user_agent', 'details']);
    let before: number | undefined;
    let rows = 0;
    while (rows < EXPORT_MAX_ROWS) {
      const page = await searchAudit(deps.db, clinic, query, { limit: EXPORT_PAGE, beforeId: before });
      for (const e of page) {
        out += csvRow([e.id, e.occurredAt, e.actor?.id, e.actor?.name, e.actor?.role, e.action, e.outcome, e.resourceType, e.resourceId, e.patientId, e.requestId, e.ip, e.userAgent, e.details]);
      }
      rows += page.length;
      if (page.length < EXPORT_PAGE) {
        break;
      }
      before = page.at(-1)?.id;
    }
    await recordAuditStandalone(deps.db, {
      action: 'audit.exported',
      outcome: 'success',
      clinicId: me.clinicId,
      actor: me,
      ...(query.patientId === undefined ? {} : { patientId: query.patientId }),
      details: { rows },
      meta,
      at: deps.clock.now(),
    });
    const stamp = deps.clock.now().toISOString().slice(0, 10);
    return reply
      .code(200)
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${clinic.slug}-${stamp}.csv"`)
      .send(out);
  },
});
