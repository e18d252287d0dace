/** Interaction findings for current medications (reference §6.6), plus REMS medication recording classes. */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import type { Route } from '../protocol/route.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { classifyMedication, type MedicationClass } from './medications.js';
import type { CurrentMedication } from './types.js';

const CNS: readonly MedicationClass[] = ['benzodiazepine', 'z_drug', 'opioid', 'other_cns_depressant'];

/** Interaction findings for each current medication. */
export function interactionFindings(meds: readonly CurrentMedication[], route: Route, protocol: ProtocolSettings): Finding[] {
  const out: Finding[] = [];
  meds.forEach((med, i) => {
    const field = `currentMedications.${i}`;
    const match = classifyMedication(med.name);
    if (match === null) {
      out.push(finding('MEDICATION_UNRECOGNISED', `"${med.name}" is not in the medication table — check interactions manually.`, { field, value: med.name }));
      return;
    }
    const has = (c: MedicationClass): boolean => match.classes.includes(c);
    const name = match.generics.join(' + ');
    if (CNS.some(has)) {
      out.push(finding('INTERACTION_CNS_DEPRESSANT', `${name} is a CNS depressant: expect more sedation.`, { field, value: name, action: 'Monitor sedation and breathing closely.' }));
    }
    if (has('psychostimulant')) {
      out.push(finding('INTERACTION_PSYCHOSTIMULANT', `${name} is a psychostimulant: blood pressure may rise more.`, { field, value: name, action: 'Monitor blood pressure closely.' }));
    }
    if (has('maoi')) {
      out.push(finding('INTERACTION_MAOI', `${name} is an MAOI: blood pressure may rise more.`, { field, value: name, action: 'Monitor blood pressure closely.' }));
    }
    if (has('benzodiazepine')) {
      const limit = protocol.eligibility.benzodiazepineDiazepamEqMgPerDay;
      const dose = med.diazepamEquivalentMgPerDay;
      const above = dose !== undefined && dose > limit;
      out.push(
        finding('INTERACTION_BENZODIAZEPINE_EFFICACY', above
          ? `${name} ${dose} mg diazepam-equivalent/day is above ${limit} mg: predicted nonresponse to ketamine.`
          : `${name} may blunt the antidepressant effect of ketamine${dose === undefined ? ' (diazepam-equivalent dose not recorded)' : ''}.`, {
          field,
          limit,
          ...(dose === undefined ? {} : { value: dose }),
          severity: above ? 'warn' : 'info',
        }),
      );
    }
    if (has('glutamate_release_inhibitor')) {
      out.push(finding('INTERACTION_LAMOTRIGINE', `${name} may reduce ketamine adverse effects; effect on efficacy unknown.`, { field, value: name }));
    }
    if (has('cyp_inducer') || has('cyp3a4_inhibitor') || has('cyp2b6_inhibitor')) {
      const dir = has('cyp_inducer') ? 'lower' : 'higher';
      out.push(finding('INTERACTION_CYP_MODULATOR', `${name} affects CYP2B6/CYP3A4: ketamine exposure may be ${dir}.`, { field, value: name }));
    }
    if (has('ssri') && route === 'iv') {
      out.push(finding('INTERACTION_SSRI_BP', `${name} (SSRI) with IV ketamine: higher BP peaks were seen in one cohort.`, { field, value: name }));
    }
  });
  return out;
}

/** Whether any current medication is an SSRI or SNRI (EU esketamine licence). */
export function takesSsriOrSnri(meds: readonly CurrentMedication[]): boolean {
  return meds.some((m) => {
    const c = classifyMedication(m.name)?.classes ?? [];
    return c.includes('ssri') || c.includes('snri');
  });
}
