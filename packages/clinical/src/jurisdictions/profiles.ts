/** `JURISDICTIONS`: US, UK, Canada, Australia and Germany/EU profiles from reference §4 and §7. */
import { SOURCES } from '../findings/sources.js';
import type { JurisdictionCode } from '../protocol/route.js';
import type { JurisdictionProfile } from './types.js';

const NO_CRISIS_LINE = { number: null, name: null, configurable: true, source: null } as const;
const ALL_RACEMIC = ['iv', 'im', 'oral', 'sublingual'] as const;

const US: JurisdictionProfile = {
  code: 'US',
  name: 'United States',
  ketamineSchedule: { text: 'Schedule III (ketamine incl. isomers, so esketamine), effective 12 Aug 1999 (64 FR 37673).', source: SOURCES.us_schedule },
  esketamine: {
    approved: true,
    approvalNote: 'FDA-approved (Spravato); monotherapy for MDD with inadequate response to ≥2 oral antidepressants approved Jan 2025 (21 Jan per J&J; 17 Jan per one source — CONFLICT). Available only under the REMS.',
    remsApplies: true,
    requiresSsriOrSnri: false,
    source: SOURCES.spravato_indication,
  },
  offLabelRacemic: { note: 'Racemic ketamine is approved only as an anaesthetic; use for depression is off-label.', source: SOURCES.regulatory_framing },
  records: {
    retentionYears: 2,
    inventoryIntervalMonths: 24,
    initialInventoryRequired: true,
    wasteWitnessesRequired: null,
    destructionWitnesses: 2,
    theftLossInitialNoticeBusinessDays: 1,
    theftLossReportDays: 45,
    notes: [
      'Full Part 1304 records are required when the practitioner regularly administers controlled substances and charges patients for them (e.g. billed infusions).',
      'Some states require longer retention (e.g. Nebraska 5 years) or an annual inventory with exact counts (e.g. Iowa).',
      'Biennial inventory may be taken on any date within 2 years of the previous one; note opening or close of business.',
      'Schedule III is ordered on invoice (DEA Form 222 only for Schedule I–II); keep the invoice/receipt record.',
      'Destruction of inventory: DEA Form 41 signed by two authorised employees who witnessed it; kept on file.',
      'Theft or significant loss: written notice to the DEA Field Division within 1 business day; DEA Form 106 electronically within 45 days.',
      'Federal requirement for a second-person witness on routine partial-vial waste is UNCONFIRMED; many states/institutions require two licensed witnesses.',
    ],
    source: SOURCES.dea_records,
  },
  crisisLine: { number: '988', name: '988 Suicide & Crisis Lifeline', configurable: true, source: SOURCES.crisis_line_us },
  prescribingNotes: [
    { text: 'Spravato REMS: certified setting, prescriber and pulse oximeter on site, patient enrolment before the first outpatient dose, Patient Monitoring Form within 7 days of each session.', routes: ['esketamine_nasal'], source: SOURCES.rems_2024 },
  ],
  unconfirmed: ['records.wasteWitnessesRequired (federal)', 'REMS changes after 12/31/2024', 'current telemedicine flexibilities'],
};

const UK: JurisdictionProfile = {
  code: 'UK',
  name: 'United Kingdom',
  ketamineSchedule: { text: 'Class B (Misuse of Drugs Act) from 10 Jun 2014; Schedule 2 of the Misuse of Drugs Regulations 2001 (CD register, safe custody, authorised-witness destruction). Schedule-2 commencement date UNCONFIRMED.', source: SOURCES.uk_status },
  esketamine: {
    approved: true,
    approvalNote: 'Licensed (EU approval Dec 2019, pre-Brexit; UK PI has a 28 mg start at ≥65 y). NICE TA854 (Dec 2022): not recommended for TRD.',
    remsApplies: false,
    requiresSsriOrSnri: true,
    source: SOURCES.uk_status,
  },
  offLabelRacemic: { note: 'Legal as unlicensed use; NICE notes clinic delivery requirements.', source: SOURCES.uk_status },
  records: {
    retentionYears: null,
    inventoryIntervalMonths: null,
    initialInventoryRequired: null,
    wasteWitnessesRequired: null,
    destructionWitnesses: null,
    theftLossInitialNoticeBusinessDays: null,
    theftLossReportDays: null,
    notes: ['Schedule 2: controlled-drug register, safe custody, requisitions, full prescription requirements, destruction in the presence of an authorised witness. Retention periods and counts are not given in the reference.'],
    source: SOURCES.uk_status,
  },
  crisisLine: NO_CRISIS_LINE,
  prescribingNotes: [
    { text: 'NICE TA854: esketamine not recommended for treatment-resistant depression (affects NHS funding).', routes: ['esketamine_nasal'], source: SOURCES.uk_status },
  ],
  unconfirmed: ['Schedule 2 commencement date', 'esketamine.requiresSsriOrSnri (inferred from the EU approval)', 'record retention and witness counts'],
};

const CA: JurisdictionProfile = {
  code: 'CA',
  name: 'Canada',
  ketamineSchedule: { text: 'Schedule I of the CDSA and Narcotic Control Regulations item 14 (as a PCP analogue) since 2005 (SOR/2005-270).', source: SOURCES.ca_status },
  esketamine: { approved: true, approvalNote: 'Spravato approved by Health Canada in 2020.', remsApplies: false, requiresSsriOrSnri: null, source: SOURCES.ca_status },
  offLabelRacemic: { note: 'Off-label prescribing is legal.', source: SOURCES.ca_status },
  records: {
    retentionYears: null,
    inventoryIntervalMonths: null,
    initialInventoryRequired: null,
    wasteWitnessesRequired: null,
    destructionWitnesses: null,
    theftLossInitialNoticeBusinessDays: null,
    theftLossReportDays: null,
    notes: ['Narcotic Control Regulations apply; record-keeping numbers are not given in the reference.'],
    source: SOURCES.ca_status,
  },
  crisisLine: NO_CRISIS_LINE,
  prescribingNotes: [
    { text: 'British Columbia: IV ketamine only in hospitals or accredited non-hospital facilities (CPSBC 2022).', routes: ['iv'], source: SOURCES.ca_status },
  ],
  unconfirmed: ['record-keeping rules', 'esketamine SSRI/SNRI requirement'],
};

const AU: JurisdictionProfile = {
  code: 'AU',
  name: 'Australia',
  ketamineSchedule: { text: 'Schedule 8 (controlled drug); state S8 authorisation rules apply.', source: SOURCES.au_status },
  esketamine: { approved: true, approvalNote: 'TGA-approved March 2021 (S8; TRD after ≥2 antidepressants). PBS listing announced April 2025 (listing date UNCONFIRMED).', remsApplies: false, requiresSsriOrSnri: null, source: SOURCES.au_status },
  offLabelRacemic: { note: 'Allowed with state S8 authorisation.', source: SOURCES.au_status },
  records: {
    retentionYears: null,
    inventoryIntervalMonths: null,
    initialInventoryRequired: null,
    wasteWitnessesRequired: null,
    destructionWitnesses: null,
    theftLossInitialNoticeBusinessDays: null,
    theftLossReportDays: null,
    notes: ['State S8 rules apply; record-keeping numbers are not given in the reference.'],
    source: SOURCES.au_status,
  },
  crisisLine: NO_CRISIS_LINE,
  prescribingNotes: [
    { text: 'NSW: only AHPRA-registered psychiatrists may prescribe ketamine for TRD; approval needed for drug-dependent persons or more than 2 months continuous treatment.', routes: ALL_RACEMIC, source: SOURCES.au_status },
    { text: 'NSW class authority from 1 Apr 2025: psychiatrists may prescribe Spravato (non-drug-dependent, over 18, up to 84 mg/day) without individual approval; give under direct medical supervision in a setting equipped for emergencies.', routes: ['esketamine_nasal'], source: SOURCES.au_status },
    { text: 'WA: Monitored Medicines Prescribing Code Part 5 applies.', routes: ['iv', 'im', 'oral', 'sublingual', 'esketamine_nasal'], source: SOURCES.au_status },
  ],
  unconfirmed: ['PBS listing date', 'record-keeping rules'],
};

const DE: JurisdictionProfile = {
  code: 'DE',
  name: 'Germany / EU',
  ketamineSchedule: { text: 'Germany: not a Betäubungsmittel (not in the BtMG annexes); prescription-only under the AMG. Aug 2025 proposal to place it under the BtMG — outcome unknown. EU: national control varies.', source: SOURCES.eu_status },
  esketamine: {
    approved: true,
    approvalNote: 'EC approval Dec 2019 (TRD, ≥2 failures in the current moderate–severe episode, with an SSRI or SNRI); Feb 2021 extension for psychiatric emergency in MDD. SmPC: the prescribing decision is made by a psychiatrist.',
    remsApplies: false,
    requiresSsriOrSnri: true,
    source: SOURCES.eu_status,
  },
  offLabelRacemic: { note: 'Off-label prescribing per national law (legal Rx in Germany).', source: SOURCES.eu_status },
  records: {
    retentionYears: null,
    inventoryIntervalMonths: null,
    initialInventoryRequired: null,
    wasteWitnessesRequired: null,
    destructionWitnesses: null,
    theftLossInitialNoticeBusinessDays: null,
    theftLossReportDays: null,
    notes: ['Not a controlled narcotic in Germany, so no BtM register; clinic policy may still require one.'],
    source: SOURCES.eu_status,
  },
  crisisLine: NO_CRISIS_LINE,
  prescribingNotes: [
    { text: 'EU SmPC: the decision to prescribe esketamine is made by a psychiatrist.', routes: ['esketamine_nasal'], source: SOURCES.eu_status },
  ],
  unconfirmed: ['BtMG status after Aug 2025'],
};

export const JURISDICTIONS: Readonly<Record<JurisdictionCode, JurisdictionProfile>> = { US, UK, CA, AU, DE };
