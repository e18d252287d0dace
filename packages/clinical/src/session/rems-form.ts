/**
 * Content of the US Spravato REMS Patient Monitoring Form, filled from a session's record (reference §4 lists
 * the fields of the 11/2021 and 2024 versions). The three BP readings are picked from the session's readings:
 * the last before the first device, the one nearest the post-dose time, and the last before monitoring ends.
 */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { MS_PER_MINUTE, toEpochMs, toIsoUtc, type Instant } from '../time/instant.js';
import type { LocalDate } from '../time/local-date.js';
import { instantToLocal } from '../time/zone.js';

export interface RemsBpReading {
  readonly takenAt: Instant;
  readonly systolic: number;
  readonly diastolic: number;
}

export interface RemsFormInput {
  readonly patient: { readonly firstName: string; readonly lastName: string; readonly middleInitial?: string; readonly dateOfBirth: LocalDate; readonly sex: string };
  readonly firstTreatment: boolean;
  readonly patientEnrolled: boolean;
  /** `null` when the concomitant medicines were not recorded. */
  readonly concomitantMedications: { readonly benzodiazepines: boolean; readonly nonBenzodiazepineSedativeHypnotics: boolean; readonly psychostimulants: boolean; readonly maois: boolean; readonly opioids: boolean } | null;
  readonly monitoringHcp: { readonly name: string; readonly phone?: string; readonly email?: string };
  readonly setting: { readonly name: string; readonly address?: string };
  readonly treatmentDate: LocalDate;
  /** The clinic's IANA time zone, for reading times (UTC when absent). */
  readonly timeZone?: string;
  readonly doseMg: number | null;
  readonly lotNumbers: readonly string[];
  readonly firstDeviceAt: Instant | null;
  readonly monitoringEndedAt: Instant | null;
  /** REMS evaluation question: minutes from the start when the patient would have been ready to leave without the 2-h rule. */
  readonly readyToLeaveMinutes: number | null;
  readonly vitalsAcceptableBeforeAdministration: boolean | null;
  readonly vitalsAcceptableBeforeCompletion: boolean | null;
  readonly bpReadings: readonly RemsBpReading[];
  readonly sedation: boolean;
  readonly dissociation: boolean;
  readonly respiratoryDepression: boolean;
}

export interface RemsFormField {
  readonly section: string;
  readonly id: string;
  readonly label: string;
  readonly value: string | null;
  readonly required: boolean;
  /** Set when the reference could not confirm the exact wording of this part of the form. */
  readonly note?: string;
}

export interface RemsFormContent {
  readonly fields: readonly RemsFormField[];
  readonly durationMinutes: number | null;
  readonly bp: { readonly predose: RemsBpReading | null; readonly postDose: RemsBpReading | null; readonly beforeEnd: RemsBpReading | null };
  readonly findings: readonly Finding[];
  readonly complete: boolean;
}

const yesNo = (v: boolean | null): string | null => (v === null ? null : v ? 'Yes' : 'No');
const clock = (t: Instant, timeZone: string | undefined): string => {
  const ms = toEpochMs(t);
  if (ms === null) {
    return '?';
  }
  return timeZone === undefined ? `${toIsoUtc(ms).slice(11, 16)} UTC` : instantToLocal(ms, timeZone).time;
};
const bpText = (r: RemsBpReading | null, timeZone: string | undefined): string | null => (r === null ? null : `${r.systolic}/${r.diastolic} mmHg at ${clock(r.takenAt, timeZone)}`);
const FINAL_SECTION_NOTE = 'The exact wording of this part of the form is UNCONFIRMED (reference §4): check it against the current form before submitting.';

function pickReadings(readings: readonly RemsBpReading[], firstDevice: number | null, end: number | null, postDoseMinutes: number): RemsFormContent['bp'] {
  const timed = readings.map((r) => ({ r, t: toEpochMs(r.takenAt) })).filter((x): x is { r: RemsBpReading; t: number } => x.t !== null).sort((a, b) => a.t - b.t);
  if (firstDevice === null) {
    return { predose: timed.at(-1)?.r ?? null, postDose: null, beforeEnd: null };
  }
  const before = timed.filter((x) => x.t <= firstDevice);
  const after = timed.filter((x) => x.t > firstDevice && (end === null || x.t <= end));
  const beforeEnd = end === null ? null : (after.at(-1) ?? null);
  const candidates = after.filter((x) => x !== beforeEnd);
  const target = firstDevice + postDoseMinutes * MS_PER_MINUTE;
  let postDose: (typeof candidates)[number] | null = null;
  for (const c of candidates) {
    if (postDose === null || Math.abs(c.t - target) < Math.abs(postDose.t - target)) {
      postDose = c;
    }
  }
  return { predose: before.at(-1)?.r ?? null, postDose: postDose?.r ?? null, beforeEnd: beforeEnd?.r ?? null };
}

/** The form's content and what is missing or out of line. */
export function remsMonitoringForm(input: RemsFormInput, protocol: ProtocolSettings): RemsFormContent {
  const first = input.firstDeviceAt === null ? null : toEpochMs(input.firstDeviceAt);
  const end = input.monitoringEndedAt === null ? null : toEpochMs(input.monitoringEndedAt);
  const durationMinutes = first !== null && end !== null ? Math.floor((end - first) / MS_PER_MINUTE) : null;
  const bp = pickReadings(input.bpReadings, first, end, protocol.observation.esketaminePostDoseBpMinutes);
  const meds = input.concomitantMedications;
  const p = input.patient;
  const f = (section: string, id: string, label: string, value: string | null, required = true, note?: string): RemsFormField => ({ section, id, label, value: value === '' ? null : value, required, ...(note === undefined ? {} : { note }) });
  const fields: RemsFormField[] = [
    f('Patient', 'firstName', 'First name', p.firstName),
    f('Patient', 'middleInitial', 'Middle initial', p.middleInitial ?? null, false),
    f('Patient', 'lastName', 'Last name', p.lastName),
    f('Patient', 'dateOfBirth', 'Date of birth', p.dateOfBirth),
    f('Patient', 'sex', 'Sex', p.sex),
    f('Patient', 'firstTreatment', 'Is this the patient’s first treatment?', yesNo(input.firstTreatment)),
    f('Patient', 'enrolled', 'Is the patient enrolled in the REMS?', yesNo(input.patientEnrolled)),
    f('Concomitant medicines', 'benzodiazepines', 'Benzodiazepines', yesNo(meds?.benzodiazepines ?? null)),
    f('Concomitant medicines', 'nonBenzoSedatives', 'Non-benzodiazepine sedative-hypnotics', yesNo(meds?.nonBenzodiazepineSedativeHypnotics ?? null)),
    f('Concomitant medicines', 'psychostimulants', 'Psychostimulants', yesNo(meds?.psychostimulants ?? null)),
    f('Concomitant medicines', 'maois', 'Monoamine oxidase inhibitors (MAOIs)', yesNo(meds?.maois ?? null)),
    f('Concomitant medicines', 'opioids', 'Opioids (video version of the form)', yesNo(meds?.opioids ?? null), false),
    f('Monitoring', 'hcpName', 'Monitoring healthcare provider', input.monitoringHcp.name),
    f('Monitoring', 'hcpPhone', 'Provider phone', input.monitoringHcp.phone ?? null),
    f('Monitoring', 'hcpEmail', 'Provider email', input.monitoringHcp.email ?? null, false),
    f('Monitoring', 'settingName', 'Healthcare setting name', input.setting.name),
    f('Monitoring', 'settingAddress', 'Setting address', input.setting.address ?? null),
    f('Treatment', 'treatmentDate', 'Treatment date', input.treatmentDate),
    f('Treatment', 'dose', 'Dose', input.doseMg === null ? null : input.doseMg === 56 || input.doseMg === 84 ? `${input.doseMg} mg` : `Other: ${input.doseMg} mg`),
    f('Treatment', 'lot', 'Lot number', input.lotNumbers.length === 0 ? null : input.lotNumbers.join(', ')),
    f('Treatment', 'duration', 'Total treatment duration, first device to end of monitoring (minutes)', durationMinutes === null ? null : String(durationMinutes)),
    f('Treatment', 'readyToLeave', 'Minutes from the start when the patient would have been ready to leave if there were no 2-hour rule', input.readyToLeaveMinutes === null ? null : String(input.readyToLeaveMinutes)),
    f('Vital signs', 'acceptableBefore', 'Vital signs acceptable before administration?', yesNo(input.vitalsAcceptableBeforeAdministration)),
    f('Vital signs', 'acceptableBeforeCompletion', 'Vital signs acceptable before completion?', yesNo(input.vitalsAcceptableBeforeCompletion)),
    f('Vital signs', 'bpPredose', 'Blood pressure pre-dose', bpText(bp.predose, input.timeZone)),
    f('Vital signs', 'bpPostDose', `Blood pressure ${protocol.observation.esketaminePostDoseBpMinutes} min post-dose`, bpText(bp.postDose, input.timeZone)),
    f('Vital signs', 'bpBeforeEnd', 'Blood pressure before the session ends', bpText(bp.beforeEnd, input.timeZone)),
    f('Events', 'sedation', 'Did the patient experience sedation?', yesNo(input.sedation), true, FINAL_SECTION_NOTE),
    f('Events', 'dissociation', 'Did the patient experience dissociation?', yesNo(input.dissociation), true, FINAL_SECTION_NOTE),
    f('Events', 'respiratoryDepression', 'Did the patient experience respiratory depression?', yesNo(input.respiratoryDepression), true, FINAL_SECTION_NOTE),
  ];
  const findings: Finding[] = [];
  const missing = fields.filter((x) => x.required && x.value === null);
  if (missing.length > 0) {
    findings.push(finding('REMS_PMF_FIELD_MISSING', `The REMS form is missing: ${missing.map((m) => m.label.toLowerCase()).join('; ')}.`, { field: missing.map((m) => m.id).join(','), value: missing.length, action: 'Complete the session record, or fill these in on the form by hand.' }));
  }
  if (meds === null) {
    findings.push(finding('REMS_CONCOMITANT_MEDS_NOT_RECORDED', 'Concomitant sedating or BP-raising medicines are not recorded for this session.', { field: 'concomitantMedications' }));
  }
  if (durationMinutes !== null && durationMinutes < protocol.observation.esketamineMinMinutes) {
    findings.push(finding('REMS_PMF_DURATION_TOO_SHORT', `Treatment duration ${durationMinutes} min is below the ${protocol.observation.esketamineMinMinutes} min the form requires.`, { field: 'duration', value: durationMinutes, limit: protocol.observation.esketamineMinMinutes }));
  }
  return { fields, durationMinutes, bp, findings, complete: missing.length === 0 };
}
