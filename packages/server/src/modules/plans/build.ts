import { generateCourse, type Finding, type PlannedSession, type ProtocolSettings, type Weekday } from '@ketapath/clinical';
import { computeDose } from './dose';
import type { PlanInput } from './schemas';

export interface PlanFacts {
  readonly protocol: ProtocolSettings;
  readonly timeZone: string;
  readonly openingDays: readonly number[];
  readonly ageYears: number;
  readonly sex: 'female' | 'male' | undefined;
  readonly weightKg: number | null;
  readonly heightCm: number | null;
}

export interface BuiltPlan {
  readonly ok: boolean;
  readonly dose: { readonly summary: string; readonly working: readonly string[]; readonly detail: unknown } | null;
  readonly sessions: readonly PlannedSession[];
  readonly findings: readonly Finding[];
  readonly weightKgUsed: number | null;
}

/**
 * Ask the clinical core for the dose (with its working) and the course calendar. Pure: every fact
 * comes in as an argument; nothing here decides a clinical number.
 */
export function buildPlan(input: PlanInput, facts: PlanFacts): BuiltPlan {
  const computed = computeDose(input, facts);
  if (!computed.ok && computed.findings.length === 0) {
    return { ok: false, dose: null, sessions: [], findings: [], weightKgUsed: facts.weightKg };
  }
  const p = facts.protocol;
  const findings: Finding[] = [...computed.findings];
  const course = generateCourse({
    route: input.route,
    startDate: input.startDate,
    timeZone: facts.timeZone,
    openingDays: facts.openingDays as Weekday[],
    sessionTime: input.sessionTime,
    protocol: p,
    patientAgeYears: facts.ageYears,
    indication: input.indication,
  });
  findings.push(...course.findings);
  return { ok: computed.ok && course.ok, dose: computed.dose, sessions: course.ok ? course.sessions : [], findings, weightKgUsed: facts.weightKg };
}
