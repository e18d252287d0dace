import { randomUUID } from 'node:crypto';
import { ROUTE_LABELS } from '@ketapath/clinical';
import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { Reauth, verifyReauth } from '../../auth/reauth';
import { eligibilityReviews, users } from '../../db/schema';
import { AppError } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { loadClinic } from '../clinic/load';
import { latestIntake } from '../intake/repo';
import { RouteSchema } from '../intake/schema';
import { auditPatientRead, loadPatient } from '../patients/repo';
import { findingKey, validateDecision } from './decide';
import { presentReview, presentScreening, ReviewOut, ScreeningOut } from './presenters';
import { runScreening } from './screening';

const Id = z.object({ id: z.uuid() });

export const screenRoute = defineRoute({
  method: 'GET',
  url: '/api/patients/:id/eligibility/screen',
  access: { action: 'clinical.read' },
  summary: "Screen the patient's intake for a route (nothing is saved)",
  description: 'Runs the clinical core on the newest intake with today’s age, weight and blood pressure, the clinic’s protocol and jurisdiction.',
  tags: ['Intake and eligibility'],
  schema: { params: Id, querystring: z.object({ route: RouteSchema.optional() }), response: { 200: z.object({ intakeId: z.string(), intakeStatus: z.string(), route: RouteSchema, routeLabel: z.string(), screening: ScreeningOut }) } },
  async handler({ params, query, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const intake = await latestIntake(deps.db, me.clinicId, p.id);
    const route = query.route ?? (intake?.plannedRoute as z.infer<typeof RouteSchema> | null | undefined) ?? undefined;
    if (intake === undefined || route === undefined) {
      throw new AppError('CONFLICT', { detail: intake === undefined ? 'Fill in the intake first.' : 'Choose the planned route.' });
    }
    const clinic = await loadClinic(deps.db, me.clinicId);
    const s = await runScreening(deps.db, clinic, p, intake, route, deps.clock.now());
    await auditPatientRead(deps, me, meta, p.id, 'eligibility_screening');
    return { intakeId: intake.id, intakeStatus: intake.status, route, routeLabel: ROUTE_LABELS[route], screening: presentScreening(s.result) };
  },
});

export const decideRoute = defineRoute({
  method: 'POST',
  url: '/api/patients/:id/eligibility/reviews',
  access: { action: 'eligibility.decide' },
  summary: "Record the prescriber's signed eligibility decision",
  description:
    'The screening is re-run on the submitted intake at the moment of signing. Every finding that needs an override must carry a written reason; blocked findings can only be declined. The decision is immutable; a later review supersedes it.',
  tags: ['Intake and eligibility'],
  schema: {
    params: Id,
    body: Reauth.extend({
      route: RouteSchema,
      decision: z.enum(['approved', 'approved_with_override', 'declined']),
      overrides: z.array(z.object({ code: z.string().max(80), field: z.string().max(200).optional(), reason: z.string().trim().max(2000) })).max(50).default([]),
      notes: z.string().trim().max(4000).optional(),
    }),
    response: { 201: ReviewOut },
  },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const intake = await latestIntake(deps.db, me.clinicId, p.id);
    if (intake?.status !== 'submitted') {
      throw new AppError('CONFLICT', { detail: intake === undefined ? 'There is no intake to review.' : 'The intake has unsent changes: submit it before the review.' });
    }
    const clinic = await loadClinic(deps.db, me.clinicId);
    const now = deps.clock.now();
    const s = await runScreening(deps.db, clinic, p, intake, body.route, now);
    const issues = validateDecision(s.result, body.decision, body.overrides, body.notes);
    if (issues.length > 0) {
      throw new AppError('VALIDATION_FAILED', { fields: issues, detail: 'The decision does not fit the screening.' });
    }
    const method = await verifyReauth(deps, me, meta, body, 'eligibility.decide');
    const screening = presentScreening(s.result);
    const overrideKeys = new Set(s.result.findings.filter((f) => f.severity === 'override').map(findingKey));
    const row = await deps.db.transaction(async (tx) => {
      const [previous] = await tx
        .select({ id: eligibilityReviews.id })
        .from(eligibilityReviews)
        .where(and(eq(eligibilityReviews.patientId, p.id), eq(eligibilityReviews.route, body.route)))
        .orderBy(desc(eligibilityReviews.decidedAt))
        .limit(1);
      const [inserted] = await tx
        .insert(eligibilityReviews)
        .values({
          id: randomUUID(),
          clinicId: me.clinicId,
          patientId: p.id,
          intakeId: intake.id,
          route: body.route,
          jurisdiction: s.jurisdiction,
          intakeSnapshot: s.intake,
          protocolSnapshot: s.protocol,
          screening,
          decision: body.decision,
          overrides: body.overrides.filter((o) => overrideKeys.has(findingKey(o))),
          notes: body.notes ?? null,
          decidedBy: me.userId,
          decidedAt: now,
          signatureMethod: method,
          supersedesId: previous?.id ?? null,
        })
        .returning();
      await recordAudit(tx, {
        action: 'eligibility.decided',
        outcome: 'success',
        clinicId: me.clinicId,
        actor: me,
        resourceType: 'eligibility_review',
        resourceId: inserted?.id ?? '',
        patientId: p.id,
        details: { route: body.route, decision: body.decision, overrides: body.overrides.map((o) => o.code), signature: method },
        meta,
        at: now,
      });
      return inserted as typeof eligibilityReviews.$inferSelect;
    });
    return presentReview(row, me.name, null);
  },
});

export const listReviewsRoute = defineRoute({
  method: 'GET',
  url: '/api/patients/:id/eligibility/reviews',
  access: { action: 'clinical.read' },
  summary: 'Every eligibility decision for the patient, newest first (superseded ones marked)',
  tags: ['Intake and eligibility'],
  schema: { params: Id, response: { 200: z.object({ reviews: z.array(ReviewOut) }) } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const rows = await deps.db
      .select({ r: eligibilityReviews, name: users.name })
      .from(eligibilityReviews)
      .innerJoin(users, eq(users.id, eligibilityReviews.decidedBy))
      .where(and(eq(eligibilityReviews.patientId, p.id), eq(eligibilityReviews.clinicId, me.clinicId)))
      .orderBy(asc(eligibilityReviews.decidedAt));
    const supersededAt = new Map<string, Date>();
    for (const { r } of rows) {
      if (r.supersedesId !== null) {
        supersededAt.set(r.supersedesId, r.decidedAt);
      }
    }
    await auditPatientRead(deps, me, meta, p.id, 'eligibility_reviews');
    return { reviews: rows.reverse().map(({ r, name }) => presentReview(r, name, supersededAt.get(r.id) ?? null)) };
  },
});

export const eligibilityRoutes = [screenRoute, decideRoute, listReviewsRoute];
