import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { Reauth, verifyReauth } from '../../auth/reauth';
import { consents, consentTemplateVersions } from '../../db/schema';
import { conflict } from '../../http/errors';
import type { Deps } from '../../http/deps';
import { defineRoute } from '../../http/route';
import { loadClinic } from '../clinic/load';
import { formatMrn, displayName } from '../patients/presenters';
import { auditPatientRead, loadPatient } from '../patients/repo';
import { loadConsent, userNames } from './load';
import { buildSignedConsentPdf } from './pdf';
import { presentConsent } from './presenters';
import { latestMaterialVersions, type ConsentRow } from './repo';
import { ConsentContentSchema, ConsentOut } from './schemas';
import type { ConsentContent } from './templates';
import { onConsentWithdrawn } from './withdrawal-hooks';

const Id = z.object({ id: z.uuid() });

async function present(deps: Deps, c: ConsentRow): Promise<ConsentOut> {
  const material = await latestMaterialVersions(deps.db, c.clinicId);
  return presentConsent(c, material.get(c.kind) ?? 0, await userNames(deps.db, [c.countersignedBy]));
}

export const getConsentRoute = defineRoute({
  method: 'GET',
  url: '/api/consents/:id',
  access: { action: 'consent.read' },
  summary: 'One signed consent with the exact text that was signed and the signature image',
  tags: ['Consent'],
  schema: { params: Id, response: { 200: z.object({ consent: ConsentOut, content: ConsentContentSchema, signaturePng: z.string() }) } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const c = await loadConsent(deps, me, meta, params.id);
    const [version] = await deps.db.select().from(consentTemplateVersions).where(eq(consentTemplateVersions.id, c.templateVersionId));
    await auditPatientRead(deps, me, meta, c.patientId, 'consent');
    return { consent: await present(deps, c), content: version?.content as ConsentContent, signaturePng: `data:image/png;base64,${c.signaturePng}` };
  },
});

export const countersignConsentRoute = defineRoute({
  method: 'POST',
  url: '/api/consents/:id/countersign',
  access: { action: 'consent.countersign' },
  summary: 'Countersign a patient’s consent (staff signature; confirm with your password)',
  tags: ['Consent'],
  schema: { params: Id, body: Reauth, response: { 200: ConsentOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const c = await loadConsent(deps, me, meta, params.id);
    if (c.countersignedAt !== null || c.withdrawnAt !== null) {
      throw conflict(c.withdrawnAt !== null ? 'This consent was withdrawn.' : 'This consent is already countersigned.');
    }
    const method = await verifyReauth(deps, me, meta, body, 'consent.countersign');
    const now = deps.clock.now();
    const updated = await deps.db.transaction(async (tx) => {
      const [row] = await tx.update(consents).set({ countersignedBy: me.userId, countersignedAt: now }).where(eq(consents.id, c.id)).returning();
      await recordAudit(tx, { action: 'consent.countersigned', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'consent', resourceId: c.id, patientId: c.patientId, details: { method }, meta, at: now });
      return row as ConsentRow;
    });
    return present(deps, updated);
  },
});

export const withdrawConsentRoute = defineRoute({
  method: 'POST',
  url: '/api/consents/:id/withdraw',
  access: { action: 'consent.record' },
  summary: 'Record that the patient withdrew this consent',
  description: 'Future sessions that relied on it are cancelled, and no new session for that treatment can be booked until the patient signs again.',
  tags: ['Consent'],
  schema: { params: Id, body: z.object({ reason: z.string().trim().min(3, 'Write what the patient said, or why').max(2000) }), response: { 200: z.object({ consent: ConsentOut, appointmentsCancelled: z.number().int() }) } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const c = await loadConsent(deps, me, meta, params.id);
    if (c.withdrawnAt !== null) {
      throw conflict('This consent is already withdrawn.');
    }
    const now = deps.clock.now();
    const { row, cancelled } = await deps.db.transaction(async (tx) => {
      const [updated] = await tx.update(consents).set({ withdrawnAt: now, withdrawnReason: body.reason, withdrawnRecordedBy: me.userId }).where(eq(consents.id, c.id)).returning();
      await recordAudit(tx, { action: 'consent.withdrawn', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'consent', resourceId: c.id, patientId: c.patientId, details: { kind: c.kind }, meta, at: now });
      return { row: updated as ConsentRow, cancelled: await onConsentWithdrawn(tx, { clinicId: me.clinicId, patientId: c.patientId, kind: c.kind, actor: me, meta, now }) };
    });
    return { consent: await present(deps, row), appointmentsCancelled: cancelled };
  },
});

export const consentPdfRoute = defineRoute({
  method: 'GET',
  url: '/api/consents/:id/pdf',
  access: { action: 'consent.read' },
  summary: 'The signed consent as a PDF (identical bytes on every download)',
  tags: ['Consent'],
  schema: { params: Id, response: { 200: z.string().describe('application/pdf') } },
  async handler({ params, deps, actor, meta, reply }) {
    const me = actor();
    const c = await loadConsent(deps, me, meta, params.id);
    const [version] = await deps.db.select().from(consentTemplateVersions).where(eq(consentTemplateVersions.id, c.templateVersionId));
    const patient = await loadPatient(deps, me, meta, c.patientId);
    const clinic = await loadClinic(deps.db, me.clinicId);
    const names = await userNames(deps.db, [c.countersignedBy]);
    const local = (d: Date | null) =>
      d === null ? null : `${new Intl.DateTimeFormat('en-GB', { timeZone: clinic.timeZone, dateStyle: 'long', timeStyle: 'short' }).format(d)} (${clinic.timeZone})`;
    const pdf = await buildSignedConsentPdf({
      clinicName: clinic.name,
      content: version?.content as ConsentContent,
      version: c.version,
      contentHash: c.contentHash,
      consentId: c.id,
      patient: { name: `${patient.legalFirstName} ${patient.legalLastName}`, dateOfBirth: patient.dateOfBirth, mrn: formatMrn(patient.mrn) },
      signerName: c.signerName,
      signerRelationship: c.signerRelationship,
      signedAt: c.signedAt,
      signedAtLocal: local(c.signedAt) ?? '',
      signedIp: c.signedIp,
      signaturePng: Buffer.from(c.signaturePng, 'base64'),
      countersignedBy: c.countersignedBy === null ? null : (names.get(c.countersignedBy) ?? 'staff'),
      countersignedAtLocal: local(c.countersignedAt),
      withdrawnAtLocal: local(c.withdrawnAt),
      withdrawnReason: c.withdrawnReason,
    });
    await auditPatientRead(deps, me, meta, c.patientId, 'consent_pdf');
    const file = `consent-${c.kind}-${displayName(patient).replace(/[^A-Za-z0-9]+/g, '-')}-${c.signedAt.toISOString().slice(0, 10)}.pdf`;
    return reply.code(200).header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${file}"`).send(Buffer.from(pdf));
  },
});
