import { randomUUID } from 'node:crypto';
import { gateOutcome, ROUTE_LABELS } from '@ketapath/clinical';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { Reauth, verifyReauth } from '../../auth/reauth';
import { treatmentPlans, users } from '../../db/schema';
import { AppError, type FieldIssue } from '../../http/errors';
import { auditedNotFound } from '../../http/not-found';
import { defineRoute } from '../../http/route';
import { presentFinding } from '../../lib/findings';
import { loadClinic } from '../clinic/load';
import { findingKey, MIN_OVERRIDE_REASON } from '../eligibility/decide';
import { auditPatientRead, loadPatient } from '../patients/repo';
import { buildPlan, type BuiltPlan } from './build';
import { planDefaultsRoute } from './defaults.route';
import { currentPlan, currentReview, followUpSummary, planFacts } from './facts';
import { PlanOut, PlanPreviewOut, presentPlan } from './presenters';
import { PlanInput } from './schemas';
import { refreshPatientOutcomes } from '../outcomes/summaries';

const Id = z.object({ id: z.uuid() });

function missingInputs(input: z.infer<typeof PlanInput>, built: BuiltPlan): string[] {
  const missing: string[] = [];
  if ((input.route === 'iv' || input.route === 'im') && built.weightKgUsed === null) {
    missing.push('Record the patient’s weight: the dose is per kilogram.');
  }
  if ((input.route === 'iv' || input.route === 'im') && input.dose.stockConcentrationMgPerMl === undefined) {
    missing.push('Enter the stock concentration (mg/mL) of the ketamine vials used.');
  }
  return missing;
}

function preview(input: z.infer<typeof PlanInput>, built: BuiltPlan): z.infer<typeof PlanPreviewOut> {
  return {
    ok: built.ok,
    missing: missingInputs(input, built),
    dose: built.dose === null ? null : { summary: built.dose.summary, working: [...built.dose.working] },
    sessions: built.sessions.map((s) => ({ index: s.index, phase: s.phase, week: s.week, localDate: s.localDate, localTime: s.localTime, startsAt: s.startsAt, plannedDose: { ...s.plannedDose } })),
    findings: built.findings.map(presentFinding),
    weightKgUsed: built.weightKgUsed,
    outcome: gateOutcome(built.findings),
  };
}

export const previewPlanRoute = defineRoute({
  method: 'POST',
  url: '/api/patients/:id/plans/preview',
  access: { action: 'clinical.read' },
  summary: 'Work out a plan’s dose and schedule without saving it',
  description: 'The dose (with its working) and the induction/maintenance calendar come from the clinical core, using today’s weight, the clinic protocol, opening days and time zone.',
  tags: ['Treatment plans'],
  schema: { params: Id, body: PlanInput, response: { 200: PlanPreviewOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const clinic = await loadClinic(deps.db, me.clinicId);
    const built = buildPlan(body, await planFacts(deps.db, clinic, p, deps.clock.now()));
    await auditPatientRead(deps, me, meta, p.id, 'plan_preview');
    return preview(body, built);
  },
});

export const signPlanRoute = defineRoute({
  method: 'POST',
  url: '/api/patients/:id/plans',
  access: { action: 'plan.sign' },
  summary: 'Sign a treatment plan (new plan, or a new version with the reason for the change)',
  tags: ['Treatment plans'],
  schema: {
    params: Id,
    body: PlanInput.extend(Reauth.shape).extend({
      overrides: z.array(z.object({ code: z.string().max(80), field: z.string().max(200).optional(), reason: z.string().trim().max(2000) })).max(30).default([]),
      notes: z.string().trim().max(4000).optional(),
      changeReason: z.string().trim().max(2000).optional(),
    }),
    response: { 201: PlanOut },
  },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const p = await loadPatient(deps, me, meta, params.id);
    const clinic = await loadClinic(deps.db, me.clinicId);
    const review = await currentReview(deps.db, p.id, body.route);
    if (review === undefined || review.decision === 'declined') {
      throw new AppError('RULE_BLOCKED', { detail: `Eligibility for ${ROUTE_LABELS[body.route]} is not approved: a prescriber must approve it first.`, extra: { rule: 'ELIGIBILITY_NOT_APPROVED' } });
    }
    const facts = await planFacts(deps.db, clinic, p, now);
    const built = buildPlan(body, facts);
    const missing = missingInputs(body, built);
    if (missing.length > 0 || !built.ok || built.dose === null) {
      throw new AppError('VALIDATION_FAILED', { detail: missing.join(' ') || 'The dose or schedule could not be worked out.', extra: { findings: built.findings.map(presentFinding) } });
    }
    const issues: FieldIssue[] = [];
    if (built.findings.some((f) => f.severity === 'block')) {
      throw new AppError('RULE_BLOCKED', { detail: 'A finding stops this plan (see findings).', extra: { findings: built.findings.map(presentFinding) } });
    }
    const given = new Map(body.overrides.map((o) => [findingKey(o), o.reason]));
    built.findings.filter((f) => f.severity === 'override').forEach((f, i) => {
      if ((given.get(findingKey(f)) ?? '').length < MIN_OVERRIDE_REASON) {
        issues.push({ path: `body.overrides.${i}`, code: f.code, message: `Write the reason for proceeding despite ${f.code}.` });
      }
    });
    const previous = await currentPlan(deps.db, p.id, body.route);
    if (previous !== undefined && (body.changeReason ?? '').length < 3) {
      issues.push({ path: 'body.changeReason', message: 'Say why the plan changes.' });
    }
    if (issues.length > 0) {
      throw new AppError('VALIDATION_FAILED', { fields: issues });
    }
    const method = await verifyReauth(deps, me, meta, body, 'plan.sign');
    const { password: _pw, totpCode: _code, overrides, notes, changeReason, ...input } = body;
    const row = await deps.db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(treatmentPlans)
        .values({
          id: randomUUID(),
          clinicId: me.clinicId,
          patientId: p.id,
          version: (previous?.version ?? 0) + 1,
          route: body.route,
          drug: body.route === 'esketamine_nasal' ? 'esketamine nasal spray (Spravato)' : 'racemic ketamine hydrochloride',
          indication: body.indication,
          eligibilityReviewId: review.id,
          protocolSnapshot: facts.protocol,
          dosePlan: { summary: built.dose?.summary ?? '', working: built.dose?.working ?? [], input: { ...input.dose, weightKgUsed: built.weightKgUsed }, detail: built.dose?.detail, findings: built.findings.map(presentFinding) },
          schedule: { startDate: body.startDate, sessionTime: body.sessionTime, sessions: preview(body, built).sessions },
          measurementPlan: body.measurementPlan,
          followUpPlan: followUpSummary(body.followUps, facts.protocol),
          overrides: overrides.filter((o) => built.findings.some((f) => f.severity === 'override' && findingKey(f) === findingKey(o))),
          notes: notes ?? null,
          changeReason: previous === undefined ? null : (changeReason ?? null),
          supersedesId: previous?.id ?? null,
          signedBy: me.userId,
          signedAt: now,
          signatureMethod: method,
        })
        .returning();
      const r = inserted as typeof treatmentPlans.$inferSelect;
      await refreshPatientOutcomes(tx, me.clinicId, p.id, facts.protocol);
      await recordAudit(tx, { action: 'plan.signed', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'treatment_plan', resourceId: r.id, patientId: p.id, details: { route: r.route, version: r.version, signature: method }, meta, at: now });
      return r;
    });
    return presentPlan(row, me.name, true);
  },
});

export const listPlansRoute = defineRoute({
  method: 'GET',
  url: '/api/patients/:id/plans',
  access: { action: 'plan.read' },
  summary: "The patient's treatment plans, newest first",
  tags: ['Treatment plans'],
  schema: { params: Id, response: { 200: z.object({ plans: z.array(PlanOut) }) } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const rows = await deps.db
      .select({ r: treatmentPlans, name: users.name })
      .from(treatmentPlans)
      .innerJoin(users, eq(users.id, treatmentPlans.signedBy))
      .where(and(eq(treatmentPlans.patientId, p.id), eq(treatmentPlans.clinicId, me.clinicId)))
      .orderBy(desc(treatmentPlans.signedAt));
    const newest = new Map<string, number>();
    for (const { r } of rows) {
      newest.set(r.route, Math.max(newest.get(r.route) ?? 0, r.version));
    }
    await auditPatientRead(deps, me, meta, p.id, 'plans');
    return { plans: rows.map(({ r, name }) => presentPlan(r, name, newest.get(r.route) === r.version)) };
  },
});

export const getPlanRoute = defineRoute({
  method: 'GET',
  url: '/api/plans/:id',
  access: { action: 'plan.read' },
  summary: 'One treatment plan',
  tags: ['Treatment plans'],
  schema: { params: Id, response: { 200: PlanOut } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const [row] = await deps.db
      .select({ r: treatmentPlans, name: users.name })
      .from(treatmentPlans)
      .innerJoin(users, eq(users.id, treatmentPlans.signedBy))
      .where(and(eq(treatmentPlans.id, params.id), eq(treatmentPlans.clinicId, me.clinicId)));
    if (row === undefined) {
      throw await auditedNotFound(deps, me, meta, 'treatment_plan', params.id);
    }
    const latest = await currentPlan(deps.db, row.r.patientId, row.r.route);
    await auditPatientRead(deps, me, meta, row.r.patientId, 'plan');
    return presentPlan(row.r, row.name, latest?.id === row.r.id);
  },
});

export const planRoutes = [planDefaultsRoute, previewPlanRoute, signPlanRoute, listPlansRoute, getPlanRoute];
