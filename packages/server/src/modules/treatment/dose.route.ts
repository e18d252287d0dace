import { checkDeviceTimes } from '@ketapath/clinical';
import { eq } from 'drizzle-orm';
import { sessionAdministrations } from '../../db/schema';
import { AppError, conflict, type FieldIssue } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { can } from '../../policy/policy';
import { presentFinding } from '../../lib/findings';
import { findingKey, MIN_OVERRIDE_REASON } from '../eligibility/decide';
import { clinicProtocol } from '../protocol/load';
import { ledgerInUse, writeAdministration } from './administer';
import { sessionDose } from './dose-compute';
import type { StoredDose } from './evaluate';
import { sessionView } from './load-view';
import { loadBundle, loadSession, lockSession } from './repo';
import { DeviceGiven, DoseStart, DoseStop, Id } from './schemas';
import { applyTransition } from './transition';
import { SessionOut } from './view';
import { refreshPatientOutcomes } from '../outcomes/summaries';

const ESKETAMINE_DEVICE_MG = 28;

export const startDoseRoute = defineRoute({
  method: 'POST',
  url: '/api/sessions/:id/dose/start',
  access: { action: 'session.chart' },
  summary: "Start the dose: recomputed from today's weight by the clinical core, recorded with its drug, strength, lot and expiry (and in the controlled-drug register)",
  description: 'Esketamine: this records the first device. A dose different from the plan needs a prescriber and a reason; override findings need a prescriber and a reason each.',
  tags: ['Treatment sessions'],
  schema: { params: Id, body: DoseStart, response: { 200: SessionOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const s = await loadSession(deps, me, meta, params.id);
    if (s.state !== 'predose_passed') {
      throw conflict(`This session is ${s.state.replace(/_/g, ' ')}: pass the pre-dose checks before the dose.`);
    }
    const b = await loadBundle(deps, me, meta, s);
    const { dose, changed, weightKg, computed } = await sessionDose(deps, s, b, { dose: body.dose, weightKg: body.weightKg, containerId: body.administration.containerId }, now);
    if (!computed.ok || computed.dose === null) {
      const missing = weightKg === null ? "Record today's weight: the dose is per kilogram." : 'Enter the stock concentration (mg/mL).';
      throw new AppError('VALIDATION_FAILED', { detail: computed.findings.length === 0 ? missing : computed.findings.map((f) => f.message).join(' '), extra: { findings: computed.findings.map(presentFinding) } });
    }
    if (computed.findings.some((f) => f.severity === 'block')) {
      throw new AppError('RULE_BLOCKED', { detail: computed.findings.filter((f) => f.severity === 'block').map((f) => f.message).join(' '), extra: { findings: computed.findings.map(presentFinding) } });
    }
    const issues: FieldIssue[] = [];
    const needs = computed.findings.filter((f) => f.severity === 'override');
    const given = new Map(body.overrides.map((o) => [findingKey({ code: o.code, field: o.field ?? undefined }), o.reason]));
    needs.forEach((f, i) => {
      if ((given.get(findingKey(f)) ?? '').length < MIN_OVERRIDE_REASON) {
        issues.push({ path: `body.overrides.${i}`, code: f.code, message: `Write the reason for going ahead despite: ${f.message}` });
      }
    });
    if (changed && (body.changeReason ?? '').length < 3) {
      issues.push({ path: 'body.changeReason', message: 'Say why the dose differs from the plan.' });
    }
    if (issues.length > 0) {
      throw new AppError('VALIDATION_FAILED', { fields: issues, extra: { findings: computed.findings.map(presentFinding) } });
    }
    if ((changed || needs.length > 0) && !can(me.role, 'session.override')) {
      throw new AppError('FORBIDDEN', { detail: 'A dose different from the plan, or one with an override finding, must be started by a prescriber.' });
    }
    const a = body.administration;
    if (a.containerId === undefined && (await ledgerInUse(deps.db, me.clinicId, s.route))) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.administration.containerId', message: 'Choose the vial or kit the dose comes from (the controlled-drug register is kept in Ketapath).' }] });
    }
    if (a.containerId === undefined && ((a.lot ?? '') === '' || a.expiry === undefined)) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.administration.lot', message: 'Enter the lot number and expiry date.' }] });
    }
    const detail = computed.dose.detail as StoredDose['detail'];
    const doseMg = detail.doseMg ?? 0;
    const esk = s.route === 'esketamine_nasal';
    const startedAt = a.startedAt === undefined ? now : new Date(a.startedAt);
    const instant = s.route === 'im' || s.route === 'oral' || s.route === 'sublingual' || (esk && (detail.devices ?? 1) <= 1);
    const stored: StoredDose = { summary: computed.dose.summary, working: [...computed.dose.working], detail, findings: computed.findings.map(presentFinding), weightKg, changedFromPlan: changed ? { reason: body.changeReason ?? '', by: me.userId } : null };
    const updated = await deps.db.transaction(async (tx) => {
      const locked = await lockSession(tx, s.id);
      if (locked.state !== 'predose_passed') {
        throw conflict('The dose was started by someone else a moment ago.');
      }
      await writeAdministration(tx, deps, locked, me, meta, now, {
        containerId: a.containerId,
        concentrationMgPerMl: a.concentrationMgPerMl ?? dose.stockConcentrationMgPerMl,
        lot: a.lot,
        expiry: a.expiry,
        volumeMl: a.volumeMl ?? (esk ? undefined : (detail as { drawnVolumeMl?: number }).drawnVolumeMl ?? detail.volumeMl),
        doseMg: esk ? ESKETAMINE_DEVICE_MG : doseMg,
        deviceNumber: esk ? 1 : null,
        startedAt,
        stoppedAt: instant && !esk ? startedAt : null,
      });
      let row = await applyTransition(tx, locked, { to: 'dosing', actor: me, meta, now, set: { dose: stored, doseStartedAt: startedAt, weightKg }, details: { doseMg, changedFromPlan: changed, overrides: needs.length } });
      await refreshPatientOutcomes(tx, me.clinicId, locked.patientId, clinicProtocol(b.clinic).protocol);
      if (instant) {
        row = await applyTransition(tx, row, { to: 'monitoring', actor: me, meta, now, set: { doseEndedAt: startedAt } });
      }
      return row;
    });
    return sessionView(deps, me, meta, updated);
  },
});

export const deviceRoute = defineRoute({
  method: 'POST',
  url: '/api/sessions/:id/devices',
  access: { action: 'session.chart' },
  summary: 'Esketamine: record the next nasal device (at least the protocol spacing after the previous one)',
  tags: ['Treatment sessions'],
  schema: { params: Id, body: DeviceGiven, response: { 200: SessionOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const s = await loadSession(deps, me, meta, params.id);
    if (s.route !== 'esketamine_nasal' || s.state !== 'dosing') {
      throw conflict('Devices are recorded while an esketamine session is dosing.');
    }
    const b = await loadBundle(deps, me, meta, s);
    const { protocol } = clinicProtocol(b.clinic);
    const planned = (s.dose as StoredDose | null)?.detail.devices ?? 0;
    const given = b.administrations.filter((x) => x.deviceNumber !== null);
    if (given.length >= planned) {
      throw conflict(`All ${planned} planned devices have been given.`);
    }
    const at = body.givenAt === undefined ? now : new Date(body.givenAt);
    const spacing = checkDeviceTimes([...given.map((g) => g.startedAt.toISOString()), at.toISOString()], protocol);
    if (spacing.length > 0) {
      throw new AppError('RULE_BLOCKED', { detail: spacing.map((f) => f.message).join(' '), extra: { findings: spacing.map(presentFinding) } });
    }
    const previous = given.at(-1);
    if (body.containerId === undefined && (await ledgerInUse(deps.db, me.clinicId, s.route))) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.containerId', message: 'Choose the kit the device comes from.' }] });
    }
    const updated = await deps.db.transaction(async (tx) => {
      const locked = await lockSession(tx, s.id);
      const count = (await tx.select({ id: sessionAdministrations.id }).from(sessionAdministrations).where(eq(sessionAdministrations.sessionId, s.id))).length;
      if (count !== given.length) {
        throw conflict('Another device was recorded a moment ago; reload.');
      }
      await writeAdministration(tx, deps, locked, me, meta, now, {
        containerId: body.containerId,
        lot: body.lot ?? previous?.lot ?? undefined,
        expiry: body.expiry ?? previous?.expiry ?? undefined,
        doseMg: ESKETAMINE_DEVICE_MG,
        deviceNumber: given.length + 1,
        startedAt: at,
        stoppedAt: null,
      });
      if (given.length + 1 >= planned) {
        return applyTransition(tx, locked, { to: 'monitoring', actor: me, meta, now, set: { doseEndedAt: at }, details: { devices: planned } });
      }
      return locked;
    });
    return sessionView(deps, me, meta, updated);
  },
});

export const stopDoseRoute = defineRoute({
  method: 'POST',
  url: '/api/sessions/:id/dose/stop',
  access: { action: 'session.chart' },
  summary: 'IV: the infusion has ended (or was stopped); monitoring continues',
  tags: ['Treatment sessions'],
  schema: { params: Id, body: DoseStop, response: { 200: SessionOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const s = await loadSession(deps, me, meta, params.id);
    if (s.state !== 'dosing' || s.route !== 'iv') {
      throw conflict('Only a running infusion can be stopped here.');
    }
    const at = body.stoppedAt === undefined ? now : new Date(body.stoppedAt);
    if (s.doseStartedAt !== null && at < s.doseStartedAt) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.stoppedAt', message: 'The infusion cannot end before it started.' }] });
    }
    const updated = await deps.db.transaction(async (tx) => {
      const locked = await lockSession(tx, s.id);
      await tx
        .update(sessionAdministrations)
        .set({ stoppedAt: at, ...(body.volumeMl === undefined ? {} : { volumeMl: body.volumeMl }) })
        .where(eq(sessionAdministrations.sessionId, s.id));
      return applyTransition(tx, locked, { to: 'monitoring', actor: me, meta, now, set: { doseEndedAt: at }, ...(body.reason === undefined ? {} : { details: { note: 'stopped before the planned end' } }) });
    });
    return sessionView(deps, me, meta, updated);
  },
});

export const doseRoutes = [startDoseRoute, deviceRoute, stopDoseRoute];
