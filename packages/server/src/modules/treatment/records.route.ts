import { randomUUID } from 'node:crypto';
import { adverseEventTerm, checkAdverseEvent, scoreInstrument } from '@ketapath/clinical';
import { recordAudit } from '../../audit/record';
import { adverseEvents, sessionAlerts, sessionAssessments } from '../../db/schema';
import { AppError, conflict } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { presentFinding } from '../../lib/findings';
import { clinicProtocol } from '../protocol/load';
import { loadClinic } from '../clinic/load';
import { acceptedDueKey, loadDue } from '../questionnaires/due';
import { fileResponse } from '../questionnaires/file';
import { loadPatient } from '../patients/repo';
import { notifyBoard } from './board-notify';
import { sessionView } from './load-view';
import { loadSession, lockSession, type SessionRow } from './repo';
import { AdverseEventIn, AssessmentIn, Id } from './schemas';
import { SessionOut } from './view';
import { and, desc, eq, lte } from 'drizzle-orm';

/** Patient questionnaires among the chair's assessments (the rest are observations of the session itself). */
const FILED_TO_CHART: ReadonlySet<string> = new Set(['phq9', 'cssrs_screener', 'gad7', 'urinary_screen', 'misuse_check']);

const OPEN = (s: SessionRow): void => {
  if (s.signedAt !== null || s.state === 'cancelled' || s.state === 'no_show') {
    throw conflict(`This session is ${s.state.replace(/_/g, ' ')}: its record is closed${s.signedAt === null ? '' : '; record an amendment instead'}.`);
  }
};

export const assessmentRoute = defineRoute({
  method: 'POST',
  url: '/api/sessions/:id/assessments',
  access: { action: 'session.chart' },
  summary: 'Record a sedation (MOAA/S), dissociation (CADSS), discharge (PADSS / Aldrete) or pre-dose questionnaire score, scored by the clinical core',
  tags: ['Treatment sessions'],
  schema: { params: Id, body: AssessmentIn, response: { 200: SessionOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const s = await loadSession(deps, me, meta, params.id);
    OPEN(s);
    const takenAt = body.takenAt === undefined ? now : new Date(body.takenAt);
    const clinic = await loadClinic(deps.db, me.clinicId);
    const { protocol } = clinicProtocol(clinic);
    // A patient questionnaire scored at the chair is also filed to the chart: it counts for outcomes, fulfils
    // what was due and, like any other, raises a suicide-risk alert when it calls for one.
    const patient = FILED_TO_CHART.has(body.instrument) ? await loadPatient(deps, me, meta, s.patientId) : undefined;
    const due = patient === undefined ? [] : await loadDue(deps.db, clinic, s.patientId, now);
    let baselineTotal: number | undefined;
    if (body.instrument === 'cadss' && s.doseStartedAt !== null && takenAt > s.doseStartedAt) {
      const [pre] = await deps.db.select({ total: sessionAssessments.total }).from(sessionAssessments).where(and(eq(sessionAssessments.sessionId, s.id), eq(sessionAssessments.instrument, 'cadss'), lte(sessionAssessments.takenAt, s.doseStartedAt))).orderBy(desc(sessionAssessments.takenAt)).limit(1);
      baselineTotal = pre?.total;
    }
    const scored = scoreInstrument(body.instrument, body.answers, { protocol, ...(baselineTotal === undefined ? {} : { baselineTotal }) });
    if (!scored.ok) {
      throw new AppError('VALIDATION_FAILED', { fields: scored.issues.map((i) => ({ path: `body.answers.${i.itemId}`, message: i.message, code: i.code })) });
    }
    const result = scored.result;
    const flags = result.flags.filter((f) => f.severity !== 'info');
    const updated = await deps.db.transaction(async (tx) => {
      const locked = await lockSession(tx, s.id);
      OPEN(locked);
      const id = randomUUID();
      await tx.insert(sessionAssessments).values({ id, clinicId: me.clinicId, sessionId: s.id, instrument: body.instrument, answers: body.answers, total: result.total ?? 0, result: { ...result, flags: result.flags.map(presentFinding) }, takenAt, recordedBy: me.userId, recordedAt: now });
      if (flags.length > 0) {
        await tx.insert(sessionAlerts).values(flags.map((f) => ({ id: randomUUID(), clinicId: me.clinicId, sessionId: s.id, readingId: null, code: f.code, severity: f.severity, message: f.message, field: f.field ?? null, value: f.value === undefined ? null : String(f.value), limit: f.limit === undefined ? null : String(f.limit), action: f.action ?? null, source: f.source, raisedAt: now })));
      }
      if (patient !== undefined) {
        await fileResponse(tx, deps, { clinic, patient, instrument: body.instrument, answers: body.answers, source: 'session', sessionId: s.id, dueKey: acceptedDueKey(due, body.instrument, null), completedAt: takenAt > now ? now : takenAt, enteredBy: me.userId, actor: me, meta });
      }
      await recordAudit(tx, { action: 'session.assessment_recorded', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'session_assessment', resourceId: id, patientId: s.patientId, details: { instrument: body.instrument, flags: flags.length }, meta, at: now });
      await notifyBoard(tx, { k: 'session', c: me.clinicId, s: s.id });
      return locked;
    });
    return sessionView(deps, me, meta, updated);
  },
});

export const adverseEventRoute = defineRoute({
  method: 'POST',
  url: '/api/sessions/:id/adverse-events',
  access: { action: 'session.chart' },
  summary: 'Record an adverse event (term from the reference list, severity, onset, action, outcome); emergencies need the response given',
  tags: ['Treatment sessions'],
  schema: { params: Id, body: AdverseEventIn, response: { 200: SessionOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const s = await loadSession(deps, me, meta, params.id);
    OPEN(s);
    const missing = checkAdverseEvent({ termId: body.term, severity: body.severity, outcome: body.outcome, ...(body.otherText === undefined ? {} : { otherText: body.otherText }), ...(body.responseGiven === undefined ? {} : { responseGiven: body.responseGiven }), ...(body.actionTaken === undefined ? {} : { actionTaken: body.actionTaken }) });
    if (missing.length > 0) {
      throw new AppError('VALIDATION_FAILED', { fields: missing.map((f) => ({ path: `body.${f.field === 'termId' ? 'term' : (f.field ?? 'term')}`, message: f.message, code: f.code })), extra: { findings: missing.map(presentFinding) } });
    }
    const term = adverseEventTerm(body.term);
    const onset = new Date(body.onsetAt);
    if (onset.getTime() > now.getTime() + 60_000) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.onsetAt', message: 'The onset cannot be in the future.' }] });
    }
    const updated = await deps.db.transaction(async (tx) => {
      const locked = await lockSession(tx, s.id);
      OPEN(locked);
      const id = randomUUID();
      await tx.insert(adverseEvents).values({ id, clinicId: me.clinicId, sessionId: s.id, patientId: s.patientId, term: body.term, otherText: body.otherText ?? null, emergency: term?.emergency ?? false, severity: body.severity, onsetAt: onset, actionTaken: body.actionTaken ?? null, responseGiven: body.responseGiven ?? null, outcome: body.outcome, recordedBy: me.userId, recordedAt: now });
      await recordAudit(tx, { action: 'session.adverse_event_recorded', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'adverse_event', resourceId: id, patientId: s.patientId, details: { term: body.term, severity: body.severity, emergency: term?.emergency ?? false }, meta, at: now });
      await notifyBoard(tx, { k: 'session', c: me.clinicId, s: s.id });
      return locked;
    });
    return sessionView(deps, me, meta, updated);
  },
});
