import { ROUTE_LABELS } from '@ketapath/clinical';
import { recordAuditStandalone } from '../../audit/record';
import { defineRoute } from '../../http/route';
import { localDateOf } from '../../lib/zoned';
import { loadClinic } from '../clinic/load';
import { formatMrn } from '../patients/presenters';
import { clinicProtocol } from '../protocol/load';
import { NEEDS_ACTION, patientFollowUp } from './due';
import { followUpFacts } from './facts';
import { loadResults } from './results';
import { WorklistOut } from './schemas';

export const worklistRoute = defineRoute({
  method: 'GET',
  url: '/api/follow-ups',
  access: { action: 'followup.read' },
  summary: 'Long-term safety follow-up worklist: due and overdue items of patients in maintenance, and positive results awaiting the prescriber',
  description: 'Items and their status come from the clinical core (`dueFollowUps`) with the clinic protocol’s intervals. The read is audited.',
  tags: ['Follow-up'],
  schema: { response: { 200: WorklistOut } },
  async handler({ deps, actor, meta }) {
    const me = actor();
    const clinic = await loadClinic(deps.db, me.clinicId);
    const { protocol } = clinicProtocol(clinic);
    const now = deps.clock.now();
    const today = localDateOf(now, clinic.timeZone);
    const facts = await followUpFacts(deps.db, me.clinicId, clinic.timeZone, null);
    const patients = facts.flatMap((f) => {
      const fu = patientFollowUp(f, protocol, now, clinic.timeZone, today);
      const items = fu.items.filter((i) => NEEDS_ACTION.has(i.status));
      if (!fu.inMaintenance || items.length === 0) {
        return [];
      }
      return [
        {
          patientId: f.patientId,
          name: f.displayName,
          mrn: formatMrn(f.mrn),
          route: f.route,
          routeLabel: (ROUTE_LABELS as Readonly<Record<string, string | undefined>>)[f.route] ?? f.route,
          dosedSessions: f.dosedSessions,
          exposureMg: f.exposureMg,
          items: items.map((i) => ({ id: i.id, label: i.label, status: i.status, dueDate: i.dueDate, source: i.source.citation })),
        },
      ];
    });
    const rank = (p: (typeof patients)[number]) => (p.items.some((i) => i.status === 'overdue') ? 0 : p.items.some((i) => i.status === 'baseline_missing') ? 1 : 2);
    patients.sort((a, b) => rank(a) - rank(b));
    const findings = await loadResults(deps.db, me.clinicId, { openOnly: true });
    await recordAuditStandalone(deps.db, { action: 'followup.worklist_viewed', outcome: 'success', clinicId: me.clinicId, actor: me, details: { patients: patients.length, findings: findings.length, patientIds: [...new Set([...patients.map((p) => p.patientId), ...findings.map((f) => f.patientId)])] }, meta, at: now });
    return { asOf: today, patients, findings };
  },
});
