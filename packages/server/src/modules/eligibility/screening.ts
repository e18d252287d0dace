import { screenEligibility, type EligibilityResult, type JurisdictionCode, type ProtocolSettings, type Route, type EligibilityIntake } from '@ketapath/clinical';
import type { Queryable } from '../../db/types';
import { localDateOf } from '../../lib/zoned';
import type { ClinicRow } from '../clinic/load';
import { intakeData, type IntakeRow } from '../intake/repo';
import { toEligibilityIntake } from '../intake/to-clinical';
import { latestMeasurements, type PatientRow } from '../patients/repo';
import { clinicProtocol } from '../protocol/load';

export interface Screening {
  readonly intake: EligibilityIntake;
  readonly protocol: ProtocolSettings;
  readonly result: EligibilityResult;
  readonly jurisdiction: JurisdictionCode;
}

/** Gather the facts and ask the clinical core (the only place eligibility is decided). */
export async function runScreening(q: Queryable, clinic: ClinicRow, patient: PatientRow, intake: IntakeRow, route: Route, now: Date): Promise<Screening> {
  const { protocol } = clinicProtocol(clinic);
  const latest = await latestMeasurements(q, patient.id);
  const input = toEligibilityIntake(intakeData(intake), { dateOfBirth: patient.dateOfBirth, sexAtBirth: patient.sexAtBirth, weightKg: latest.weight?.value ?? null, heightCm: latest.height?.value ?? null }, localDateOf(now, clinic.timeZone));
  const jurisdiction = clinic.jurisdiction as JurisdictionCode;
  return { intake: input, protocol, jurisdiction, result: screenEligibility(input, { route, jurisdiction, protocol, asOf: now.toISOString() }) };
}
