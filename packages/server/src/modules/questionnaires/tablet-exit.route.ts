import { z } from 'zod';
import { recordAuditStandalone } from '../../audit/record';
import { Reauth, verifyReauth } from '../../auth/reauth';
import { defineRoute } from '../../http/route';
import { loadPatient } from '../patients/repo';

/**
 * Leaving "hand the tablet to the patient": the staff member proves who they are again, so a patient holding the
 * tablet cannot go back to the chart. Failures count towards the lockout and are audited (verifyReauth).
 */
export const tabletExitRoute = defineRoute({
  method: 'POST',
  url: '/api/patients/:id/tablet/exit',
  access: { action: 'questionnaire.tablet' },
  summary: 'Staff take the tablet back from the patient (confirm with your password)',
  tags: ['Questionnaires'],
  schema: { params: z.object({ id: z.uuid() }), body: Reauth, response: { 200: z.object({ returned: z.literal(true) }) } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const method = await verifyReauth(deps, me, meta, body, 'questionnaire.tablet_exit');
    await recordAuditStandalone(deps.db, { action: 'questionnaire.tablet_returned', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'patient', resourceId: p.id, patientId: p.id, details: { method }, meta, at: deps.clock.now() });
    return { returned: true as const };
  },
});
