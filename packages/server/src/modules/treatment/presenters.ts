import { ROUTE_LABELS, type SourceRef } from '@ketapath/clinical';
import { z } from 'zod';
import { FindingOut } from '../../lib/findings';
import type { AdministrationRow, AdverseEventRow, AlertRow, AmendmentRow, AssessmentRow, ReadingRow, TransitionRow } from './repo';

/** The route's name for people (the code itself for a route this version does not know). */
export const routeLabel = (route: string): string => (ROUTE_LABELS as Readonly<Record<string, string | undefined>>)[route] ?? route;

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
const nameOf = (names: ReadonlyMap<string, string>, id: string | null): string | null => (id === null ? null : (names.get(id) ?? 'Unknown user'));

export const ReadingOut = z.object({
  id: z.string(),
  clientId: z.string(),
  takenAt: z.string(),
  receivedAt: z.string(),
  systolic: z.number().int().nullable(),
  diastolic: z.number().int().nullable(),
  heartRate: z.number().int().nullable(),
  spo2: z.number().int().nullable(),
  respiratoryRate: z.number().int().nullable(),
  symptoms: z.array(z.string()),
  source: z.enum(['manual', 'device']),
  enteredBy: z.string().nullable(),
  worst: z.enum(['block', 'override', 'warn', 'info']).nullable(),
  voided: z.object({ at: z.string(), by: z.string().nullable(), reason: z.string() }).nullable(),
});
export type ReadingOut = z.infer<typeof ReadingOut>;

export function presentReading(r: ReadingRow, names: ReadonlyMap<string, string>): ReadingOut {
  return {
    id: r.id,
    clientId: r.clientId,
    takenAt: r.takenAt.toISOString(),
    receivedAt: r.receivedAt.toISOString(),
    systolic: r.systolic,
    diastolic: r.diastolic,
    heartRate: r.heartRate,
    spo2: r.spo2,
    respiratoryRate: r.respiratoryRate,
    symptoms: r.symptoms ?? [],
    source: r.source as ReadingOut['source'],
    enteredBy: r.source === 'device' ? 'Monitor' : nameOf(names, r.enteredBy),
    worst: r.worst as ReadingOut['worst'],
    voided: r.voidedAt === null ? null : { at: r.voidedAt.toISOString(), by: nameOf(names, r.voidedBy), reason: r.voidReason ?? '' },
  };
}

export const AlertOut = z.object({
  id: z.string(),
  readingId: z.string().nullable(),
  code: z.string(),
  severity: z.enum(['block', 'override', 'warn', 'info']),
  message: z.string(),
  field: z.string().nullable(),
  value: z.string().nullable(),
  limit: z.string().nullable(),
  action: z.string().nullable(),
  source: z.object({ id: z.string(), citation: z.string(), url: z.string().nullable() }),
  raisedAt: z.string(),
  acknowledged: z.object({ at: z.string(), by: z.string().nullable(), note: z.string().nullable() }).nullable(),
  escalationLevel: z.number().int(),
});
export type AlertOut = z.infer<typeof AlertOut>;

export function presentAlert(a: AlertRow, names: ReadonlyMap<string, string>): AlertOut {
  const src = a.source as SourceRef;
  return {
    id: a.id,
    readingId: a.readingId,
    code: a.code,
    severity: a.severity as AlertOut['severity'],
    message: a.message,
    field: a.field,
    value: a.value,
    limit: a.limit,
    action: a.action,
    source: { id: src.id, citation: src.citation, url: src.url ?? null },
    raisedAt: a.raisedAt.toISOString(),
    acknowledged: a.acknowledgedAt === null ? null : { at: a.acknowledgedAt.toISOString(), by: nameOf(names, a.acknowledgedBy), note: a.acknowledgeNote },
    escalationLevel: a.escalationLevel,
  };
}

export const AdministrationOut = z.object({
  id: z.string(),
  drug: z.string(),
  route: z.string(),
  concentrationMgPerMl: z.number().nullable(),
  lot: z.string().nullable(),
  expiry: z.string().nullable(),
  doseMg: z.number(),
  volumeMl: z.number().nullable(),
  deviceNumber: z.number().int().nullable(),
  startedAt: z.string(),
  stoppedAt: z.string().nullable(),
  containerId: z.string().nullable(),
  givenBy: z.string().nullable(),
});

export function presentAdministration(a: AdministrationRow, names: ReadonlyMap<string, string>): z.infer<typeof AdministrationOut> {
  return {
    id: a.id,
    drug: a.drug,
    route: a.route,
    concentrationMgPerMl: a.concentrationMgPerMl,
    lot: a.lot,
    expiry: a.expiry,
    doseMg: a.doseMg,
    volumeMl: a.volumeMl,
    deviceNumber: a.deviceNumber,
    startedAt: a.startedAt.toISOString(),
    stoppedAt: iso(a.stoppedAt),
    containerId: a.containerId,
    givenBy: nameOf(names, a.givenBy),
  };
}

export const AssessmentOut = z.object({
  id: z.string(),
  instrument: z.string(),
  total: z.number(),
  band: z.string().nullable(),
  answers: z.record(z.string(), z.union([z.number(), z.boolean()])),
  flags: z.array(FindingOut),
  takenAt: z.string(),
  recordedBy: z.string().nullable(),
});

export function presentAssessment(a: AssessmentRow, names: ReadonlyMap<string, string>): z.infer<typeof AssessmentOut> {
  const result = a.result as { band?: { label?: string } | null; flags?: z.infer<typeof FindingOut>[] };
  return {
    id: a.id,
    instrument: a.instrument,
    total: a.total,
    band: result.band?.label ?? null,
    answers: a.answers as Record<string, number | boolean>,
    flags: result.flags ?? [],
    takenAt: a.takenAt.toISOString(),
    recordedBy: nameOf(names, a.recordedBy),
  };
}

export const AdverseEventOut = z.object({
  id: z.string(),
  term: z.string(),
  label: z.string(),
  otherText: z.string().nullable(),
  emergency: z.boolean(),
  severity: z.string(),
  onsetAt: z.string(),
  actionTaken: z.string().nullable(),
  responseGiven: z.string().nullable(),
  outcome: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});

export function presentAdverseEvent(e: AdverseEventRow, names: ReadonlyMap<string, string>, label: string): z.infer<typeof AdverseEventOut> {
  return {
    id: e.id,
    term: e.term,
    label,
    otherText: e.otherText,
    emergency: e.emergency,
    severity: e.severity,
    onsetAt: e.onsetAt.toISOString(),
    actionTaken: e.actionTaken,
    responseGiven: e.responseGiven,
    outcome: e.outcome,
    recordedBy: nameOf(names, e.recordedBy),
    recordedAt: e.recordedAt.toISOString(),
  };
}

export const TransitionOut = z.object({ from: z.string(), to: z.string(), reason: z.string().nullable(), at: z.string(), by: z.string().nullable() });

export function presentTransition(t: TransitionRow, names: ReadonlyMap<string, string>): z.infer<typeof TransitionOut> {
  return { from: t.fromState, to: t.toState, reason: t.reason, at: t.at.toISOString(), by: nameOf(names, t.byUserId) };
}

export const AmendmentChange = z.object({ field: z.string(), before: z.string().nullable(), after: z.string() });
export const AmendmentOut = z.object({ id: z.string(), reason: z.string(), changes: z.array(AmendmentChange), by: z.string().nullable(), at: z.string(), signature: z.string() });

export function presentAmendment(a: AmendmentRow, names: ReadonlyMap<string, string>): z.infer<typeof AmendmentOut> {
  return { id: a.id, reason: a.reason, changes: a.changes as z.infer<typeof AmendmentChange>[], by: nameOf(names, a.amendedBy), at: a.amendedAt.toISOString(), signature: a.signatureMethod };
}
