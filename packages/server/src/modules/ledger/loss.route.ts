import { randomUUID } from 'node:crypto';
import { asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { addDays } from '@ketapath/clinical';
import { recordAudit } from '../../audit/record';
import { csLossReports, csTasks } from '../../db/schema';
import { AppError, type FieldIssue } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { localDateOf, startOfLocalDay } from '../../lib/zoned';
import { loadClinic } from '../clinic/load';
import { ChainWriter } from './chain-writer';
import { applyMovement } from './movements';
import { EntryBriefOut, presentEntryBrief } from './presenters';
import { ensureContainers, lockContainers } from './repo';
import { OptionalText, QuantityFields, quantityOf, Signature, signAndWitness, Text } from './route-support';
import { theftLossTasks } from './rules/deadlines';
import { ledgerRules } from './rules/jurisdiction';
import { LossReportOut, presentLossReport, THEFT_TYPES } from './tasks-presenter';

const Line = z.object({ containerId: z.uuid(), ...QuantityFields });

export const reportLossRoute = defineRoute({
  method: 'POST',
  url: '/api/ledger/loss-reports',
  access: { action: 'ledger.report_loss' },
  summary: 'Report a theft or significant loss (administrator): takes the stock off the register and creates the deadline tasks',
  description:
    'Fields follow US DEA Form 106: registrant, date of discovery, type of theft or loss, police report, carrier for losses in transit, container markings, circumstances, security measures, and the substances and quantities. US deadlines: written notice to the DEA Field Division within 1 business day of discovery, then Form 106 online within 45 days (88 FR 40707).',
  tags: ['Controlled drugs'],
  schema: {
    body: z.object({
      discoveredAt: z.iso.datetime({ offset: true }),
      theftType: z.enum(THEFT_TYPES),
      theftTypeOther: OptionalText(300),
      registrantName: Text(160, 2, 'Enter the registrant (clinic) name'),
      registrantAddress: Text(400, 5, 'Enter the registered address'),
      registrantRegistration: OptionalText(40),
      policeNotified: z.boolean(),
      policeDepartment: OptionalText(160),
      policeReportNumber: OptionalText(60),
      carrierName: OptionalText(160),
      trackingNumber: OptionalText(80),
      containerMarkings: OptionalText(1000),
      circumstances: Text(4000, 10, 'Describe what happened (at least 10 characters)'),
      securityMeasures: OptionalText(2000),
      lines: z.array(Line).min(1, 'List what is missing').max(50),
      ...Signature,
    }),
    response: { 201: z.object({ report: LossReportOut, entries: z.array(EntryBriefOut) }) },
  },
  async handler({ body, deps, actor, meta }) {
    const me = actor();
    await ensureContainers(deps, me, meta, body.lines.map((l) => l.containerId));
    const ctx = await signAndWitness(deps, me, meta, body, 'ledger.loss_report');
    const { clinic, now } = ctx;
    const discoveredAt = new Date(body.discoveredAt);
    const issues: FieldIssue[] = [];
    if (discoveredAt.getTime() > now.getTime() + 5 * 60_000) {
      issues.push({ path: 'body.discoveredAt', message: 'Discovery cannot be in the future.' });
    }
    if (body.theftType === 'other' && body.theftTypeOther === null) {
      issues.push({ path: 'body.theftTypeOther', message: 'Explain the type of theft or loss.' });
    }
    if (body.theftType === 'lost_in_transit' && body.carrierName === null) {
      issues.push({ path: 'body.carrierName', message: 'Enter the carrier.' });
    }
    if (body.policeNotified && body.policeDepartment === null) {
      issues.push({ path: 'body.policeDepartment', message: 'Enter the police department notified.' });
    }
    if (clinic.jurisdiction === 'US' && body.registrantRegistration === null) {
      issues.push({ path: 'body.registrantRegistration', message: 'Enter the clinic’s DEA registration number.' });
    }
    if (new Set(body.lines.map((l) => l.containerId)).size !== body.lines.length) {
      issues.push({ path: 'body.lines', message: 'List each container once.' });
    }
    if (issues.length > 0) {
      throw new AppError('VALIDATION_FAILED', { fields: issues });
    }
    const rules = ledgerRules(clinic.jurisdiction);
    const plans = theftLossTasks(rules.theftLoss, localDateOf(discoveredAt, clinic.timeZone));
    const reportId = randomUUID();
    return deps.db.transaction(async (tx) => {
      const locked = await lockContainers(tx, me.clinicId, body.lines.map((l) => l.containerId));
      const chain = await ChainWriter.open(tx, me.clinicId);
      const [report] = await tx
        .insert(csLossReports)
        .values({
          id: reportId,
          clinicId: me.clinicId,
          jurisdiction: rules.jurisdiction,
          discoveredAt,
          theftType: body.theftType,
          theftTypeOther: body.theftTypeOther,
          registrantName: body.registrantName,
          registrantAddress: body.registrantAddress,
          registrantRegistration: body.registrantRegistration,
          policeNotified: body.policeNotified,
          policeDepartment: body.policeDepartment,
          policeReportNumber: body.policeReportNumber,
          carrierName: body.carrierName,
          trackingNumber: body.trackingNumber,
          containerMarkings: body.containerMarkings,
          circumstances: body.circumstances,
          securityMeasures: body.securityMeasures,
          reportedBy: me.userId,
          recordedAt: now,
        })
        .returning();
      const entries = [];
      for (const [i, line] of body.lines.entries()) {
        const c = locked.get(line.containerId);
        if (c === undefined) {
          throw new AppError('NOT_FOUND', { detail: 'No such container in this clinic.' });
        }
        try {
          const entry = await applyMovement(tx, chain, ctx, c, { kind: 'loss', quantity: quantityOf(line) }, { reason: body.theftType, refType: 'loss_report', refId: reportId, occurredAt: discoveredAt });
          entries.push(presentEntryBrief(entry, c.product));
        } catch (err) {
          throw err instanceof AppError && err.fields.length > 0 ? new AppError(err.code, { detail: err.detail ?? err.message, fields: err.fields.map((f) => ({ ...f, path: f.path.replace(/^body\./, `body.lines.${i}.`) })) }) : err;
        }
      }
      const tasks = plans.map((p) => ({
        id: randomUUID(),
        clinicId: me.clinicId,
        lossReportId: reportId,
        kind: p.kind,
        title: p.title,
        dueDate: p.dueDate,
        dueAt: p.dueDate === null ? null : startOfLocalDay(addDays(p.dueDate, 1), clinic.timeZone),
        rule: p.rule,
        createdAt: now,
        completedAt: null,
        completedBy: null,
        completionReference: null,
      }));
      await tx.insert(csTasks).values(tasks);
      await recordAudit(tx, {
        action: 'ledger.loss_reported',
        outcome: 'success',
        clinicId: me.clinicId,
        actor: me,
        resourceType: 'cs_loss_report',
        resourceId: reportId,
        details: { containers: entries.length, theftType: body.theftType, tasks: tasks.length },
        meta,
        at: now,
      });
      if (report === undefined) {
        throw new Error('loss report insert returned nothing');
      }
      return { report: presentLossReport(report, tasks, ctx.today), entries };
    });
  },
});

export const listLossReportsRoute = defineRoute({
  method: 'GET',
  url: '/api/ledger/loss-reports',
  access: { action: 'ledger.report_loss' },
  summary: 'Theft and loss reports with their deadline tasks (overdue first)',
  tags: ['Controlled drugs'],
  schema: { response: { 200: z.object({ reports: z.array(LossReportOut) }) } },
  async handler({ deps, actor }) {
    const me = actor();
    const clinic = await loadClinic(deps.db, me.clinicId);
    const today = localDateOf(deps.clock.now(), clinic.timeZone);
    const reports = await deps.db.select().from(csLossReports).where(eq(csLossReports.clinicId, me.clinicId)).orderBy(desc(csLossReports.discoveredAt)).limit(200);
    const tasks = await deps.db.select().from(csTasks).where(eq(csTasks.clinicId, me.clinicId)).orderBy(asc(csTasks.dueDate));
    return { reports: reports.map((r) => presentLossReport(r, tasks.filter((t) => t.lossReportId === r.id), today)) };
  },
});
