import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { revokeSessionsOfAccount } from './session-revoke';
import { patientAccounts, patientLinks } from '../../db/schema';
import { conflict } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { Email } from '../auth/schemas';
import { loadClinic } from '../clinic/load';
import { enqueueMessage } from '../messages/outbox';
import { loadPatient } from '../patients/repo';
import { issueLink, linkStatus } from './links';

const Id = z.object({ id: z.uuid() });
const PortalAccountOut = z.object({
  status: z.enum(['none', 'invited', 'active', 'disabled']),
  email: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  invitation: z.object({ id: z.string(), sentAt: z.string(), expiresAt: z.string(), status: z.enum(['open', 'used', 'revoked', 'expired']) }).nullable(),
});

async function accountView(q: Parameters<typeof loadClinic>[0], patientId: string, now: Date): Promise<z.infer<typeof PortalAccountOut>> {
  const [acc] = await q.select().from(patientAccounts).where(eq(patientAccounts.patientId, patientId));
  if (acc === undefined) {
    return { status: 'none', email: null, lastSignInAt: null, invitation: null };
  }
  const [inv] = await q.select().from(patientLinks).where(and(eq(patientLinks.accountId, acc.id), eq(patientLinks.purpose, 'invitation'))).orderBy(desc(patientLinks.createdAt)).limit(1);
  return {
    status: acc.status as 'invited',
    email: acc.email,
    lastSignInAt: acc.lastLoginAt?.toISOString() ?? null,
    invitation: inv === undefined ? null : { id: inv.id, sentAt: inv.createdAt.toISOString(), expiresAt: inv.expiresAt.toISOString(), status: linkStatus(inv, now) },
  };
}

export const portalAccountRoute = defineRoute({
  method: 'GET',
  url: '/api/patients/:id/portal',
  access: { action: 'patient.read' },
  summary: "The patient's portal account: invited, active or disabled, and the latest invitation",
  tags: ['Patient portal'],
  schema: { params: Id, response: { 200: PortalAccountOut } },
  async handler({ params, deps, actor, meta }) {
    const p = await loadPatient(deps, actor(), meta, params.id);
    return accountView(deps.db, p.id, deps.clock.now());
  },
});

export const invitePatientRoute = defineRoute({
  method: 'POST',
  url: '/api/patients/:id/portal/invitations',
  access: { action: 'portal.invite' },
  summary: 'Invite the patient to the portal (or send the invitation again): a one-time link by email, valid 7 days',
  description: 'Any earlier open invitation stops working. The email goes through the outbox; without SMTP an administrator sees it on the Outbox page.',
  tags: ['Patient portal'],
  schema: { params: Id, body: z.object({ email: Email.optional() }), response: { 201: PortalAccountOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const clinic = await loadClinic(deps.db, me.clinicId);
    const email = body.email ?? p.email?.toLowerCase() ?? null;
    if (email === null) {
      throw conflict('Add the patient’s email address first (or type it here).');
    }
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: patientAccounts.id }).from(patientAccounts).where(and(eq(sql`lower(${patientAccounts.email})`, email), ne(patientAccounts.patientId, p.id)));
      if (taken !== undefined) {
        throw conflict('Another patient’s portal account uses this email address.');
      }
      let [acc] = await tx.select().from(patientAccounts).where(eq(patientAccounts.patientId, p.id));
      if (acc === undefined) {
        [acc] = await tx.insert(patientAccounts).values({ id: randomUUID(), clinicId: me.clinicId, patientId: p.id, email, status: 'invited', createdAt: now }).returning();
      } else if (acc.email !== email || acc.status === 'disabled') {
        [acc] = await tx.update(patientAccounts).set({ email, status: acc.passwordHash === null ? 'invited' : 'active' }).where(eq(patientAccounts.id, acc.id)).returning();
      }
      if (acc === undefined) {
        throw new Error('patient account missing');
      }
      const link = await issueLink(tx, deps, acc, 'invitation', me.userId);
      const first = p.preferredName ?? p.legalFirstName;
      await enqueueMessage(tx, {
        clinicId: me.clinicId,
        patientId: p.id,
        kind: 'portal_invitation',
        to: email,
        subject: `${clinic.name}: your patient portal`,
        body: `Hello ${first},\n\n${clinic.name} has set up a patient portal for you. There you can see your appointments, fill in the questionnaires your care team asks for, and read about your treatment.\n\nOpen this link to start (it works once and expires in 7 days):\n${link.url}\n\nIf you did not expect this email, you can ignore it.\n`,
        now,
      });
      await recordAudit(tx, { action: 'portal.invited', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'patient_account', resourceId: acc.id, patientId: p.id, details: { linkId: link.id }, meta, at: now });
    });
    return accountView(deps.db, p.id, now);
  },
});

export const revokePortalRoute = defineRoute({
  method: 'POST',
  url: '/api/patients/:id/portal/revoke',
  access: { action: 'portal.invite' },
  summary: 'Stop portal access: the open invitation stops working and the patient is signed out',
  tags: ['Patient portal'],
  schema: { params: Id, response: { 200: PortalAccountOut } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      const [acc] = await tx.select().from(patientAccounts).where(eq(patientAccounts.patientId, p.id));
      if (acc === undefined) {
        throw conflict('This patient has no portal account.');
      }
      await tx.update(patientLinks).set({ revokedAt: now }).where(and(eq(patientLinks.accountId, acc.id), isNull(patientLinks.usedAt), isNull(patientLinks.revokedAt)));
      await tx.update(patientAccounts).set({ status: 'disabled' }).where(eq(patientAccounts.id, acc.id));
      await revokeSessionsOfAccount(tx, acc.id, now, 'portal_revoked');
      await recordAudit(tx, { action: 'portal.revoked', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'patient_account', resourceId: acc.id, patientId: p.id, meta, at: now });
    });
    return accountView(deps.db, p.id, now);
  },
});
