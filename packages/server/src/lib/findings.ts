import { RULES, type Finding } from '@ketapath/clinical';
import { z } from 'zod';

/** A clinical rule finding as the API shows it: what triggered it, the limit, the action and the source. */
export const FindingOut = z.object({
  code: z.string(),
  severity: z.enum(['block', 'override', 'warn', 'info']),
  message: z.string(),
  rule: z.string(),
  field: z.string().nullable(),
  value: z.union([z.number(), z.string(), z.boolean()]).nullable(),
  limit: z.union([z.number(), z.string()]).nullable(),
  action: z.string().nullable(),
  source: z.object({ id: z.string(), citation: z.string(), url: z.string().nullable() }),
});
export type FindingOut = z.infer<typeof FindingOut>;

export function presentFinding(f: Finding): FindingOut {
  const rule = (RULES as Readonly<Record<string, { description: string } | undefined>>)[f.code];
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    rule: rule?.description ?? f.code,
    field: f.field ?? null,
    value: f.value ?? null,
    limit: f.limit ?? null,
    action: f.action ?? null,
    source: { id: f.source.id, citation: f.source.citation, url: f.source.url ?? null },
  };
}
