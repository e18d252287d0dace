import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { csLocations, csProducts } from '../../db/schema';
import { AppError } from '../../http/errors';
import { auditedNotFound } from '../../http/not-found';
import { defineRoute } from '../../http/route';
import { loadClinic } from '../clinic/load';
import { LocationOut, ProductOut, presentLocation, presentProduct } from './presenters';
import { Id, OptionalText, Text } from './route-support';
import { ledgerRules } from './rules/jurisdiction';
import { massUgForVolume, toThousandths } from './rules/quantity';
import { presentRules, RulesOut } from './rules-presenter';

/** Esketamine nasal spray: 28 mg per device; kits of 2 (56 mg) or 3 (84 mg) devices (reference §2.1). */
export const ESKETAMINE_MG_PER_DEVICE = 28;
export const ESKETAMINE_KIT_SIZES = [2, 3] as const;

const has = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;

const decimal3 = (label: string, max: number) =>
  z
    .number()
    .positive(`${label} must be above 0`)
    .max(max)
    .refine((n) => toThousandths(n) !== null, { message: `${label}: at most 3 decimals` });

const ProductIn = z
  .object({
    name: Text(120, 2, 'Enter the product name'),
    substance: z.enum(['ketamine', 'esketamine', 'other']),
    form: z.enum(['liquid', 'unit']),
    code: OptionalText(40),
    codeSystem: z.enum(['NDC', 'local']).nullish(),
    strengthMgPerMl: decimal3('Strength', 10_000).nullish(),
    containerVolumeMl: decimal3('Volume', 10_000).nullish(),
    unitLabel: OptionalText(30),
    mgPerUnit: decimal3('Mass per unit', 100_000).nullish(),
    unitsPerContainer: z.number().int().min(1).max(1000).nullish(),
  })
  .superRefine((b, ctx) => {
    const need = (ok: boolean, path: string, message: string) => {
      if (!ok) {
        ctx.addIssue({ code: 'custom', path: [path], message });
      }
    };
    if (b.form === 'liquid') {
      need(has(b.strengthMgPerMl), 'strengthMgPerMl', 'Enter the strength in mg/mL');
      need(has(b.containerVolumeMl), 'containerVolumeMl', 'Enter the volume of one container in mL');
    } else {
      need(b.unitLabel !== null, 'unitLabel', 'Say what one unit is (e.g. device)');
      need(has(b.mgPerUnit), 'mgPerUnit', 'Enter the mg in one unit');
      need(has(b.unitsPerContainer), 'unitsPerContainer', 'Enter how many units one container holds');
    }
    if (b.substance === 'esketamine') {
      need(b.form === 'unit' && b.mgPerUnit === ESKETAMINE_MG_PER_DEVICE, 'mgPerUnit', `Esketamine nasal devices hold ${ESKETAMINE_MG_PER_DEVICE} mg each`);
      need(!has(b.unitsPerContainer) || (ESKETAMINE_KIT_SIZES as readonly number[]).includes(b.unitsPerContainer), 'unitsPerContainer', 'Esketamine kits hold 2 or 3 devices');
    }
    if (b.code !== null && b.codeSystem === 'NDC') {
      need(/^\d{4,5}-\d{3,4}-\d{1,2}$/.test(b.code), 'code', 'An NDC looks like 50458-028-02');
    }
  });

export const catalogRoute = defineRoute({
  method: 'GET',
  url: '/api/ledger/catalog',
  access: { action: 'ledger.read' },
  summary: 'Controlled-drug products, storage locations and the record-keeping rules of the clinic’s jurisdiction',
  tags: ['Controlled drugs'],
  schema: { response: { 200: z.object({ products: z.array(ProductOut), locations: z.array(LocationOut), rules: RulesOut }) } },
  async handler({ deps, actor }) {
    const me = actor();
    const clinic = await loadClinic(deps.db, me.clinicId);
    const products = await deps.db.select().from(csProducts).where(eq(csProducts.clinicId, me.clinicId)).orderBy(asc(csProducts.name));
    const locations = await deps.db.select().from(csLocations).where(eq(csLocations.clinicId, me.clinicId)).orderBy(asc(csLocations.name));
    return { products: products.map(presentProduct), locations: locations.map(presentLocation), rules: presentRules(ledgerRules(clinic.jurisdiction)) };
  },
});

export const createProductRoute = defineRoute({
  method: 'POST',
  url: '/api/ledger/products',
  access: { action: 'ledger.configure' },
  summary: 'Add a controlled-drug product (a ketamine strength and vial size, an esketamine kit, or another product)',
  description: 'Quantities cannot be changed later (every record refers to them); add a new product instead.',
  tags: ['Controlled drugs'],
  schema: { body: ProductIn, response: { 201: ProductOut } },
  async handler({ body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const strength = !has(body.strengthMgPerMl) ? null : toThousandths(body.strengthMgPerMl);
    const volume = !has(body.containerVolumeMl) ? null : toThousandths(body.containerVolumeMl);
    const perUnit = !has(body.mgPerUnit) ? null : toThousandths(body.mgPerUnit);
    const liquid = body.form === 'liquid';
    const containerUg = liquid ? massUgForVolume(volume ?? 0, strength ?? 0) : (perUnit ?? 0) * (body.unitsPerContainer ?? 0);
    if (containerUg <= 0 || !Number.isSafeInteger(containerUg)) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.form', message: 'These quantities do not make a container.' }] });
    }
    const row = {
      id: randomUUID(),
      clinicId: me.clinicId,
      name: body.name,
      substance: body.substance,
      form: body.form,
      code: body.code,
      codeSystem: body.code === null ? null : (body.codeSystem ?? 'local'),
      strengthUgPerMl: liquid ? strength : null,
      containerVolumeUl: liquid ? volume : null,
      unitLabel: liquid ? null : body.unitLabel,
      ugPerUnit: liquid ? null : perUnit,
      unitsPerContainer: liquid ? null : (body.unitsPerContainer ?? null),
      containerUg,
      active: true,
      createdAt: now,
      createdBy: me.userId,
    };
    return deps.db.transaction(async (tx) => {
      const [inserted] = await tx.insert(csProducts).values(row).returning();
      await recordAudit(tx, { action: 'ledger.product_created', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'cs_product', resourceId: row.id, details: { form: row.form, substance: row.substance }, meta, at: now });
      return presentProduct(inserted ?? { ...row });
    });
  },
});

export const updateProductRoute = defineRoute({
  method: 'PATCH',
  url: '/api/ledger/products/:id',
  access: { action: 'ledger.configure' },
  summary: 'Rename a product, or stop or resume offering it for new stock',
  tags: ['Controlled drugs'],
  schema: {
    params: Id,
    body: z.object({ name: Text(120, 2).optional(), active: z.boolean().optional() }).refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' }),
    response: { 200: ProductOut },
  },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const [found] = await deps.db.select({ id: csProducts.id }).from(csProducts).where(and(eq(csProducts.id, params.id), eq(csProducts.clinicId, me.clinicId)));
    if (found === undefined) {
      throw await auditedNotFound(deps, me, meta, 'cs_product', params.id);
    }
    return deps.db.transaction(async (tx) => {
      const [row] = await tx.update(csProducts).set(body).where(eq(csProducts.id, found.id)).returning();
      await recordAudit(tx, { action: 'ledger.product_updated', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'cs_product', resourceId: found.id, details: { fields: Object.keys(body) }, meta, at: now });
      if (row === undefined) {
        throw new AppError('NOT_FOUND');
      }
      return presentProduct(row);
    });
  },
});

const LocationIn = z.object({ name: Text(80, 2, 'Enter a name, e.g. Main safe'), kind: z.enum(['safe', 'cabinet', 'other']) });

export const createLocationRoute = defineRoute({
  method: 'POST',
  url: '/api/ledger/locations',
  access: { action: 'ledger.configure' },
  summary: 'Add a storage location (a safe or a locked cabinet)',
  tags: ['Controlled drugs'],
  schema: { body: LocationIn, response: { 201: LocationOut } },
  async handler({ body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const row = { id: randomUUID(), clinicId: me.clinicId, name: body.name, kind: body.kind, active: true, createdAt: now, createdBy: me.userId };
    return deps.db.transaction(async (tx) => {
      await tx.insert(csLocations).values(row);
      await recordAudit(tx, { action: 'ledger.location_created', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'cs_location', resourceId: row.id, meta, at: now });
      return presentLocation(row);
    });
  },
});

export const updateLocationRoute = defineRoute({
  method: 'PATCH',
  url: '/api/ledger/locations/:id',
  access: { action: 'ledger.configure' },
  summary: 'Rename a storage location, or stop or resume using it',
  tags: ['Controlled drugs'],
  schema: {
    params: Id,
    body: z.object({ name: Text(80, 2).optional(), active: z.boolean().optional() }).refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' }),
    response: { 200: LocationOut },
  },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const [found] = await deps.db.select({ id: csLocations.id }).from(csLocations).where(and(eq(csLocations.id, params.id), eq(csLocations.clinicId, me.clinicId)));
    if (found === undefined) {
      throw await auditedNotFound(deps, me, meta, 'cs_location', params.id);
    }
    return deps.db.transaction(async (tx) => {
      const [row] = await tx.update(csLocations).set(body).where(eq(csLocations.id, found.id)).returning();
      await recordAudit(tx, { action: 'ledger.location_updated', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'cs_location', resourceId: found.id, details: { fields: Object.keys(body) }, meta, at: now });
      if (row === undefined) {
        throw new AppError('NOT_FOUND');
      }
      return presentLocation(row);
    });
  },
});

export const catalogRoutes = [catalogRoute, createProductRoute, updateProductRoute, createLocationRoute, updateLocationRoute];
