import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../audit/record';
import { Reauth, verifyReauth } from '../../auth/reauth';
import { sessionAmendments } from '../../db/schema';
import { AppError, conflict } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { sessionView } from './load-view';
import { assembleNote } from './note';
import { loadBundle, loadSession, lockSession, openAlerts } from './repo';
import { AmendmentIn, Id } from './schemas';
import { applyTransition } from './transition';
import { SessionOut } from './view';

export const signSessionRoute = defineRoute({
  method: 'POST',
  url: '/api/sessions/:id/sign',
  access: { action: 'session.sign' },
  summary: 'Sign the session note (re-authentication); the record is then locked and corrections become amendments',
  tags: ['Treatment sessions'],
  schema: { params: Id, body: Reauth, response: { 200: SessionOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const s = await loadSession(deps, me, meta, params.id);
    if (s.state !== 'discharged' && s.state !== 'stopped_early') {
      throw conflict(`This session is ${s.state.replace(/_/g, ' ')}: the note is signed after discharge (or after stopping early).`);
    }
    const open = await openAlerts(deps.db, s.id);
    if (open.length > 0) {
      throw new AppError('RULE_BLOCKED', { detail: `Acknowledge every alert before signing (${open.length} open: ${open.map((a) => a.message).join(' ')})`, extra: { openAlerts: open.map((a) => a.id) } });
    }
    const method = await verifyReauth(deps, me, meta, body, 'session.sign');
    const updated = await deps.db.transaction(async (tx) => {
      const locked = await lockSession(tx, s.id);
      const b = await loadBundle(deps, me, meta, locked, tx);
      const note = assembleNote(b);
      const row = await applyTransition(tx, locked, { to: 'signed', actor: me, meta, now, set: { note, signedBy: me.userId, signedAt: now, signatureMethod: method }, details: { signature: method } });
      await recordAudit(tx, { action: 'session.signed', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'treatment_session', resourceId: s.id, patientId: s.patientId, details: { signature: method }, meta, at: now });
      return row;
    });
    return sessionView(deps, me, meta, updated);
  },
});

export const amendSessionRoute = defineRoute({
  method: 'POST',
  url: '/api/sessions/:id/amendments',
  access: { action: 'session.chart' },
  summary: 'Amend a signed session (re-authentication): the original stays visible; the amendment says who, when, why and what changed',
  tags: ['Treatment sessions'],
  schema: { params: Id, body: AmendmentIn.extend(Reauth.shape), response: { 200: SessionOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const s = await loadSession(deps, me, meta, params.id);
    if (s.signedAt === null) {
      throw conflict('The session is not signed yet: correct the record directly (void a wrong reading and enter a new one).');
    }
    const method = await verifyReauth(deps, me, meta, body, 'session.amend');
    await deps.db.transaction(async (tx) => {
      const id = randomUUID();
      await tx.insert(sessionAmendments).values({ id, clinicId: me.clinicId, sessionId: s.id, reason: body.reason, changes: body.changes.map((c) => ({ field: c.field, before: c.before ?? null, after: c.after })), amendedBy: me.userId, amendedAt: now, signatureMethod: method });
      await recordAudit(tx, { action: 'session.amended', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'session_amendment', resourceId: id, patientId: s.patientId, details: { changes: body.changes.length, signature: method }, meta, at: now });
    });
    return sessionView(deps, me, meta, s);
  },
});
