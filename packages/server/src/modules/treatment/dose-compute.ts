import type { Route } from '@ketapath/clinical';
import type { z } from 'zod';
import type { Deps } from '../../http/deps';
import { localDateOf } from '../../lib/zoned';
import { ageOn } from '../patients/presenters';
import { latestMeasurements } from '../patients/repo';
import { computeDose } from '../plans/dose';
import type { DoseParams } from '../plans/schemas';
import { clinicProtocol } from '../protocol/load';
import { containerStrength } from './administer';
import type { SessionBundle, SessionRow } from './repo';

type Params = z.infer<typeof DoseParams>;

/** The plan's dose parameters for this session (the planned session's own dose first). */
export function plannedParams(b: SessionBundle): Params {
  const input: Params = (b.plan?.dosePlan as { input?: Params } | undefined)?.input ?? {};
  const sessions = (b.plan?.schedule as { sessions?: { index: number; plannedDose?: { mg?: number; mgPerKg?: number } }[] } | undefined)?.sessions ?? [];
  const planned = sessions.find((x) => x.index === b.appointment.planSessionIndex)?.plannedDose ?? {};
  const out: Params = {};
  for (const k of ['mgPerKg', 'durationMinutes', 'stockConcentrationMgPerMl', 'totalVolumeMl', 'doseMg'] as const) {
    if (typeof input[k] === 'number') {
      out[k] = input[k];
    }
  }
  if (planned.mgPerKg !== undefined) {
    out.mgPerKg = planned.mgPerKg;
  }
  if (planned.mg !== undefined) {
    out.doseMg = planned.mg;
  }
  return out;
}

export interface SessionDose {
  readonly dose: Params;
  readonly changed: boolean;
  readonly weightKg: number | null;
  readonly computed: ReturnType<typeof computeDose>;
}

/** Today's dose by the clinical core: the plan (or a prescriber's change), today's weight, and the strength of the vial in hand. */
export async function sessionDose(deps: Deps, s: SessionRow, b: SessionBundle, input: { dose?: Params | undefined; weightKg?: number | undefined; containerId?: string | undefined }, now: Date): Promise<SessionDose> {
  const planned = plannedParams(b);
  const strength = input.containerId === undefined ? null : await containerStrength(deps.db, s.clinicId, input.containerId);
  // The vial in hand decides the volume drawn: its strength replaces the plan's stock strength (the mg dose is unchanged).
  const dose: Params = { ...planned, ...input.dose, ...(strength === null || s.route === 'esketamine_nasal' ? {} : { stockConcentrationMgPerMl: strength }) };
  const changed = input.dose !== undefined && Object.entries(input.dose).some(([k, v]) => k !== 'stockConcentrationMgPerMl' && planned[k as keyof Params] !== v);
  const latest = await latestMeasurements(deps.db, s.patientId);
  const weightKg = input.weightKg ?? s.weightKg ?? latest.weight?.value ?? null;
  const { protocol } = clinicProtocol(b.clinic);
  const computed = computeDose(
    { route: s.route as Route, indication: (b.plan?.indication ?? 'trd') as 'trd' | 'mdsi', dose, sessionNumber: b.earlierDosedSessions + 1 },
    { protocol, ageYears: ageOn(b.patient.dateOfBirth, localDateOf(now, b.clinic.timeZone)), sex: b.patient.sexAtBirth === 'female' || b.patient.sexAtBirth === 'male' ? b.patient.sexAtBirth : undefined, weightKg, heightCm: latest.height?.value ?? null },
  );
  return { dose, changed, weightKg, computed };
}
