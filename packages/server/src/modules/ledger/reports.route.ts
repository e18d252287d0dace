import { and, asc, count, eq, gte, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { addDays } from '@ketapath/clinical';
import { recordAuditStandalone } from '../../audit/record';
import { csLedgerEntries, csProducts } from '../../db/schema';
import { auditedNotFound } from '../../http/not-found';
import { defineRoute } from '../../http/route';
import { csvRow } from '../../lib/csv';
import { renderTablePdf } from '../../lib/pdf-table';
import { startOfLocalDay } from '../../lib/zoned';
import { loadClinic } from '../clinic/load';
import { countLines, listCounts, type CountLineOut, type CountOut } from './counts-query';
import { localStamp } from './export-format';
import { Id, LedgerDate } from './route-support';
import { ledgerRules } from './rules/jurisdiction';
import { MOVEMENT_KINDS } from './rules/movement';
import { fromThousandths } from './rules/quantity';
import { summarise } from './rules/summary';

const SummaryRow = z.object({
  product: z.object({ id: z.string(), name: z.string(), code: z.string().nullable() }),
  openingMg: z.number(),
  receivedMg: z.number(),
  administeredMg: z.number(),
  administrations: z.number().int(),
  wastedMg: z.number(),
  returnedMg: z.number(),
  destroyedMg: z.number(),
  lostMg: z.number(),
  adjustedMg: z.number(),
  adjustments: z.number().int(),
  closingMg: z.number(),
});

export const summaryRoute = defineRoute({
  method: 'GET',
  url: '/api/ledger/reports/summary',
  access: { action: 'ledger.read' },
  summary: 'Reconciliation per product for a period: opening, received, administered, wasted, returned, destroyed, lost, adjusted (flagged), closing',
  tags: ['Controlled drugs'],
  schema: {
    querystring: z.object({ from: LedgerDate.optional(), to: LedgerDate.optional() }),
    response: { 200: z.object({ from: z.string().nullable(), to: z.string().nullable(), products: z.array(SummaryRow) }) },
  },
  async handler({ query, deps, actor }) {
    const me = actor();
    const clinic = await loadClinic(deps.db, me.clinicId);
    const start = query.from === undefined ? null : startOfLocalDay(query.from, clinic.timeZone);
    const end = query.to === undefined ? null : startOfLocalDay(addDays(query.to, 1), clinic.timeZone);
    const base: SQL[] = [eq(csLedgerEntries.clinicId, me.clinicId), inArray(csLedgerEntries.kind, [...MOVEMENT_KINDS]), isNotNull(csLedgerEntries.productId)];
    const sumUg = sql<number>`coalesce(sum(${csLedgerEntries.deltaUg}), 0)::bigint`.mapWith(Number);
    const opening = start === null ? [] : await deps.db.select({ productId: csLedgerEntries.productId, ug: sumUg }).from(csLedgerEntries).where(and(...base, lt(csLedgerEntries.occurredAt, start))).groupBy(csLedgerEntries.productId);
    const within = [...base, ...(start === null ? [] : [gte(csLedgerEntries.occurredAt, start)]), ...(end === null ? [] : [lt(csLedgerEntries.occurredAt, end)])];
    const totals = await deps.db
      .select({ productId: csLedgerEntries.productId, kind: csLedgerEntries.kind, ug: sumUg, entries: count() })
      .from(csLedgerEntries)
      .where(and(...within))
      .groupBy(csLedgerEntries.productId, csLedgerEntries.kind);
    const products = await deps.db.select().from(csProducts).where(eq(csProducts.clinicId, me.clinicId)).orderBy(asc(csProducts.name));
    const rows = summarise(
      products.map((p) => p.id),
      new Map(opening.map((o) => [o.productId ?? '', o.ug])),
      totals.map((t) => ({ productId: t.productId ?? '', kind: t.kind, ug: t.ug, entries: t.entries })),
    );
    const mg = fromThousandths;
    return {
      from: query.from ?? null,
      to: query.to ?? null,
      products: rows
        .map((r, i) => ({ r, p: products[i] }))
        .filter(({ r }) => r.openingUg !== 0 || r.closingUg !== 0 || r.receivedUg !== 0 || r.adjustments > 0)
        .map(({ r, p }) => ({
          product: { id: r.productId, name: p?.name ?? '', code: p?.code ?? null },
          openingMg: mg(r.openingUg),
          receivedMg: mg(r.receivedUg),
          administeredMg: mg(r.administeredUg),
          administrations: r.administrations,
          wastedMg: mg(r.wastedUg),
          returnedMg: mg(r.returnedUg),
          destroyedMg: mg(r.destroyedUg),
          lostMg: mg(r.lostUg),
          adjustedMg: mg(r.adjustedUg),
          adjustments: r.adjustments,
          closingMg: mg(r.closingUg),
        })),
    };
  },
});

const COUNT_TITLES: Record<CountOut['kind'], string> = { routine: 'Stock count', initial_inventory: 'Initial inventory', biennial_inventory: 'Biennial inventory' };

function quantity(q: CountLineOut['counted']): string {
  return q.units !== null ? `${q.units} units (${q.mg} mg)` : `${q.ml ?? '?'} mL (${q.mg} mg)`;
}

function lineCells(l: CountLineOut): string[] {
  return [`#${l.container.no}`, `${l.product.name}${l.product.code === null ? '' : ` (${l.product.code})`}`, l.container.lot, l.container.expiryDate, quantity(l.expected), `${quantity(l.counted)}${l.estimated ? ' (estimated)' : ''}`, l.discrepancy ? `DISCREPANCY ${l.differenceMg} mg` : 'matches'];
}

const Format = z.object({ format: z.enum(['csv', 'pdf']).default('pdf') });

export const countReportRoute = defineRoute({
  method: 'GET',
  url: '/api/ledger/counts/:id/report',
  access: { action: 'ledger.export' },
  summary: 'A count or inventory report (initial / biennial inventory) as PDF or CSV (`format=csv`)',
  description: 'States the date and time, opening or close of business, who counted and witnessed, and every container with counted against expected (estimated counts marked).',
  tags: ['Controlled drugs'],
  schema: { params: Id, querystring: Format, response: { 200: z.string().describe('text/csv or application/pdf') } },
  async handler({ params, query, deps, actor, meta, reply }) {
    const me = actor();
    const [c] = await listCounts(deps.db, me.clinicId, { ids: [params.id] }, 1);
    if (c === undefined) {
      throw await auditedNotFound(deps, me, meta, 'cs_count', params.id);
    }
    const clinic = await loadClinic(deps.db, me.clinicId);
    const lines = await countLines(deps.db, me.clinicId, c.id);
    const when = `${localStamp(c.countedAt, clinic.timeZone)} (${clinic.timeZone})${c.businessTime === null ? '' : `, taken at ${c.businessTime === 'opening' ? 'opening' : 'close'} of business`}`;
    const name = `${c.kind.replace(/_/g, '-')}-${clinic.slug}-${c.countedAt.slice(0, 10)}.${query.format}`;
    await recordAuditStandalone(deps.db, { action: 'ledger.exported', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'cs_count', resourceId: c.id, details: { format: query.format, rows: lines.length }, meta, at: deps.clock.now() });
    if (query.format === 'csv') {
      let out = csvRow(['report', 'counted_at', 'business_time', 'counted_by', 'witness', 'container_no', 'product', 'lot', 'expiry', 'expected', 'counted', 'estimated', 'result']);
      for (const l of lines) {
        const cells = lineCells(l);
        out += csvRow([COUNT_TITLES[c.kind], when, c.businessTime, c.performedBy.name, c.witness.name, l.container.no, cells[1], l.container.lot, l.container.expiryDate, cells[4], quantity(l.counted), l.estimated ? 'yes' : '', cells[6]]);
      }
      return reply.code(200).header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(out);
    }
    const rules = ledgerRules(clinic.jurisdiction);
    const pdf = await renderTablePdf({
      title: `${COUNT_TITLES[c.kind]}: ${clinic.name}`,
      subject: 'Controlled-substance inventory',
      subtitle: [
        `Taken ${when}. Counted by ${c.performedBy.name}; witnessed by ${c.witness.name}.`,
        `${c.containers} containers; ${c.discrepancies === 0 ? 'no discrepancies' : `${c.discrepancies} discrepancies${c.resolution === null ? ' (NOT YET RESOLVED)' : ` resolved by ${c.resolution.resolvedBy.name}: ${c.resolution.explanation}`}`}. ${rules.inventoryIntervalMonths.note}`,
      ],
      columns: [
        { header: 'Container', width: 6 },
        { header: 'Product', width: 22 },
        { header: 'Lot', width: 9 },
        { header: 'Expiry', width: 8 },
        { header: 'Expected (register)', width: 14, align: 'right' },
        { header: 'Counted', width: 15, align: 'right' },
        { header: 'Result', width: 12 },
      ],
      rows: lines.map((l) => ({ flagged: l.discrepancy, cells: lineCells(l) })),
      footnotes: [lines.length === 0 ? 'No controlled substances on hand (recorded as zero).' : 'Opened containers may be counted by estimate where the rules allow; estimated values are marked.', rules.retentionYears.note],
      documentDate: new Date(c.countedAt),
      footer: `${clinic.name} · ${COUNT_TITLES[c.kind]} · ${c.countedAt.slice(0, 10)}`,
    });
    return reply.code(200).header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${name}"`).send(Buffer.from(pdf));
  },
});
