import { BLADDER, costs, DEPENDENCE, DRIVING, LIVER_AND_COGNITION, PREGNANCY, RIGHTS } from './shared';
import type { ConsentContent } from './types';

export const ESKETAMINE_NASAL: ConsentContent = {
  title: 'Consent to esketamine nasal spray (Spravato) treatment',
  intro:
    'This form explains esketamine nasal spray treatment: what it involves, what it may do for you, its risks, the safety programme it is given under, and your other choices. Please read it fully and ask us about anything that is not clear before you sign.',
  sections: [
    {
      heading: 'What the treatment is',
      paragraphs: [
        'Esketamine (Spravato) is a nasal spray approved in the United States for adults with depression that has not improved with at least two antidepressants, either with an antidepressant tablet or on its own, and for depression with suicidal thoughts or actions.',
        'Each device holds 28 mg in two sprays (one in each nostril). You spray it yourself while a healthcare professional watches; a dose is 1, 2 or 3 devices with 5 minutes between devices. Usually it is given twice a week for 4 weeks, then once a week for 4 weeks, then every 1 or 2 weeks.',
      ],
    },
    {
      heading: 'The safety programme (REMS) and monitoring',
      paragraphs: [
        'Esketamine is only available through a safety programme (the SPRAVATO REMS). You must be enrolled before your first dose. We report every session to the programme within 7 days.',
        'After each dose you stay at the clinic for at least 2 hours, and until any sleepiness, detachment or slowed breathing has passed. We check your blood pressure before the dose, about 40 minutes after it and before you leave, and check your oxygen level. The spray is never given to take home.',
        'Do not eat for at least 2 hours or drink for at least 30 minutes before a dose (to avoid feeling sick). Use any nasal steroid or decongestant spray at least 1 hour before.',
      ],
    },
    {
      heading: 'Possible benefits and the evidence',
      paragraphs: [
        'In a 2025 trial of esketamine on its own, 22.5% of people were in remission after 4 weeks, compared with 7.6% on a placebo spray. Improvement varies from person to person and esketamine may not help you. It has not been shown to prevent suicide and does not replace hospital care when that is needed.',
      ],
    },
    {
      heading: 'Common side effects',
      paragraphs: [
        'In a main trial, the most common effects were feeling sick (29%), feeling detached (27%), dizziness (25%), a spinning feeling (21%), headache (20%), sleepiness (20%), a changed sense of taste (16%), numbness (13%), tingling (13%), vomiting (9%) and raised blood pressure (8%). These usually pass on the day of treatment and tend to lessen with later doses.',
      ],
    },
    {
      heading: 'Sleepiness, detachment and breathing',
      paragraphs: [
        'About half of people feel sleepy, most around 30 to 45 minutes after the dose; rarely (3 or 4 in 1,000) people lose consciousness for a while. Most people feel detached or notice changes in how things look, sound or feel. Breathing can slow, especially with other sedating medicines. This is why you are watched for at least 2 hours.',
      ],
    },
    {
      heading: 'Blood pressure',
      paragraphs: [
        'Blood pressure rises after each dose, most at about 40 minutes, and usually settles within 1.5 to 2 hours. In trials, 8 to 19 in 100 people had a large rise (40 mmHg or more in the top number, or 25 mmHg or more in the bottom number) at least once in the first month, compared with 1 to 4 in 100 on placebo. A large rise can happen after any dose, even if earlier doses were fine.',
        'Esketamine must not be used by people with an aneurysm, an arteriovenous malformation or a past bleed in the brain. If your blood pressure is high before the dose we may wait or not give it.',
      ],
    },
    DEPENDENCE,
    BLADDER,
    LIVER_AND_COGNITION,
    PREGNANCY,
    {
      heading: 'Other treatments you can choose',
      paragraphs: [
        'Alternatives include other antidepressant medicines or combinations, talking therapies, IV ketamine (off-label), repetitive transcranial magnetic stimulation (rTMS) and electroconvulsive therapy (ECT). You can also choose no new treatment.',
      ],
    },
    costs('Esketamine is approved for this use and is often covered by insurance, usually after prior authorisation; we can help with the paperwork. Your plan may charge a co-payment.'),
    DRIVING,
    RIGHTS,
  ],
  sources: [
    'SPRAVATO (esketamine) US prescribing information and REMS (FDA REMS page, updated 12/31/2024).',
    'TRANSFORM-1, Int J Neuropsychopharmacol 2019 (side-effect rates, Table 5).',
    'NCT04599855 monotherapy trial; Johnson & Johnson press release 21 Jan 2025 (remission 22.5% vs 7.6%).',
    'US prescribing information section 5.6 (blood pressure; 8–19% vs 1–4% large rises); section 5.1 (sedation 48–61%, loss of consciousness 0.3–0.4%).',
  ],
};
