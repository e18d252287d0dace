import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, consents } from '../../src/db/schema';
import { clinicWithStaff, giveConsent, registerPatient, SIGNATURE_PNG } from '../factories';
import { createTestApp, type TestApp } from '../harness';
import { invitedPatient } from '../portal-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const email = () => `patient.${randomUUID().slice(0, 8)}@example.test`;

describe('re-consent in the patient portal', () => {
  it('after a material change the patient reads and signs the current version; staff still countersign; nobody signs for another patient', async () => {
    const { as } = await clinicWithStaff(t);
    const p = await registerPatient(as.front_desk, { email: email() });
    const other = await registerPatient(as.front_desk, { legalFirstName: 'Casey', legalLastName: 'Other', email: email(), confirmNotDuplicate: true });
    await giveConsent(as, p.id, 'iv_ketamine');
    const patient = await invitedPatient(t, as.front_desk, p.id, email());

    // Nothing to re-sign for a form never signed.
    expect((await patient.get('/api/portal/consents/esketamine_nasal')).status).toBe(404);

    const current = (await as.nurse.get('/api/consent-templates')).body.templates.find((x: { kind: string }) => x.kind === 'iv_ketamine').current;
    const material = await as.prescriber.post('/api/consent-templates/iv_ketamine/versions', {
      content: { ...current.content, sections: [...current.content.sections, { heading: 'New risk', paragraphs: ['A newly reported risk.'] }] },
      material: true,
      changeSummary: 'Added a newly reported risk',
    });
    expect(material.status, JSON.stringify(material.body)).toBe(201);
    const home = await patient.get('/api/portal/home');
    expect(home.body.consents[0]).toMatchObject({ kind: 'iv_ketamine', status: 'needs_reconsent' });

    const form = await patient.get('/api/portal/consents/iv_ketamine');
    expect(form.status, JSON.stringify(form.body)).toBe(200);
    expect(form.body).toMatchObject({ kind: 'iv_ketamine', current: { version: 2, changeSummary: 'Added a newly reported risk' }, signed: { version: 1, status: 'needs_reconsent' } });
    expect(form.body.current.content.sections.at(-1).heading).toBe('New risk');

    const sign = { templateVersionId: form.body.current.id, contentHash: form.body.current.contentHash, signerName: 'Jordan Rivers', signaturePng: SIGNATURE_PNG, readConfirmed: true };
    // A stale hash is refused.
    expect((await patient.post('/api/portal/consents', { ...sign, contentHash: '0'.repeat(64) })).status).toBe(409);
    // A patient id in the body is ignored: the patient comes only from the session.
    t.clock.advance(60_000);
    const signed = await patient.post('/api/portal/consents', { ...sign, patientId: other.id });
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);
    expect(signed.body).toMatchObject({ kind: 'iv_ketamine', version: 2, status: 'awaiting_countersignature' });
    expect(await t.deps.db.select().from(consents).where(eq(consents.patientId, other.id))).toHaveLength(0);
    const mine = await t.deps.db.select().from(consents).where(and(eq(consents.patientId, p.id), eq(consents.version, 2)));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ signedVia: 'portal', presentedBy: null, signerRelationship: 'patient' });
    const audit = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'consent.portal_signed'), eq(auditEvents.patientId, p.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: 'success', resourceId: mine[0]?.id });

    // The home shows the new status; staff countersign as the consent module requires.
    expect((await patient.get('/api/portal/home')).body.consents[0]).toMatchObject({ version: 2, status: 'awaiting_countersignature' });
    const chart = (await as.nurse.get(`/api/patients/${p.id}/consents`)).body;
    expect(chart.byKind[0]).toMatchObject({ kind: 'iv_ketamine', status: 'awaiting_countersignature' });

    // Without a portal session, or as staff, the route is refused.
    expect((await as.front_desk.post('/api/portal/consents', sign)).status).toBe(401);
  });
});
