import { z } from 'zod';
import type { patients } from '../../db/schema';
import { Medication, SEX_AT_BIRTH } from './schemas';

type PatientRow = typeof patients.$inferSelect;

export function formatMrn(n: number): string {
  return `KP-${String(n).padStart(6, '0')}`;
}

export function displayName(p: Pick<PatientRow, 'legalFirstName' | 'legalLastName' | 'preferredName'>): string {
  const first = p.preferredName ?? p.legalFirstName;
  return `${first} ${p.legalLastName}`;
}

/** Whole years between a date of birth and a local date (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export const PatientSummaryOut = z.object({
  id: z.string(),
  mrn: z.string(),
  displayName: z.string(),
  legalName: z.string(),
  dateOfBirth: z.string(),
  ageYears: z.number().int(),
  phone: z.string().nullable(),
  status: z.string(),
});
export type PatientSummaryOut = z.infer<typeof PatientSummaryOut>;

export function presentPatientSummary(p: PatientRow, today: string): PatientSummaryOut {
  return {
    id: p.id,
    mrn: formatMrn(p.mrn),
    displayName: displayName(p),
    legalName: `${p.legalFirstName} ${p.legalLastName}`,
    dateOfBirth: p.dateOfBirth,
    ageYears: ageOn(p.dateOfBirth, today),
    phone: p.phone,
    status: p.status,
  };
}

const Measurement = z.object({ value: z.number(), measuredAt: z.string() }).nullable();

export const PatientOut = PatientSummaryOut.extend({
  legalFirstName: z.string(),
  legalLastName: z.string(),
  preferredName: z.string().nullable(),
  pronouns: z.string().nullable(),
  sexAtBirth: z.enum(SEX_AT_BIRTH),
  genderIdentity: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  emergencyContactName: z.string().nullable(),
  emergencyContactPhone: z.string().nullable(),
  emergencyContactRelationship: z.string().nullable(),
  escortName: z.string().nullable(),
  escortPhone: z.string().nullable(),
  referringClinician: z.string().nullable(),
  insurance: z.string().nullable(),
  allergies: z.array(z.string()),
  medications: z.array(Medication),
  remsPatientId: z.string().nullable(),
  remsEnrolledAt: z.string().nullable(),
  latestWeightKg: Measurement,
  latestHeightCm: Measurement,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PatientOut = z.infer<typeof PatientOut>;

export interface LatestMeasurements {
  readonly weight: { value: number; measuredAt: Date } | null;
  readonly height: { value: number; measuredAt: Date } | null;
}

export function presentPatient(p: PatientRow, today: string, latest: LatestMeasurements): PatientOut {
  const m = (x: { value: number; measuredAt: Date } | null) => (x === null ? null : { value: x.value, measuredAt: x.measuredAt.toISOString() });
  return {
    ...presentPatientSummary(p, today),
    legalFirstName: p.legalFirstName,
    legalLastName: p.legalLastName,
    preferredName: p.preferredName,
    pronouns: p.pronouns,
    sexAtBirth: p.sexAtBirth as PatientOut['sexAtBirth'],
    genderIdentity: p.genderIdentity,
    email: p.email,
    address: p.address,
    emergencyContactName: p.emergencyContactName,
    emergencyContactPhone: p.emergencyContactPhone,
    emergencyContactRelationship: p.emergencyContactRelationship,
    escortName: p.escortName,
    escortPhone: p.escortPhone,
    referringClinician: p.referringClinician,
    insurance: p.insurance,
    allergies: p.allergies,
    medications: p.medications,
    remsPatientId: p.remsPatientId,
    remsEnrolledAt: p.remsEnrolledAt,
    latestWeightKg: m(latest.weight),
    latestHeightCm: m(latest.height),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
