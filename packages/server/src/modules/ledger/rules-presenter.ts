import { z } from 'zod';
import type { LedgerRules } from './rules/jurisdiction';

const Req = <T extends z.ZodType>(value: T) => z.object({ value, confirmed: z.boolean(), note: z.string() });

export const RulesOut = z.object({
  jurisdiction: z.string(),
  jurisdictionName: z.string(),
  schedule: z.string(),
  retentionYears: Req(z.number().int().nullable()),
  inventoryIntervalMonths: Req(z.number().int().nullable()),
  initialInventoryRequired: Req(z.boolean()),
  wasteWitnesses: Req(z.number().int()),
  destructionWitnesses: Req(z.number().int()),
  theftLoss: z.object({ noticeBusinessDays: z.number().int().nullable(), reportDays: z.number().int().nullable(), confirmed: z.boolean(), note: z.string() }),
  notes: z.array(z.string()),
  source: z.string(),
});
export type RulesOut = z.infer<typeof RulesOut>;

export function presentRules(r: LedgerRules): RulesOut {
  return {
    jurisdiction: r.jurisdiction,
    jurisdictionName: r.jurisdictionName,
    schedule: r.schedule,
    retentionYears: r.retentionYears,
    inventoryIntervalMonths: r.inventoryIntervalMonths,
    initialInventoryRequired: r.initialInventoryRequired,
    wasteWitnesses: r.wasteWitnesses,
    destructionWitnesses: r.destructionWitnesses,
    theftLoss: { noticeBusinessDays: r.theftLoss.noticeBusinessDays, reportDays: r.theftLoss.reportDays, confirmed: r.theftLoss.confirmed, note: r.theftLoss.note },
    notes: [...r.notes],
    source: r.source,
  };
}
