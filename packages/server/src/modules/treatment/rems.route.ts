import { monitoringFormStatus } from '@ketapath/clinical';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit, recordAuditStandalone } from '../../audit/record';
import { patients, remsFormSubmissions, treatmentSessions } from '../../db/schema';
import { AppError, conflict } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { renderTablePdf } from '../../lib/pdf-table';
import { localDateOf } from '../../lib/zoned';
import { loadClinic } from '../clinic/load';
import { displayName, formatMrn } from '../patients/presenters';
import { clinicProtocol } from '../protocol/load';
import { auditPatientRead } from '../patients/repo';
import { monitoringFormRecords } from './facts';
import { sessionView } from './load-view';
import { loadSession } from './repo';
import { Id, RemsSubmissionIn } from './schemas';
import { SessionOut } from './view';

const FormRowOut = z.object({
  sessionId: z.string(),
  patient: z.object({ id: z.string(), displayName: z.string(), mrn: z.string() }),
  sessionDate: z.string(),
  deadline: z.string(),
  status: z.enum(['pending', 'overdue', 'submitted', 'submitted_late']),
  /** The session's state: a submission can be recorded once the session has ended. */
  sessionState: z.string(),
  daysLeft: z.number().int(),
  confirmationNumber: z.string().nullable(),
});

export const remsComplianceRoute = defineRoute({
  method: 'GET',
  url: '/api/rems/monitoring-forms',
  access: { action: 'rems.read' },
  summary: 'REMS Patient Monitoring Forms: due within the window, overdue, or submitted (with confirmation number)',
  tags: ['REMS'],
  schema: { querystring: z.object({ status: z.enum(['open', 'overdue', 'submitted', 'all']).default('open') }), response: { 200: z.object({ deadlineDays: z.number().int(), today: z.string(), forms: z.array(FormRowOut) }) } },
  async handler({ query, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const clinic = await loadClinic(deps.db, me.clinicId);
    const { protocol } = clinicProtocol(clinic);
    const today = localDateOf(now, clinic.timeZone);
    const records = await monitoringFormRecords(deps.db, { clinicId: me.clinicId }, clinic.timeZone);
    const statuses = monitoringFormStatus(records, today, protocol).forms;
    const sessionRows = records.length === 0 ? [] : await deps.db.select({ id: treatmentSessions.id, patientId: treatmentSessions.patientId, state: treatmentSessions.state }).from(treatmentSessions).where(inArray(treatmentSessions.id, records.map((r) => r.sessionId)));
    const patientIds = [...new Set(sessionRows.map((r) => r.patientId))];
    const people = patientIds.length === 0 ? [] : await deps.db.select().from(patients).where(inArray(patients.id, patientIds));
    const bySession = new Map(sessionRows.map((r) => [r.id, people.find((p) => p.id === r.patientId)]));
    const stateOf = new Map(sessionRows.map((r) => [r.id, r.state]));
    const forms = records
      .map((r, i) => {
        const st = statuses[i];
        const p = bySession.get(r.sessionId);
        const daysLeft = st === undefined ? 0 : Math.round((Date.parse(`${st.deadline}T12:00:00Z`) - Date.parse(`${today}T12:00:00Z`)) / 86_400_000);
        return { sessionId: r.sessionId, patient: p === undefined ? { id: '', displayName: 'Unknown', mrn: '' } : { id: p.id, displayName: displayName(p), mrn: formatMrn(p.mrn) }, sessionDate: r.sessionDate, deadline: st?.deadline ?? r.sessionDate, status: st?.status ?? 'pending', sessionState: stateOf.get(r.sessionId) ?? 'unknown', daysLeft, confirmationNumber: r.confirmationNumber };
      })
      .filter((f) => query.status === 'all' || (query.status === 'open' ? f.status === 'pending' || f.status === 'overdue' : query.status === 'overdue' ? f.status === 'overdue' : f.status.startsWith('submitted')))
      .sort((a, b) => a.deadline.localeCompare(b.deadline));
    await recordAuditStandalone(deps.db, { action: 'rems.forms_listed', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'rems_monitoring_forms', details: { rows: forms.length, patients: forms.length === 0 ? [] : [...new Set(forms.map((f) => f.patient.id))] }, meta, at: now });
    return { deadlineDays: protocol.rems.pmfSubmissionDays, today, forms };
  },
});

export const remsSubmissionRoute = defineRoute({
  method: 'POST',
  url: '/api/sessions/:id/rems-form/submission',
  access: { action: 'rems.submit' },
  summary: 'Record that the REMS Patient Monitoring Form was submitted (date, online or fax, confirmation number); the submitted content is kept',
  tags: ['REMS'],
  schema: { params: Id, body: RemsSubmissionIn, response: { 200: SessionOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const s = await loadSession(deps, me, meta, params.id);
    if (s.route !== 'esketamine_nasal' || s.doseStartedAt === null) {
      throw conflict('Only dosed esketamine sessions have a REMS Patient Monitoring Form.');
    }
    if (s.state !== 'discharged' && s.state !== 'signed' && s.state !== 'stopped_early') {
      throw conflict('Submit the form once the session has ended.');
    }
    const view = await sessionView(deps, me, meta, s);
    if (view.rems?.submission !== null) {
      throw conflict('The form was already recorded as submitted.');
    }
    const clinic = await loadClinic(deps.db, me.clinicId);
    const today = localDateOf(now, clinic.timeZone);
    if (body.submittedOn > today || body.submittedOn < localDateOf(s.doseStartedAt, clinic.timeZone)) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.submittedOn', message: 'The submission date is between the session date and today.' }] });
    }
    await deps.db.transaction(async (tx) => {
      await tx.insert(remsFormSubmissions).values({ sessionId: s.id, clinicId: me.clinicId, content: view.rems?.fields ?? [], submittedOn: body.submittedOn, method: body.method, confirmationNumber: body.confirmationNumber === undefined || body.confirmationNumber === '' ? null : body.confirmationNumber, submittedBy: me.userId, recordedAt: now });
      await recordAudit(tx, { action: 'rems.form_submitted', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'treatment_session', resourceId: s.id, patientId: s.patientId, details: { method: body.method }, meta, at: now });
    });
    return sessionView(deps, me, meta, s);
  },
});

export const remsPdfRoute = defineRoute({
  method: 'GET',
  url: '/api/sessions/:id/rems-form.pdf',
  access: { action: 'rems.read' },
  summary: 'The REMS Patient Monitoring Form content as PDF (to print, fax or copy into SPRAVATOrems.com)',
  tags: ['REMS'],
  schema: { params: Id, response: { 200: z.unknown() } },
  async handler({ params, deps, actor, meta, reply }) {
    const me = actor();
    const s = await loadSession(deps, me, meta, params.id);
    const view = await sessionView(deps, me, meta, s);
    if (view.rems === null || s.doseStartedAt === null) {
      throw conflict('Only dosed esketamine sessions have a REMS Patient Monitoring Form.');
    }
    const clinic = await loadClinic(deps.db, me.clinicId);
    const pdf = await renderTablePdf({
      title: 'SPRAVATO REMS Patient Monitoring Form — content',
      subject: 'REMS Patient Monitoring Form',
      subtitle: [`${clinic.name} · session of ${localDateOf(s.doseStartedAt, clinic.timeZone)} · ${view.patient.displayName} (${view.patient.mrn})`, view.rems.complete ? 'Every required field is filled from the session record.' : 'SOME REQUIRED FIELDS ARE EMPTY: complete them on the form.'],
      columns: [
        { header: 'Section', width: 14 },
        { header: 'Question', width: 46 },
        { header: 'Answer', width: 40 },
      ],
      rows: view.rems.fields.map((f) => ({ cells: [f.section, `${f.label}${f.required ? ' *' : ''}`, f.value ?? '(not recorded)'], flagged: f.required && f.value === null })),
      footnotes: [
        '* required. Submit within 7 days of the session at SPRAVATOrems.com or by fax to 1-877-778-0091 (reference §4).',
        'The wording of the sedation, dissociation and respiratory-depression section could not be confirmed against the current form: check it before submitting.',
        ...(view.rems.submission === null ? [] : [`Recorded as submitted on ${view.rems.submission.submittedOn} (${view.rems.submission.method})${view.rems.submission.confirmationNumber === null ? '' : `, confirmation ${view.rems.submission.confirmationNumber}`}.`]),
      ],
      documentDate: s.dischargedAt ?? s.doseStartedAt,
      footer: `${clinic.name} · REMS Patient Monitoring Form`,
    });
    await auditPatientRead(deps, me, meta, s.patientId, 'rems_form_pdf');
    return reply.code(200).header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="rems-monitoring-form-${localDateOf(s.doseStartedAt, clinic.timeZone)}.pdf"`).send(Buffer.from(pdf));
  },
});
