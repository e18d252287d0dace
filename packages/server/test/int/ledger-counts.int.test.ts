import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../factories';
import { createTestApp, TestClock, type TestApp } from '../harness';
import { administer, receive, registerPatient, SIGN, stock, stockedClinic, witness } from '../ledger-fixtures';

let t: TestApp;
beforeAll(async () => {
  // Friday 20 Nov 2026, 10:00 in New York.
  t = await createTestApp({ clock: new TestClock(new Date('2026-11-20T15:00:00Z')) });
});
afterAll(async () => {
  await t.close();
});

describe('ledger: counts and reconciliation', () => {
  it('counts every container with two people; a discrepancy alerts the admin and blocks the next count until explained', async () => {
    const s = await stockedClinic(t);
    const { as, users: u } = s.clinic;
    const [vial] = await receive(t, as.nurse, s, s.ketamine);
    const [kit] = await receive(t, as.nurse, s, s.kit56);
    const patient = await registerPatient(as.front_desk);
    await administer(t, u.nurse, { containerId: vial!, patientId: patient, amountMg: 35 });

    const count = (lines: unknown[], extra: Record<string, unknown> = {}) => as.nurse.post('/api/ledger/counts', { lines, ...SIGN, witness: witness(u.prescriber), ...extra });
    const missing = await count([{ containerId: vial, countedMl: 9.3 }]);
    expect(missing.status).toBe(400);
    expect(missing.body.detail).toMatch(/missing: #2/);
    expect((await count([{ containerId: vial, countedUnits: 3 }, { containerId: kit, countedUnits: 2 }])).status).toBe(400);
    expect((await as.nurse.post('/api/ledger/counts', { lines: [], ...SIGN, witness: witness(u.nurse) })).status).toBe(400);

    const good = await count([{ containerId: vial, countedMl: 9.3 }, { containerId: kit, countedUnits: 2 }]);
    expect(good.status, JSON.stringify(good.body)).toBe(201);
    expect(good.body.count).toMatchObject({ kind: 'routine', status: 'ok', containers: 2, discrepancies: 0, witness: { name: u.prescriber.name } });
    expect(good.body.lines.find((l: { container: { id: string } }) => l.container.id === vial)).toMatchObject({ expected: { mg: 465, ml: 9.3 }, counted: { mg: 465, ml: 9.3 }, discrepancy: false });

    t.clock.advance(60_000);
    const off = await count([{ containerId: vial, countedMl: 9.1, estimated: true }, { containerId: kit, countedUnits: 2 }]);
    expect(off.body.count).toMatchObject({ status: 'discrepancy', discrepancies: 1 });
    expect(off.body.lines.find((l: { discrepancy: boolean }) => l.discrepancy)).toMatchObject({ expected: { ml: 9.3 }, counted: { ml: 9.1, mg: 455 }, differenceMg: -10, estimated: true });

    const alerts = await as.admin.get('/api/ledger/alerts');
    expect(alerts.body.discrepancies).toHaveLength(1);
    expect(alerts.body.discrepancies[0].id).toBe(off.body.count.id);

    const blocked = await count([{ containerId: vial, countedMl: 9.3 }, { containerId: kit, countedUnits: 2 }]);
    expect(blocked.status).toBe(422);
    expect(blocked.body).toMatchObject({ code: 'STATE_TRANSITION_INVALID', unresolvedCountId: off.body.count.id });

    const resolveUrl = `/api/ledger/counts/${off.body.count.id}/resolve`;
    expect((await as.nurse.post(resolveUrl, { explanation: 'Re-measured with a syringe: 9.3 mL.', ...SIGN })).status).toBe(403);
    expect((await as.admin.post(resolveUrl, { explanation: 'short', ...SIGN })).status).toBe(400);
    const resolved = await as.admin.post(resolveUrl, { explanation: 'Re-measured with a syringe: 9.3 mL; the estimate was low.', ...SIGN });
    expect(resolved.status).toBe(200);
    expect(resolved.body.count).toMatchObject({ status: 'resolved', resolution: { explanation: 'Re-measured with a syringe: 9.3 mL; the estimate was low.', resolvedBy: { name: u.admin.name } } });
    expect((await as.admin.post(resolveUrl, { explanation: 'Twice is not allowed here.', ...SIGN })).status).toBe(422);
    expect((await as.admin.get('/api/ledger/alerts')).body.discrepancies).toHaveLength(0);
    t.clock.advance(60_000);
    expect((await count([{ containerId: vial, countedMl: 9.3 }, { containerId: kit, countedUnits: 2 }])).status).toBe(201);

    const reg = await as.admin.get('/api/ledger/register?kind=count_resolution');
    expect(reg.body.entries[0]).toMatchObject({ reason: 'Re-measured with a syringe: 9.3 mL; the estimate was low.', ref: { type: 'count', id: off.body.count.id } });
    expect((await as.nurse.get('/api/ledger/counts')).body.counts.map((c: { status: string }) => c.status)).toEqual(['ok', 'resolved', 'ok']);
  });

  it('takes initial and biennial inventories (opening or close of business) and reports them as PDF and CSV', async () => {
    const s = await stockedClinic(t);
    const { as, users: u } = s.clinic;
    const before = await as.admin.get('/api/ledger/alerts');
    expect(before.body.inventory).toMatchObject({ state: 'initial_missing' });
    const noTime = await as.nurse.post('/api/ledger/counts', { kind: 'initial_inventory', lines: [], ...SIGN, witness: witness(u.admin) });
    expect(noTime.status).toBe(400);
    const initial = await as.nurse.post('/api/ledger/counts', { kind: 'initial_inventory', businessTime: 'opening', lines: [], ...SIGN, witness: witness(u.admin) });
    expect(initial.status).toBe(201);
    const after = await as.admin.get('/api/ledger/alerts');
    expect(after.body.inventory).toMatchObject({ state: 'ok', lastInventoryDate: '2026-11-20', nextDueDate: '2028-11-20' });
    const pdf = await as.admin.get(`/api/ledger/counts/${initial.body.count.id}/report`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const again = await as.admin.get(`/api/ledger/counts/${initial.body.count.id}/report`);
    expect(Buffer.compare(pdf.raw.rawPayload, again.raw.rawPayload)).toBe(0);
    await receive(t, as.nurse, s, s.kit84, 2);
    const containers = [...(await stock(as.nurse)).keys()];
    const biennial = await as.prescriber.post('/api/ledger/counts', { kind: 'biennial_inventory', businessTime: 'close', lines: containers.map((id) => ({ containerId: id, countedUnits: 3 })), ...SIGN, witness: witness(u.nurse) });
    expect(biennial.status).toBe(201);
    const csv = await as.nurse.get(`/api/ledger/counts/${biennial.body.count.id}/report?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = (csv.body as string).trim().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain('Biennial inventory');
    expect(rows[1]).toContain('close of business');
    expect((await as.nurse.get('/api/ledger/counts?kind=inventory')).body.counts).toHaveLength(2);
  });
});

describe('ledger: theft and loss', () => {
  it('takes the stock off the register and creates the deadline tasks (1 business day, 45 days), shown overdue when late', async () => {
    const s = await stockedClinic(t);
    const { as } = s.clinic;
    const [vial, vial2] = await receive(t, as.nurse, s, s.ketamine, 2);
    const body = {
      discoveredAt: '2026-11-20T14:30:00Z',
      theftType: 'employee_pilferage',
      registrantName: 'Riverside Clinic',
      registrantAddress: '5 River Road, Springfield',
      registrantRegistration: 'FR0000000',
      policeNotified: true,
      policeDepartment: 'Springfield PD',
      policeReportNumber: 'SPD-2026-1',
      circumstances: 'Two vials missing from the safe at the morning count.',
      securityMeasures: 'Safe code changed; cameras added.',
      lines: [{ containerId: vial, all: true }, { containerId: vial2, volumeMl: 2 }],
      ...SIGN,
    };
    expect((await as.nurse.post('/api/ledger/loss-reports', body)).status).toBe(403);
    const missingPolice = await as.admin.post('/api/ledger/loss-reports', { ...body, policeDepartment: null });
    expect(missingPolice.status).toBe(400);
    expect(missingPolice.body.errors[0].path).toBe('body.policeDepartment');
    const tooMuch = await as.admin.post('/api/ledger/loss-reports', { ...body, lines: [{ containerId: vial, volumeMl: 11 }] });
    expect(tooMuch.status).toBe(422);
    const res = await as.admin.post('/api/ledger/loss-reports', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.report.tasks).toEqual([
      expect.objectContaining({ kind: 'authority_notice', title: 'Written notice to the DEA Field Division', dueDate: '2026-11-23', state: 'open' }),
      expect.objectContaining({ kind: 'authority_report', title: 'File DEA Form 106 online', dueDate: '2027-01-04', state: 'open' }),
    ]);
    expect(res.body.report.tasks[0].rule).toMatch(/public holidays are not/);
    const after = await stock(as.nurse);
    expect(after.get(vial!)).toMatchObject({ status: 'lost', balance: { mg: 0 } });
    expect(after.get(vial2!)).toMatchObject({ status: 'in_stock', balance: { mg: 400 } });

    t.clock.set(new Date('2026-11-24T15:00:00Z'));
    const admin = await signIn(t, s.clinic.users.admin);
    const tasks = await admin.get('/api/ledger/tasks');
    expect(tasks.body.tasks.map((x: { state: string }) => x.state)).toEqual(['overdue', 'open']);
    expect((await admin.get('/api/ledger/alerts')).body.tasks).toMatchObject({ overdue: 1, open: 1 });
    const done = await admin.post(`/api/ledger/tasks/${tasks.body.tasks[0].id}/complete`, { reference: 'Emailed the Field Division on 24 Nov', ...SIGN });
    expect(done.body).toMatchObject({ state: 'done', completionReference: 'Emailed the Field Division on 24 Nov' });
    expect((await admin.post(`/api/ledger/tasks/${tasks.body.tasks[0].id}/complete`, { reference: 'again and again', ...SIGN })).status).toBe(422);
    expect((await admin.get('/api/ledger/tasks')).body.tasks).toHaveLength(1);
    const reports = await admin.get('/api/ledger/loss-reports');
    expect(reports.body.reports[0]).toMatchObject({ theftType: 'employee_pilferage', policeReportNumber: 'SPD-2026-1', tasks: [{ state: 'done' }, { state: 'open' }] });
  });

  it('creates tasks without a made-up deadline where the jurisdiction’s is not confirmed', async () => {
    t.clock.set(new Date('2026-11-25T15:00:00Z'));
    const s = await stockedClinic(t, { jurisdiction: 'AU' });
    const [vial] = await receive(t, s.clinic.as.nurse, s, s.ketamine);
    const res = await s.clinic.as.admin.post('/api/ledger/loss-reports', {
      discoveredAt: '2026-11-25T14:30:00Z',
      theftType: 'other',
      theftTypeOther: 'Vial broken and not recovered',
      registrantName: 'Harbour Clinic',
      registrantAddress: '1 Harbour St, Sydney',
      policeNotified: false,
      circumstances: 'Dropped vial, contents lost.',
      lines: [{ containerId: vial, all: true }],
      ...SIGN,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.report.tasks.map((x: { dueDate: string | null; state: string }) => [x.dueDate, x.state])).toEqual([
      [null, 'no_deadline'],
      [null, 'no_deadline'],
    ]);
    expect(res.body.report.tasks[0].rule).toMatch(/confirm the deadline with your medical director\/pharmacist/);
  });
});
