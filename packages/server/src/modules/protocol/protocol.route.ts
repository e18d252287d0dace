import { getSetting, PROTOCOL_SETTINGS, resolveProtocol, SETTING_KEYS } from '@ketapath/clinical';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { clinics } from '../../db/schema';
import { AppError } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { loadClinic } from '../clinic/load';
import { clinicProtocol } from './load';
import { refreshOutcomeSummariesSoon } from '../outcomes/summaries';

const SettingValue = z.union([z.number(), z.boolean(), z.string(), z.null(), z.array(z.union([z.string(), z.number()]))]);

const SettingOut = z.object({
  key: z.string(),
  area: z.string(),
  label: z.string(),
  unit: z.string().nullable(),
  type: z.record(z.string(), z.unknown()),
  status: z.enum(['sourced', 'unconfirmed', 'conflict']),
  source: z.object({ id: z.string(), citation: z.string(), url: z.string().optional() }),
  note: z.string().nullable(),
  default: SettingValue,
  value: SettingValue,
  setByClinic: z.boolean(),
  needsConfirmation: z.boolean(),
});

const ProtocolOut = z.object({ settings: z.array(SettingOut), needsConfirmation: z.number().int() });

function present(overrides: Readonly<Record<string, unknown>>, protocol: Parameters<typeof getSetting>[0], unconfirmed: readonly string[]): z.infer<typeof ProtocolOut> {
  const settings = SETTING_KEYS.map((key) => {
    const meta = PROTOCOL_SETTINGS[key];
    return {
      key,
      area: key.split('.')[0] ?? key,
      label: meta.label,
      unit: meta.unit,
      type: { ...meta.type },
      status: meta.status,
      source: { id: meta.source.id, citation: meta.source.citation, ...(meta.source.url === undefined ? {} : { url: meta.source.url }) },
      note: meta.note ?? null,
      default: meta.default as z.infer<typeof SettingValue>,
      value: getSetting(protocol, key) as z.infer<typeof SettingValue>,
      setByClinic: Object.hasOwn(overrides, key),
      needsConfirmation: unconfirmed.includes(key),
    };
  });
  return { settings, needsConfirmation: unconfirmed.length };
}

export const getProtocolRoute = defineRoute({
  method: 'GET',
  url: '/api/clinic/protocol',
  access: { action: 'protocol.read' },
  summary: "The clinic's protocol settings: every threshold and dose the rules use, with its default, source and status",
  description: 'Settings with status unconfirmed or conflict that the clinic has not set explicitly are flagged: confirm them with your medical director.',
  tags: ['Protocol'],
  schema: { response: { 200: ProtocolOut } },
  async handler({ deps, actor }) {
    const clinic = await loadClinic(deps.db, actor().clinicId);
    const p = clinicProtocol(clinic);
    return present(p.overrides, p.protocol, p.unconfirmedInUse);
  },
});

export const updateProtocolRoute = defineRoute({
  method: 'PUT',
  url: '/api/clinic/protocol',
  access: { action: 'protocol.edit' },
  summary: "Replace the clinic's protocol overrides",
  description: 'Send every setting the clinic sets explicitly, as `{ "bp.esketaminePredoseSystolicMax": 140, … }`. Setting a value equal to the default confirms it. Omitted settings use the default.',
  tags: ['Protocol'],
  schema: { body: z.object({ overrides: z.record(z.string().max(80), SettingValue) }), response: { 200: ProtocolOut } },
  async handler({ body, deps, actor, meta }) {
    const me = actor();
    const resolved = resolveProtocol(body.overrides);
    if (!resolved.ok) {
      throw new AppError('VALIDATION_FAILED', { fields: resolved.issues.map((i) => ({ path: `body.overrides.${i.itemId}`, message: i.message, code: i.code })) });
    }
    const now = deps.clock.now();
    const saved = await deps.db.transaction(async (tx) => {
      const before = await loadClinic(tx, me.clinicId);
      const old = (before.protocolOverrides ?? {}) as Record<string, unknown>;
      const changed = [...new Set([...Object.keys(old), ...Object.keys(body.overrides)])].filter((k) => JSON.stringify(old[k]) !== JSON.stringify(body.overrides[k]));
      await tx.update(clinics).set({ protocolOverrides: body.overrides }).where(eq(clinics.id, me.clinicId));
      await recordAudit(tx, { action: 'protocol.updated', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'protocol', resourceId: me.clinicId, details: { changed: changed.slice(0, 100) }, meta, at: now });
      return present(body.overrides, resolved.protocol, resolved.unconfirmedInUse);
    });
    // Outcome rules may have changed: bring the outcome summaries up to date now rather than on the next dashboard.
    refreshOutcomeSummariesSoon(deps, me.clinicId, resolved.protocol);
    return saved;
  },
});

export const protocolRoutes = [getProtocolRoute, updateProtocolRoute];
