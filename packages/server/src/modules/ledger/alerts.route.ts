import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { csContainers, csCounts, csLocations, csProducts, csTasks } from '../../db/schema';
import { defineRoute } from '../../http/route';
import { localDateOf } from '../../lib/zoned';
import { loadClinic } from '../clinic/load';
import { CountOut, listCounts } from './counts-query';
import { ContainerOut, presentContainer } from './presenters';
import { taskState } from './rules/deadlines';
import { inventoryStatus } from './rules/inventory';
import { ledgerRules } from './rules/jurisdiction';
import { presentRules, RulesOut } from './rules-presenter';

export const alertsRoute = defineRoute({
  method: 'GET',
  url: '/api/ledger/alerts',
  access: { action: 'ledger.read' },
  summary: 'What needs attention: unresolved count discrepancies, theft/loss deadlines, expired or expiring stock, inventory due',
  tags: ['Controlled drugs'],
  schema: {
    response: {
      200: z.object({
        today: z.string(),
        discrepancies: z.array(CountOut),
        tasks: z.object({ overdue: z.number().int(), dueToday: z.number().int(), open: z.number().int(), noDeadline: z.number().int() }),
        expired: z.array(ContainerOut),
        expiring: z.array(ContainerOut),
        inventory: z.object({ state: z.enum(['initial_missing', 'ok', 'due_soon', 'overdue', 'interval_unconfirmed']), lastInventoryDate: z.string().nullable(), nextDueDate: z.string().nullable() }),
        rules: RulesOut,
      }),
    },
  },
  async handler({ deps, actor }) {
    const me = actor();
    const clinic = await loadClinic(deps.db, me.clinicId);
    const today = localDateOf(deps.clock.now(), clinic.timeZone);
    const rules = ledgerRules(clinic.jurisdiction);
    const discrepancies = await listCounts(deps.db, me.clinicId, { unresolvedOnly: true }, 20);
    const openTasks = await deps.db.select({ dueDate: csTasks.dueDate }).from(csTasks).where(and(eq(csTasks.clinicId, me.clinicId), isNull(csTasks.completedAt)));
    const states = openTasks.map((t) => taskState({ dueDate: t.dueDate, completed: false }, today));
    const stock = await deps.db
      .select({ c: csContainers, p: csProducts, l: csLocations })
      .from(csContainers)
      .innerJoin(csProducts, eq(csProducts.id, csContainers.productId))
      .innerJoin(csLocations, eq(csLocations.id, csContainers.locationId))
      .where(and(eq(csContainers.clinicId, me.clinicId), eq(csContainers.status, 'in_stock')))
      .orderBy(csContainers.expiryDate);
    const containers = stock.map((r) => presentContainer(r.c, r.p, r.l, today));
    const inventories = await deps.db
      .select({ at: csCounts.countedAt })
      .from(csCounts)
      .where(and(eq(csCounts.clinicId, me.clinicId), inArray(csCounts.kind, ['initial_inventory', 'biennial_inventory'])));
    return {
      today,
      discrepancies,
      tasks: {
        overdue: states.filter((s) => s === 'overdue').length,
        dueToday: states.filter((s) => s === 'due_today').length,
        open: states.filter((s) => s === 'open').length,
        noDeadline: states.filter((s) => s === 'no_deadline').length,
      },
      expired: containers.filter((c) => c.expiry === 'expired'),
      expiring: containers.filter((c) => c.expiry === 'expiring'),
      inventory: inventoryStatus({
        inventoryDates: inventories.map((i) => localDateOf(i.at, clinic.timeZone)),
        intervalMonths: rules.inventoryIntervalMonths.value,
        initialRequired: rules.initialInventoryRequired.value,
        today,
      }),
      rules: presentRules(rules),
    };
  },
});
