import { calculateImDose, calculateIvDose, calculateOralDose, esketamineStartDose, planEsketamineDose, type Finding, type ProtocolSettings, type Route } from '@ketapath/clinical';
import type { z } from 'zod';
import type { DoseParams } from './schemas';

export interface DoseFacts {
  readonly protocol: ProtocolSettings;
  readonly ageYears: number;
  readonly sex: 'female' | 'male' | undefined;
  readonly weightKg: number | null;
  readonly heightCm: number | null;
}

export interface DoseRequest {
  readonly route: Route;
  readonly indication: 'trd' | 'mdsi';
  readonly dose: z.infer<typeof DoseParams>;
  /** 1-based session number in the course (esketamine day-1 rule). */
  readonly sessionNumber?: number;
}

export interface ComputedDose {
  readonly ok: boolean;
  readonly dose: { readonly summary: string; readonly working: readonly string[]; readonly detail: unknown } | null;
  readonly findings: readonly Finding[];
}

/** Ask the clinical core for the dose and its working. Pure; returns not-ok (no findings) when weight or stock strength is missing for a per-kg route. */
export function computeDose(input: DoseRequest, facts: DoseFacts): ComputedDose {
  const p = facts.protocol;
  const findings: Finding[] = [];
  let dose: ComputedDose['dose'] = null;
  let ok = true;
  const weightRoutes = input.route === 'iv' || input.route === 'im';
  if (weightRoutes && (facts.weightKg === null || input.dose.stockConcentrationMgPerMl === undefined)) {
    return { ok: false, dose: null, findings: [] };
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
      const r = planEsketamineDose({ doseMg, indication: input.indication, sessionNumber: input.sessionNumber ?? 1, patientAgeYears: facts.ageYears }, { protocol: p });
      findings.push(...r.findings);
      ok = r.ok;
      if (r.ok) {
        dose = { summary: `${r.dose.doseMg} mg = ${r.dose.devices} device(s), ${p.esketamine.deviceSpacingMinutes} min apart`, working: r.dose.working, detail: r.dose };
      }
      break;
    }
  }
  return { ok, dose, findings };
}
