import { INSTRUMENT_IDS } from '@ketapath/clinical';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { questionnaireResponses } from '../../db/schema';
import { conflict } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { loadClinic } from '../clinic/load';
import { auditPatientRead, loadPatient } from '../patients/repo';
import { CrisisLineOut, crisisLineFor } from '../risk/crisis';
import { acceptedDueKey, loadDue } from './due';
import { fileResponse } from './file';
import { DueOut, presentDue, presentResponse, ResponseOut } from './presenters';
import { tabletExitRoute, tabletHandOverRoute } from './tablet-exit.route';

const Id = z.object({ id: z.uuid() });
const Answers = z.record(z.string().max(40), z.union([z.number(), z.boolean(), z.null()]));
const Submit = z.object({ instrument: z.enum(INSTRUMENT_IDS), answers: Answers, dueKey: z.string().max(120).nullish() });
const Filed = z.object({ response: ResponseOut, showCrisisResources: z.boolean(), crisisLine: CrisisLineOut, riskAlertRaised: z.boolean() });

export const patientQuestionnairesRoute = defineRoute({
  method: 'GET',
  url: '/api/patients/:id/questionnaires',
  access: { action: 'questionnaire.read' },
  summary: "A patient's questionnaires: due now (from the plan's measurement plan) and every completed one with score, band and flags",
  tags: ['Questionnaires'],
  schema: { params: Id, response: { 200: z.object({ due: z.array(DueOut), responses: z.array(ResponseOut) }) } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const clinic = await loadClinic(deps.db, me.clinicId);
    const rows = await deps.db.select().from(questionnaireResponses).where(eq(questionnaireResponses.patientId, p.id)).orderBy(desc(questionnaireResponses.completedAt)).limit(500);
    await auditPatientRead(deps, me, meta, p.id, 'questionnaires');
    return { due: (await loadDue(deps.db, clinic, p.id, deps.clock.now())).map(presentDue), responses: rows.map(presentResponse) };
  },
});

export const recordQuestionnaireRoute = defineRoute({
  method: 'POST',
  url: '/api/patients/:id/questionnaires',
  access: { action: 'questionnaire.record' },
  summary: 'Enter a questionnaire on the patient’s behalf (scored by the clinical core; a positive suicide screen raises a risk alert)',
  tags: ['Questionnaires'],
  schema: { params: Id, body: Submit.extend({ completedAt: z.iso.datetime({ offset: true }).optional() }), response: { 201: Filed } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const clinic = await loadClinic(deps.db, me.clinicId);
    const now = deps.clock.now();
    const completedAt = body.completedAt === undefined ? now : new Date(body.completedAt);
    const due = await loadDue(deps.db, clinic, p.id, now);
    const filed = await deps.db.transaction((tx) =>
      fileResponse(tx, deps, { clinic, patient: p, instrument: body.instrument, answers: body.answers, source: 'clinician', dueKey: acceptedDueKey(due, body.instrument, body.dueKey), completedAt: completedAt > now ? now : completedAt, enteredBy: me.userId, actor: me, meta }),
    );
    const [row] = await deps.db.select().from(questionnaireResponses).where(eq(questionnaireResponses.id, filed.id));
    return { response: presentResponse(row as typeof questionnaireResponses.$inferSelect), showCrisisResources: filed.signal.showCrisisResources, crisisLine: crisisLineFor(clinic), riskAlertRaised: filed.riskAlertId !== null };
  },
});

const TabletOut = z.object({ firstName: z.string(), due: z.array(DueOut), crisisLine: CrisisLineOut });

export const tabletRoute = defineRoute({
  method: 'GET',
  url: '/api/patients/:id/tablet',
  access: { action: 'questionnaire.tablet', tablet: true },
  summary: 'Hand-the-tablet mode: the questionnaires this patient has due (no scores, no other record)',
  tags: ['Questionnaires'],
  schema: { params: Id, response: { 200: TabletOut } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const clinic = await loadClinic(deps.db, me.clinicId);
    await auditPatientRead(deps, me, meta, p.id, 'tablet_questionnaires');
    return { firstName: p.preferredName ?? p.legalFirstName, due: (await loadDue(deps.db, clinic, p.id, deps.clock.now())).map(presentDue), crisisLine: crisisLineFor(clinic) };
  },
});

export const tabletSubmitRoute = defineRoute({
  method: 'POST',
  url: '/api/patients/:id/tablet/questionnaires',
  access: { action: 'questionnaire.tablet', tablet: true },
  summary: 'The patient completes a due questionnaire on a clinic tablet (filed as source "tablet")',
  description: 'Only questionnaires due for this patient are accepted. The answer tells the tablet whether to show crisis resources; it carries no score.',
  tags: ['Questionnaires'],
  schema: { params: Id, body: Submit, response: { 201: z.object({ showCrisisResources: z.boolean(), crisisLine: CrisisLineOut, due: z.array(DueOut) }) } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const clinic = await loadClinic(deps.db, me.clinicId);
    const now = deps.clock.now();
    const due = await loadDue(deps.db, clinic, p.id, now);
    const dueKey = acceptedDueKey(due, body.instrument, body.dueKey);
    if (dueKey === null) {
      throw conflict('This questionnaire is not due for this patient.');
    }
    const filed = await deps.db.transaction((tx) => fileResponse(tx, deps, { clinic, patient: p, instrument: body.instrument, answers: body.answers, source: 'tablet', dueKey, completedAt: now, enteredBy: me.userId, actor: me, meta }));
    return { showCrisisResources: filed.signal.showCrisisResources, crisisLine: crisisLineFor(clinic), due: (await loadDue(deps.db, clinic, p.id, deps.clock.now())).map(presentDue) };
  },
});

export const questionnaireRoutes = [patientQuestionnairesRoute, recordQuestionnaireRoute, tabletRoute, tabletSubmitRoute, tabletHandOverRoute, tabletExitRoute];
