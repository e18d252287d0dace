import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/db/raw';
import { auditEvents } from '../../src/db/schema';
import { clinicWithStaff, giveConsent, registerPatient, SIGNATURE_PNG, TEST_PASSWORD } from '../factories';
import { createTestApp, type TestApp } from '../harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('consent', () => {
  it('gives every clinic the four default forms, with sourced content', async () => {
    const { as } = await clinicWithStaff(t);
    const res = await as.nurse.get('/api/consent-templates');
    expect(res.body.templates.map((x: { kind: string }) => x.kind)).toEqual(['iv_ketamine', 'esketamine_nasal', 'im_ketamine', 'oral_ketamine']);
    const iv = res.body.templates[0].current;
    expect(iv.version).toBe(1);
    const headings = iv.content.sections.map((s: { heading: string }) => s.heading);
    for (const h of ['Possible benefits and the evidence', 'Dissociation (feeling detached)', 'Blood pressure and heart rate', 'Dependence and misuse', 'Bladder problems', 'Liver, memory and thinking', 'Other treatments you can choose', 'Costs and insurance', 'Travel home and driving', 'Your rights']) {
      expect(headings).toContain(h);
    }
    expect(iv.content.sources.length).toBeGreaterThan(3);
    const esk = res.body.templates[1].current.content;
    expect(JSON.stringify(esk)).toContain('REMS');
  });

  it('records the signature on the exact version, countersigns with re-authentication, and audits both', async () => {
    const { as, clinic } = await clinicWithStaff(t);
    const p = await registerPatient(as.front_desk);
    const tpl = (await as.front_desk.get('/api/consent-templates')).body.templates[0].current;
    const wrongHash = await as.front_desk.post(`/api/patients/${p.id}/consents`, { templateVersionId: tpl.id, contentHash: 'a'.repeat(64), signerName: 'Jordan Rivers', signerRelationship: 'patient', signaturePng: SIGNATURE_PNG, readConfirmed: true });
    expect(wrongHash.status).toBe(409);
    const notPng = await as.front_desk.post(`/api/patients/${p.id}/consents`, { templateVersionId: tpl.id, contentHash: tpl.contentHash, signerName: 'Jordan Rivers', signerRelationship: 'patient', signaturePng: 'data:image/png;base64,aGVsbG8=', readConfirmed: true });
    expect(notPng.status).toBe(400);
    const signed = await as.front_desk.post(`/api/patients/${p.id}/consents`, { templateVersionId: tpl.id, contentHash: tpl.contentHash, signerName: 'Jordan Rivers', signerRelationship: 'patient', signaturePng: SIGNATURE_PNG, readConfirmed: true });
    expect(signed.status).toBe(201);
    expect(signed.body.status).toBe('awaiting_countersignature');
    expect((await as.front_desk.post(`/api/consents/${signed.body.id}/countersign`, { password: TEST_PASSWORD })).status).toBe(403);
    const badPw = await as.nurse.post(`/api/consents/${signed.body.id}/countersign`, { password: 'wrong-password-1' });
    expect(badPw.body.code).toBe('REAUTH_FAILED');
    const cs = await as.nurse.post(`/api/consents/${signed.body.id}/countersign`, { password: TEST_PASSWORD });
    expect(cs.body).toMatchObject({ status: 'valid', countersignedByName: expect.stringContaining('nurse') });
    const list = await as.nurse.get(`/api/patients/${p.id}/consents`);
    expect(list.body.byKind.find((k: { kind: string }) => k.kind === 'iv_ketamine').status).toBe('valid');
    expect(list.body.byKind.find((k: { kind: string }) => k.kind === 'esketamine_nasal').status).toBe('none');
    const detail = await as.nurse.get(`/api/consents/${signed.body.id}`);
    expect(detail.body.signaturePng).toBe(SIGNATURE_PNG);
    const events = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, clinic.id), eq(auditEvents.patientId, p.id)));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['consent.signed', 'consent.countersigned']));
    const [row] = await rawRows<{ signed_ip: string; signed_user_agent: string | null }>(t.deps.db, sql`SELECT signed_ip, signed_user_agent FROM consents WHERE id = ${signed.body.id}`);
    expect(row?.signed_ip).toBe('10.0.0.1');
  });

  it('produces a byte-identical PDF on every download', async () => {
    const { as } = await clinicWithStaff(t);
    const p = await registerPatient(as.front_desk, { legalFirstName: 'Zoë', legalLastName: 'Nguyễn' });
    const id = await giveConsent(as, p.id, 'esketamine_nasal');
    const a = await as.nurse.request('GET', `/api/consents/${id}/pdf`);
    t.clock.advance(60_000);
    const b = await as.nurse.request('GET', `/api/consents/${id}/pdf`);
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe('application/pdf');
    const bytesA = a.raw.rawPayload;
    const bytesB = b.raw.rawPayload;
    expect(bytesA.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(bytesA).digest('hex')).toBe(createHash('sha256').update(bytesB).digest('hex'));
    expect(bytesA.length).toBeGreaterThan(10_000);
  });

  it('a material change makes existing consents need renewal; a minor change does not', async () => {
    const { as } = await clinicWithStaff(t);
    const p = await registerPatient(as.front_desk);
    await giveConsent(as, p.id, 'iv_ketamine');
    const current = (await as.nurse.get('/api/consent-templates')).body.templates[0].current;
    const minor = await as.prescriber.post('/api/consent-templates/iv_ketamine/versions', { content: { ...current.content, title: `${current.content.title} (2026)` }, material: false, changeSummary: 'Title year' });
    expect(minor.status).toBe(201);
    expect(minor.body.consentsNeedingRenewal).toBe(0);
    expect((await as.nurse.get(`/api/patients/${p.id}/consents`)).body.consents[0].status).toBe('valid');
    expect((await as.nurse.post('/api/consent-templates/iv_ketamine/versions', { content: current.content, material: true, changeSummary: 'x' })).status).toBe(403);
    const material = await as.prescriber.post('/api/consent-templates/iv_ketamine/versions', {
      content: { ...current.content, sections: [...current.content.sections, { heading: 'New risk', paragraphs: ['A newly reported risk.'] }] },
      material: true,
      changeSummary: 'Added a newly reported risk',
    });
    expect(material.body).toMatchObject({ version: { version: 3, material: true }, consentsNeedingRenewal: 1 });
    const after = await as.nurse.get(`/api/patients/${p.id}/consents`);
    expect(after.body.consents[0].status).toBe('needs_reconsent');
    expect(after.body.byKind[0]).toMatchObject({ kind: 'iv_ketamine', status: 'needs_reconsent', currentVersion: 3 });
    const versions = await as.nurse.get('/api/consent-templates/iv_ketamine/versions');
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
  });

  it('records a withdrawal, and the database refuses to alter a signed consent', async () => {
    const { as } = await clinicWithStaff(t);
    const p = await registerPatient(as.front_desk);
    const id = await giveConsent(as, p.id, 'iv_ketamine');
    const w = await as.front_desk.post(`/api/consents/${id}/withdraw`, { reason: 'Patient decided to stop treatment.' });
    expect(w.body.consent.status).toBe('withdrawn');
    expect((await as.front_desk.post(`/api/consents/${id}/withdraw`, { reason: 'again' })).status).toBe(409);
    const fail = async (q: ReturnType<typeof sql>) => t.deps.db.execute(q).then(() => 'ok', (e: unknown) => (e as { cause?: Error }).cause?.message ?? String(e));
    expect(await fail(sql`UPDATE consents SET signer_name = 'Someone else' WHERE id = ${id}`)).toMatch(/cannot be altered/);
    expect(await fail(sql`UPDATE consents SET withdrawn_at = NULL WHERE id = ${id}`)).toMatch(/withdrawal cannot be altered/);
    expect(await fail(sql`DELETE FROM consents WHERE id = ${id}`)).toMatch(/cannot be deleted/);
    expect(await fail(sql`UPDATE consent_template_versions SET material = false`)).toMatch(/append-only/);
  });
});
