import { INSTRUMENT_IDS } from '@ketapath/clinical';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { patients } from '../../db/schema';
import { conflict, notFound } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { loadClinic } from '../clinic/load';
import { InstrumentOut, presentInstrument } from '../instruments/instruments.route';
import { acceptedDueKey, loadDue } from '../questionnaires/due';
import { fileResponse } from '../questionnaires/file';
import { DueOut, presentDue } from '../questionnaires/presenters';
import { CrisisLineOut, crisisLineFor } from '../risk/crisis';

export const portalInstrumentRoute = defineRoute({
  method: 'GET',
  url: '/api/portal/instruments/:instrumentId',
  access: { portal: 'portal.questionnaire' },
  summary: 'A questionnaire’s items and answer options, for the patient to fill in',
  tags: ['Patient portal'],
  schema: { params: z.object({ instrumentId: z.enum(INSTRUMENT_IDS) }), response: { 200: InstrumentOut } },
  async handler({ params }) {
    return Promise.resolve(presentInstrument(params.instrumentId));
  },
});

export const portalSubmitRoute = defineRoute({
  method: 'POST',
  url: '/api/portal/questionnaires',
  access: { portal: 'portal.questionnaire' },
  summary: 'The patient completes a questionnaire that is due for them',
  description: 'Scored by the clinical core and filed to the chart. A positive suicide screen shows crisis resources at once and raises an alert to the clinic’s on-call clinicians.',
  tags: ['Patient portal'],
  schema: {
    body: z.object({ instrument: z.enum(INSTRUMENT_IDS), answers: z.record(z.string().max(40), z.union([z.number(), z.boolean(), z.null()])), dueKey: z.string().max(120).nullish() }),
    response: { 201: z.object({ showCrisisResources: z.boolean(), crisisLine: CrisisLineOut, clinicAlerted: z.boolean(), due: z.array(DueOut) }) },
  },
  async handler({ body, deps, patient, meta }) {
    const me = patient();
    const clinic = await loadClinic(deps.db, me.clinicId);
    const [p] = await deps.db.select().from(patients).where(and(eq(patients.id, me.patientId), eq(patients.clinicId, me.clinicId)));
    if (p === undefined) {
      throw notFound('patient');
    }
    const now = deps.clock.now();
    const due = await loadDue(deps.db, clinic, p.id, now);
    const dueKey = acceptedDueKey(due, body.instrument, body.dueKey);
    if (dueKey === null) {
      throw conflict('This questionnaire is not due for you at the moment.');
    }
    const filed = await deps.db.transaction((tx) => fileResponse(tx, deps, { clinic, patient: p, instrument: body.instrument, answers: body.answers, source: 'portal', dueKey, completedAt: now, enteredBy: null, actor: { userId: me.accountId, role: 'patient' }, meta }));
    return { showCrisisResources: filed.signal.showCrisisResources, crisisLine: crisisLineFor(clinic), clinicAlerted: filed.riskAlertId !== null, due: (await loadDue(deps.db, clinic, p.id, deps.clock.now())).map(presentDue) };
  },
});
