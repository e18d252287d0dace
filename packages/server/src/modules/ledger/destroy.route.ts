import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { daysBetween } from '@ketapath/clinical';
import { WitnessInput } from '../../auth/witness';
import { AppError } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { startOfLocalDay } from '../../lib/zoned';
import { ChainWriter } from './chain-writer';
import { applyMovement } from './movements';
import { EntryBriefOut, presentEntryBrief } from './presenters';
import { ensureContainers, lockContainers } from './repo';
import { LedgerDate, signAndWitness, Signature, Text } from './route-support';
import { ledgerRules } from './rules/jurisdiction';

export const destroyRoute = defineRoute({
  method: 'POST',
  url: '/api/ledger/destructions',
  access: { action: 'ledger.destroy' },
  summary: 'Destroy stock to a non-retrievable state, with the witnesses the jurisdiction requires (administrator)',
  description:
    'Everything left in each listed container is destroyed and the containers are closed. US: the record carries what DEA Form 41 asks for (product and NDC, strength and form, full or partial container, quantity, date, method, place) and the two witnesses’ signatures. Where the jurisdiction’s witness count is not confirmed, two are required.',
  tags: ['Controlled drugs'],
  schema: {
    body: z.object({
      containerIds: z.array(z.uuid()).min(1, 'Choose at least one container').max(50),
      method: Text(200, 3, 'Say how it was destroyed (e.g. drug waste system, reverse distributor)'),
      place: Text(200, 2, 'Say where it was destroyed'),
      occurredOn: LedgerDate.optional(),
      ...Signature,
      witnesses: z.array(WitnessInput).min(1, 'Add the witnesses').max(3),
    }),
    response: { 201: z.object({ destructionId: z.string(), entries: z.array(EntryBriefOut) }) },
  },
  async handler({ body, deps, actor, meta }) {
    const me = actor();
    await ensureContainers(deps, me, meta, body.containerIds);
    const ctx = await signAndWitness(
      deps,
      me,
      meta,
      body,
      'ledger.destruction',
      body.witnesses.map((input, i) => ({ input, path: `body.witnesses.${i}` })),
    );
    const rules = ledgerRules(ctx.clinic.jurisdiction);
    const required = rules.destructionWitnesses.value;
    if ((ctx.witnesses ?? []).length < required) {
      throw new AppError('RULE_BLOCKED', { detail: `Destruction needs ${required} witnesses besides you. ${rules.destructionWitnesses.note}`, fields: [{ path: 'body.witnesses', message: `Add ${required} witnesses.` }] });
    }
    if ((ctx.witnesses ?? []).length > 2) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.witnesses', message: 'The record has room for 2 witnesses.' }] });
    }
    const day = body.occurredOn ?? ctx.today;
    if (day > ctx.today || daysBetween(day, ctx.today) > 31) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.occurredOn', message: 'Enter the day it was actually destroyed (today or in the last 31 days).' }] });
    }
    const occurredAt = day === ctx.today ? ctx.now : startOfLocalDay(day, ctx.clinic.timeZone);
    const destructionId = randomUUID();
    return deps.db.transaction(async (tx) => {
      const locked = await lockContainers(tx, me.clinicId, body.containerIds);
      const chain = await ChainWriter.open(tx, me.clinicId);
      const entries = [];
      for (const id of [...new Set(body.containerIds)]) {
        const c = locked.get(id);
        if (c === undefined) {
          throw new AppError('NOT_FOUND', { detail: 'No such container in this clinic.' });
        }
        const entry = await applyMovement(tx, chain, ctx, c, { kind: 'destruction' }, {
          reason: body.method,
          refType: 'destruction',
          refId: destructionId,
          occurredAt,
          details: { method: body.method, place: body.place, partial: c.row.balanceUg < c.product.containerUg },
        });
        entries.push(presentEntryBrief(entry, c.product));
      }
      return { destructionId, entries };
    });
  },
});
