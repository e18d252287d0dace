import {
  calculateImDose,
  calculateIvDose,
  calculateOralDose,
  esketamineStartDose,
  generateCourse,
  planEsketamineDose,
  type Finding,
  type PlannedSession,
  type ProtocolSettings,
  type Weekday,
} from '@ketapath/clinical';
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
  const p = facts.protocol;
  const findings: Finding[] = [];
  let dose: BuiltPlan['dose'] = null;
  let ok = true;
  const weightRoutes = input.route === 'iv' || input.route === 'im';
  if (weightRoutes && (facts.weightKg === null || input.dose.stockConcentrationMgPerMl === undefined)) {
    return { ok: false, dose: null, sessions: [], findings: [], weightKgUsed: facts.weightKg };
  }
  const person = { ...(facts.heightCm === null ? {} : { heightCm: facts.heightCm }), ...(facts.sex === undefined ? {} : { sex: facts.sex }) };
  switch (input.route) {
    case 'iv': {
      const r = calculateIvDose(
        {
          weightKg: facts.weightKg ?? 0,
          ...person,
          ...(input.dose.mgPerKg === undefined ? {} : { mgPerKg: input.dose.mgPerKg }),
          ...(input.dose.durationMinutes === undefined ? {} : { durationMinutes: input.dose.durationMinutes }),
          stockConcentrationMgPerMl: input.dose.stockConcentrationMgPerMl ?? 0,
          ...(input.dose.totalVolumeMl === undefined ? {} : { totalVolumeMl: input.dose.totalVolumeMl }),
        },
        { protocol: p },
      );
      findings.push(...r.findings);
      ok = r.ok;
      if (r.ok) {
        dose = { summary: `${r.dose.doseMg} mg (${r.dose.mgPerKg} mg/kg) over ${r.dose.durationMinutes} min at ${r.dose.pumpRateMlPerHour} mL/h`, working: r.dose.working, detail: r.dose };
      }
      break;
    }
    case 'im': {
      const r = calculateImDose({ weightKg: facts.weightKg ?? 0, ...person, ...(input.dose.mgPerKg === undefined ? {} : { mgPerKg: input.dose.mgPerKg }), stockConcentrationMgPerMl: input.dose.stockConcentrationMgPerMl ?? 0 }, { protocol: p });
      findings.push(...r.findings);
      ok = r.ok;
      if (r.ok) {
        dose = { summary: `${r.dose.doseMg} mg (${r.dose.mgPerKg} mg/kg) IM`, working: r.dose.working, detail: r.dose };
      }
      break;
    }
    case 'oral':
    case 'sublingual': {
      const r = calculateOralDose(
        {
          route: input.route,
          ...(input.dose.doseMg === undefined ? {} : { doseMg: input.dose.doseMg }),
          ...(facts.weightKg === null ? {} : { weightKg: facts.weightKg }),
          ...(input.dose.stockConcentrationMgPerMl === undefined ? {} : { stockConcentrationMgPerMl: input.dose.stockConcentrationMgPerMl }),
        },
        { protocol: p },
      );
      findings.push(...r.findings);
      ok = r.ok;
      if (r.ok) {
        dose = { summary: `${r.dose.doseMg} mg ${input.route}`, working: r.dose.working, detail: r.dose };
      }
      break;
    }
    case 'esketamine_nasal': {
      const doseMg = input.dose.doseMg ?? (input.indication === 'mdsi' ? p.esketamine.mdsiDoseMg : esketamineStartDose(facts.ageYears, p));
      const r = planEsketamineDose({ doseMg, indication: input.indication, sessionNumber: 1, patientAgeYears: facts.ageYears }, { protocol: p });
      findings.push(...r.findings);
      ok = r.ok;
      if (r.ok) {
        dose = { summary: `${r.dose.doseMg} mg = ${r.dose.devices} device(s), ${p.esketamine.deviceSpacingMinutes} min apart`, working: r.dose.working, detail: r.dose };
      }
      break;
    }
  }
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
  return { ok: ok && course.ok, dose, sessions: course.ok ? course.sessions : [], findings, weightKgUsed: facts.weightKg };
}
