import { riskAlertStep } from '@ketapath/clinical';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { auditEvents, clinics, patients, questionnaireResponses, riskAlerts, staffNotices, users } from '../../db/schema';
import type { Queryable } from '../../db/types';
import { conflict } from '../../http/errors';
import { auditedNotFound } from '../../http/not-found';
import { defineRoute } from '../../http/route';
import { loadClinic } from '../clinic/load';
import { displayName, formatMrn } from '../patients/presenters';
import { auditPatientRead, loadPatient } from '../patients/repo';
import { clinicProtocol } from '../protocol/load';
import { crisisLineFor } from './crisis';
import { onCallList, RISK_LABELS } from './raise';

const TrailOut = z.object({ at: z.string(), action: z.string(), who: z.string().nullable() });
const RiskAlertOut = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  mrn: z.string(),
  code: z.string(),
  label: z.string(),
  severity: z.enum(['warn', 'stop']),
  raisedAt: z.string(),
  instrument: z.string(),
  withUserId: z.string().nullable(),
  withName: z.string().nullable(),
  mine: z.boolean(),
  nextEscalationAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  contactMade: z.string().nullable(),
  actionTaken: z.string().nullable(),
  trail: z.array(TrailOut),
});
type RiskAlertOut = z.infer<typeof RiskAlertOut>;

const TRAIL_ACTIONS = ['risk_alert.raised', 'risk_alert.escalated', 'risk_alert.acknowledged'];

async function present(q: Queryable, clinic: Awaited<ReturnType<typeof loadClinic>>, where: ReturnType<typeof and>, meId: string, now: Date): Promise<RiskAlertOut[]> {
  const assigned = alias(users, 'assigned');
  const acker = alias(users, 'acker');
  const rows = await q
    .select({ a: riskAlerts, p: patients, instrument: questionnaireResponses.instrument, withName: assigned.name, ackName: acker.name })
    .from(riskAlerts)
    .innerJoin(patients, eq(patients.id, riskAlerts.patientId))
    .innerJoin(questionnaireResponses, eq(questionnaireResponses.id, riskAlerts.responseId))
    .leftJoin(assigned, eq(assigned.id, riskAlerts.assignedUserId))
    .leftJoin(acker, eq(acker.id, riskAlerts.acknowledgedBy))
    .where(where)
    .orderBy(desc(riskAlerts.raisedAt))
    .limit(200);
  if (rows.length === 0) {
    return [];
  }
  const events = await q
    .select({ resourceId: auditEvents.resourceId, at: auditEvents.occurredAt, action: auditEvents.action, who: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(eq(auditEvents.resourceType, 'risk_alert'), inArray(auditEvents.resourceId, rows.map((r) => r.a.id)), inArray(auditEvents.action, TRAIL_ACTIONS)))
    .orderBy(asc(auditEvents.occurredAt));
  const protocol = clinicProtocol(clinic).protocol;
  const onCallCount = (await onCallList(q, clinic.id)).length;
  return rows.map(({ a, p, instrument, withName, ackName }) => ({
    id: a.id,
    patientId: p.id,
    patientName: displayName(p),
    mrn: formatMrn(p.mrn),
    code: a.code,
    label: (RISK_LABELS as Partial<Record<string, string>>)[a.code] ?? a.code,
    severity: a.severity as 'warn',
    raisedAt: a.raisedAt.toISOString(),
    instrument,
    withUserId: a.assignedUserId,
    withName,
    mine: a.assignedUserId === meId,
    nextEscalationAt: a.acknowledgedAt === null ? riskAlertStep({ raisedAt: a.raisedAt.toISOString() }, onCallCount, now.toISOString(), protocol).nextAt : null,
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: ackName,
    contactMade: a.contactMade,
    actionTaken: a.actionTaken,
    trail: events.filter((e) => e.resourceId === a.id).map((e) => ({ at: e.at.toISOString(), action: e.action, who: e.who })),
  }));
}

export const openRiskAlertsRoute = defineRoute({
  method: 'GET',
  url: '/api/risk-alerts',
  access: { action: 'risk_alert.read' },
  summary: 'Open suicide-risk alerts of the clinic (the ones with me first), for the banner and bell',
  tags: ['Risk alerts'],
  schema: { response: { 200: z.object({ alerts: z.array(RiskAlertOut) }) } },
  async handler({ deps, actor }) {
    const me = actor();
    const clinic = await loadClinic(deps.db, me.clinicId);
    const alerts = await present(deps.db, clinic, and(eq(riskAlerts.clinicId, me.clinicId), isNull(riskAlerts.acknowledgedAt)), me.userId, deps.clock.now());
    return { alerts: [...alerts.filter((a) => a.mine), ...alerts.filter((a) => !a.mine)] };
  },
});

export const patientRiskAlertsRoute = defineRoute({
  method: 'GET',
  url: '/api/patients/:id/risk-alerts',
  access: { action: 'risk_alert.read' },
  summary: "A patient's suicide-risk alerts with the whole trail (raised, escalated, acknowledged with contact and action)",
  tags: ['Risk alerts'],
  schema: { params: z.object({ id: z.uuid() }), response: { 200: z.object({ alerts: z.array(RiskAlertOut) }) } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const clinic = await loadClinic(deps.db, me.clinicId);
    await auditPatientRead(deps, me, meta, p.id, 'risk_alerts');
    return { alerts: await present(deps.db, clinic, and(eq(riskAlerts.clinicId, me.clinicId), eq(riskAlerts.patientId, p.id)), me.userId, deps.clock.now()) };
  },
});

const Text = z.string().trim().min(3, 'Say what you did (at least 3 characters)').max(2000);

export const acknowledgeRiskAlertRoute = defineRoute({
  method: 'POST',
  url: '/api/risk-alerts/:id/acknowledge',
  access: { action: 'risk_alert.acknowledge' },
  summary: 'Acknowledge a suicide-risk alert, recording the contact made and the action taken',
  tags: ['Risk alerts'],
  schema: { params: z.object({ id: z.uuid() }), body: z.object({ contactMade: Text, actionTaken: Text }), response: { 200: z.object({ alert: RiskAlertOut }) } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const [found] = await deps.db.select({ id: riskAlerts.id, patientId: riskAlerts.patientId }).from(riskAlerts).where(and(eq(riskAlerts.id, params.id), eq(riskAlerts.clinicId, me.clinicId)));
    if (found === undefined) {
      throw await auditedNotFound(deps, me, meta, 'risk_alert', params.id);
    }
    await deps.db.transaction(async (tx) => {
      const [u] = await tx
        .update(riskAlerts)
        .set({ acknowledgedAt: now, acknowledgedBy: me.userId, contactMade: body.contactMade, actionTaken: body.actionTaken })
        .where(and(eq(riskAlerts.id, params.id), isNull(riskAlerts.acknowledgedAt)))
        .returning({ id: riskAlerts.id });
      if (u === undefined) {
        throw conflict('This alert was already acknowledged.');
      }
      await tx.update(staffNotices).set({ readAt: now }).where(and(eq(staffNotices.alertId, params.id), isNull(staffNotices.readAt)));
      await recordAudit(tx, { action: 'risk_alert.acknowledged', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'risk_alert', resourceId: params.id, patientId: found.patientId, meta, at: now });
    });
    const clinic = await loadClinic(deps.db, me.clinicId);
    const [alert] = await present(deps.db, clinic, eq(riskAlerts.id, params.id), me.userId, now);
    return { alert: alert as RiskAlertOut };
  },
});

const Contacts = z.object({
  onCall: z.array(z.object({ userId: z.string(), name: z.string(), role: z.string() })),
  crisisLineName: z.string().nullable(),
  crisisLineNumber: z.string().nullable(),
  jurisdictionDefault: z.object({ name: z.string(), number: z.string() }).nullable(),
  escalateAfterMinutes: z.number(),
});

async function contactsOf(q: Queryable, clinicId: string): Promise<z.infer<typeof Contacts>> {
  const clinic = await loadClinic(q, clinicId);
  const list = await onCallList(q, clinicId);
  const roles = list.length === 0 ? [] : await q.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, list.map((u) => u.id)));
  const def = crisisLineFor({ jurisdiction: clinic.jurisdiction, crisisLineName: null, crisisLineNumber: null });
  return {
    onCall: list.map((u) => ({ userId: u.id, name: u.name, role: roles.find((r) => r.id === u.id)?.role ?? '' })),
    crisisLineName: clinic.crisisLineName,
    crisisLineNumber: clinic.crisisLineNumber,
    jurisdictionDefault: def === null ? null : { name: def.name, number: def.number },
    escalateAfterMinutes: clinicProtocol(clinic).protocol.riskAlerts.escalateAfterMinutes,
  };
}

export const safetyContactsRoute = defineRoute({
  method: 'GET',
  url: '/api/clinic/safety-contacts',
  access: { action: 'clinic.read' },
  summary: 'On-call clinicians for suicide-risk alerts (in order) and the crisis line shown to patients',
  tags: ['Risk alerts'],
  schema: { response: { 200: Contacts } },
  async handler({ deps, actor }) {
    return contactsOf(deps.db, actor().clinicId);
  },
});

export const updateSafetyContactsRoute = defineRoute({
  method: 'PUT',
  url: '/api/clinic/safety-contacts',
  access: { action: 'clinic.update' },
  summary: 'Set the on-call list (ordered; prescribers and nurses) and the crisis line (blank = the jurisdiction default)',
  tags: ['Risk alerts'],
  schema: {
    body: z.object({ onCallUserIds: z.array(z.uuid()).max(20), crisisLineName: z.string().trim().max(120).nullable(), crisisLineNumber: z.string().trim().max(40).regex(/^[0-9+()\s-]*$/, 'Digits, spaces, +, ( ) and - only').nullable() }),
    response: { 200: Contacts },
  },
  async handler({ body, deps, actor, meta }) {
    const me = actor();
    const ids = [...new Set(body.onCallUserIds)];
    const ok = ids.length === 0 ? [] : await deps.db.select({ id: users.id }).from(users).where(and(inArray(users.id, ids), eq(users.clinicId, me.clinicId), eq(users.status, 'active'), inArray(users.role, ['prescriber', 'nurse', 'admin'])));
    if (ok.length !== ids.length) {
      throw conflict('Everyone on call must be an active clinician of this clinic.');
    }
    const number = body.crisisLineNumber === null || body.crisisLineNumber === '' ? null : body.crisisLineNumber;
    await deps.db.transaction(async (tx) => {
      await tx.update(clinics).set({ onCallUserIds: ids, crisisLineNumber: number, crisisLineName: number === null ? null : (body.crisisLineName ?? null) }).where(eq(clinics.id, me.clinicId));
      await recordAudit(tx, { action: 'clinic.safety_contacts_updated', outcome: 'success', clinicId: me.clinicId, actor: me, details: { onCall: ids, crisisLineSet: number !== null }, meta, at: deps.clock.now() });
    });
    return contactsOf(deps.db, me.clinicId);
  },
});

export const riskRoutes = [openRiskAlertsRoute, patientRiskAlertsRoute, acknowledgeRiskAlertRoute, safetyContactsRoute, updateSafetyContactsRoute];
