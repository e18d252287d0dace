import { IV_KETAMINE } from './iv-ketamine';
import type { ConsentContent, ConsentSection } from './types';

function replaceFirst(sections: ConsentSection[], replacements: Record<string, ConsentSection>): ConsentSection[] {
  return sections.map((s) => replacements[s.heading] ?? s);
}

export const IM_KETAMINE: ConsentContent = {
  ...IV_KETAMINE,
  title: 'Consent to intramuscular (IM) ketamine treatment for depression',
  intro: 'This form explains ketamine given by injection into a muscle for depression: what it involves, what it may do for you, its risks, and your other choices. Please read it fully and ask us about anything that is not clear before you sign.',
  sections: replaceFirst(IV_KETAMINE.sections, {
    'What the treatment is, and off-label use': {
      heading: 'What the treatment is, and off-label use',
      paragraphs: [
        'Ketamine is approved in the United States only as an anaesthetic. Using it to treat depression is “off-label”: doctors may prescribe it this way, but regulators have not reviewed it for that use.',
        'Here it is given as an injection into a muscle (usually the upper arm). The dose is based on your weight; your prescriber may adjust it. The effects start faster and may be stronger at first than with a slow drip.',
      ],
    },
    'Possible benefits and the evidence': {
      heading: 'Possible benefits and the evidence',
      paragraphs: [
        'The evidence for injections into a muscle is much smaller than for IV infusions. In one small study (27 people), 0.5 mg/kg and 0.25 mg/kg injected into a muscle improved depression scores about as much as 0.5 mg/kg given into a vein, two hours later. Improvement often fades and repeated treatment may be needed. Ketamine may not help you.',
      ],
    },
  }),
  sources: [...IV_KETAMINE.sources, 'Chilukuri H et al. Indian J Psychol Med 2014;36:71 (IM vs IV ketamine, n = 27).'],
};

export const ORAL_KETAMINE: ConsentContent = {
  ...IV_KETAMINE,
  title: 'Consent to oral or sublingual ketamine treatment for depression',
  intro: 'This form explains ketamine taken by mouth (swallowed, or held under the tongue) for depression: what it involves, what it may do for you, its risks, and your other choices. Please read it fully and ask us about anything that is not clear before you sign.',
  sections: replaceFirst(IV_KETAMINE.sections, {
    'What the treatment is, and off-label use': {
      heading: 'What the treatment is, and off-label use',
      paragraphs: [
        'Ketamine is approved in the United States only as an anaesthetic. Using it to treat depression is “off-label”: doctors may prescribe it this way, but regulators have not reviewed it for that use.',
        'Here you take a measured dose by mouth, in the clinic, under supervision. Less of the drug reaches the blood than with an injection (about 20–25% when swallowed, about 30% under the tongue), so doses are higher and effects vary more between people.',
      ],
    },
    'Possible benefits and the evidence': {
      heading: 'Possible benefits and the evidence',
      paragraphs: [
        'The evidence for ketamine by mouth comes from small studies and case series that used widely different doses (from 0.25 to 7 mg per kilogram, or 25 to 300 mg). One trial found no difference between 1 and 2 mg per kilogram twice a week. The best dose is not known, and ketamine may not help you.',
      ],
    },
  }),
  sources: [...IV_KETAMINE.sources, 'Andrade C. Oral ketamine for depression, 2. J Clin Psychiatry 2019 (oral bioavailability 20–25%).', 'Lara DR et al. Int J Neuropsychopharmacol 2013 (sublingual bioavailability about 30%).'],
};
