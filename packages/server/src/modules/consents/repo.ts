import { randomUUID } from 'node:crypto';
import { and, desc, eq, max } from 'drizzle-orm';
import { consentTemplates, consentTemplateVersions, type consents } from '../../db/schema';
import type { Queryable, Tx } from '../../db/types';
import { consentContentHash } from './content-hash';
import { CONSENT_KINDS, DEFAULT_CONSENT_TEMPLATES, type ConsentContent, type ConsentKind } from './templates';

export type VersionRow = typeof consentTemplateVersions.$inferSelect;
export type ConsentRow = typeof consents.$inferSelect;

/** Give a clinic the default templates for any kind it does not have yet (version 1 of each). */
export async function ensureDefaultTemplates(tx: Tx, clinicId: string, now: Date): Promise<void> {
  const existing = await tx.select({ kind: consentTemplates.kind }).from(consentTemplates).where(eq(consentTemplates.clinicId, clinicId));
  const have = new Set(existing.map((e) => e.kind));
  for (const kind of CONSENT_KINDS) {
    if (have.has(kind)) {
      continue;
    }
    const templateId = randomUUID();
    const inserted = await tx.insert(consentTemplates).values({ id: templateId, clinicId, kind, createdAt: now }).onConflictDoNothing().returning({ id: consentTemplates.id });
    if (inserted.length === 0) {
      continue;
    }
    const content = DEFAULT_CONSENT_TEMPLATES[kind];
    await tx.insert(consentTemplateVersions).values({
      id: randomUUID(),
      templateId,
      clinicId,
      kind,
      version: 1,
      content,
      contentHash: consentContentHash(content),
      material: true,
      changeSummary: 'Ketapath default template',
      createdBy: null,
      createdAt: now,
    });
  }
}

export async function currentVersion(q: Queryable, clinicId: string, kind: ConsentKind): Promise<VersionRow | undefined> {
  const [row] = await q
    .select()
    .from(consentTemplateVersions)
    .where(and(eq(consentTemplateVersions.clinicId, clinicId), eq(consentTemplateVersions.kind, kind)))
    .orderBy(desc(consentTemplateVersions.version))
    .limit(1);
  return row;
}

/** For each kind, the newest version number whose change was material (older consents must be renewed). */
export async function latestMaterialVersions(q: Queryable, clinicId: string): Promise<Map<string, number>> {
  const rows = await q
    .select({ kind: consentTemplateVersions.kind, v: max(consentTemplateVersions.version) })
    .from(consentTemplateVersions)
    .where(and(eq(consentTemplateVersions.clinicId, clinicId), eq(consentTemplateVersions.material, true)))
    .groupBy(consentTemplateVersions.kind);
  return new Map(rows.map((r) => [r.kind, r.v ?? 0]));
}

export function contentOf(v: VersionRow): ConsentContent {
  return v.content as ConsentContent;
}
