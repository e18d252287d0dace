import { JURISDICTIONS, type JurisdictionCode } from '@ketapath/clinical';
import { countryPhrase } from '../country';
import { f, h2, list, p, plain, type Block, type Fact, type Topic } from './model';
import type { EduSourceId } from './sources';

/** Plain-language legal status per jurisdiction profile (reference §7), in the visitor's terms. */
const STATUS: Readonly<Record<JurisdictionCode, { readonly src: EduSourceId; readonly facts: readonly Fact[] }>> = {
  US: {
    src: 'us_schedule',
    facts: [
      f('Ketamine, including esketamine, is a Schedule III controlled drug. This has been so since 12 August 1999.', 'us_schedule'),
      f('The FDA approved esketamine spray (Spravato) for depression. Since January 2025 it may also be used on its own, without a second antidepressant.', 'spravato_monotherapy'),
      f('Ketamine by drip, shot, pill or lozenge is off-label for depression.', 'regulatory_framing'),
      f('A clinic that charges for ketamine it gives must keep full records of it for at least two years.', 'dea_records'),
    ],
  },
  UK: {
    src: 'uk_status',
    facts: [
      f('Ketamine has been a Class B drug since 10 June 2014. It is also a Schedule 2 controlled drug, with strict rules on storage and records.', 'uk_status'),
      f('Esketamine spray is licensed. But in December 2022 NICE did not recommend it for treatment-resistant depression on the NHS.', 'uk_status'),
      f('Ketamine for depression is legal as unlicensed, off-label use.', 'uk_status'),
    ],
  },
  CA: {
    src: 'ca_status',
    facts: [
      f('Ketamine has been a Schedule I controlled drug since 2005.', 'ca_status'),
      f('Health Canada approved esketamine spray in 2020.', 'ca_status'),
      f('Off-label prescribing of ketamine is legal.', 'ca_status'),
      f('In British Columbia, ketamine by drip may be given only in hospitals or in accredited clinics.', 'ca_status'),
    ],
  },
  AU: {
    src: 'au_status',
    facts: [
      f('Ketamine is a Schedule 8 controlled drug. Each state has its own rules for prescribing it.', 'au_status'),
      f('The TGA approved esketamine spray in March 2021.', 'au_status'),
      f('In New South Wales, only psychiatrists may prescribe ketamine for treatment-resistant depression.', 'au_status'),
      f('Since 1 April 2025, psychiatrists in New South Wales may prescribe esketamine spray up to 84 mg a day without a separate approval. It must be given under direct medical supervision.', 'au_status'),
    ],
  },
  DE: {
    src: 'eu_status',
    facts: [
      f('In Germany, ketamine is not classed as a narcotic, but it needs a prescription. In August 2025 a change to this was proposed; the result is not known.', 'eu_status'),
      f('The EU approved esketamine spray in December 2019. A psychiatrist should make the decision to prescribe it.', 'eu_status'),
      f('Ketamine for depression is legal as off-label use under national law.', 'eu_status'),
    ],
  },
};

/** Statements that follow from the jurisdiction profile's flags. */
function profileFacts(code: JurisdictionCode): Fact[] {
  const j = JURISDICTIONS[code];
  const src = STATUS[code].src;
  const out: Fact[] = [];
  if (j.esketamine.remsApplies) {
    out.push(f('Esketamine spray is only given under the REMS safety program. The clinic must be certified, and you must be enrolled before your first dose.', 'rems_2024'));
  }
  if (j.esketamine.requiresSsriOrSnri === true) {
    const confirmed = !j.unconfirmed.some((u) => u.startsWith('esketamine.requiresSsriOrSnri'));
    out.push(
      confirmed
        ? f('Esketamine spray is licensed for use together with an SSRI or SNRI antidepressant.', src)
        : f('The EU licence for esketamine spray is for use together with an SSRI or SNRI antidepressant. Our sources do not confirm that this still applies here.', src, 'eu_status'),
    );
  }
  return out;
}

export function legalStatusBlocks(code: JurisdictionCode | null): Block[] {
  if (code === null) {
    return [
      plain('Choose your country above to see its rules. We cover the United States, the United Kingdom, Canada, Australia and Germany.'),
      p(f('Ketamine is a controlled drug in the United States, the United Kingdom, Canada and Australia. In Germany it is not classed as a narcotic.', 'us_schedule', 'uk_status', 'ca_status', 'au_status', 'eu_status')),
      plain('If your country is not listed, ask the clinic which local rules apply to them.'),
    ];
  }
  const status = STATUS[code];
  const phrase = countryPhrase(code);
  return [h2(`In ${phrase}`, 'your-country'), list(...status.facts, ...profileFacts(code))];
}

export const LEGAL_STATUS: Topic = {
  slug: 'legal-status',
  title: 'Legal status and off-label use',
  summary: 'Whether ketamine and esketamine are approved where you live, what “off-label” means, and how the drugs are controlled.',
  blocks: [
    h2('What “off-label” means'),
    p(
      f('A medicine approved for one use can sometimes be prescribed for another. This is called off-label use.', 'regulatory_framing'),
      f('Ketamine is approved as an anaesthetic. When a doctor uses it for depression, that is off-label. Regulators have not approved it for that use.', 'regulatory_framing'),
      f('Esketamine spray is approved for depression in the United States, the United Kingdom, the EU, Canada and Australia.', 'spravato_label', 'uk_status', 'eu_status', 'ca_status', 'au_status'),
    ),
    h2('Controlled drug rules'),
    p(f('Controlled drugs have strict rules for storage, records and disposal. For example, US clinics must report a theft or big loss within one business day.', 'dea_records')),
    { kind: 'country', render: legalStatusBlocks },
    plain('Laws change. Ask the clinic how it follows the current rules where you live.'),
    { kind: 'crisis' },
  ],
};

function costBlocks(code: JurisdictionCode | null): Block[] {
  if (code === 'AU') {
    return [
      h2('In Australia'),
      p(
        f('Before public subsidy, esketamine spray cost about A$300 to A$1,800 a week.', 'au_costs'),
        f('A listing on the Pharmaceutical Benefits Scheme (PBS) was announced in April 2025. The listing date is not confirmed in our sources.', 'au_status'),
      ),
    ];
  }
  if (code !== null && code !== 'US') {
    return [plain(`Our sources have no prices for ${countryPhrase(code)}. Ask each clinic for a written quote for a full course.`)];
  }
  return [];
}

export const COSTS: Topic = {
  slug: 'costs',
  title: 'Costs and insurance',
  summary: 'What sessions and courses cost, what insurance tends to cover, and what to ask about prices.',
  blocks: [
    h2('Prices in the United States'),
    p(
      f('One ketamine drip session costs about $400 to $2,000, depending on the clinic.', 'costs_us'),
      f('A first course of 4 to 6 sessions costs about $2,000 to $4,800.', 'costs_us'),
    ),
    h2('Insurance in the United States'),
    p(
      f('Insurance usually does not pay for ketamine by drip for depression, because it is off-label. Medicare does not cover it.', 'coverage'),
      f('Some insurers decide case by case, with letters from your doctor. Some clinics give you a receipt to claim back the cost yourself.', 'coverage'),
      f('Esketamine spray is covered more often, usually after the insurer gives approval first. Medicare covers it.', 'coverage'),
    ),
    { kind: 'country', render: costBlocks },
    h2('Questions to ask about cost'),
    list(
      f('What does the price include: the first assessment, each session, and follow-up visits?', 'costs_us'),
      f('What is the total for a full first course, not just one session?', 'costs_us'),
      f('Will you help me ask my insurer to pay, and give me the papers I need?', 'coverage'),
    ),
    plain('Clinics that use Ketapath can publish their prices and show how they add up for a typical course.'),
  ],
};
