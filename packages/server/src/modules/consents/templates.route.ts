import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { consents, consentTemplates, consentTemplateVersions, users } from '../../db/schema';
import { AppError } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { consentContentHash } from './content-hash';
import { currentVersion, ensureDefaultTemplates, type VersionRow } from './repo';
import { ConsentContentSchema, ConsentKindSchema, TemplateVersionOut } from './schemas';
import { CONSENT_KIND_LABELS, CONSENT_KINDS, type ConsentContent } from './templates';

function presentVersion(v: VersionRow, createdByName: string | null): z.infer<typeof TemplateVersionOut> {
  return {
    id: v.id,
    kind: v.kind as z.infer<typeof ConsentKindSchema>,
    version: v.version,
    content: v.content as ConsentContent,
    contentHash: v.contentHash,
    material: v.material,
    changeSummary: v.changeSummary,
    createdAt: v.createdAt.toISOString(),
    createdByName,
  };
}

export const listTemplatesRoute = defineRoute({
  method: 'GET',
  url: '/api/consent-templates',
  access: { action: 'consent.read' },
  summary: "The clinic's consent forms, current version of each",
  tags: ['Consent'],
  schema: { response: { 200: z.object({ templates: z.array(z.object({ kind: ConsentKindSchema, label: z.string(), current: TemplateVersionOut })) }) } },
  async handler({ deps, actor }) {
    const me = actor();
    await deps.db.transaction((tx) => ensureDefaultTemplates(tx, me.clinicId, deps.clock.now()));
    const out = [];
    for (const kind of CONSENT_KINDS) {
      const v = await currentVersion(deps.db, me.clinicId, kind);
      if (v !== undefined) {
        out.push({ kind, label: CONSENT_KIND_LABELS[kind], current: presentVersion(v, null) });
      }
    }
    return { templates: out };
  },
});

export const templateVersionsRoute = defineRoute({
  method: 'GET',
  url: '/api/consent-templates/:kind/versions',
  access: { action: 'consent.read' },
  summary: 'Every version of one consent form, newest first',
  tags: ['Consent'],
  schema: { params: z.object({ kind: ConsentKindSchema }), response: { 200: z.object({ versions: z.array(TemplateVersionOut) }) } },
  async handler({ params, deps, actor }) {
    const me = actor();
    const rows = await deps.db
      .select({ v: consentTemplateVersions, name: users.name })
      .from(consentTemplateVersions)
      .leftJoin(users, eq(users.id, consentTemplateVersions.createdBy))
      .where(and(eq(consentTemplateVersions.clinicId, me.clinicId), eq(consentTemplateVersions.kind, params.kind)))
      .orderBy(desc(consentTemplateVersions.version));
    return { versions: rows.map((r) => presentVersion(r.v, r.name)) };
  },
});

export const newTemplateVersionRoute = defineRoute({
  method: 'POST',
  url: '/api/consent-templates/:kind/versions',
  access: { action: 'consent.template_edit' },
  summary: 'Publish a new version of a consent form',
  description:
    'Versions are never edited. A material change (new risks, changed procedure, costs) means every patient who signed an earlier version must sign the new one before their next session; a minor change (typo, layout) does not.',
  tags: ['Consent'],
  schema: {
    params: z.object({ kind: ConsentKindSchema }),
    body: z.object({ content: ConsentContentSchema, material: z.boolean(), changeSummary: z.string().trim().min(3, 'Say what changed').max(1000) }),
    response: { 201: z.object({ version: TemplateVersionOut, consentsNeedingRenewal: z.number().int() }) },
  },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    return deps.db.transaction(async (tx) => {
      await ensureDefaultTemplates(tx, me.clinicId, now);
      const [template] = await tx.select().from(consentTemplates).where(and(eq(consentTemplates.clinicId, me.clinicId), eq(consentTemplates.kind, params.kind))).for('update');
      const previous = await currentVersion(tx, me.clinicId, params.kind);
      if (template === undefined || previous === undefined) {
        throw new AppError('CONFLICT', { detail: 'Consent form not found.' });
      }
      const contentHash = consentContentHash(body.content);
      if (contentHash === previous.contentHash) {
        throw new AppError('CONFLICT', { detail: 'Nothing changed in the form.' });
      }
      const [row] = await tx
        .insert(consentTemplateVersions)
        .values({
          id: randomUUID(),
          templateId: template.id,
          clinicId: me.clinicId,
          kind: params.kind,
          version: previous.version + 1,
          content: body.content,
          contentHash,
          material: body.material,
          changeSummary: body.changeSummary,
          createdBy: me.userId,
          createdAt: now,
        })
        .returning();
      const version = row as VersionRow;
      const affected = body.material
        ? await tx
            .select({ id: consents.id })
            .from(consents)
            .where(and(eq(consents.clinicId, me.clinicId), eq(consents.kind, params.kind), lt(consents.version, version.version), isNull(consents.withdrawnAt)))
        : [];
      await recordAudit(tx, {
        action: 'consent.template_versioned',
        outcome: 'success',
        clinicId: me.clinicId,
        actor: me,
        resourceType: 'consent_template',
        resourceId: version.id,
        details: { kind: params.kind, version: version.version, material: body.material, consentsNeedingRenewal: affected.length },
        meta,
        at: now,
      });
      return { version: presentVersion(version, me.name), consentsNeedingRenewal: affected.length };
    });
  },
});
