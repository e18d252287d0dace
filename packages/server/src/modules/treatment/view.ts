import {
  ACTIVE_SESSION_STATES,
  alertEscalation,
  PROTOCOL_SETTINGS,
  SESSION_TRANSITIONS,
  isSessionState,
  ADVERSE_EVENT_TERMS,
  type PreDoseResult,
  type ProtocolSettings,
  type SettingKey,
} from '@ketapath/clinical';
import { z } from 'zod';
import { FindingOut, presentFinding } from '../../lib/findings';
import { displayName, formatMrn } from '../patients/presenters';
import { dischargeFor, dischargeOf, doseOf, predoseOf, remsFormFor, scheduleFor, type PredoseFacts, type RemsContext } from './evaluate';
import { AdministrationOut, AdverseEventOut, AlertOut, AmendmentOut, AssessmentOut, ReadingOut, TransitionOut, routeLabel, presentAdministration, presentAdverseEvent, presentAlert, presentAmendment, presentAssessment, presentReading, presentTransition } from './presenters';
import type { SessionBundle } from './repo';
import { NoteOut, assembleNote } from './note';

const ChecklistItemOut = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(['ok', 'missing', 'failed']),
  findings: z.array(FindingOut),
  /** What it takes to go on: nothing, a written explanation, a prescriber's override, or stop. */
  needs: z.enum(['nothing', 'explanation', 'override', 'stop']),
  explanation: z.string().nullable(),
});

const ThresholdOut = z.object({ key: z.string(), label: z.string(), value: z.number().nullable(), unit: z.string().nullable(), status: z.string(), source: z.string() });

const DueOut = z.object({ id: z.string(), kind: z.string(), label: z.string(), dueAt: z.string(), status: z.enum(['done', 'due', 'upcoming', 'missed']), takenAt: z.string().nullable(), minutesPastDue: z.number() });

export const SessionOut = z.object({
  id: z.string(),
  state: z.string(),
  stateReason: z.string().nullable(),
  active: z.boolean(),
  allowedNext: z.array(z.string()),
  route: z.string(),
  routeLabel: z.string(),
  drug: z.string(),
  patient: z.object({ id: z.string(), displayName: z.string(), initials: z.string(), mrn: z.string(), dateOfBirth: z.string(), ageYears: z.number().int(), allergies: z.array(z.string()), escortName: z.string().nullable(), escortPhone: z.string().nullable() }),
  appointment: z.object({ id: z.string(), startsAt: z.string() }),
  chair: z.object({ id: z.string(), name: z.string() }).nullable(),
  nurse: z.string().nullable(),
  plan: z.object({ id: z.string(), version: z.number().int(), doseSummary: z.string(), indication: z.string(), sessionIndex: z.number().int().nullable(), planned: z.object({ mg: z.number().nullable(), mgPerKg: z.number().nullable() }), dose: z.record(z.string(), z.number()) }).nullable(),
  sessionNumber: z.number().int(),
  checkedInAt: z.string(),
  predose: z.object({
    answers: z.record(z.string(), z.unknown()),
    items: z.array(ChecklistItemOut),
    outcome: z.enum(['no_blocking_findings', 'needs_override', 'blocked']),
    passedAt: z.string().nullable(),
    passedBy: z.string().nullable(),
    cosignedBy: z.string().nullable(),
    overrides: z.array(z.object({ code: z.string(), field: z.string().nullable(), reason: z.string() })),
  }),
  dose: z.object({ summary: z.string(), working: z.array(z.string()), doseMg: z.number().nullable(), durationMinutes: z.number().nullable(), devices: z.number().nullable(), weightKg: z.number().nullable(), findings: z.array(FindingOut), changedFromPlan: z.object({ reason: z.string(), by: z.string().nullable() }).nullable() }).nullable(),
  doseStartedAt: z.string().nullable(),
  doseEndedAt: z.string().nullable(),
  administrations: z.array(AdministrationOut),
  esketamine: z.object({ devicesPlanned: z.number().int(), devicesGiven: z.number().int(), spacingMinutes: z.number(), nextDeviceAt: z.string().nullable() }).nullable(),
  readings: z.array(ReadingOut),
  alerts: z.array(AlertOut),
  openAlerts: z.number().int(),
  schedule: z.object({ items: z.array(DueOut), next: DueOut.nullable(), minimumDischargeAt: z.string().nullable(), findings: z.array(FindingOut) }).nullable(),
  assessments: z.array(AssessmentOut),
  adverseEvents: z.array(AdverseEventOut),
  discharge: z.object({
    answers: z.record(z.string(), z.unknown()),
    ready: z.boolean(),
    reasons: z.array(FindingOut),
    minutesObserved: z.number().nullable(),
    earliestDischargeAt: z.string().nullable(),
    dischargedAt: z.string().nullable(),
    dischargedBy: z.string().nullable(),
    override: z.object({ by: z.string().nullable(), reason: z.string(), codes: z.array(z.string()) }).nullable(),
  }).nullable(),
  note: NoteOut.nullable(),
  signed: z.object({ by: z.string().nullable(), at: z.string(), signature: z.string() }).nullable(),
  amendments: z.array(AmendmentOut),
  rems: z.object({ fields: z.array(z.object({ section: z.string(), id: z.string(), label: z.string(), value: z.string().nullable(), required: z.boolean(), note: z.string().nullable() })), complete: z.boolean(), findings: z.array(FindingOut), durationMinutes: z.number().nullable(), submission: z.object({ submittedOn: z.string(), method: z.string(), confirmationNumber: z.string().nullable(), by: z.string().nullable() }).nullable() }).nullable(),
  transitions: z.array(TransitionOut),
  thresholds: z.array(ThresholdOut),
  adverseEventTerms: z.array(z.object({ id: z.string(), label: z.string(), emergency: z.boolean(), response: z.string().nullable() })),
  serverTime: z.string(),
});
export type SessionOut = z.infer<typeof SessionOut>;

export interface ViewContext {
  readonly protocol: ProtocolSettings;
  readonly now: Date;
  readonly ageYears: number;
  readonly predoseFacts: PredoseFacts;
  readonly predoseResult: PreDoseResult;
  readonly rems: RemsContext;
}

const THRESHOLD_KEYS: readonly SettingKey[] = ['vitals.pauseSystolicAbove', 'vitals.pauseDiastolicAbove', 'vitals.urgencySystolicAbove', 'vitals.urgencyDiastolicAbove', 'vitals.heartRateAbove', 'vitals.heartRateBelow', 'vitals.spo2Below', 'vitals.respiratoryRateBelow', 'vitals.respiratoryRateAbove', 'alerts.escalateAfterMinutes', 'alerts.notifyPrescriberAfterMinutes'];

export function thresholdsOf(protocol: ProtocolSettings): z.infer<typeof ThresholdOut>[] {
  return THRESHOLD_KEYS.map((key) => {
    const meta = PROTOCOL_SETTINGS[key];
    const [group, leaf] = key.split('.') as [keyof ProtocolSettings, string];
    const value = (protocol[group] as Record<string, unknown>)[leaf];
    return { key, label: meta.label, value: typeof value === 'number' ? value : null, unit: meta.unit, status: meta.status, source: meta.source.citation };
  });
}

export function initialsOf(first: string, last: string): string {
  return `${first.trim().charAt(0)}${last.trim().charAt(0)}`.toUpperCase();
}

function checklist(result: PreDoseResult, explanations: Readonly<Record<string, string>>): z.infer<typeof ChecklistItemOut>[] {
  return result.items.map((i) => {
    const worst = i.findings.some((f) => f.severity === 'block') ? 'stop' : i.findings.some((f) => f.severity === 'override') ? 'override' : i.status === 'ok' && i.findings.length === 0 ? 'nothing' : 'explanation';
    return { id: i.id, label: i.label, status: i.status, findings: i.findings.map(presentFinding), needs: worst, explanation: explanations[i.id] ?? null };
  });
}

export function buildSessionView(b: SessionBundle, ctx: ViewContext): SessionOut {
  const s = b.session;
  const name = (id: string | null | undefined): string | null => (id === null || id === undefined ? null : (b.names.get(id) ?? 'Unknown user'));
  const state = isSessionState(s.state) ? s.state : 'scheduled';
  const predose = predoseOf(b);
  const dose = doseOf(b);
  const discharge = dischargeOf(b);
  const planDose = (b.plan?.dosePlan as { summary?: string; input?: Record<string, unknown> } | undefined) ?? {};
  const planned = ((b.plan?.schedule as { sessions?: { index: number; plannedDose?: { mg?: number; mgPerKg?: number } }[] } | undefined)?.sessions ?? []).find((x) => x.index === b.appointment.planSessionIndex)?.plannedDose ?? {};
  const devices = b.administrations.filter((a) => a.deviceNumber !== null);
  const spacing = ctx.protocol.esketamine.deviceSpacingMinutes;
  const lastDevice = devices.at(-1);
  const schedule = scheduleFor(b, ctx.protocol, ctx.now);
  const dischargeResult = s.doseStartedAt === null ? null : dischargeFor(b, discharge?.answers ?? {}, ctx.protocol, ctx.now, ctx.ageYears);
  const rems = remsFormFor(b, ctx.protocol, ctx.rems);
  const alerts = b.alerts.map((a) => {
    const esc = alertEscalation({ severity: a.severity as 'warn', raisedAt: a.raisedAt.toISOString(), acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null }, ctx.now.toISOString(), ctx.protocol);
    return { ...presentAlert(a, b.names), escalationLevel: Math.max(a.escalationLevel, esc.level) };
  });
  const numeric = Object.fromEntries(Object.entries(planDose.input ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'));
  return {
    id: s.id,
    state,
    stateReason: s.stateReason,
    active: ACTIVE_SESSION_STATES.includes(state),
    allowedNext: [...SESSION_TRANSITIONS[state]],
    route: s.route,
    routeLabel: routeLabel(s.route),
    drug: s.drug,
    patient: {
      id: b.patient.id,
      displayName: displayName(b.patient),
      initials: initialsOf(b.patient.preferredName ?? b.patient.legalFirstName, b.patient.legalLastName),
      mrn: formatMrn(b.patient.mrn),
      dateOfBirth: b.patient.dateOfBirth,
      ageYears: ctx.ageYears,
      allergies: b.patient.allergies,
      escortName: b.patient.escortName,
      escortPhone: b.patient.escortPhone,
    },
    appointment: { id: b.appointment.id, startsAt: b.appointment.startsAt.toISOString() },
    chair: b.chair,
    nurse: name(s.nurseId),
    plan: b.plan === null ? null : { id: b.plan.id, version: b.plan.version, doseSummary: planDose.summary ?? '', indication: b.plan.indication, sessionIndex: b.appointment.planSessionIndex, planned: { mg: planned.mg ?? null, mgPerKg: planned.mgPerKg ?? null }, dose: numeric },
    sessionNumber: b.earlierDosedSessions + 1,
    checkedInAt: s.checkedInAt.toISOString(),
    predose: {
      answers: { ...(predose?.answers ?? {}) },
      items: checklist(ctx.predoseResult, predose?.answers.explanations ?? {}),
      outcome: ctx.predoseResult.outcome,
      passedAt: s.predosePassedAt?.toISOString() ?? null,
      passedBy: name(s.predosePassedBy),
      cosignedBy: name(predose?.cosignedBy),
      overrides: (predose?.overrides ?? []).map((o) => ({ code: o.code, field: o.field, reason: o.reason })),
    },
    dose:
      dose === null
        ? null
        : { summary: dose.summary, working: [...dose.working], doseMg: dose.detail.doseMg ?? null, durationMinutes: dose.detail.durationMinutes ?? null, devices: dose.detail.devices ?? null, weightKg: dose.weightKg, findings: dose.findings as z.infer<typeof FindingOut>[], changedFromPlan: dose.changedFromPlan === null ? null : { reason: dose.changedFromPlan.reason, by: name(dose.changedFromPlan.by) } },
    doseStartedAt: s.doseStartedAt?.toISOString() ?? null,
    doseEndedAt: s.doseEndedAt?.toISOString() ?? null,
    administrations: b.administrations.map((a) => presentAdministration(a, b.names)),
    esketamine:
      s.route !== 'esketamine_nasal'
        ? null
        : { devicesPlanned: dose?.detail.devices ?? 0, devicesGiven: devices.length, spacingMinutes: spacing, nextDeviceAt: lastDevice === undefined || devices.length >= (dose?.detail.devices ?? 0) ? null : new Date(lastDevice.startedAt.getTime() + spacing * 60_000).toISOString() },
    readings: b.readings.map((r) => presentReading(r, b.names)),
    alerts,
    openAlerts: alerts.filter((a) => a.acknowledged === null && a.severity !== 'info').length,
    schedule: schedule === null ? null : { items: schedule.items.map((i) => ({ id: i.id, kind: i.kind, label: i.label, dueAt: i.dueAt, status: i.status, takenAt: i.takenAt ?? null, minutesPastDue: i.minutesPastDue })), next: schedule.next === null ? null : { id: schedule.next.id, kind: schedule.next.kind, label: schedule.next.label, dueAt: schedule.next.dueAt, status: schedule.next.status, takenAt: schedule.next.takenAt ?? null, minutesPastDue: schedule.next.minutesPastDue }, minimumDischargeAt: schedule.minimumDischargeAt, findings: schedule.findings.map(presentFinding) },
    assessments: b.assessments.map((a) => presentAssessment(a, b.names)),
    adverseEvents: b.adverseEvents.map((e) => presentAdverseEvent(e, b.names, ADVERSE_EVENT_TERMS.find((t) => t.id === e.term)?.label ?? e.term)),
    discharge:
      dischargeResult === null && s.dischargedAt === null
        ? null
        : {
            answers: { ...(discharge?.answers ?? {}) },
            ready: dischargeResult?.ready ?? false,
            reasons: (dischargeResult?.reasons ?? []).map(presentFinding),
            minutesObserved: dischargeResult?.minutesObserved ?? null,
            earliestDischargeAt: dischargeResult?.earliestDischargeAt ?? null,
            dischargedAt: s.dischargedAt?.toISOString() ?? null,
            dischargedBy: name(s.dischargedBy),
            override: discharge?.override === undefined ? null : { by: name(discharge.override.by), reason: discharge.override.reason, codes: [...discharge.override.codes] },
          },
    note: s.note === null ? (state === 'discharged' || state === 'stopped_early' ? assembleNote(b) : null) : (s.note as z.infer<typeof NoteOut>),
    signed: s.signedAt === null ? null : { by: name(s.signedBy), at: s.signedAt.toISOString(), signature: s.signatureMethod ?? '' },
    amendments: b.amendments.map((a) => presentAmendment(a, b.names)),
    rems:
      rems === null
        ? null
        : {
            fields: rems.fields.map((f) => ({ section: f.section, id: f.id, label: f.label, value: f.value, required: f.required, note: f.note ?? null })),
            complete: rems.complete,
            findings: rems.findings.map(presentFinding),
            durationMinutes: rems.durationMinutes,
            submission: b.remsSubmission === null ? null : { submittedOn: b.remsSubmission.submittedOn, method: b.remsSubmission.method, confirmationNumber: b.remsSubmission.confirmationNumber, by: name(b.remsSubmission.submittedBy) },
          },
    transitions: b.transitions.map((t) => presentTransition(t, b.names)),
    thresholds: thresholdsOf(ctx.protocol),
    adverseEventTerms: ADVERSE_EVENT_TERMS.map((t) => ({ id: t.id, label: t.label, emergency: t.emergency, response: t.response ?? null })),
    serverTime: ctx.now.toISOString(),
  };
}
