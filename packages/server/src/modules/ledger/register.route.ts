import { z } from 'zod';
import { recordAuditStandalone } from '../../audit/record';
import type { Actor, RequestMeta } from '../../http/context';
import type { Deps } from '../../http/deps';
import { defineRoute } from '../../http/route';
import { csvRow } from '../../lib/csv';
import { renderTablePdf } from '../../lib/pdf-table';
import { loadClinic, type ClinicRow } from '../clinic/load';
import { amountText, balanceText, detailText, KIND_LABELS, localStamp, peopleText, productText } from './export-format';
import { EntryOut } from './presenters';
import { patientIdsOf, RegisterFilter, searchRegister } from './register-query';
import { ledgerRules } from './rules/jurisdiction';

export const registerRoute = defineRoute({
  method: 'GET',
  url: '/api/ledger/register',
  access: { action: 'ledger.read' },
  summary: 'The register: every entry, newest first, filtered by product, patient, container, kind and period (audited)',
  description: '`kind` is a comma-separated list (e.g. `administration` for the dispensing log). `from`/`to` are whole days in the clinic time zone. Page with `before` (the smallest `seq` of the previous page).',
  tags: ['Controlled drugs'],
  schema: {
    querystring: RegisterFilter.extend({ limit: z.coerce.number().int().min(1).max(200).default(50), before: z.coerce.number().int().positive().optional() }),
    response: { 200: z.object({ entries: z.array(EntryOut), nextBefore: z.number().int().nullable() }) },
  },
  async handler({ query, deps, actor, meta }) {
    const me = actor();
    const clinic = await loadClinic(deps.db, me.clinicId);
    const { limit, before, ...filter } = query;
    const entries = await searchRegister(deps.db, me.clinicId, clinic.timeZone, filter, { limit, beforeSeq: before });
    await auditRead(deps, me, meta, 'ledger.register_read', filter, { entries: entries.length, patientIds: patientIdsOf(entries) });
    return { entries, nextBefore: entries.length === limit ? (entries.at(-1)?.seq ?? null) : null };
  },
});

const EXPORT_MAX_ROWS = 50_000;
const EXPORT_PAGE = 1000;

async function auditRead(deps: Deps, me: Actor, meta: RequestMeta, action: string, filter: RegisterFilter, details: Record<string, string | number | readonly string[]>): Promise<void> {
  await recordAuditStandalone(deps.db, {
    action,
    outcome: 'success',
    clinicId: me.clinicId,
    actor: me,
    ...(filter.patientId === undefined ? {} : { patientId: filter.patientId }),
    details: { ...details, filters: Object.keys(filter).filter((k) => filter[k as keyof RegisterFilter] !== undefined) },
    meta,
    at: deps.clock.now(),
  });
}

/** Every matching entry, oldest first (a register reads top to bottom). */
async function allEntries(deps: Deps, clinic: ClinicRow, filter: RegisterFilter): Promise<EntryOut[]> {
  const out: EntryOut[] = [];
  let before: number | undefined;
  while (out.length < EXPORT_MAX_ROWS) {
    const page = await searchRegister(deps.db, clinic.id, clinic.timeZone, filter, { limit: EXPORT_PAGE, beforeSeq: before });
    out.push(...page);
    if (page.length < EXPORT_PAGE) {
      break;
    }
    before = page.at(-1)?.seq;
  }
  return out.reverse();
}

function titleOf(filter: RegisterFilter): string {
  return filter.kind?.length === 1 && filter.kind[0] === 'administration' ? 'Dispensing log' : 'Controlled-substance register';
}

function periodOf(filter: RegisterFilter): string {
  return filter.from === undefined && filter.to === undefined ? 'all dates' : `${filter.from ?? 'start'} to ${filter.to ?? 'today'}`;
}

function fileName(clinic: ClinicRow, filter: RegisterFilter, ext: string): string {
  const what = titleOf(filter) === 'Dispensing log' ? 'dispensing-log' : 'register';
  return `${what}-${clinic.slug}-${filter.from ?? 'start'}-${filter.to ?? 'now'}.${ext}`;
}

export const registerCsvRoute = defineRoute({
  method: 'GET',
  url: '/api/ledger/register.csv',
  access: { action: 'ledger.export' },
  summary: 'Export the filtered register as CSV (audited)',
  description: `Oldest first, at most ${EXPORT_MAX_ROWS} rows, times in the clinic time zone. Includes each entry's hash so the chain can be checked outside Ketapath.`,
  tags: ['Controlled drugs'],
  schema: { querystring: RegisterFilter, response: { 200: z.string().describe('text/csv') } },
  async handler({ query, deps, actor, meta, reply }) {
    const me = actor();
    const clinic = await loadClinic(deps.db, me.clinicId);
    const entries = await allEntries(deps, clinic, query);
    let out = csvRow([
      'entry_no', 'occurred_at', 'recorded_at', 'time_zone', 'entry', 'flagged', 'product', 'product_code', 'container_no', 'lot', 'amount_mg', 'volume_ml', 'units',
      'balance_mg', 'balance_ml', 'balance_units', 'from_location', 'to_location', 'patient_name', 'patient_record_no', 'patient_address', 'route', 'session_id',
      'administration_id', 'performed_by', 'signed_with', 'witness_1', 'witness_2', 'reason', 'details', 'reference_type', 'reference_id', 'entry_id', 'hash',
    ]);
    for (const e of entries) {
      out += csvRow([
        e.seq, localStamp(e.occurredAt, clinic.timeZone), localStamp(e.recordedAt, clinic.timeZone), clinic.timeZone, KIND_LABELS[e.kind] ?? e.kind, e.flagged ? 'yes' : '',
        e.product?.name, e.product?.code, e.container?.no, e.container?.lot, e.kind === 'count' ? null : e.amountMg, e.volumeMl, e.units,
        e.balance?.mg, e.balance?.ml, e.balance?.units, e.fromLocation, e.toLocation, e.patient?.name, e.patient?.mrn, e.patient?.address, e.route, e.sessionId,
        e.administrationId, e.performedBy.name, e.signedWith, e.witnesses[0]?.name, e.witnesses[1]?.name, e.reason, detailText(e), e.ref?.type, e.ref?.id, e.id, e.hash,
      ]);
    }
    await auditRead(deps, me, meta, 'ledger.exported', query, { format: 'csv', rows: entries.length, patientIds: patientIdsOf(entries) });
    return reply.code(200).header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName(clinic, query, 'csv')}"`).send(out);
  },
});

export const registerPdfRoute = defineRoute({
  method: 'GET',
  url: '/api/ledger/register.pdf',
  access: { action: 'ledger.export' },
  summary: 'Export the filtered register (or dispensing log) as PDF (audited)',
  description: 'Oldest first. Adjustments are shaded and labelled. The document is deterministic: its dates come from the newest entry it contains.',
  tags: ['Controlled drugs'],
  schema: { querystring: RegisterFilter, response: { 200: z.string().describe('application/pdf') } },
  async handler({ query, deps, actor, meta, reply }) {
    const me = actor();
    const clinic = await loadClinic(deps.db, me.clinicId);
    const entries = await allEntries(deps, clinic, query);
    const rules = ledgerRules(clinic.jurisdiction);
    const last = entries.at(-1);
    const adjustments = entries.filter((e) => e.flagged).length;
    const pdf = await renderTablePdf({
      title: `${titleOf(query)}: ${clinic.name}`,
      subject: 'Controlled-substance records',
      subtitle: [
        `Period: ${periodOf(query)} (times in ${clinic.timeZone}) · ${entries.length} entries${last === undefined ? '' : `, up to entry #${last.seq}`} · jurisdiction: ${rules.jurisdictionName}`,
        `${adjustments === 0 ? 'No adjustments in this period.' : `${adjustments} ADJUSTMENT(S) in this period: shaded and flagged below.`} ${rules.retentionYears.note}`,
      ],
      columns: [
        { header: 'No.', width: 4, align: 'right' },
        { header: 'When', width: 9 },
        { header: 'Entry', width: 9 },
        { header: 'Product · container', width: 16 },
        { header: 'Amount', width: 10, align: 'right' },
        { header: 'Balance after', width: 10, align: 'right' },
        { header: 'Patient / details', width: 28 },
        { header: 'By · witness', width: 14 },
      ],
      rows: entries.map((e) => ({
        flagged: e.flagged,
        cells: [String(e.seq), localStamp(e.occurredAt, clinic.timeZone), KIND_LABELS[e.kind] ?? e.kind, productText(e), amountText(e), balanceText(e), detailText(e), peopleText(e)],
      })),
      footnotes: [
        'Each entry is sealed with a SHA-256 hash of its content and of the entry before it (the CSV export lists them); Ketapath’s tamper check recomputes the chain.',
        `Records are never deleted. ${rules.notes[0] ?? ''}`,
      ],
      documentDate: last === undefined ? clinic.createdAt : new Date(last.recordedAt),
      footer: `${clinic.name} · ${titleOf(query)} · ${periodOf(query)}`,
    });
    await auditRead(deps, me, meta, 'ledger.exported', query, { format: 'pdf', rows: entries.length, patientIds: patientIdsOf(entries) });
    return reply.code(200).header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${fileName(clinic, query, 'pdf')}"`).send(Buffer.from(pdf));
  },
});

export const registerRoutes = [registerRoute, registerCsvRoute, registerPdfRoute];
