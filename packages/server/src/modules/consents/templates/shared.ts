import type { ConsentSection } from './types';

/** Sections that every ketamine-family consent carries, with facts from the clinical reference. */
export const DEPENDENCE: ConsentSection = {
  heading: 'Dependence and misuse',
  paragraphs: [
    'Ketamine and esketamine are controlled drugs (Schedule III in the United States) because they can be misused. In studies, people who use drugs recreationally liked their effect more than a placebo. We give every dose here, in the clinic; doses are never given to take home.',
    'Tell us about any past or present use of alcohol or drugs, including ketamine. We ask about cravings and misuse during treatment and may stop treatment if misuse is suspected.',
  ],
};

export const BLADDER: ConsentSection = {
  heading: 'Bladder problems',
  paragraphs: [
    'Frequent, heavy use of ketamine (mostly recreational) can damage the bladder: pain, needing to pass urine often or urgently, and blood in the urine. More than a quarter of regular recreational users develop this; it is rare at treatment doses, but a case after treatment doses was reported in 2023. Stopping early usually helps.',
    'We ask about urinary symptoms at your visits. Tell us straight away about pain when passing urine, blood in the urine, or needing to go much more often.',
  ],
};

export const LIVER_AND_COGNITION: ConsentSection = {
  heading: 'Liver, memory and thinking',
  paragraphs: [
    'Repeated ketamine can affect the liver and bile ducts. For repeated racemic ketamine we check liver blood tests before the course and from time to time during it.',
    'Thinking and memory are slowed for a short time after a dose (in studies, at 40 minutes, back to normal by 2 hours). Long-term memory problems are seen in people who misuse ketamine often; we may check memory and thinking during long treatment.',
  ],
};

export const DRIVING: ConsentSection = {
  heading: 'Travel home and driving',
  paragraphs: [
    'You must not drive, ride a bike, operate machinery or sign legal documents until the next day, after a restful night’s sleep.',
    'An adult must take you home after each session. We will not discharge you alone.',
  ],
};

export const PREGNANCY: ConsentSection = {
  heading: 'Pregnancy and breastfeeding',
  paragraphs: [
    'Treatment is not recommended during pregnancy or breastfeeding. Tell us if you are pregnant, could be pregnant, are planning a pregnancy, or are breastfeeding. If you become pregnant during treatment, stop and tell us.',
  ],
};

export const RIGHTS: ConsentSection = {
  heading: 'Your rights',
  paragraphs: [
    'Taking part is your choice. You can ask questions at any time, and you can withdraw this consent at any time, before or during a session, without it affecting the rest of your care. Tell any member of staff; we will record it and cancel future sessions.',
    'We will ask you to complete short questionnaires about your mood and side effects so that you and your prescriber can see whether the treatment helps.',
  ],
};

export function costs(covered: string): ConsentSection {
  return {
    heading: 'Costs and insurance',
    paragraphs: [covered, 'Ask us for the price of each session and of a full course before you start. You will not be charged for sessions you cancel in line with the clinic’s cancellation policy.'],
  };
}
