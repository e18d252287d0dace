import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { consents, consentTemplateVersions } from '../../db/schema';
import { AppError } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { auditPatientRead, loadPatient } from '../patients/repo';
import { userNames } from './load';
import { presentConsent } from './presenters';
import { currentVersion, ensureDefaultTemplates, latestMaterialVersions, type ConsentRow } from './repo';
import { ConsentKindSchema, ConsentOut, SignaturePng } from './schemas';
import { consentStatus } from './status';
import { CONSENT_KINDS } from './templates';

const Id = z.object({ id: z.uuid() });

export const listPatientConsentsRoute = defineRoute({
  method: 'GET',
  url: '/api/patients/:id/consents',
  access: { action: 'consent.read' },
  summary: "A patient's consents, and which treatments they currently cover",
  tags: ['Consent'],
  schema: {
    params: Id,
    response: {
      200: z.object({
        consents: z.array(ConsentOut),
        byKind: z.array(z.object({ kind: ConsentKindSchema, status: z.enum(['valid', 'awaiting_countersignature', 'needs_reconsent', 'withdrawn', 'none']), currentVersion: z.number().int(), consentId: z.string().nullable() })),
      }),
    },
  },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    await deps.db.transaction((tx) => ensureDefaultTemplates(tx, me.clinicId, deps.clock.now()));
    const rows = await deps.db.select().from(consents).where(and(eq(consents.patientId, p.id), eq(consents.clinicId, me.clinicId))).orderBy(desc(consents.signedAt));
    const material = await latestMaterialVersions(deps.db, me.clinicId);
    const names = await userNames(deps.db, rows.map((r) => r.countersignedBy));
    const byKind = [];
    for (const kind of CONSENT_KINDS) {
      const latest = rows.find((r) => r.kind === kind);
      const current = await currentVersion(deps.db, me.clinicId, kind);
      byKind.push({
        kind,
        status: latest === undefined ? ('none' as const) : consentStatus(latest, material.get(kind) ?? 0),
        currentVersion: current?.version ?? 1,
        consentId: latest?.id ?? null,
      });
    }
    await auditPatientRead(deps, me, meta, p.id, 'consents');
    return { consents: rows.map((r) => presentConsent(r, material.get(r.kind) ?? 0, names)), byKind };
  },
});

export const signConsentRoute = defineRoute({
  method: 'POST',
  url: '/api/patients/:id/consents',
  access: { action: 'consent.record' },
  summary: 'Record the patient’s signature on the exact version of a consent form they read',
  description:
    'Send the id and SHA-256 of the version shown on screen: if the form changed meanwhile the signature is refused. Stores the typed name, the drawn signature, time, IP and browser. A staff member then countersigns.',
  tags: ['Consent'],
  schema: {
    params: Id,
    body: z.object({
      templateVersionId: z.uuid(),
      contentHash: z.string().regex(/^[0-9a-f]{64}$/),
      signerName: z.string().trim().min(2, 'Type the full name').max(160),
      signerRelationship: z.enum(['patient', 'legal_representative']),
      signaturePng: SignaturePng,
      readConfirmed: z.literal(true, { error: 'The patient must confirm they have read the whole form' }),
    }),
    response: { 201: ConsentOut },
  },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const p = await loadPatient(deps, me, meta, params.id);
    const [version] = await deps.db
      .select()
      .from(consentTemplateVersions)
      .where(and(eq(consentTemplateVersions.id, body.templateVersionId), eq(consentTemplateVersions.clinicId, me.clinicId)));
    if (version === undefined) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.templateVersionId', message: 'Unknown consent form.' }] });
    }
    const current = await currentVersion(deps.db, me.clinicId, version.kind as (typeof CONSENT_KINDS)[number]);
    if (current?.id !== version.id || version.contentHash !== body.contentHash) {
      throw new AppError('CONFLICT', { detail: 'The consent form changed while it was open. Reload it and ask the patient to read the current version.' });
    }
    return deps.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(consents)
        .values({
          id: randomUUID(),
          clinicId: me.clinicId,
          patientId: p.id,
          templateVersionId: version.id,
          kind: version.kind,
          version: version.version,
          contentHash: version.contentHash,
          signerName: body.signerName,
          signerRelationship: body.signerRelationship,
          signaturePng: body.signaturePng.slice(22),
          signedAt: now,
          signedIp: meta.ip,
          signedUserAgent: meta.userAgent,
          signedVia: 'clinic_device',
          presentedBy: me.userId,
        })
        .returning();
      const c = row as ConsentRow;
      await recordAudit(tx, { action: 'consent.signed', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'consent', resourceId: c.id, patientId: p.id, details: { kind: c.kind, version: c.version }, meta, at: now });
      return presentConsent(c, version.material ? version.version : 0, new Map());
    });
  },
});
