import { BLADDER, costs, DEPENDENCE, DRIVING, LIVER_AND_COGNITION, PREGNANCY, RIGHTS } from './shared';
import type { ConsentContent } from './types';

export const IV_KETAMINE: ConsentContent = {
  title: 'Consent to intravenous (IV) ketamine treatment for depression',
  intro:
    'This form explains intravenous ketamine treatment for depression: what it involves, what it may do for you, its risks, and the other choices you have. Please read it fully and ask us about anything that is not clear before you sign.',
  sections: [
    {
      heading: 'What the treatment is, and off-label use',
      paragraphs: [
        'Ketamine is approved in the United States only as an anaesthetic. Using it to treat depression is “off-label”: doctors may prescribe it this way, but the manufacturer has not asked regulators to approve it for depression and regulators have not reviewed it for that use.',
        'The dose usually studied is 0.5 mg for each kilogram of body weight, given into a vein through a drip over about 40 minutes. Your prescriber may adjust the dose. A first course (“induction”) is commonly about 6 infusions over 2 to 3 weeks; some people then have occasional further infusions.',
      ],
    },
    {
      heading: 'Possible benefits and the evidence',
      paragraphs: [
        'In a large trial (ELEKT-D, 403 people with depression that had not responded to other treatments), 55.4% of people given IV ketamine twice a week for 3 weeks improved by at least half, compared with 41.2% of people given electroconvulsive therapy (ECT).',
        'Improvement can begin within hours or days, but it often fades: in one small study the typical time to relapse after a course was 18 days. Most studies are small and short, and there is little information about safety and benefit beyond a few months. Ketamine may not help you.',
      ],
    },
    {
      heading: 'What happens during a session',
      paragraphs: [
        'Before each infusion we check your blood pressure, heart rate and oxygen level, and ask about your mood and any thoughts of self-harm. During the infusion and until you are ready to leave, a nurse watches you and measures your blood pressure, heart rate and oxygen level regularly. Follow the clinic’s instructions about eating and drinking before a session.',
      ],
    },
    {
      heading: 'Common side effects',
      paragraphs: [
        'Common effects during and shortly after an infusion include headache, anxiety, feeling detached, nausea and dizziness (each in at least 1 in 5 people in one trial). In a community clinic study, 56% felt drowsy, 45% dizzy, 36% detached and 13% sick. These usually pass within an hour or two of the end of the infusion.',
      ],
    },
    {
      heading: 'Dissociation (feeling detached)',
      paragraphs: [
        'Ketamine can make you feel separated from your body or surroundings, change how things look or sound, or distort your sense of time. This can be pleasant or frightening. It usually passes within about 1.5 to 2 hours, and often lessens with later infusions. Staff stay with you and can slow or stop the infusion.',
      ],
    },
    {
      heading: 'Blood pressure and heart rate',
      paragraphs: [
        'Ketamine raises blood pressure and heart rate, most around 30 to 40 minutes into the infusion; levels usually return to your starting values within about 1.5 hours after it ends. In one clinic study 12.5% of patients had at least one episode of severe high blood pressure (in about 1 in 100 sessions), most often in the first three infusions and in older people or people with high blood pressure.',
        'If your blood pressure is too high before the infusion we will not start; if it rises too far we slow or stop the infusion and treat it. Tell us about any heart, blood-vessel or brain conditions, and any history of stroke or bleeding in the brain.',
      ],
    },
    {
      heading: 'Serious but uncommon risks',
      paragraphs: [
        'Breathing may slow, especially at higher doses or with other sedating medicines (benzodiazepines, opioids, alcohol). Some people have vivid dreams, confusion or agitation as the drug wears off. Ketamine can raise the pressure inside the eye. Allergic reactions are possible. The clinic has equipment and trained staff for emergencies.',
      ],
    },
    DEPENDENCE,
    BLADDER,
    LIVER_AND_COGNITION,
    PREGNANCY,
    {
      heading: 'Other treatments you can choose',
      paragraphs: [
        'Alternatives include other antidepressant medicines or combinations, talking therapies, esketamine nasal spray (approved for treatment-resistant depression and given in certified clinics), repetitive transcranial magnetic stimulation (rTMS), and electroconvulsive therapy (ECT). You can also choose no new treatment. Your prescriber can discuss these with you.',
      ],
    },
    costs('IV ketamine for depression is usually not covered by health insurance (Medicare does not cover it). Some insurers consider it case by case; we can give you a receipt (superbill) to claim yourself.'),
    DRIVING,
    RIGHTS,
  ],
  sources: [
    'Andrade C. Ketamine for depression, 4. J Clin Psychiatry 2017;78:e852 (dose 0.5 mg/kg over 40 minutes).',
    'Anand A et al. ELEKT-D. N Engl J Med 2023;388:2315 (response 55.4% vs 41.2% with ECT).',
    'Murrough JW et al. Biol Psychiatry 2013;74:250 (response 70.8%; median time to relapse 18 days).',
    'Singh JB et al. Am J Psychiatry 2016; Rodrigues NB et al. Expert Opin Drug Saf 2020 (side effects).',
    'Yale cohort, Gen Hosp Psychiatry 2024 (blood pressure peak at 40 minutes; severe hypertension 12.5% of patients, 0.98% of sessions).',
    'Ketalar (ketamine) prescribing information: warnings on liver injury and urinary tract symptoms; Morrison 2018 (cognition).',
    'Sanacora G et al. JAMA Psychiatry 2017;74:399 (APA consensus: limited long-term data).',
  ],
};
