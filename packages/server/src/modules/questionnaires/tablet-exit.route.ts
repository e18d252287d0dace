import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { setTabletPatient } from '../../auth/sessions';
import { Reauth, verifyReauth } from '../../auth/reauth';
import { defineRoute } from '../../http/route';
import { loadPatient } from '../patients/repo';

/**
 * Leaving "hand the tablet to the patient": the staff member proves who they are again, so a patient holding the
 * tablet cannot go back to the chart; the session is unlocked. Failures count towards the lockout and are
 * audited (verifyReauth).
 */
export const tabletExitRoute = defineRoute({
  method: 'POST',
  url: '/api/patients/:id/tablet/exit',
  access: { action: 'questionnaire.tablet', tablet: true },
  summary: 'Staff take the tablet back from the patient (confirm with your password)',
  tags: ['Questionnaires'],
  schema: { params: z.object({ id: z.uuid() }), body: Reauth, response: { 200: z.object({ returned: z.literal(true) }) } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const method = await verifyReauth(deps, me, meta, body, 'questionnaire.tablet_exit');
    await deps.db.transaction(async (tx) => {
      await setTabletPatient(tx, me.sessionId, null);
      await recordAudit(tx, { action: 'questionnaire.tablet_returned', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'patient', resourceId: p.id, patientId: p.id, details: { method }, meta, at: deps.clock.now() });
    });
    return { returned: true as const };
  },
});

/**
 * "Hand the tablet to the patient": from now on this session answers only the patient's tablet routes (in every
 * tab of this browser) until a staff member takes it back with their password (`/tablet/exit`).
 */
export const tabletHandOverRoute = defineRoute({
  method: 'POST',
  url: '/api/patients/:id/tablet/hand-over',
  access: { action: 'questionnaire.tablet', tablet: true },
  summary: 'Hand this device to the patient for their questionnaires (locks the session to them)',
  tags: ['Questionnaires'],
  schema: { params: z.object({ id: z.uuid() }), response: { 200: z.object({ handedTo: z.string() }) } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    await deps.db.transaction(async (tx) => {
      await setTabletPatient(tx, me.sessionId, p.id);
      await recordAudit(tx, { action: 'questionnaire.tablet_handed_over', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'patient', resourceId: p.id, patientId: p.id, meta, at: deps.clock.now() });
    });
    return { handedTo: p.id };
  },
});
