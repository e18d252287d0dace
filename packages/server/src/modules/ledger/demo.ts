/**
 * Demo clinic: realistic controlled-drug stock and four weeks of history (synthetic). Runs once per
 * clinic (skipped when it already has products). Everything is written through the same services as the
 * real screens, so the demo register verifies like any other.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { addDays, weekdayOf } from '@ketapath/clinical';
import { csContainers, csLocations, csProducts, patients, users, type CsContainerRow, type CsLocationRow, type CsProductRow } from '../../db/schema';
import type { Tx } from '../../db/types';
import type { Actor } from '../../http/context';
import type { Deps } from '../../http/deps';
import { localDateOf, startOfLocalDay } from '../../lib/zoned';
import type { StaffRole } from '../../policy/roles';
import { nextMrn } from '../patients/repo';
import { ChainWriter } from './chain-writer';
import { writeCount, writeResolution } from './counts';
import { writeMovement, type MovementRequest, type WriteContext } from './movements';
import { writeReceipt } from './receipts';
import { volumeUlForMass } from './rules/quantity';

const SIGNED = 'demo (synthetic)';
const DAYS = 28;

interface Cast {
  readonly admin: Actor;
  readonly prescriber: Actor;
  readonly nurse: Actor;
}

const DEMO_PATIENTS = [
  { legalFirstName: 'Avery', legalLastName: 'Demo-Hollis', dateOfBirth: '1979-04-12', sexAtBirth: 'female', address: '14 Birch Lane, Springfield (synthetic)', route: 'iv', mg: 35 },
  { legalFirstName: 'Rowan', legalLastName: 'Demo-Castellanos', dateOfBirth: '1986-09-30', sexAtBirth: 'male', address: '2207 Harbor View Rd, Springfield (synthetic)', route: 'iv', mg: 41 },
  { legalFirstName: 'Casey', legalLastName: 'Demo-Nakamura', dateOfBirth: '1968-01-22', sexAtBirth: 'female', address: '9 Quarry Street, Springfield (synthetic)', route: 'esketamine_nasal', mg: 56 },
  { legalFirstName: 'Jordan', legalLastName: 'Demo-Okonkwo', dateOfBirth: '1992-06-05', sexAtBirth: 'male', address: '31 Mill Pond Ct, Springfield (synthetic)', route: 'esketamine_nasal', mg: 84 },
] as const;

async function castOf(tx: Tx, clinicId: string): Promise<Cast | null> {
  const rows = await tx.select().from(users).where(and(eq(users.clinicId, clinicId), eq(users.status, 'active')));
  const pick = (role: StaffRole): Actor | null => {
    const u = rows.find((r) => r.role === role);
    return u === undefined ? null : { userId: u.id, clinicId, role, sessionId: randomUUID(), name: u.name, email: u.email };
  };
  const admin = pick('admin');
  const prescriber = pick('prescriber');
  const nurse = pick('nurse');
  return admin === null || prescriber === null || nurse === null ? null : { admin, prescriber, nurse };
}

/** Seed the demo clinic's ledger once. Returns whether anything was written. */
export async function seedLedgerDemo(deps: Deps, clinicId: string, timeZone: string): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: csProducts.id }).from(csProducts).where(eq(csProducts.clinicId, clinicId)).limit(1);
    const cast = await castOf(tx, clinicId);
    if (existing !== undefined || cast === null) {
      return false;
    }
    const now = deps.clock.now();
    const today = localDateOf(now, timeZone);
    const at = (day: string, hour: number, minute = 0) => new Date(startOfLocalDay(day, timeZone).getTime() + (hour * 60 + minute) * 60_000);
    const ctx = (actor: Actor, when: Date, witnesses: WriteContext['witnesses'] = []): WriteContext => ({ clinicId, actor, meta: null, now: when, today: localDateOf(when, timeZone), signedWith: SIGNED, witnesses });
    const w = (a: Actor) => ({ userId: a.userId, name: a.name, method: SIGNED });

    const loc = async (name: string, kind: string): Promise<CsLocationRow> => {
      const row = { id: randomUUID(), clinicId, name, kind, active: true, createdAt: now, createdBy: cast.admin.userId };
      await tx.insert(csLocations).values(row);
      return row;
    };
    const safe = await loc('Main safe (medication room)', 'safe');
    const cabinet = await loc('Treatment room 2 locked cabinet', 'cabinet');
    const product = async (p: Omit<CsProductRow, 'id' | 'clinicId' | 'active' | 'createdAt' | 'createdBy'>): Promise<CsProductRow> => {
      const row = { ...p, id: randomUUID(), clinicId, active: true, createdAt: now, createdBy: cast.admin.userId };
      await tx.insert(csProducts).values(row);
      return row;
    };
    const none = { strengthUgPerMl: null, containerVolumeUl: null, unitLabel: null, ugPerUnit: null, unitsPerContainer: null };
    const ketamine = await product({ ...none, name: 'Ketamine HCl injection 50 mg/mL, 10 mL vial (DEMO)', substance: 'ketamine', form: 'liquid', code: 'DEMO-KET-50-10', codeSystem: 'local', strengthUgPerMl: 50_000, containerVolumeUl: 10_000, containerUg: 500_000 });
    const kit56 = await product({ ...none, name: 'Spravato 56 mg kit (2 nasal devices)', substance: 'esketamine', form: 'unit', code: '50458-028-02', codeSystem: 'NDC', unitLabel: 'device', ugPerUnit: 28_000, unitsPerContainer: 2, containerUg: 56_000 });
    const kit84 = await product({ ...none, name: 'Spravato 84 mg kit (3 nasal devices)', substance: 'esketamine', form: 'unit', code: '50458-028-03', codeSystem: 'NDC', unitLabel: 'device', ugPerUnit: 28_000, unitsPerContainer: 3, containerUg: 84_000 });

    const patientIds: string[] = [];
    for (const p of DEMO_PATIENTS) {
      const id = randomUUID();
      await tx.insert(patients).values({ id, clinicId, mrn: await nextMrn(tx, clinicId), legalFirstName: p.legalFirstName, legalLastName: p.legalLastName, dateOfBirth: p.dateOfBirth, sexAtBirth: p.sexAtBirth, address: p.address, createdAt: now, updatedAt: now });
      patientIds.push(id);
    }

    const start = addDays(today, -DAYS);
    const receive = async (day: string, invoice: string, items: { product: CsProductRow; location: CsLocationRow; lot: string; expiryDate: string; containers: number }[]) => {
      const when = at(day, 9, 15);
      const chain = await ChainWriter.open(tx, clinicId);
      await writeReceipt(tx, chain, ctx(cast.nurse, when), {
        receivedOn: day,
        occurredAt: when,
        supplierName: 'Demo Medical Supply Co. (synthetic)',
        supplierAddress: '100 Example Way, Springfield',
        supplierRegistration: 'DEMO-NOT-A-REAL-NUMBER',
        invoiceNumber: invoice,
        orderFormNumber: null,
        notes: null,
        items,
      });
    };
    await writeCount(tx, ctx(cast.admin, at(start, 8, 30)), w(cast.nurse), { kind: 'initial_inventory', businessTime: 'opening', notes: 'Opening inventory: no controlled drugs held before today.', lines: [] });
    await receive(start, 'DEMO-INV-2201', [
      { product: ketamine, location: safe, lot: 'DEMO-K2291', expiryDate: addDays(today, 300), containers: 3 },
      { product: ketamine, location: safe, lot: 'DEMO-K1907', expiryDate: addDays(today, 9), containers: 1 },
      { product: kit56, location: safe, lot: 'DEMO-S5521', expiryDate: addDays(today, 240), containers: 4 },
      { product: kit84, location: safe, lot: 'DEMO-S5530', expiryDate: addDays(today, 240), containers: 3 },
    ]);

    const containers = async (p: CsProductRow): Promise<CsContainerRow[]> =>
      tx.select().from(csContainers).where(and(eq(csContainers.productId, p.id), eq(csContainers.status, 'in_stock'))).orderBy(asc(csContainers.expiryDate), asc(csContainers.containerNo));
    /** The container a nurse would reach for: an opened one first, then the longest-dated sealed one (keep the short-dated vial for the demo's expiry warning). */
    const pick = async (p: CsProductRow, need: number): Promise<CsContainerRow | undefined> => {
      const list = (await containers(p)).filter((c) => c.lot !== 'DEMO-K1907' && c.balanceUg >= need);
      return list.find((c) => c.balanceUg < p.containerUg) ?? list.at(-1);
    };
    const move = async (actor: Actor, when: Date, containerId: string, req: MovementRequest, reason: string | null, witnesses: WriteContext['witnesses'] = []) => {
      await writeMovement(tx, ctx(actor, when, witnesses), containerId, req, { reason });
    };

    const first56 = (await containers(kit56))[0];
    if (first56 !== undefined) {
      await move(cast.nurse, at(addDays(start, 1), 8, 40), first56.id, { kind: 'transfer', toLocationId: cabinet.id }, 'Kept in the treatment room for esketamine sessions');
    }
    const workdays = Array.from({ length: DAYS - 1 }, (_, i) => i + 1).filter((d) => ![0, 6].includes(weekdayOf(addDays(start, d))));
    const restockDay = workdays[Math.floor(workdays.length / 2)];
    const discrepancyDay = workdays[workdays.length - 5];
    const adjustmentDay = workdays[workdays.length - 3];
    let adjusted = false;
    let discrepant = false;
    for (const d of workdays) {
      const day = addDays(start, d);
      const wd = weekdayOf(day);
      if (d === restockDay) {
        await receive(day, 'DEMO-INV-2240', [
          { product: ketamine, location: safe, lot: 'DEMO-K2340', expiryDate: addDays(today, 330), containers: 2 },
          { product: kit56, location: safe, lot: 'DEMO-S5602', expiryDate: addDays(today, 270), containers: 3 },
          { product: kit84, location: safe, lot: 'DEMO-S5611', expiryDate: addDays(today, 270), containers: 4 },
        ]);
      }
      const doses: { patient: number; hour: number }[] = wd === 1 || wd === 5 ? [{ patient: 0, hour: 10 }] : wd === 3 ? [{ patient: 1, hour: 11 }] : wd === 2 ? [{ patient: 2, hour: 9 }] : [{ patient: 3, hour: 9 }];
      for (const dose of doses) {
        const p = DEMO_PATIENTS[dose.patient];
        const patientId = patientIds[dose.patient];
        if (p === undefined || patientId === undefined) {
          continue;
        }
        const kit = p.route === 'esketamine_nasal';
        const prod = kit ? (p.mg === 56 ? kit56 : kit84) : ketamine;
        const c = await pick(prod, p.mg * 1000 + (kit ? 0 : 5000));
        if (c === undefined) {
          continue;
        }
        const when = at(day, dose.hour, 5);
        const quantity = kit ? { amountMg: p.mg, units: p.mg / 28 } : { amountMg: p.mg, volumeMl: volumeUlForMass(p.mg * 1000, 50_000) / 1000 };
        // Demo history predates charted treatment sessions: these administrations carry no session link.
        await move(cast.nurse, when, c.id, { kind: 'administration', quantity, route: p.route, patientId, sessionId: null, administrationId: null }, null);
        if (!kit) {
          await move(cast.nurse, new Date(when.getTime() + 3 * 60_000), c.id, { kind: 'waste', quantity: { volumeMl: 0.1 } }, 'Drawn up, not given (syringe overfill)', [w(cast.prescriber)]);
          const [left] = await tx.select({ ug: csContainers.balanceUg }).from(csContainers).where(eq(csContainers.id, c.id));
          if (left !== undefined && left.ug > 0 && left.ug < 45_000) {
            await move(cast.nurse, new Date(when.getTime() + 4 * 60_000), c.id, { kind: 'waste', quantity: { all: true } }, 'Remainder too small for a dose', [w(cast.prescriber)]);
          }
        }
      }
      if (!adjusted && d >= (adjustmentDay ?? 0)) {
        const vial = (await containers(ketamine)).find((c) => c.balanceUg < ketamine.containerUg && c.balanceUg >= 5000);
        if (vial !== undefined) {
          adjusted = true;
          await move(cast.admin, at(day, 16, 50), vial.id, { kind: 'adjustment', direction: 'remove', quantity: { volumeMl: 0.1 } }, 'Spilled while drawing up on the morning dose and not recorded at the time; confirmed with the nurse.');
        }
      }
      const stock = [...(await containers(ketamine)), ...(await containers(kit56)), ...(await containers(kit84))];
      const lines: { containerId: string; countedMl?: number; countedUnits?: number; estimated?: boolean }[] = stock.map((c) =>
        c.productId === ketamine.id ? { containerId: c.id, countedMl: volumeUlForMass(c.balanceUg, 50_000) / 1000, estimated: c.balanceUg < ketamine.containerUg } : { containerId: c.id, countedUnits: c.balanceUnits ?? 0 },
      );
      let discrepancy = false;
      if (!discrepant && d >= (discrepancyDay ?? 0)) {
        const opened = lines.find((l) => l.estimated === true && (l.countedMl ?? 0) > 0.2);
        if (opened?.countedMl !== undefined) {
          discrepant = true;
          discrepancy = true;
          opened.countedMl = Math.round((opened.countedMl - 0.2) * 1000) / 1000;
        }
      }
      const countId = await writeCount(tx, ctx(cast.nurse, at(day, 17, 30)), w(cast.prescriber), { kind: 'routine', businessTime: null, notes: null, lines });
      if (discrepancy) {
        await writeResolution(tx, ctx(cast.admin, at(day, 17, 55)), countId, 'Re-measured the opened vial with a syringe with the nurse: the register was right; the first estimate was 0.2 mL low.');
      }
    }
    return true;
  });
}
