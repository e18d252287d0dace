import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../audit/record';
import { csContainers, csReceipts, type CsContainerRow, type CsLocationRow, type CsProductRow } from '../../db/schema';
import type { Tx } from '../../db/types';
import type { ChainWriter } from './chain-writer';
import { NO_LINKS } from './chain-writer';
import type { WriteContext } from './movements';
import { shapeOf } from './repo';
import { fullContainer } from './rules/quantity';

export interface ReceiptInput {
  readonly receivedOn: string;
  readonly occurredAt: Date;
  readonly supplierName: string;
  readonly supplierAddress: string;
  readonly supplierRegistration: string | null;
  readonly invoiceNumber: string;
  readonly orderFormNumber: string | null;
  readonly notes: string | null;
  readonly items: readonly { readonly product: CsProductRow; readonly location: CsLocationRow; readonly lot: string; readonly expiryDate: string; readonly containers: number }[];
}

/**
 * Write a delivery: the receipt, one container per vial or kit (full), and a receipt entry for each, in
 * the caller's transaction with the chain already open. Products and locations are already validated.
 */
export async function writeReceipt(tx: Tx, chain: ChainWriter, ctx: WriteContext, input: ReceiptInput): Promise<{ receiptId: string; containers: { row: CsContainerRow; product: CsProductRow; location: CsLocationRow }[] }> {
  const receiptId = randomUUID();
  await tx.insert(csReceipts).values({
    id: receiptId,
    clinicId: ctx.clinicId,
    receivedOn: input.receivedOn,
    supplierName: input.supplierName,
    supplierAddress: input.supplierAddress,
    supplierRegistration: input.supplierRegistration,
    invoiceNumber: input.invoiceNumber,
    orderFormNumber: input.orderFormNumber,
    notes: input.notes,
    receivedBy: ctx.actor.userId,
    recordedAt: ctx.now,
  });
  let no = await chain.nextContainerNo();
  const out = [];
  for (const item of input.items) {
    const full = fullContainer(shapeOf(item.product));
    for (let n = 0; n < item.containers; n++) {
      const row: CsContainerRow = {
        id: randomUUID(),
        clinicId: ctx.clinicId,
        productId: item.product.id,
        receiptId,
        containerNo: no++,
        lot: item.lot,
        expiryDate: item.expiryDate,
        locationId: item.location.id,
        status: 'in_stock',
        balanceUg: full.ug,
        balanceUnits: full.units,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      await tx.insert(csContainers).values(row);
      await chain.append({
        ...NO_LINKS,
        kind: 'receipt',
        occurredAt: input.occurredAt,
        recordedAt: ctx.now,
        containerId: row.id,
        productId: item.product.id,
        deltaUg: full.ug,
        deltaUl: full.ul,
        deltaUnits: full.units,
        balanceUg: full.ug,
        balanceUnits: full.units,
        toLocationId: item.location.id,
        refType: 'receipt',
        refId: receiptId,
        performedBy: ctx.actor.userId,
        performedByName: ctx.actor.name,
        signedWith: ctx.signedWith,
        details: {
          supplierName: input.supplierName,
          supplierAddress: input.supplierAddress,
          supplierRegistration: input.supplierRegistration,
          invoiceNumber: input.invoiceNumber,
          orderFormNumber: input.orderFormNumber,
          receivedOn: input.receivedOn,
        },
      });
      out.push({ row, product: item.product, location: item.location });
    }
  }
  await recordAudit(tx, {
    action: 'ledger.receipt_recorded',
    outcome: 'success',
    clinicId: ctx.clinicId,
    actor: ctx.actor,
    resourceType: 'cs_receipt',
    resourceId: receiptId,
    details: { containers: out.length, products: [...new Set(input.items.map((i) => i.product.id))] },
    meta: ctx.meta,
    at: ctx.now,
  });
  return { receiptId, containers: out };
}
