import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOL } from '../protocol/defaults.js';
import { interactionFindings, takesSsriOrSnri } from './interactions.js';
import { classifyMedication, MEDICATIONS } from './medications.js';

describe('classifyMedication', () => {
  it.each([
    ['Sertraline 100 mg', ['sertraline'], ['ssri']],
    ['ADDERALL XR 20mg', ['amphetamine'], ['psychostimulant']],
    ['amphetamine/dextroamphetamine', ['amphetamine', 'dextroamphetamine'], ['psychostimulant']],
    ["St John's Wort", ["st john's wort"], ['cyp_inducer']],
    ['Spravato', ['esketamine'], ['ketamine']],
    ['lamotrigine 200 mg', ['lamotrigine'], ['glutamate_release_inhibitor']],
    ['Xanax', ['alprazolam'], ['benzodiazepine']],
  ])('%s → %j %j', (name, generics, classes) => {
    expect(classifyMedication(name)).toEqual({ generics, classes });
  });

  it('returns null for unknown names', () => {
    expect(classifyMedication('vitamin d')).toBeNull();
  });

  it('has unique generic names and lower-case synonyms', () => {
    const names = MEDICATIONS.map((m) => m.generic);
    expect(new Set(names).size).toBe(names.length);
    for (const m of MEDICATIONS) {
      for (const s of [m.generic, ...(m.synonyms ?? [])]) {
        expect(s).toBe(s.toLowerCase());
      }
    }
  });
});

describe('interaction findings (reference §6.6)', () => {
  it.each([
    ['lorazepam', 'esketamine_nasal', ['INTERACTION_CNS_DEPRESSANT', 'INTERACTION_BENZODIAZEPINE_EFFICACY']],
    ['oxycodone', 'iv', ['INTERACTION_CNS_DEPRESSANT']],
    ['zolpidem', 'iv', ['INTERACTION_CNS_DEPRESSANT']],
    ['pregabalin', 'iv', ['INTERACTION_CNS_DEPRESSANT']],
    ['methylphenidate', 'iv', ['INTERACTION_PSYCHOSTIMULANT']],
    ['armodafinil', 'esketamine_nasal', ['INTERACTION_PSYCHOSTIMULANT']],
    ['phenelzine', 'esketamine_nasal', ['INTERACTION_MAOI']],
    ['lamotrigine', 'iv', ['INTERACTION_LAMOTRIGINE']],
    ['carbamazepine', 'iv', ['INTERACTION_CYP_MODULATOR']],
    ['clarithromycin', 'iv', ['INTERACTION_CYP_MODULATOR']],
    ['escitalopram', 'iv', ['INTERACTION_SSRI_BP']],
    ['escitalopram', 'esketamine_nasal', []],
    ['amlodipine', 'iv', []],
    ['unobtainium', 'iv', ['MEDICATION_UNRECOGNISED']],
  ] as const)('%s on %s → %j', (name, route, codes) => {
    expect(interactionFindings([{ name }], route, DEFAULT_PROTOCOL).map((f) => f.code)).toEqual(codes);
  });

  it('CYP direction: inducers lower, inhibitors raise exposure', () => {
    expect(interactionFindings([{ name: 'rifampin' }], 'iv', DEFAULT_PROTOCOL)[0]?.message).toMatch(/lower/);
    expect(interactionFindings([{ name: 'ticlopidine' }], 'iv', DEFAULT_PROTOCOL)[0]?.message).toMatch(/higher/);
  });

  it.each([
    [undefined, 'info'],
    [8, 'info'],
    [8.5, 'warn'],
  ])('benzodiazepine %s mg diazepam-eq/day → %s (limit 8)', (dose, severity) => {
    const f = interactionFindings([{ name: 'clonazepam', ...(dose === undefined ? {} : { diazepamEquivalentMgPerDay: dose }) }], 'iv', DEFAULT_PROTOCOL).find((x) => x.code === 'INTERACTION_BENZODIAZEPINE_EFFICACY');
    expect(f?.severity).toBe(severity);
    expect(f?.limit).toBe(8);
  });

  it('detects SSRI/SNRI use', () => {
    expect(takesSsriOrSnri([{ name: 'Effexor' }])).toBe(true);
    expect(takesSsriOrSnri([{ name: 'bupropion' }, { name: 'nothing' }])).toBe(false);
  });
});
