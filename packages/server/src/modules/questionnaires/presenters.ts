import { INSTRUMENTS, isInstrumentId, type DueQuestionnaire, type InstrumentResult } from '@ketapath/clinical';
import { z } from 'zod';
import type { questionnaireResponses } from '../../db/schema';

export const DueOut = z.object({ instrumentId: z.string(), title: z.string(), dueKey: z.string(), timings: z.array(z.string()), opensAt: z.string(), closesAt: z.string().nullable() });

export function presentDue(d: DueQuestionnaire): z.infer<typeof DueOut> {
  return { instrumentId: d.instrumentId, title: INSTRUMENTS[d.instrumentId].title, dueKey: d.dueKey, timings: [...d.timings], opensAt: d.opensAt, closesAt: d.closesAt };
}

const FlagOut = z.object({ code: z.string(), severity: z.string(), message: z.string() });

export const ResponseOut = z.object({
  id: z.string(),
  instrumentId: z.string(),
  title: z.string(),
  total: z.number().nullable(),
  maxScore: z.number().nullable(),
  band: z.string().nullable(),
  riskLevel: z.string().nullable(),
  flags: z.array(FlagOut),
  completedAt: z.string(),
  source: z.string(),
});

export function presentResponse(r: typeof questionnaireResponses.$inferSelect): z.infer<typeof ResponseOut> {
  const result = r.result as InstrumentResult;
  const def = isInstrumentId(r.instrument) ? INSTRUMENTS[r.instrument] : null;
  return {
    id: r.id,
    instrumentId: r.instrument,
    title: def?.title ?? r.instrument,
    total: result.total,
    maxScore: def?.scoreRange?.max ?? null,
    band: result.band?.label ?? null,
    riskLevel: result.riskLevel ?? null,
    flags: result.flags.map((f) => ({ code: f.code, severity: f.severity, message: f.message })),
    completedAt: r.completedAt.toISOString(),
    source: r.source,
  };
}
