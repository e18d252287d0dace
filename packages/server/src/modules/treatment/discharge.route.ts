import { eq } from 'drizzle-orm';
import { appointments, treatmentSessions } from '../../db/schema';
import type { Tx } from '../../db/types';
import { AppError, conflict } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { can } from '../../policy/policy';
import { presentFinding } from '../../lib/findings';
import { MIN_OVERRIDE_REASON } from '../eligibility/decide';
import { ageOn } from '../patients/presenters';
import { clinicProtocol } from '../protocol/load';
import { localDateOf } from '../../lib/zoned';
import { dischargeFor, type StoredDischarge } from './evaluate';
import { sessionView } from './load-view';
import { loadBundle, loadSession, lockSession, type SessionRow } from './repo';
import { DischargeAnswers, DischargeIn, Id, StateChange } from './schemas';
import { applyTransition } from './transition';
import { SessionOut } from './view';
import { recordAudit } from '../../audit/record';

const CAN_DISCHARGE = new Set(['monitoring', 'ready_for_discharge']);

async function closeAppointment(tx: Tx, s: SessionRow, status: 'completed' | 'cancelled', reason: string | null, userId: string, now: Date): Promise<void> {
  await tx.update(appointments).set({ status, statusReason: reason, statusChangedAt: now, statusChangedBy: userId, updatedAt: now }).where(eq(appointments.id, s.appointmentId));
}

export const checkDischargeRoute = defineRoute({
  method: 'PUT',
  url: '/api/sessions/:id/discharge',
  access: { action: 'session.chart' },
  summary: 'Save the discharge checklist; the session shows ready for discharge while the clinical core says ready (and goes back to monitoring if not)',
  tags: ['Treatment sessions'],
  schema: { params: Id, body: DischargeAnswers, response: { 200: SessionOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const s = await loadSession(deps, me, meta, params.id);
    if (!CAN_DISCHARGE.has(s.state)) {
      throw conflict(`This session is ${s.state.replace(/_/g, ' ')}: the discharge check starts once the dose is complete.`);
    }
    const b = await loadBundle(deps, me, meta, s);
    const result = dischargeFor(b, body, clinicProtocol(b.clinic).protocol, now, ageOn(b.patient.dateOfBirth, localDateOf(now, b.clinic.timeZone)));
    const updated = await deps.db.transaction(async (tx) => {
      let locked = await lockSession(tx, s.id);
      const stored: StoredDischarge = { answers: body, result: { ready: result?.ready ?? false, codes: (result?.reasons ?? []).map((r) => r.code) } };
      await tx.update(treatmentSessions).set({ discharge: stored, updatedAt: now }).where(eq(treatmentSessions.id, s.id));
      locked = { ...locked, discharge: stored };
      if (result?.ready === true && locked.state === 'monitoring') {
        return applyTransition(tx, locked, { to: 'ready_for_discharge', actor: me, meta, now });
      }
      if (result?.ready !== true && locked.state === 'ready_for_discharge') {
        return applyTransition(tx, locked, { to: 'monitoring', actor: me, meta, now, reason: 'Discharge criteria no longer met' });
      }
      await recordAudit(tx, { action: 'session.discharge_checked', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'treatment_session', resourceId: s.id, patientId: s.patientId, details: { ready: result?.ready ?? false }, meta, at: now });
      return locked;
    });
    return sessionView(deps, me, meta, updated);
  },
});

export const dischargeRoute = defineRoute({
  method: 'POST',
  url: '/api/sessions/:id/discharge',
  access: { action: 'session.chart' },
  summary: 'Discharge the patient: only when the clinical core says ready, or by a prescriber override with a reason',
  tags: ['Treatment sessions'],
  schema: { params: Id, body: DischargeIn, response: { 200: SessionOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const s = await loadSession(deps, me, meta, params.id);
    if (!CAN_DISCHARGE.has(s.state)) {
      throw conflict(`This session is ${s.state.replace(/_/g, ' ')}: it cannot be discharged now.`);
    }
    const b = await loadBundle(deps, me, meta, s);
    const { overrideReason, ...answers } = body;
    const result = dischargeFor(b, answers, clinicProtocol(b.clinic).protocol, now, ageOn(b.patient.dateOfBirth, localDateOf(now, b.clinic.timeZone)));
    if (result === null) {
      throw conflict('No dose has been started.');
    }
    let override: StoredDischarge['override'];
    if (!result.ready) {
      if (!can(me.role, 'session.override') || (overrideReason ?? '').length < MIN_OVERRIDE_REASON) {
        throw new AppError('RULE_BLOCKED', {
          detail: `Not ready for discharge: ${result.reasons.map((r) => r.message).join(' ')}${can(me.role, 'session.override') ? ` To discharge anyway, write the reason (at least ${MIN_OVERRIDE_REASON} characters).` : ' Only a prescriber can discharge before the criteria are met.'}`,
          extra: { findings: result.reasons.map(presentFinding) },
        });
      }
      override = { by: me.userId, reason: overrideReason ?? '', codes: result.reasons.map((r) => r.code) };
    }
    const updated = await deps.db.transaction(async (tx) => {
      let locked = await lockSession(tx, s.id);
      if (!CAN_DISCHARGE.has(locked.state)) {
        throw conflict('The session changed a moment ago; reload.');
      }
      const stored: StoredDischarge = { answers, result: { ready: result.ready, codes: result.reasons.map((r) => r.code) }, ...(override === undefined ? {} : { override }) };
      if (locked.state === 'monitoring') {
        locked = await applyTransition(tx, locked, { to: 'ready_for_discharge', actor: me, meta, now, ...(override === undefined ? {} : { reason: 'Prescriber override' }) });
      }
      const row = await applyTransition(tx, locked, { to: 'discharged', actor: me, meta, now, set: { discharge: stored, dischargedAt: now, dischargedBy: me.userId }, details: { override: override !== undefined } });
      await closeAppointment(tx, s, 'completed', null, me.userId, now);
      return row;
    });
    return sessionView(deps, me, meta, updated);
  },
});

export const stateChangeRoute = defineRoute({
  method: 'POST',
  url: '/api/sessions/:id/state',
  access: { action: 'session.chart' },
  summary: 'Cancel (before the dose), stop early, or return to monitoring — each with a reason where the state machine requires one',
  tags: ['Treatment sessions'],
  schema: { params: Id, body: StateChange, response: { 200: SessionOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const s = await loadSession(deps, me, meta, params.id);
    const updated = await deps.db.transaction(async (tx) => {
      const locked = await lockSession(tx, s.id);
      const row = await applyTransition(tx, locked, { to: body.to, reason: body.reason, actor: me, meta, now, ...(body.to === 'stopped_early' && locked.doseStartedAt !== null && locked.doseEndedAt === null ? { set: { doseEndedAt: now } } : {}) });
      if (body.to === 'cancelled') {
        await closeAppointment(tx, s, 'cancelled', body.reason ?? null, me.userId, now);
      } else if (body.to === 'stopped_early') {
        await closeAppointment(tx, s, 'completed', null, me.userId, now);
      }
      return row;
    });
    return sessionView(deps, me, meta, updated);
  },
});
