/**
 * Curated medication table: generic name → class(es), with common brand names. Class membership is general
 * pharmacology knowledge (SOURCES.medication_classes), not a clinical threshold; verify against the local formulary.
 */

export type MedicationClass =
  | 'ssri'
  | 'snri'
  | 'tca'
  | 'maoi'
  | 'ndri'
  | 'nassa'
  | 'sari'
  | 'multimodal_antidepressant'
  | 'melatonergic_antidepressant'
  | 'benzodiazepine'
  | 'z_drug'
  | 'opioid'
  | 'other_cns_depressant'
  | 'psychostimulant'
  | 'glutamate_release_inhibitor'
  | 'cyp_inducer'
  | 'cyp3a4_inhibitor'
  | 'cyp2b6_inhibitor'
  | 'antipsychotic'
  | 'lithium'
  | 'antihypertensive'
  | 'nasal_corticosteroid'
  | 'nasal_decongestant'
  | 'ketamine';

/** Classes that count as antidepressant trials for treatment-resistance. */
export const ANTIDEPRESSANT_CLASSES: readonly MedicationClass[] = [
  'ssri',
  'snri',
  'tca',
  'maoi',
  'ndri',
  'nassa',
  'sari',
  'multimodal_antidepressant',
  'melatonergic_antidepressant',
];

export interface MedicationEntry {
  readonly generic: string;
  readonly classes: readonly MedicationClass[];
  readonly synonyms?: readonly string[];
}

const m = (generic: string, classes: readonly MedicationClass[], synonyms?: readonly string[]): MedicationEntry =>
  synonyms === undefined ? { generic, classes } : { generic, classes, synonyms };

export const MEDICATIONS: readonly MedicationEntry[] = [
  m('fluoxetine', ['ssri'], ['prozac']),
  m('sertraline', ['ssri'], ['zoloft', 'lustral']),
  m('paroxetine', ['ssri'], ['paxil', 'seroxat']),
  m('citalopram', ['ssri'], ['celexa', 'cipramil']),
  m('escitalopram', ['ssri'], ['lexapro', 'cipralex']),
  m('fluvoxamine', ['ssri'], ['luvox']),
  m('venlafaxine', ['snri'], ['effexor']),
  m('desvenlafaxine', ['snri'], ['pristiq']),
  m('duloxetine', ['snri'], ['cymbalta']),
  m('levomilnacipran', ['snri'], ['fetzima']),
  m('milnacipran', ['snri'], ['savella']),
  m('amitriptyline', ['tca']),
  m('nortriptyline', ['tca'], ['pamelor']),
  m('imipramine', ['tca'], ['tofranil']),
  m('desipramine', ['tca'], ['norpramin']),
  m('clomipramine', ['tca'], ['anafranil']),
  m('doxepin', ['tca']),
  m('trimipramine', ['tca']),
  m('protriptyline', ['tca']),
  m('dosulepin', ['tca'], ['dothiepin']),
  m('lofepramine', ['tca']),
  m('phenelzine', ['maoi'], ['nardil']),
  m('tranylcypromine', ['maoi'], ['parnate']),
  m('isocarboxazid', ['maoi'], ['marplan']),
  m('selegiline', ['maoi'], ['emsam']),
  m('moclobemide', ['maoi'], ['manerix']),
  m('bupropion', ['ndri'], ['wellbutrin', 'zyban']),
  m('mirtazapine', ['nassa'], ['remeron', 'zispin']),
  m('mianserin', ['nassa']),
  m('trazodone', ['sari'], ['desyrel', 'molipaxin']),
  m('nefazodone', ['sari']),
  m('vortioxetine', ['multimodal_antidepressant'], ['trintellix', 'brintellix']),
  m('vilazodone', ['multimodal_antidepressant'], ['viibryd']),
  m('agomelatine', ['melatonergic_antidepressant'], ['valdoxan']),
  m('alprazolam', ['benzodiazepine'], ['xanax']),
  m('clonazepam', ['benzodiazepine'], ['klonopin', 'rivotril']),
  m('diazepam', ['benzodiazepine'], ['valium']),
  m('lorazepam', ['benzodiazepine'], ['ativan']),
  m('temazepam', ['benzodiazepine'], ['restoril']),
  m('oxazepam', ['benzodiazepine']),
  m('chlordiazepoxide', ['benzodiazepine'], ['librium']),
  m('clobazam', ['benzodiazepine'], ['frisium', 'onfi']),
  m('midazolam', ['benzodiazepine']),
  m('nitrazepam', ['benzodiazepine']),
  m('triazolam', ['benzodiazepine'], ['halcion']),
  m('bromazepam', ['benzodiazepine']),
  m('zolpidem', ['z_drug'], ['ambien', 'stilnox']),
  m('zopiclone', ['z_drug'], ['imovane', 'zimovane']),
  m('eszopiclone', ['z_drug'], ['lunesta']),
  m('zaleplon', ['z_drug'], ['sonata']),
  m('morphine', ['opioid']),
  m('oxycodone', ['opioid'], ['oxycontin']),
  m('hydrocodone', ['opioid']),
  m('hydromorphone', ['opioid'], ['dilaudid']),
  m('oxymorphone', ['opioid']),
  m('fentanyl', ['opioid']),
  m('codeine', ['opioid']),
  m('tramadol', ['opioid'], ['ultram']),
  m('tapentadol', ['opioid'], ['nucynta']),
  m('methadone', ['opioid']),
  m('buprenorphine', ['opioid'], ['subutex', 'suboxone']),
  m('phenobarbital', ['other_cns_depressant']),
  m('butalbital', ['other_cns_depressant']),
  m('gabapentin', ['other_cns_depressant'], ['neurontin']),
  m('pregabalin', ['other_cns_depressant'], ['lyrica']),
  m('amphetamine', ['psychostimulant'], ['adderall']),
  m('dextroamphetamine', ['psychostimulant'], ['dexamfetamine', 'dexedrine']),
  m('lisdexamfetamine', ['psychostimulant'], ['vyvanse', 'elvanse']),
  m('methylphenidate', ['psychostimulant'], ['ritalin', 'concerta']),
  m('dexmethylphenidate', ['psychostimulant'], ['focalin']),
  m('modafinil', ['psychostimulant'], ['provigil']),
  m('armodafinil', ['psychostimulant'], ['nuvigil']),
  m('lamotrigine', ['glutamate_release_inhibitor'], ['lamictal']),
  m('riluzole', ['glutamate_release_inhibitor'], ['rilutek']),
  m('rifampicin', ['cyp_inducer'], ['rifampin']),
  m('carbamazepine', ['cyp_inducer'], ['tegretol']),
  m('phenytoin', ['cyp_inducer'], ['dilantin']),
  m("st john's wort", ['cyp_inducer'], ['hypericum']),
  m('ketoconazole', ['cyp3a4_inhibitor']),
  m('itraconazole', ['cyp3a4_inhibitor']),
  m('clarithromycin', ['cyp3a4_inhibitor']),
  m('ritonavir', ['cyp3a4_inhibitor']),
  m('ticlopidine', ['cyp2b6_inhibitor']),
  m('clopidogrel', ['cyp2b6_inhibitor'], ['plavix']),
  m('aripiprazole', ['antipsychotic'], ['abilify']),
  m('brexpiprazole', ['antipsychotic'], ['rexulti']),
  m('cariprazine', ['antipsychotic'], ['vraylar']),
  m('quetiapine', ['antipsychotic'], ['seroquel']),
  m('olanzapine', ['antipsychotic'], ['zyprexa']),
  m('risperidone', ['antipsychotic'], ['risperdal']),
  m('lurasidone', ['antipsychotic'], ['latuda']),
  m('lithium', ['lithium']),
  m('bisoprolol', ['antihypertensive']),
  m('metoprolol', ['antihypertensive']),
  m('enalapril', ['antihypertensive']),
  m('captopril', ['antihypertensive']),
  m('ramipril', ['antihypertensive']),
  m('amlodipine', ['antihypertensive']),
  m('bendroflumethiazide', ['antihypertensive']),
  m('hydrochlorothiazide', ['antihypertensive'], ['hctz']),
  m('losartan', ['antihypertensive']),
  m('valsartan', ['antihypertensive']),
  m('fluticasone', ['nasal_corticosteroid'], ['flonase']),
  m('mometasone', ['nasal_corticosteroid'], ['nasonex']),
  m('beclomethasone', ['nasal_corticosteroid'], ['beconase']),
  m('oxymetazoline', ['nasal_decongestant'], ['afrin']),
  m('xylometazoline', ['nasal_decongestant'], ['otrivine']),
  m('pseudoephedrine', ['nasal_decongestant'], ['sudafed']),
  m('ketamine', ['ketamine'], ['ketalar']),
  m('esketamine', ['ketamine'], ['spravato']),
];

export interface MedicationMatch {
  /** Generic names found in the input (combination products give several). */
  readonly generics: readonly string[];
  readonly classes: readonly MedicationClass[];
}

const INDEX: ReadonlyMap<string, MedicationEntry> = new Map(
  MEDICATIONS.flatMap((e) => [e.generic, ...(e.synonyms ?? [])].map((n) => [n, e] as const)),
);

function normalise(name: string): string {
  return name.toLowerCase().replace(/[’`]/g, "'").replace(/[^a-z' ]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Classes of a medication named in free text ("Sertraline 100 mg", "Adderall XR", "amphetamine/dextroamphetamine").
 * Matches whole words (and the multi-word "st john's wort"). Returns `null` when nothing is recognised.
 */
export function classifyMedication(name: string): MedicationMatch | null {
  const words = normalise(name).split(' ');
  const generics = new Set<string>();
  const classes = new Set<MedicationClass>();
  for (let i = 0; i < words.length; i += 1) {
    for (const len of [3, 2, 1]) {
      const entry = INDEX.get(words.slice(i, i + len).join(' '));
      if (entry !== undefined) {
        generics.add(entry.generic);
        entry.classes.forEach((c) => classes.add(c));
      }
    }
  }
  return generics.size === 0 ? null : { generics: [...generics], classes: [...classes] };
}
