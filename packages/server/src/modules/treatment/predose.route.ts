import type { Finding } from '@ketapath/clinical';
import { eq } from 'drizzle-orm';
import { recordAudit, recordAuditStandalone } from '../../audit/record';
import { verifyWitness } from '../../auth/witness';
import { treatmentSessions } from '../../db/schema';
import type { Actor, RequestMeta } from '../../http/context';
import type { Deps } from '../../http/deps';
import { AppError, conflict, type FieldIssue } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { can } from '../../policy/policy';
import { presentFinding } from '../../lib/findings';
import { findingKey, MIN_OVERRIDE_REASON } from '../eligibility/decide';
import { addMeasurement } from '../patients/repo';
import { evaluatePredoseFor, type StoredPredose } from './evaluate';
import { predoseFactsFor, sessionView } from './load-view';
import { clinicProtocol } from '../protocol/load';
import { loadBundle, loadSession, lockSession, type SessionRow } from './repo';
import { Id, PredoseAnswers, PredosePass } from './schemas';
import { applyTransition } from './transition';
import { SessionOut } from './view';
import type { z } from 'zod';

function requireState(s: SessionRow, state: string, doing: string): void {
  if (s.state !== state) {
    throw conflict(`This session is ${s.state.replace(/_/g, ' ')}: ${doing} is not possible now.`);
  }
}

export const savePredoseRoute = defineRoute({
  method: 'PUT',
  url: '/api/sessions/:id/predose',
  access: { action: 'session.chart' },
  summary: 'Save the pre-dose answers (the checklist is re-evaluated and returned)',
  tags: ['Treatment sessions'],
  schema: { params: Id, body: PredoseAnswers, response: { 200: SessionOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const s = await loadSession(deps, me, meta, params.id);
    requireState(s, 'checked_in', 'changing the pre-dose checks');
    const updated = await deps.db.transaction(async (tx) => {
      const locked = await lockSession(tx, s.id);
      requireState(locked, 'checked_in', 'changing the pre-dose checks');
      const stored: StoredPredose = { answers: body };
      const [row] = await tx.update(treatmentSessions).set({ predose: stored, updatedAt: now }).where(eq(treatmentSessions.id, s.id)).returning();
      await recordAudit(tx, { action: 'session.predose_saved', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'treatment_session', resourceId: s.id, patientId: s.patientId, meta, at: now });
      return row as SessionRow;
    });
    return sessionView(deps, me, meta, updated);
  },
});

/** Overrides need a reason each and a prescriber: the signed-in prescriber, or one confirming on this screen. */
async function overrideSigner(deps: Deps, me: Actor, meta: RequestMeta, body: z.infer<typeof PredosePass>, needs: readonly Finding[]): Promise<string | null> {
  const issues: FieldIssue[] = [];
  const given = new Map(body.overrides.map((o) => [findingKey({ code: o.code, field: o.field ?? undefined }), o.reason]));
  needs.forEach((f, i) => {
    if ((given.get(findingKey(f)) ?? '').length < MIN_OVERRIDE_REASON) {
      issues.push({ path: `body.overrides.${i}`, code: f.code, message: `Write the reason for going ahead despite: ${f.message} (at least ${MIN_OVERRIDE_REASON} characters).` });
    }
  });
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', { fields: issues, extra: { findings: needs.map(presentFinding) } });
  }
  if (needs.length === 0 || can(me.role, 'session.override')) {
    return null;
  }
  if (body.cosign === undefined) {
    throw new AppError('VALIDATION_FAILED', { detail: 'A prescriber must confirm these overrides.', fields: [{ path: 'body.cosign', message: 'A prescriber confirms with their email and password.' }] });
  }
  const w = await verifyWitness(deps, me, meta, body.cosign, 'session.predose_override', 'body.cosign');
  if (!can(w.role, 'session.override')) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.cosign.email', message: 'Only a prescriber can confirm an override.' }] });
  }
  return w.userId;
}

export const passPredoseRoute = defineRoute({
  method: 'POST',
  url: '/api/sessions/:id/predose/pass',
  access: { action: 'session.chart' },
  summary: 'Pass the pre-dose checks: blocking findings stop here; overrides need a reason and a prescriber; other open items need an explanation',
  tags: ['Treatment sessions'],
  schema: { params: Id, body: PredosePass, response: { 200: SessionOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const s = await loadSession(deps, me, meta, params.id);
    requireState(s, 'checked_in', 'passing the pre-dose checks');
    const b = await loadBundle(deps, me, meta, s);
    const { protocol } = clinicProtocol(b.clinic);
    const { overrides: _o, cosign: _c, ...answers } = body;
    const result = evaluatePredoseFor(b, answers, await predoseFactsFor(deps.db, b, now), protocol, now);
    if (result.outcome === 'blocked') {
      const blocking = result.findings.filter((f) => f.severity === 'block');
      await recordAuditStandalone(deps.db, { action: 'session.predose_refused', outcome: 'denied', clinicId: me.clinicId, actor: me, resourceType: 'treatment_session', resourceId: s.id, patientId: s.patientId, details: { codes: blocking.map((f) => f.code) }, meta, at: now });
      throw new AppError('RULE_BLOCKED', { detail: `Do not dose: ${blocking.map((f) => f.message).join(' ')}`, extra: { findings: blocking.map(presentFinding) } });
    }
    const unexplained = result.items.filter((i) => i.status !== 'ok' && !i.findings.some((f) => f.severity === 'override' || f.severity === 'block') && (answers.explanations[i.id] ?? '').trim().length < 3);
    if (unexplained.length > 0) {
      throw new AppError('VALIDATION_FAILED', { detail: 'Tick each item, or explain why it is not done.', fields: unexplained.map((i) => ({ path: `body.explanations.${i.id}`, message: `Explain: ${i.label}.` })) });
    }
    const needs = result.findings.filter((f) => f.severity === 'override');
    const cosignedBy = await overrideSigner(deps, me, meta, body, needs);
    const updated = await deps.db.transaction(async (tx) => {
      const locked = await lockSession(tx, s.id);
      requireState(locked, 'checked_in', 'passing the pre-dose checks');
      if (answers.weightKg !== undefined) {
        await addMeasurement(tx, { clinicId: me.clinicId, patientId: s.patientId, kind: 'weight_kg', value: answers.weightKg, measuredAt: now, actor: me, meta, now });
      }
      const overrides = needs.map((f) => ({ code: f.code, field: f.field ?? null, reason: body.overrides.find((o) => findingKey({ code: o.code, field: o.field ?? undefined }) === findingKey(f))?.reason ?? '' }));
      const stored: StoredPredose = { answers, overrides, ...(cosignedBy === null ? {} : { cosignedBy }), result: { outcome: result.outcome, bpItemStatus: result.items.find((i) => i.id === 'blood_pressure')?.status ?? null } };
      return applyTransition(tx, locked, { to: 'predose_passed', actor: me, meta, now, set: { predose: stored, predosePassedAt: now, predosePassedBy: me.userId, ...(answers.weightKg === undefined ? {} : { weightKg: answers.weightKg }) }, details: { overrides: overrides.length, cosigned: cosignedBy !== null } });
    });
    return sessionView(deps, me, meta, updated);
  },
});
