/**
 * US Spravato REMS requirements, versioned by effective date (reference §4: "version REMS rules by effective
 * date"), and Patient Monitoring Form deadlines.
 */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import { SOURCES } from '../findings/sources.js';
import type { SourceRef } from '../findings/types.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { addDays, dayNumber, type LocalDate } from '../time/local-date.js';

export interface RemsVersion {
  readonly effectiveFrom: LocalDate;
  readonly prescriberOnSite: boolean;
  readonly pulseOximeterOnSite: boolean;
  readonly patientEnrolment: boolean;
  readonly respiratoryDepressionMonitoring: boolean;
  readonly source: SourceRef;
}

/** Known REMS page versions, oldest first. */
export const REMS_VERSIONS: readonly RemsVersion[] = [
  { effectiveFrom: '2019-06-25', prescriberOnSite: true, pulseOximeterOnSite: false, patientEnrolment: true, respiratoryDepressionMonitoring: false, source: SOURCES.rems_2019 },
  { effectiveFrom: '2024-12-31', prescriberOnSite: true, pulseOximeterOnSite: true, patientEnrolment: true, respiratoryDepressionMonitoring: true, source: SOURCES.rems_2024 },
];

/** REMS requirements in force on `date` (the earliest known version for earlier dates). */
export function remsRequirementsAt(date: LocalDate): RemsVersion {
  const day = dayNumber(date) ?? Number.POSITIVE_INFINITY;
  let current = REMS_VERSIONS[0] as RemsVersion;
  for (const v of REMS_VERSIONS) {
    if ((dayNumber(v.effectiveFrom) ?? 0) <= day) {
      current = v;
    }
  }
  return current;
}

export interface MonitoringFormRecord {
  readonly sessionId: string;
  readonly sessionDate: LocalDate;
  /** Date submitted; absent = not yet submitted. */
  readonly submittedOn?: LocalDate;
}

export interface MonitoringFormStatus {
  readonly sessionId: string;
  readonly deadline: LocalDate;
  readonly status: 'submitted' | 'submitted_late' | 'pending' | 'overdue';
}

/** Patient Monitoring Form deadlines (calendar days after the session) and overdue findings. */
export function monitoringFormStatus(records: readonly MonitoringFormRecord[], today: LocalDate, protocol: ProtocolSettings): { forms: MonitoringFormStatus[]; findings: Finding[] } {
  const days = protocol.rems.pmfSubmissionDays;
  const findings: Finding[] = [];
  const todayN = dayNumber(today) ?? 0;
  const forms = records.map((r): MonitoringFormStatus => {
    const deadline = dayNumber(r.sessionDate) === null ? r.sessionDate : addDays(r.sessionDate, days);
    const deadlineN = dayNumber(deadline) ?? 0;
    if (r.submittedOn !== undefined) {
      return { sessionId: r.sessionId, deadline, status: (dayNumber(r.submittedOn) ?? 0) > deadlineN ? 'submitted_late' : 'submitted' };
    }
    if (todayN > deadlineN) {
      findings.push(finding('REMS_PMF_OVERDUE', `REMS Patient Monitoring Form for the ${r.sessionDate} session was due by ${deadline}.`, { field: `monitoringForms.${r.sessionId}`, value: r.sessionDate, limit: deadline, action: 'Submit the form now (SPRAVATOrems.com or fax).' }));
      return { sessionId: r.sessionId, deadline, status: 'overdue' };
    }
    return { sessionId: r.sessionId, deadline, status: 'pending' };
  });
  return { forms, findings };
}
