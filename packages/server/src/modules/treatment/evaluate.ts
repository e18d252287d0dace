/**
 * Glue between the stored session record and the clinical core: build the core's inputs from the bundle and
 * ask it. Pure (no I/O): everything comes in as arguments.
 */
import {
  ADVERSE_EVENT_TERMS,
  dueReadings,
  evaluateDischarge,
  evaluatePreDose,
  observationSchedule,
  remsMonitoringForm,
  type CompletedQuestionnaire,
  type DischargeInput,
  type DischargeResult,
  type DueObservation,
  type Finding,
  type JurisdictionCode,
  type MonitoringFormRecord,
  type PreDoseResult,
  type ProtocolSettings,
  type RemsFormContent,
  type Route,
  type TakenObservation,
  type VitalsReading,
} from '@ketapath/clinical';
import { localDateOf } from '../../lib/zoned';
import type { ReadingRow, SessionBundle } from './repo';
import type { DischargeAnswers, PredoseAnswers } from './schemas';

export interface StoredPredose {
  readonly answers: PredoseAnswers;
  readonly overrides?: readonly { readonly code: string; readonly field: string | null; readonly reason: string }[];
  readonly cosignedBy?: string;
  readonly result?: { readonly outcome: string; readonly bpItemStatus: string | null };
}

export interface StoredDischarge {
  readonly answers: DischargeAnswers;
  readonly result?: { readonly ready: boolean; readonly codes: readonly string[] };
  readonly override?: { readonly by: string; readonly reason: string; readonly codes: readonly string[] };
}

export interface StoredDose {
  readonly summary: string;
  readonly working: readonly string[];
  readonly detail: { readonly doseMg?: number; readonly durationMinutes?: number; readonly devices?: number; readonly volumeMl?: number; readonly pumpRateMlPerHour?: number; readonly mgPerKg?: number };
  readonly findings: readonly unknown[];
  readonly weightKg: number | null;
  readonly changedFromPlan: { readonly reason: string; readonly by: string } | null;
}

export const predoseOf = (b: SessionBundle): StoredPredose | null => b.session.predose as StoredPredose | null;
export const dischargeOf = (b: SessionBundle): StoredDischarge | null => b.session.discharge as StoredDischarge | null;
export const doseOf = (b: SessionBundle): StoredDose | null => b.session.dose as StoredDose | null;

export function toVitals(r: Pick<ReadingRow, 'takenAt' | 'systolic' | 'diastolic' | 'heartRate' | 'spo2' | 'respiratoryRate' | 'symptoms'>): VitalsReading {
  return {
    takenAt: r.takenAt.toISOString(),
    ...(r.systolic === null ? {} : { systolic: r.systolic }),
    ...(r.diastolic === null ? {} : { diastolic: r.diastolic }),
    ...(r.heartRate === null ? {} : { heartRate: r.heartRate }),
    ...(r.spo2 === null ? {} : { spo2: r.spo2 }),
    ...(r.respiratoryRate === null ? {} : { respiratoryRate: r.respiratoryRate }),
    ...(r.symptoms === null || r.symptoms.length === 0 ? {} : { symptoms: r.symptoms as VitalsReading['symptoms'] }),
  };
}

const live = (readings: readonly ReadingRow[]): ReadingRow[] => readings.filter((r) => r.voidedAt === null);

/** The pre-dose reading trends are measured from: the last valid reading at or before the dose (or the latest, before dosing). */
export function baselineReading(readings: readonly ReadingRow[], doseStartedAt: Date | null): ReadingRow | undefined {
  const before = live(readings).filter((r) => doseStartedAt === null || r.takenAt.getTime() <= doseStartedAt.getTime());
  return before.filter((r) => r.systolic !== null && r.diastolic !== null).at(-1) ?? before.at(-1);
}

/** Valid readings after the dose started, oldest first. */
export function inSessionReadings(readings: readonly ReadingRow[], doseStartedAt: Date | null): ReadingRow[] {
  return doseStartedAt === null ? [] : live(readings).filter((r) => r.takenAt.getTime() > doseStartedAt.getTime());
}

export interface PredoseFacts {
  readonly jurisdiction: JurisdictionCode;
  readonly ageYears: number;
  readonly consent: { readonly signedAt: string; readonly withdrawn: boolean; readonly status: string } | null;
  readonly eligibilityApproved: boolean;
  readonly questionnaires: readonly CompletedQuestionnaire[];
  readonly monitoringForms: readonly MonitoringFormRecord[];
  readonly patientEnrolled: boolean;
  readonly settingCertified: boolean;
}

export function evaluatePredoseFor(b: SessionBundle, answers: PredoseAnswers, facts: PredoseFacts, protocol: ProtocolSettings, now: Date): PreDoseResult {
  const base = baselineReading(b.readings, null);
  const meds = answers.concomitantMedications;
  return evaluatePreDose(
    {
      ...(base !== undefined && base.systolic !== null && base.diastolic !== null ? { bloodPressure: { systolic: base.systolic, diastolic: base.diastolic } } : {}),
      ...(answers.lastFoodAt === undefined || answers.lastFoodAt === null ? {} : { lastFoodAt: answers.lastFoodAt }),
      ...(answers.lastLiquidsAt === undefined || answers.lastLiquidsAt === null ? {} : { lastLiquidsAt: answers.lastLiquidsAt }),
      ...(answers.nasalMedicationAt === undefined ? {} : { nasalMedicationAt: answers.nasalMedicationAt }),
      ...(answers.escortConfirmed === undefined ? {} : { escortConfirmed: answers.escortConfirmed }),
      ...(answers.noDrivingAcknowledged === undefined ? {} : { noDrivingAcknowledged: answers.noDrivingAcknowledged }),
      ...(answers.pregnant === undefined ? {} : { pregnant: answers.pregnant }),
      ...(answers.baselineLiverTestsDone === undefined ? {} : { baselineLiverTestsDone: answers.baselineLiverTestsDone }),
      questionnaires: facts.questionnaires,
      rems: {
        patientEnrolled: facts.patientEnrolled,
        settingCertified: facts.settingCertified,
        ...(answers.prescriberOnSite === undefined ? {} : { prescriberOnSite: answers.prescriberOnSite }),
        ...(answers.pulseOximeterOnSite === undefined ? {} : { pulseOximeterOnSite: answers.pulseOximeterOnSite }),
        concomitantMedicationsRecorded: meds !== undefined,
        monitoringForms: facts.monitoringForms.filter((f) => f.sessionId !== b.session.id),
      },
      consent: facts.consent === null || facts.consent.status === 'needs_reconsent' || facts.consent.status === 'awaiting_countersignature' ? null : { signedAt: facts.consent.signedAt, withdrawn: facts.consent.withdrawn },
      eligibilityApproved: facts.eligibilityApproved,
    },
    { route: b.session.route as Route, jurisdiction: facts.jurisdiction, protocol, now: now.toISOString(), patientAgeYears: facts.ageYears },
  );
}

function taken(b: SessionBundle): TakenObservation[] {
  const out: TakenObservation[] = live(b.readings).map((r) => ({ kind: 'vitals', at: r.takenAt.toISOString() }));
  for (const a of b.assessments) {
    if (a.instrument === 'moaas' || a.instrument === 'cadss') {
      out.push({ kind: 'sedation_dissociation', at: a.takenAt.toISOString() });
    } else if (a.instrument === 'padss' || a.instrument === 'aldrete') {
      out.push({ kind: 'discharge_assessment', at: a.takenAt.toISOString() });
    }
  }
  return out;
}

export interface ScheduleView {
  readonly items: readonly DueObservation[];
  readonly next: DueObservation | null;
  readonly findings: readonly Finding[];
  readonly minimumDischargeAt: string | null;
}

export function scheduleFor(b: SessionBundle, protocol: ProtocolSettings, now: Date): ScheduleView | null {
  const start = b.session.doseStartedAt;
  if (start === null) {
    return null;
  }
  const infusion = doseOf(b)?.detail.durationMinutes;
  const s = observationSchedule(b.session.route as Route, protocol, start.toISOString(), infusion === undefined ? {} : { infusionMinutes: infusion });
  if (!s.ok) {
    return null;
  }
  const r = dueReadings(s.schedule, taken(b), now.toISOString());
  return { items: r.items, next: r.next, findings: r.findings, minimumDischargeAt: s.schedule.minimumDischargeAt };
}

const totals = (b: SessionBundle, instrument: string): { total: number; at: Date; items: Record<string, number> }[] =>
  b.assessments.filter((a) => a.instrument === instrument).map((a) => ({ total: a.total, at: a.takenAt, items: ((a.result as { itemScores?: Record<string, number> }).itemScores ?? {}) }));

export function dischargeInputFor(b: SessionBundle, answers: DischargeAnswers): DischargeInput | null {
  const start = b.session.doseStartedAt;
  if (start === null) {
    return null;
  }
  const cadss = totals(b, 'cadss');
  const aldrete = totals(b, 'aldrete').at(-1);
  const base = baselineReading(b.readings, start);
  return {
    doseStartedAt: start.toISOString(),
    ...(b.session.doseEndedAt === null ? {} : { doseEndedAt: b.session.doseEndedAt.toISOString() }),
    padssTotals: totals(b, 'padss').map((p) => p.total),
    ...(aldrete === undefined ? {} : { aldrete: { total: aldrete.total, ...(aldrete.items.respiration === undefined ? {} : { respiration: aldrete.items.respiration }), ...(aldrete.items.spo2 === undefined ? {} : { spo2: aldrete.items.spo2 }) } }),
    ...(totals(b, 'moaas').at(-1) === undefined ? {} : { latestMoaas: totals(b, 'moaas').at(-1)?.total }),
    ...(cadss.filter((c) => c.at > start).at(-1) === undefined ? {} : { latestCadss: cadss.filter((c) => c.at > start).at(-1)?.total }),
    ...(cadss.filter((c) => c.at <= start).at(-1) === undefined ? {} : { preDoseCadss: cadss.filter((c) => c.at <= start).at(-1)?.total }),
    ...(answers.dissociationResolved === undefined ? {} : { dissociationResolved: answers.dissociationResolved }),
    ...(answers.respiratoryDepressionResolved === undefined ? {} : { respiratoryDepressionResolved: answers.respiratoryDepressionResolved }),
    ...(base === undefined ? {} : { baselineVitals: toVitals(base) }),
    vitals: inSessionReadings(b.readings, start).map(toVitals),
    ...(answers.escortPresent === undefined ? {} : { escortPresent: answers.escortPresent }),
    ...(answers.instructionsGiven === undefined ? {} : { instructionsGiven: answers.instructionsGiven }),
    ...(answers.clinicianConfirmedStable === undefined ? {} : { clinicianConfirmedStable: answers.clinicianConfirmedStable }),
  };
}

export function dischargeFor(b: SessionBundle, answers: DischargeAnswers, protocol: ProtocolSettings, now: Date, ageYears: number): DischargeResult | null {
  const input = dischargeInputFor(b, answers);
  return input === null ? null : evaluateDischarge(input, { route: b.session.route as Route, protocol, now: now.toISOString(), patientAgeYears: ageYears });
}

export interface RemsContext {
  readonly nurseName: string;
  readonly clinicPhone: string | null;
  readonly clinicAddress: string | null;
}

/** The REMS Patient Monitoring Form for an esketamine session, filled from its record. */
export function remsFormFor(b: SessionBundle, protocol: ProtocolSettings, ctx: RemsContext): RemsFormContent | null {
  if (b.session.route !== 'esketamine_nasal') {
    return null;
  }
  const predose = predoseOf(b);
  const discharge = dischargeOf(b);
  const meds = predose?.answers.concomitantMedications;
  const end = b.session.dischargedAt ?? b.transitions.find((t) => t.toState === 'stopped_early')?.at ?? null;
  const sessionDay = b.session.doseStartedAt ?? b.session.checkedInAt;
  const moaas = totals(b, 'moaas');
  const terms = new Map(ADVERSE_EVENT_TERMS.map((t) => [t.id, t]));
  const aeItem = (item: string): boolean => b.adverseEvents.some((e) => terms.get(e.term)?.remsItem === item);
  const vitalsFinding = discharge?.result?.codes.includes('DISCHARGE_VITALS_NOT_ACCEPTABLE');
  return remsMonitoringForm(
    {
      patient: { firstName: b.patient.legalFirstName, lastName: b.patient.legalLastName, dateOfBirth: b.patient.dateOfBirth, sex: b.patient.sexAtBirth },
      firstTreatment: b.earlierDosedSessions === 0,
      patientEnrolled: b.patient.remsEnrolledAt !== null,
      concomitantMedications: meds === undefined ? null : { ...meds },
      monitoringHcp: { name: ctx.nurseName, ...(ctx.clinicPhone === null ? {} : { phone: ctx.clinicPhone }) },
      setting: { name: b.clinic.name, ...(ctx.clinicAddress === null ? {} : { address: ctx.clinicAddress }) },
      treatmentDate: localDateOf(sessionDay, b.clinic.timeZone),
      timeZone: b.clinic.timeZone,
      doseMg: b.administrations.length === 0 ? null : b.administrations.reduce((s, a) => s + a.doseMg, 0),
      lotNumbers: [...new Set(b.administrations.map((a) => a.lot).filter((l): l is string => l !== null && l !== ''))],
      firstDeviceAt: b.session.doseStartedAt?.toISOString() ?? null,
      monitoringEndedAt: end?.toISOString() ?? null,
      readyToLeaveMinutes: discharge?.answers.readyToLeaveMinutes ?? null,
      vitalsAcceptableBeforeAdministration: predose?.result === undefined ? null : predose.result.bpItemStatus === 'ok',
      vitalsAcceptableBeforeCompletion: discharge?.result === undefined ? null : vitalsFinding !== true,
      bpReadings: live(b.readings).flatMap((r) => (r.systolic === null || r.diastolic === null ? [] : [{ takenAt: r.takenAt.toISOString(), systolic: r.systolic, diastolic: r.diastolic }])),
      sedation: moaas.some((m) => m.total <= 4) || aeItem('sedation'),
      dissociation: b.assessments.some((a) => a.instrument === 'cadss' && ((a.result as { flags?: { code: string }[] }).flags ?? []).some((f) => f.code === 'CADSS_DISSOCIATION_PRESENT')) || aeItem('dissociation'),
      respiratoryDepression: aeItem('respiratory_depression'),
    },
    protocol,
  );
}
