import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { consents, consentTemplateVersions } from '../../db/schema';
import { AppError, notFound } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { currentVersion, latestMaterialVersions, type ConsentRow } from '../consents/repo';
import { ConsentContentSchema, ConsentKindSchema, SignaturePng } from '../consents/schemas';
import { consentStatus } from '../consents/status';
import type { ConsentKind } from '../consents/templates';

const patientActor = (accountId: string) => ({ userId: accountId, role: 'patient' });

const PortalConsentOut = z.object({
  kind: ConsentKindSchema,
  current: z.object({ id: z.string(), version: z.number().int(), content: ConsentContentSchema, contentHash: z.string(), changeSummary: z.string().nullable() }),
  signed: z.object({ version: z.number().int(), signedAt: z.string(), status: z.enum(['awaiting_countersignature', 'valid', 'needs_reconsent', 'withdrawn']) }),
});

/** The patient's newest consent of a kind (from the session's patient only). */
async function newestSigned(q: Parameters<typeof currentVersion>[0], clinicId: string, patientId: string, kind: ConsentKind): Promise<ConsentRow | undefined> {
  const [row] = await q.select().from(consents).where(and(eq(consents.clinicId, clinicId), eq(consents.patientId, patientId), eq(consents.kind, kind))).orderBy(desc(consents.signedAt), desc(consents.version), desc(consents.id)).limit(1);
  return row;
}

export const portalConsentRoute = defineRoute({
  method: 'GET',
  url: '/api/portal/consents/:kind',
  access: { portal: 'portal.consent' },
  summary: 'The current version of a consent form the patient signed before, to read and sign again',
  tags: ['Patient portal'],
  schema: { params: z.object({ kind: ConsentKindSchema }), response: { 200: PortalConsentOut } },
  async handler({ params, deps, patient }) {
    const me = patient();
    const signed = await newestSigned(deps.db, me.clinicId, me.patientId, params.kind);
    const current = await currentVersion(deps.db, me.clinicId, params.kind);
    if (signed === undefined || current === undefined) {
      throw notFound('consent');
    }
    const latest = (await latestMaterialVersions(deps.db, me.clinicId)).get(params.kind) ?? 0;
    return {
      kind: params.kind,
      current: { id: current.id, version: current.version, content: ConsentContentSchema.parse(current.content), contentHash: current.contentHash, changeSummary: current.changeSummary },
      signed: { version: signed.version, signedAt: signed.signedAt.toISOString(), status: consentStatus(signed, latest) },
    };
  },
});

export const portalSignConsentRoute = defineRoute({
  method: 'POST',
  url: '/api/portal/consents',
  access: { portal: 'portal.consent' },
  summary: 'The patient signs the current version of a consent form again in the portal (re-consent)',
  description: 'Only for a form the patient signed before. The patient is the one signed in; the signature is stored like a clinic-tablet signature and still needs the staff countersignature the consent module requires.',
  tags: ['Patient portal'],
  schema: {
    body: z.object({
      templateVersionId: z.uuid(),
      contentHash: z.string().regex(/^[0-9a-f]{64}$/),
      signerName: z.string().trim().min(2, 'Type your full name').max(160),
      signaturePng: SignaturePng,
      readConfirmed: z.literal(true, { error: 'Confirm that you have read the whole form' }),
    }),
    response: { 201: z.object({ kind: ConsentKindSchema, version: z.number().int(), status: z.enum(['awaiting_countersignature', 'valid', 'needs_reconsent', 'withdrawn']) }) },
  },
  async handler({ body, deps, patient, meta }) {
    const me = patient();
    const now = deps.clock.now();
    const [version] = await deps.db.select().from(consentTemplateVersions).where(and(eq(consentTemplateVersions.id, body.templateVersionId), eq(consentTemplateVersions.clinicId, me.clinicId)));
    if (version === undefined) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.templateVersionId', message: 'Unknown consent form.' }] });
    }
    const kind = version.kind as ConsentKind;
    if ((await newestSigned(deps.db, me.clinicId, me.patientId, kind)) === undefined) {
      throw notFound('consent');
    }
    const current = await currentVersion(deps.db, me.clinicId, kind);
    if (current?.id !== version.id || version.contentHash !== body.contentHash) {
      throw new AppError('CONFLICT', { detail: 'The form changed while it was open. Please reload the page and read the current version.' });
    }
    const row = await deps.db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(consents)
        .values({ id: randomUUID(), clinicId: me.clinicId, patientId: me.patientId, templateVersionId: version.id, kind: version.kind, version: version.version, contentHash: version.contentHash, signerName: body.signerName, signerRelationship: 'patient', signaturePng: body.signaturePng.slice(22), signedAt: now, signedIp: meta.ip, signedUserAgent: meta.userAgent, signedVia: 'portal', presentedBy: null })
        .returning();
      const c = inserted as ConsentRow;
      await recordAudit(tx, { action: 'consent.portal_signed', outcome: 'success', clinicId: me.clinicId, actor: patientActor(me.accountId), resourceType: 'consent', resourceId: c.id, patientId: me.patientId, details: { kind: c.kind, version: c.version }, meta, at: now });
      return c;
    });
    const latest = (await latestMaterialVersions(deps.db, me.clinicId)).get(kind) ?? 0;
    return { kind, version: row.version, status: consentStatus(row, latest) };
  },
});
