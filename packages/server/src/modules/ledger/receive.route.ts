import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { daysBetween } from '@ketapath/clinical';
import { csLocations, csProducts } from '../../db/schema';
import { AppError, type FieldIssue } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { startOfLocalDay } from '../../lib/zoned';
import { ChainWriter } from './chain-writer';
import { ContainerOut, presentContainer } from './presenters';
import { LedgerDate, OptionalText, signAndWitness, Signature, Text } from './route-support';
import { writeReceipt } from './receipts';

const Item = z.object({
  productId: z.uuid(),
  lot: Text(40, 1, 'Enter the lot number'),
  expiryDate: LedgerDate,
  containers: z.number().int().min(1, 'At least 1').max(200),
  locationId: z.uuid(),
});

/** How far back a delivery may be entered late (a typo guard, not a rule). */
const MAX_DAYS_LATE = 31;

export const receiveRoute = defineRoute({
  method: 'POST',
  url: '/api/ledger/receipts',
  access: { action: 'ledger.receive' },
  summary: 'Receive stock from a supplier (signed)',
  description:
    'Creates one container per vial or kit, each with a receipt entry in the register. US records need the supplier’s name, address and DEA number; the order form number only where the schedule needs one (Schedule III ketamine is ordered on invoice).',
  tags: ['Controlled drugs'],
  schema: {
    body: z.object({
      receivedOn: LedgerDate,
      supplierName: Text(160, 2, 'Enter the supplier'),
      supplierAddress: Text(400, 5, 'Enter the supplier’s address'),
      supplierRegistration: OptionalText(40),
      invoiceNumber: Text(60, 1, 'Enter the invoice or delivery note number'),
      orderFormNumber: OptionalText(60),
      notes: OptionalText(1000),
      items: z.array(Item).min(1, 'Add at least one product').max(20),
      ...Signature,
    }),
    response: { 201: z.object({ receiptId: z.string(), containers: z.array(ContainerOut) }) },
  },
  async handler({ body, deps, actor, meta }) {
    const me = actor();
    const ctx = await signAndWitness(deps, me, meta, body, 'ledger.receipt');
    const { clinic, today, now } = ctx;
    const issues: FieldIssue[] = [];
    if (body.receivedOn > today || daysBetween(body.receivedOn, today) > MAX_DAYS_LATE) {
      issues.push({ path: 'body.receivedOn', message: `Enter the day the stock actually arrived (today or in the last ${MAX_DAYS_LATE} days).` });
    }
    if (clinic.jurisdiction === 'US' && body.supplierRegistration === null) {
      issues.push({ path: 'body.supplierRegistration', message: 'Enter the supplier’s DEA registration number (21 CFR 1304.22(c)).' });
    }
    const productIds = [...new Set(body.items.map((i) => i.productId))];
    const locationIds = [...new Set(body.items.map((i) => i.locationId))];
    const products = new Map((await deps.db.select().from(csProducts).where(and(eq(csProducts.clinicId, me.clinicId), inArray(csProducts.id, productIds)))).map((p) => [p.id, p]));
    const locations = new Map((await deps.db.select().from(csLocations).where(and(eq(csLocations.clinicId, me.clinicId), inArray(csLocations.id, locationIds)))).map((l) => [l.id, l]));
    body.items.forEach((item, i) => {
      if (products.get(item.productId)?.active !== true) {
        issues.push({ path: `body.items.${i}.productId`, message: 'Choose a product this clinic stocks.' });
      }
      if (locations.get(item.locationId)?.active !== true) {
        issues.push({ path: `body.items.${i}.locationId`, message: 'Choose a storage location in use.' });
      }
      if (item.expiryDate < body.receivedOn) {
        issues.push({ path: `body.items.${i}.expiryDate`, message: 'This stock had already expired when it arrived: do not accept it.' });
      }
    });
    if (issues.length > 0) {
      throw new AppError('VALIDATION_FAILED', { fields: issues });
    }
    const occurredAt = body.receivedOn === today ? now : startOfLocalDay(body.receivedOn, clinic.timeZone);
    const items = body.items.map((item) => {
      const product = products.get(item.productId);
      const location = locations.get(item.locationId);
      if (product === undefined || location === undefined) {
        throw new Error('validated above');
      }
      return { product, location, lot: item.lot, expiryDate: item.expiryDate, containers: item.containers };
    });
    return deps.db.transaction(async (tx) => {
      const chain = await ChainWriter.open(tx, me.clinicId);
      const { receiptId, containers } = await writeReceipt(tx, chain, ctx, { ...body, occurredAt, items });
      return { receiptId, containers: containers.map((c) => presentContainer(c.row, c.product, c.location, today)) };
    });
  },
});
