/**
 * Sources behind every factual statement on the public pages. Each entry names where the fact comes from,
 * when that source is dated, and the section of the Ketapath clinical reference
 * (shared/reference/clinical.md) that records it. Nothing on a public page is stated without one of these.
 */
export interface EduSource {
  /** What a visitor sees. */
  readonly title: string;
  /** Original source as recorded in the reference. */
  readonly detail: string;
  /** Date of the source as given in the reference ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD'); null = undated web page. */
  readonly date: string | null;
  /** Section of the clinical reference. */
  readonly ref: string;
}

/** The day the public content was last checked against the clinical reference. */
export const CONTENT_CHECKED_ON = '2026-11-21';

export const EDU_SOURCES = {
  regulatory_framing: { title: 'Regulatory status of ketamine and esketamine', detail: 'GoodRx Spravato page; ASA ketamine safe-use guidance; Parikh 2021, Psychopharmacol Bull (PMC8374924)', date: '2021', ref: 'Regulatory framing (introduction)' },
  spravato_label: { title: 'US Spravato (esketamine) prescribing information', detail: 'US label, published versions 2019–2024', date: '2019–2024', ref: '§1.3, §2.1, §3' },
  rems_2024: { title: 'FDA Spravato REMS safety programme', detail: 'accessdata.fda.gov REMS=386; spravatorems.com', date: '2024-12-31', ref: '§3.2, §4' },
  spravato_monotherapy: { title: 'FDA approval of Spravato on its own (monotherapy)', detail: 'Johnson & Johnson press release; trial NCT04599855', date: '2025-01-21', ref: '§1.1, §4' },
  esk_older_adults: { title: 'EU and UK Spravato product information (adults 65 and over)', detail: 'janssen-pi.co.uk; EU SmPC Annex I', date: null, ref: '§2.1' },
  smpc_eu: { title: 'EU Spravato product information (SmPC)', detail: 'EMA summary of product characteristics (rxreasoner 2025)', date: '2025', ref: '§1.3, §7.2' },
  esk_bp_trials: { title: 'Blood pressure in esketamine trials', detail: 'Janssen medical information on antihypertensives in esketamine trials', date: null, ref: '§3.2' },
  sedation_time: { title: 'Esketamine sedation time course', detail: 'Janssen medical information, sedation page', date: '2024-06', ref: '§3.2' },
  discharge_readiness: { title: 'Discharge readiness in esketamine trials (TRANSFORM-1/2)', detail: 'Psych Congress 2019 poster', date: '2019', ref: '§3.2' },
  trd_consensus: { title: 'Expert consensus on treatment-resistant depression', detail: 'Depression and Anxiety 2021;38(4):456, Table 3', date: '2021', ref: '§1.1' },
  andrade_2017: { title: 'Review of IV ketamine dosing for depression', detail: 'Andrade, J Clin Psychiatry 2017;78:e852', date: '2017', ref: '§2.2' },
  iv_course: { title: 'IV ketamine courses in trials and clinics', detail: 'ELEKT-D (NEJM 2023); clinic descriptions of induction series and boosters', date: '2023', ref: '§2.2' },
  elekt_d: { title: 'ELEKT-D trial: IV ketamine compared with ECT', detail: 'Anand et al., N Engl J Med 2023;388:2315', date: '2023', ref: '§2.2' },
  murrough_2013: { title: 'Repeated IV ketamine study', detail: 'Murrough et al., Biol Psychiatry 2013;74:250', date: '2013', ref: '§2.2' },
  effect_duration: { title: 'How long one ketamine treatment lasts', detail: 'Aust N Z J Psychiatry 2019 (10.1177/0004867419866510)', date: '2019', ref: '§2.2' },
  other_routes: { title: 'Injection, oral and under-the-tongue ketamine studies', detail: 'Chilukuri 2014 (IM); Andrade 2019 (oral); Lara 2013 (sublingual)', date: '2013–2019', ref: '§2.3' },
  apa_2017: { title: 'American Psychiatric Association task force consensus', detail: 'Sanacora et al., JAMA Psychiatry 2017;74(4):399–405', date: '2017', ref: '§9.1' },
  askp3: { title: 'American Society of Ketamine Physicians, Psychotherapists & Practitioners (ASKP3)', detail: 'Standards of practice (revised 30 Jul 2020); statement of 12 Mar 2021; guidance for patients', date: '2020–2021', ref: '§9.2' },
  asa_2025: { title: 'American Society of Anesthesiologists ketamine guidance', detail: 'asahq.org ketamine safe use', date: '2025-02-11', ref: '§9.3' },
  clinic_safety_lists: { title: 'Clinic emergency-equipment lists', detail: 'Published clinic safety lists (not official guidance)', date: null, ref: '§9.3' },
  iv_bp_studies: { title: 'Blood pressure during IV ketamine', detail: 'Riva-Posse 2018, J Affect Disord; Gen Hosp Psychiatry 2024 (Yale)', date: '2018–2024', ref: '§3.2' },
  yale_2024: { title: 'Blood pressure surges during IV ketamine (Yale)', detail: 'Gen Hosp Psychiatry 2024, 138 patients and 2,342 infusions', date: '2024', ref: '§3.2' },
  discharge_scores: { title: 'Discharge scores used after sedation', detail: 'PADSS (Chung); modified Aldrete (1995)', date: '1995', ref: '§3.3' },
  swiss_smpc: { title: 'Swiss ketamine product information', detail: 'ch.oddb.org ketamine contraindications', date: null, ref: '§1.3' },
  uk_ketalar: { title: 'UK Ketalar (ketamine) product information', detail: 'MHRA SmPC 2019', date: '2019', ref: '§1.3' },
  clinic_exclusions: { title: 'Exclusions used by trials and clinics', detail: 'NYU trial 817; psyon.cz exclusion criteria', date: null, ref: '§1.3' },
  icp_iop: { title: 'Eye and brain pressure in clinic protocols', detail: 'Clinical reference note: common in clinic protocols, not a labelled contraindication', date: null, ref: '§1.3' },
  interactions: { title: 'Medicines that interact with esketamine and ketamine', detail: 'Spravato label 7.1–7.3; Andrade 2017', date: '2017–2024', ref: '§6.6' },
  transform1: { title: 'TRANSFORM-1 trial side effects', detail: 'Int J Neuropsychopharmacol 2019 (PMC6822141), Table 5', date: '2019', ref: '§6.1' },
  spravato_safety: { title: 'Spravato safety and tolerability data', detail: 'spravato.com safety page; label 5.1', date: null, ref: '§6.1' },
  rodrigues_2020: { title: 'Community IV ketamine study (203 people)', detail: 'Rodrigues 2020, Expert Opin Drug Saf', date: '2020', ref: '§3.2, §6.1' },
  side_effects_fade: { title: 'Side effects with repeated doses', detail: 'Singh 2016, Am J Psychiatry; J Clin Psychiatry post hoc analysis (928 people)', date: '2016', ref: '§6.1' },
  ketalar_label: { title: 'US ketamine (Ketalar) prescribing information', detail: 'Current US label: bladder and liver warnings', date: null, ref: '§6.2, §6.3' },
  cystitis: { title: 'Ketamine and the bladder', detail: 'Recreational-use data; Chang 2023 case report; BJPsych Open', date: '2023', ref: '§6.2' },
  liver_review: { title: 'Liver effects in mood-disorder trials', detail: 'Systematic review of about 879 trial participants; Cotter 2021, Drug Saf 44:1365', date: '2021', ref: '§6.3' },
  cognition_2018: { title: 'Esketamine and thinking speed', detail: 'Morrison et al. 2018, Psychopharmacology (PMC5869899)', date: '2018', ref: '§6.4' },
  abuse_label: { title: 'Misuse and dependence', detail: 'Spravato label section 9; EU SmPC', date: '2019', ref: '§6.5' },
  suicidality: { title: 'Antidepressants and suicidal thoughts', detail: 'Spravato label, class warning table', date: '2019', ref: '§6.7' },
  phq9: { title: 'PHQ-9 depression questionnaire', detail: 'Kroenke, Spitzer, Williams 2001, J Gen Intern Med 16:606', date: '2001', ref: '§5.1' },
  outcome_definitions: { title: 'How trials define response and remission', detail: 'Talati 2019; ELEKT-D; SUSTAIN-3', date: '2019–2023', ref: '§5.11' },
  us_schedule: { title: 'US scheduling of ketamine', detail: 'Federal Register 64 FR 37673', date: '1999-07-13', ref: '§7.1' },
  dea_records: { title: 'US controlled-drug record rules', detail: '21 CFR 1304; DEA Practitioner\'s Manual', date: '2024-11', ref: '§7.1' },
  uk_status: { title: 'UK legal status of ketamine and esketamine', detail: 'legislation.gov.uk 2014 Order; NICE TA854', date: '2022-12', ref: '§7.2' },
  eu_status: { title: 'EU and German status of ketamine and esketamine', detail: 'EC approval Dec 2019 and Feb 2021; pharmazeutische-zeitung.de', date: '2025-08-11', ref: '§7.2' },
  ca_status: { title: 'Canadian status of ketamine and esketamine', detail: 'SOR/2005-270; Health Canada; CPSBC 2022', date: '2022', ref: '§7.2' },
  au_status: { title: 'Australian status of ketamine and esketamine', detail: 'TGA; NSW Health class authority; Guardian 27 Apr 2025', date: '2025-04-27', ref: '§7.2' },
  costs_us: { title: 'US prices for IV ketamine', detail: 'accountinginsights.org; fairsquaremedicare.com; vice.com', date: null, ref: '§8' },
  coverage: { title: 'Insurance coverage patterns', detail: 'fairsquaremedicare.com; osmind.org billing guide; BCBS Massachusetts policy (Aug 2023)', date: '2023-08', ref: '§8' },
  au_costs: { title: 'Esketamine cost in Australia before PBS listing', detail: 'vice.com', date: null, ref: '§8' },
  crisis_us: { title: '988 Suicide & Crisis Lifeline (US)', detail: 'Ketapath jurisdiction profile (United States)', date: null, ref: 'Ketapath clinical core, jurisdiction profiles' },
} as const satisfies Record<string, EduSource>;

export type EduSourceId = keyof typeof EDU_SOURCES;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2024-12-31' → '31 Dec 2024'; '2023-08' → 'Aug 2023'; years and ranges unchanged. */
export function formatSourceDate(date: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (m === null) {
    return date;
  }
  const month = MONTHS[Number(m[2]) - 1] ?? m[2];
  return m[3] === undefined ? `${month} ${m[1]}` : `${Number(m[3])} ${month} ${m[1]}`;
}
