/**
 * Central catalogue of sources. Every rule, protocol setting, instrument and jurisdiction fact points at one entry.
 * Citations are built from the `[src: …]` labels of shared/reference/clinical.md (section numbers in brackets).
 * Entries marked "general knowledge" are NOT in the reference; the settings that use them are flagged unconfirmed.
 */
import type { SourceRef } from './types.js';

interface SourceDef {
  readonly citation: string;
  readonly url?: string;
}

const DEFS = {
  regulatory_framing: { citation: 'Ref §0: racemic ketamine is approved only as an anaesthetic; psychiatric use is off-label [src: GoodRx Spravato page; asahq.org ketamine-safe-use; Parikh 2021 Psychopharmacol Bull PMC8374924]' },
  spravato_contraindications: { citation: 'Ref §1.3: US Spravato PI contraindications — aneurysmal vascular disease, AVM, intracerebral haemorrhage, hypersensitivity [src: wcmedicine.com/?p=441; usmedicine.com 2021 brief summary; oncologynurseadvisor.com/drug/spravato]' },
  spravato_bp: { citation: 'Ref §1.3/§3.1: US Spravato PI 5.6 — baseline BP >140/90 general guide, weigh delaying treatment [src: 120ty.net label p7; jnjmedicalconnect antihypertensives page; MIMS PH]' },
  esketamine_trial_bp_gate: { citation: 'Ref §1.3/§3.1: esketamine phase 3 rule — dosing withheld if pre-dose SBP >140 (>150 if age >65) or DBP >90 [src: janssenscience cardiovascular-effects]' },
  spravato_cv_disease: { citation: 'Ref §1.3: US Spravato PI 5.6 — other cardiovascular/cerebrovascular disease: careful benefit–risk assessment; hypertensive encephalopathy: more intensive monitoring [src: 120ty.net label p7]' },
  spravato_smpc_resuscitation: { citation: 'Ref §1.3: EU SmPC 4.2 — unstable cardiovascular or respiratory disease only where resuscitation equipment and CPR-trained staff are available [src: rxreasoner EMA; MIMS Malaysia]' },
  spravato_psychosis: { citation: 'Ref §1.3: US Spravato PI 5.2 — psychosis: assess carefully, start only if benefit outweighs risk [src: 120ty.net label p5; globalrph]' },
  spravato_abuse: { citation: 'Ref §1.3/§6.5: US Spravato PI 9.2 — substance use disorder incl. alcohol: careful consideration, monitor for abuse/dependence; Schedule III; drug-liking studies [src: 120ty.net label p14; spravatohcp dosing page; MIMS Malaysia]' },
  spravato_hepatic: { citation: 'Ref §1.3: US Spravato PI 8.6 — Child-Pugh B may need longer monitoring; Child-Pugh C not studied, not recommended [src: 120ty.net label p14]' },
  spravato_pregnancy_lactation: { citation: 'Ref §1.3: Spravato — pregnancy not recommended (fetal harm); breastfeeding not recommended [src: medicinenet; joomag MedGuide copy; usmedicine; rxlist]' },
  spravato_age: { citation: 'Ref §1.3/§6.7: Spravato adults only (<18 not approved); antidepressant suicidality drug–placebo difference per 1,000: <18 +14, 18–24 +5, 25–64 −1, ≥65 −6 [src: 120ty.net label p6; wcmedicine]' },
  spravato_cystitis: { citation: 'Ref §1.3/§6.2: Spravato warning — ulcerative/interstitial cystitis, monitor urinary/bladder symptoms [src: butalbitalapap.org monograph; spravato.com safety page]' },
  spravato_interactions: { citation: 'Ref §6.6: US Spravato PI 7.1–7.3 — CNS depressants: more sedation; psychostimulants and MAOIs: BP increase, monitor BP closely [src: medicinenet; 120ty.net label p5, p7]' },
  spravato_indication: { citation: 'Ref §1.1/§1.2: FDA Jan 2025 monotherapy indication (inadequate response to ≥2 oral ADs); EU SmPC: ≥2 different AD treatments in current moderate–severe episode, combined with an SSRI or SNRI [src: jnj.com press release 21 Jan 2025; rxreasoner.com/monographs/spravato/usage]' },
  spravato_device: { citation: 'Ref §2.1: one device = 28 mg in 2 sprays; 56 mg = 2 devices, 84 mg = 3; wait 5 minutes between devices; changes in 28 mg steps [src: MIMS Philippines/Hong Kong SmPC text; epocrates.com/online/drugs/8582/spravato]' },
  spravato_fasting: { citation: 'Ref §2.1/§3.1: no food ≥2 h and no liquids ≥30 min before esketamine [src: epocrates; mayoclinic.org esketamine proper use; spravato.com]' },
  spravato_nasal_steroid: { citation: 'Ref §2.1: nasal corticosteroid or decongestant on a dosing day: give ≥1 h before esketamine [src: spravato.com/treatment-with-SPRAVATO; mayoclinic.org]' },
  spravato_regimen: { citation: 'Ref §2.1: TRD regimen — weeks 1–4 twice weekly (day 1 56 mg, then 56 or 84 mg); weeks 5–8 weekly; week ≥9 every 2 weeks or weekly; evaluate benefit at week 4 [src: liobm.com/spravato; rxlist; epocrates; oncologynurseadvisor]' },
  spravato_older_adults: { citation: 'Ref §2.1: adults ≥65 (SmPC/UK): day 1 28 mg, then 28/56/84 mg; US applicability UNCONFIRMED [src: janssen-pi.co.uk/en/product-information/32; MIMS HK; vdocuments.net SmPC Annex I Table 2]' },
  spravato_mdsi: { citation: 'Ref §2.1: MDD with acute suicidal ideation — 84 mg twice weekly for 4 weeks, may reduce to 56 mg for tolerability [src: oncologynurseadvisor; spravatohcp.com/mdsi/dosing-and-administration; MIMS HK]' },
  spravato_trial_calendar: { citation: 'Ref §2.1: monotherapy trial dosing calendar days 1, 4, 8, 11, 15, 18, 22, 25 [src: meddatax.com NCT04599855]' },
  spravato_monitoring: { citation: 'Ref §3.2/§10: monitor ≥2 h after each dose and until sedation, dissociation and respiratory depression have resolved; pulse oximetry each session [src: label boxed warning; accessdata.fda.gov REMS=386; spravatohcp.com/dosing-spravato-trd]' },
  spravato_bp_timing: { citation: 'Ref §3.2: BP before dosing, ~40 min after dosing, then as clinically warranted; REMS form BP pre-dose, 40 min, before session end [src: label 5.6; spravatohcp; manualspro.net 445029]' },
  spravato_bp_rise: { citation: 'Ref §3.2: label — 8–19% had ≥40 mmHg SBP and/or ≥25 mmHg DBP rise in first 1.5 h [src: usmedicine.com 2021 label brief summary]' },
  spravato_bp_emergency: { citation: 'Ref §3.2: US Spravato PI 5.6 — if BP stays high get help promptly; hypertensive crisis/encephalopathy symptoms → emergency care [src: label 5.6]' },
  spravato_discharge: { citation: 'Ref §3.3: not before 2 h from first device; HCP judges clinical stability; BP falling and stable → may leave [src: MIMS PH SmPC text; label]' },
  spravato_driving: { citation: 'Ref §3.1/§3.3: arrange a ride; no driving until the next day after restful sleep [src: label 5.8/17 (120ty.net p21); spravatohcp]' },
  rems_2019: { citation: 'Ref §4: FDA Spravato REMS page, 06/25/2019 update — prescriber and HCPs on site; no pulse oximeter requirement [src: accessdata.fda.gov REMS=386]' },
  rems_2024: { citation: 'Ref §4: FDA Spravato REMS page, 12/31/2024 update — prescriber on site, pulse oximeter on site, patient enrolment before first outpatient dose [src: accessdata.fda.gov REMS=386; spravatorems.com/outpatient-hcs.html]' },
  alert_escalation: { citation: 'No reference gives a time within which an in-session alert must be acknowledged or escalated (§3.2, §12.5) — clinic policy; Ketapath ships operational defaults marked UNCONFIRMED' },
  risk_alert_escalation: { citation: 'Ref §5.5: a positive suicide screen needs same-day follow-up (C-SSRS triage: crisis resources, referral; high risk: evaluation before any dose); no reference gives a time within which a clinician must respond — clinic policy; Ketapath default marked UNCONFIRMED' },
  measurement_schedule: { citation: 'Ketapath treatment plan: the prescriber chooses when each questionnaire is due (baseline, before each session, weekly in induction, end of induction, monthly in maintenance); the pre-dose window is `predose.questionnaireMaxAgeDays`' },
  adverse_events: { citation: 'Ref §6.1: Spravato adverse reactions (TRANSFORM-1 Table 5, ASPIRE, SUSTAIN-1, label 5.1/5.2) and IV racemic ketamine adverse events (Singh 2016; Rodrigues 2020; Ketalar emergence reactions) [src: PMC6822141; PMC8407443; PMC6551577; spravato.com; psychiatryonline Singh]' },
  respiratory_depression: { citation: 'Ref §4/§1.3: Spravato boxed warning includes respiratory depression (post-marketing); REMS 12/31/2024 adds respiratory-depression monitoring and a pulse oximeter on site; Ketalar PI warning 5.x respiratory depression [src: pillsync.com DailyMed copy; accessdata.fda.gov REMS=386; drugcentral.org label]' },
  rems_pmf: { citation: 'Ref §4: REMS Patient Monitoring Form within 7 days of each session; concomitant-medication fields; duration ≥120 min [src: manualspro.net 445029; jnjmedicalconnect PMF video]' },
  ketalar_us: { citation: 'Ref §1.3: US ketamine HCl (Ketalar) PI — contraindicated where significant BP elevation is a serious hazard; hypersensitivity [src: drugcentral.org label; medlibrary.org/lib/rx/meds/ketalar/page/2]' },
  ketalar_uk: { citation: 'Ref §1.3: UK Ketalar SmPC (MHRA 2019) — contraindicated in eclampsia/pre-eclampsia, severe coronary or myocardial disease, cerebrovascular accident, cerebral trauma; outpatients released only when accompanied by a responsible adult [src: rxreasoner.com/monographs/ketalar/precautions]' },
  ketamine_swiss_smpc: { citation: 'Ref §1.3/§10: Swiss ketamine SmPC — contraindicated: poorly controlled/untreated hypertension, resting BP >180/100 mmHg, prior cerebrovascular insult, pre-eclampsia, untreated hyperthyroidism [src: ch.oddb.org/en/gcc/fachinfo/reg/67199/chapter/contra_indications]' },
  ketalar_liver: { citation: 'Ref §3.1/§6.3: Ketalar label 5.6 — baseline liver tests incl. ALP and GGT when recurrent dosing is planned; repeat periodically [src: droracle.ai/articles/186071 quoting label; pfizermedicalinformation.com]' },
  icp_iop: { citation: 'Ref §1.3: raised ICP is the Spravato contraindication rationale; Ketalar lists raised IOP as an adverse reaction; a glaucoma/ICP exclusion for off-label ketamine is UNCONFIRMED (general knowledge)' },
  clinic_exclusions: { citation: 'Ref §1.3: clinic/trial exclusions (not regulatory) — bipolar or psychosis history, active substance use disorder within 6 months (NYU trial 817); active addiction unless ≥1 year abstinent (psyon.cz)' },
  trial_inclusion: { citation: 'Ref §1.2: trials enrol DSM-5 MDD without psychotic features [src: medical-data-models.org/37444 (TRANSFORM-3); psychiatryonline PN 2023 (ELEKT-D)]' },
  trd_consensus: { citation: 'Ref §1.1: TRD = failure of 2 adequately dosed trials; nonresponse <50%; minimal trial length 4–6 weeks [src: Depress Anxiety 2021;38(4):456 Table 3, PMC8049072; Gaynes 2020]', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8049072/' },
  trd_conflicts: { citation: 'Ref §1.1 CONFLICT: nonresponse <50% (consensus, Fava 2018) vs ≤25% (esketamine trials NCT04599855); trial length 4–6 weeks (consensus) vs ≥8 weeks (NYU trial 817); ATRQ ≥6 weeks UNCONFIRMED' },
  trd_current_episode: { citation: 'Ref §1.1: failures counted in the current episode [src: NCT04599855; rxreasoner EMA SmPC; RPA clinic PMC11193313; Fava 2018 PMC6447473]' },
  interactions_benzodiazepine: { citation: 'Ref §6.6: benzodiazepines may blunt ketamine effect; >8 mg diazepam-equivalent/day predicted nonresponse (n=47) [src: Andrade 2017 JCP; Frontiers Psychiatry 2020; Feeney JCP 2023;84(1)]' },
  interactions_lamotrigine: { citation: 'Ref §6.6: lamotrigine may reduce ketamine adverse effects; effect on efficacy unknown [src: Andrade 2017 JCP]' },
  interactions_cyp: { citation: 'Ref §2.3/§6.6: ketamine metabolised by CYP2B6 and CYP3A4; inducers/inhibitors lower/raise exposure [src: Andrade 2017 JCP "Ketamine for depression, 5"]' },
  interactions_ssri_bp: { citation: 'Ref §6.6: SSRIs associated with higher BP peaks in one IV cohort [src: Szarmach 2020 NDT]' },
  medication_classes: { citation: 'General pharmacology knowledge (class membership of generic names); not from the reference — verify against the local formulary. Antihypertensive names from Ref §3.2 [src: jnjmedicalconnect antihypertensives]' },
  iv_standard: { citation: 'Ref §2.2: 0.5 mg/kg over 40 minutes; some respond to 0.1 mg/kg, others need up to 0.75 mg/kg; durations 2–100 min reported safe [src: Andrade, J Clin Psychiatry 2017;78:e852]' },
  iv_dose_alerts: { citation: 'Ref §10 (soft; the reference\'s synthesis): alert if >0.75 mg/kg (outside common evidence) or >1.0 mg/kg (outside RCT range) [src: Andrade 2017; Fava 2018 Mol Psychiatry PMC6447473]' },
  iv_no_maximum: { citation: 'Ref §2.2: no regulatory maximum for psychiatric use; highest controlled-trial dose 1.0 mg/kg (Fava 2018); ASKP3: route+dose must not cross into inappropriate sedation — clinic must set any hard maximum (UNCONFIRMED)' },
  weight_basis: { citation: 'Ref §2.2: response similar across BMI groups when dosed by actual body weight (n=230); ideal/adjusted body-weight dosing for BMI >30 UNCONFIRMED (general knowledge) [src: globalauthorid.com CNS Spectrums abstract]' },
  body_weight_formulas: { citation: 'General knowledge, not in the reference: Devine ideal body weight (50 kg men / 45.5 kg women + 2.3 kg per inch over 5 ft); adjusted body weight = IBW + 0.4 × (actual − IBW) — UNCONFIRMED' },
  measurement_practice: { citation: 'No number in the reference: rounding of drawn volumes and pump rates is a clinic protocol setting (UNCONFIRMED default)' },
  im_dose: { citation: 'Ref §2.3: IM 0.5 mg/kg and 0.25 mg/kg as effective as IV 0.5 mg/kg (n=27) [src: Chilukuri 2014 Indian J Psychol Med 36:71, pubmed 24701015]' },
  oral_dose: { citation: 'Ref §2.3: oral 0.25–7.0 mg/kg or 25–300 mg fixed reported; bioavailability 20–25%; start 50 mg, +25 mg every 3 days (case series); 1 vs 2 mg/kg twice weekly × 6 weeks [src: Andrade 2019 JCP; Al Shirawi 2017 J Clin Psychopharmacol; KheirAbadi 2023]' },
  sublingual_dose: { citation: 'Ref §2.3: sublingual very-low-dose 10 mg (100 mg/mL held 5 min) every 2–3 days or weekly; SL bioavailability ~30% [src: Lara 2013 IJNP, docslib 4347699]' },
  titration_practice: { citation: 'Ref §2.2/§2.3: some clinics raise the IV dose after 3 infusions if response inadequate (floridaregionalpain.com); 0.75 mg/kg escalation UNCONFIRMED (droracle.ai); SC escalation 0.5→0.75→1.0 mg/kg (moreblossom.com)' },
  iv_schedule: { citation: 'Ref §2.2: 0.5 mg/kg/40 min twice weekly × 3 weeks (6 infusions) [src: ELEKT-D, Anand NEJM 2023;388:2315, pubmed 37224232]; clinic practice 4–6 infusions over 2–3 weeks [altasano.com; accountinginsights.org]' },
  racemic_maintenance: { citation: 'Ref §2.2: maintenance individualised; boosters/tapering weekly→every 2–6 weeks are low-evidence practice descriptions — no default interval [src: Andrade 2017; altasano.com; fairsquaremedicare.com]' },
  oral_schedule: { citation: 'Ref §2.3: oral ketamine twice weekly × 6 weeks (RCT) [src: KheirAbadi 2023 Iran J Psychiatry Behav Sci]' },
  missed_sessions: { citation: 'Ref §2.1: after missed sessions "if worsening, consider returning to previous schedule" — UNCONFIRMED (general knowledge)' },
  iv_vitals_frequency: { citation: 'Ref §3.2: BP every 10 min during infusion, every 15 min after (Emory, Riva-Posse 2018 pubmed 29525051); every 10 min (Yale 2024); 0/15/30/45/60/90 min (Szarmach 2020)' },
  racemic_bp_time_course: { citation: 'Ref §3.2: IV ketamine BP peaks 30–40 min, back to baseline within ~1.5 h post infusion [src: Riva-Posse 2018; Yale 2024; Szarmach 2020] — observation window derived from this, UNCONFIRMED as a rule' },
  clinic_sop_vitals: { citation: 'Ref §3.2/§12.5: "pause/stop infusion if BP >180/100, HR >110/<50, SpO2 <92%" — UNCONFIRMED (general knowledge), suggested as configurable defaults only' },
  hypertensive_urgency: { citation: 'Ref §3.2: hypertensive urgency/emergency >180/120, emergency if end-organ damage [src: emdocs.net; gacguidelines.ca; Yip 2022 Front Psychiatry PMC9556663]' },
  treatment_emergent_hypertension: { citation: 'Ref §3.2 CONFLICT: treatment-emergent hypertension ≥165/100 in one cohort (Rodrigues 2020 Expert Opin Drug Saf); definitions differ between studies' },
  respiratory_rate: { citation: 'No respiratory-rate threshold in the reference (§3.2, §12.5) — clinic protocol setting, disabled until set (UNCONFIRMED)' },
  padss: { citation: 'Ref §3.3: PADSS (Chung) — 5 items × 0–2, ≥9 fit for discharge with a competent adult escort; endoscopy variant ≥9 on two consecutive checks; surgical-bleeding item not applicable to ketamine (clinic adaptation) [src: medicalalgorithms.com/padss-scoring-system; clinician.com; clinmedjournals; wjgnet.com]' },
  aldrete: { citation: 'Ref §3.3: modified Aldrete (1995) — 5 items × 0–2, ≥9 to leave; variant ≥8 with 2 in respiration and SpO2 [src: en.wikipedia.org Aldrete\'s scoring system; nursingeducation.podia.com; statpearls; omicsonline]' },
  discharge_general: { citation: 'Ref §3.3/§10: discharge with PADSS ≥9 or modified Aldrete ≥9 + responsible adult (IV/IM); RCEM: vitals back to baseline, alert, written instructions [src: Chung; Aldrete; rcemlearning.co.uk; rxreasoner UK Ketalar SmPC]' },
  moaas: { citation: 'Ref §5.7: MOAA/S 0–5 (5 alert … 0 no response to painful trapezius squeeze); esketamine programme: mild = 4, moderate or worse ≤3, 0 = loss of consciousness; back to 5 by 1–1.5 h [src: bmcanesthesiol s12871-022-01788-1 Table 2; jnjmedicalconnect sedation page]' },
  cadss: { citation: 'Ref §5.6: CADSS 23 items × 0–4 (range 0–92 computed, UNCONFIRMED as published); dissociation counted as total >4 with change >0; CADSS-6 = items 1, 2, 6, 7, 15, 22 [src: placeboforschung.de label excerpt; Rodrigues 2021 JAD 282:160; scribd 333420922]' },
  phq9: { citation: 'Ref §5.1: PHQ-9 (Kroenke, Spitzer, Williams 2001 JGIM 16:606) — 9 items 0–3, past 2 weeks, 0–27; bands 5/10/15/20; item 10 not scored [src: ementalhealth.ca; gpmanual.com; mipmclinic.com]' },
  phq9_item9: { citation: 'Ref §5.1/§10: PHQ-9 item 9 >0 is clinically significant regardless of total; same-day suicide risk assessment (C-SSRS) before dosing [src: calcipedia.org phq-9; skillmds suicide-screening]' },
  phq_gad_licence: { citation: 'Ref §5.1/§5.2: Pfizer made PHQ and GAD-7 free to use without copyright restriction (2010); keep attribution [src: news-medical.net 2010-07-23; worldpharmanews.com]' },
  gad7: { citation: 'Ref §5.2: GAD-7 (Spitzer 2006 Arch Intern Med 166:1092) — 7 items 0–3, 0–21; bands 5/10/15; ≥10 further evaluation [src: scales.arabpsychology.com; mrcpsych.uk; jotform GAD-7]' },
  madrs: { citation: 'Ref §5.3: MADRS (Montgomery & Åsberg 1979) — 10 items 0–6, 0–60; Snaith bands 0–6/7–19/20–34/35–60; German version licence required, English licence UNCONFIRMED [src: switzerland.progress.im; meddatax; simplifier.net]' },
  qids: { citation: 'Ref §5.4: QIDS-SR16 (Rush 2003 Biol Psychiatry 54:573) — 16 items 0–3 over 9 domains, 0–27; bands 5/10/15/20; remission ≤5; licence UNCONFIRMED [src: millisecond.com qids_sr16; ids-qids.org; hiboop.com]' },
  cssrs: { citation: 'Ref §5.5: C-SSRS screener (Posner 2011) — Q1–Q6, Q2 = no skips to Q6; ideation past month, behaviour lifetime and past 3 months; commercial embedding terms UNCONFIRMED [src: cssrs.columbia.edu/scales_cssrs.html; drcheng.ca; blueprint-health]' },
  cssrs_triage: { citation: 'Ref §5.5/§10: Columbia triage — Q4 or Q5 yes (past month) or behaviour in past 3 months = high risk → safety precautions until mental-health evaluation; other positives → referral/crisis resources; colour variant: Q1–2 low, Q3 and lifetime behaviour moderate [src: fdocuments.in; docsbay.net; help.blueprint-health.com]' },
  cgi: { citation: 'Ref §5.9: CGI-S and CGI-I 1–7 (Guy 1976); no total; public-domain status UNCONFIRMED [src: en.wikipedia.org Clinical_Global_Impression; datashare.nida.nih.gov]' },
  urinary_screen: { citation: 'Ref §6.2/§10: ask about frequency, urgency, dysuria, haematuria, suprapubic pain at each visit; urinalysis if positive; escalate on dysuria/haematuria/urgency — clinic policy, screening tool UNCONFIRMED [src: Ketalar label ARs medlibrary.org p2; Spravato cystitis warning]' },
  misuse_check: { citation: 'Ref §6.5: assess abuse risk before prescribing; monitor for drug-seeking; symptoms include anxiety, dysphoria, disorientation, insomnia, flashbacks, hallucinations, floating/detachment; withdrawal possible [src: 120ty.net label p14; rxlist]' },
  cognition: { citation: 'Ref §6.4: transient impairment at 40 min; chronic misuse impairs memory; MoCA suggested but no guideline mandates it or an interval (UNCONFIRMED) [src: PMC5869899]' },
  liver_interval: { citation: 'Ref §6.3: periodic liver-test repeat after baseline; a specific interval (e.g. every 3 months) comes only from an AI-generated page — UNCONFIRMED' },
  followup_no_interval: { citation: 'No follow-up interval in the reference (§6, §9.1 "numeric follow-up intervals UNCONFIRMED") — clinic protocol setting, disabled until set' },
  outcome_definitions: { citation: 'Ref §5.11: response ≥50% reduction; remission MADRS ≤12 (Spravato) or ≤10 (KetECT, IV trials), QIDS-SR16 ≤5, PHQ-9 <5 [src: Talati 2019; ELEKT-D; jnj.com; PMC9154276; millisecond; PMC10439056]' },
  relapse_definition: { citation: 'Ref §5.11: SUSTAIN-1 relapse MADRS ≥22 on 2 consecutive assessments or hospitalisation/suicide attempt — UNCONFIRMED; NCT04007367: 2 consecutive HAM-D17 ≥18 [src: inclinicaltrials.com]' },
  partial_response: { citation: 'Ref §5.11: partial response 25–49% reduction — UNCONFIRMED (general knowledge)' },
  wilson_interval: { citation: 'General knowledge: Wilson score interval for a binomial proportion (Wilson 1927) — statistical method, not a clinical threshold' },
  poisson_rate: { citation: 'General knowledge: rate per 100 exposures with a Poisson confidence interval by Byar\'s approximation (Rothman & Boice 1979) — statistical method, not a clinical threshold' },
  kaplan_meier: { citation: 'General knowledge: Kaplan–Meier product-limit estimator (1958) with Greenwood variance and log(−log) confidence interval — statistical method' },
  us_schedule: { citation: 'Ref §7.1: ketamine incl. isomers (esketamine) Schedule III effective 12 Aug 1999 [src: 64 FR 37673, govinfo.gov FR-1999-07-13]' },
  dea_records: { citation: 'Ref §7.1: records ≥2 years (21 CFR 1304.04(a)); biennial inventory; Form 41 destruction witnessed by two authorised employees; waste witness federal requirement UNCONFIRMED [src: federal.elaws.us; legalclarity.org; OMB 1117-0007]' },
  dea_theft_loss: { citation: 'Ref §7.1: theft/significant loss — written notice within 1 business day; DEA Form 106 electronically within 45 days [src: 88 FR 40707, federalregister.gov 2023-13085]', url: 'https://www.federalregister.gov/d/2023-13085' },
  uk_status: { citation: 'Ref §7.2: UK — Class B from 10 Jun 2014; Schedule 2 (NICE 2020; commencement date UNCONFIRMED); Spravato licensed; NICE TA854 not recommended [src: legislation.gov.uk; gov.uk ketamine-rescheduling-consultation; nice.org.uk TA854]' },
  eu_status: { citation: 'Ref §7.2: EU — EC approval Dec 2019 (with SSRI/SNRI), Feb 2021 psychiatric-emergency extension; prescribing decision by a psychiatrist; Germany: not a Betäubungsmittel, Rx-only under AMG [src: maestrodatabase; thepharmaletter; rxreasoner EMA; apotheke-adhoc.de; pharmazeutische-zeitung.de]' },
  ca_status: { citation: 'Ref §7.2: Canada — CDSA Schedule I since 2005 (SOR/2005-270); Spravato approved 2020; BC: IV ketamine only in hospitals or accredited facilities (CPSBC 2022) [src: cscb.ca; canadagazette; psychedeliclaw.ca; numinus]' },
  au_status: { citation: 'Ref §7.2: Australia — Schedule 8; TGA approval March 2021; NSW psychiatrists only, class authority from 1 Apr 2025 (≤84 mg/day) [src: ausdoc.com.au; vice.com; Guardian 27 Apr 2025; NSW Health; health.wa.gov.au]' },
  jurisdiction_profiles: { citation: 'Ref §7: controlled-substance status and prescribing/setting restrictions by jurisdiction (US §7.1; UK, EU/Germany, Canada, Australia §7.2)' },
  crisis_line_us: { citation: 'Ketapath clinical-core issue: US 988 Suicide & Crisis Lifeline (not in the clinical reference — UNCONFIRMED there)' },
  input_validation: { citation: 'Ketapath input validation (no clinical threshold involved)' },
} as const satisfies Record<string, SourceDef>;

export type SourceId = keyof typeof DEFS;

function build(): { readonly [K in SourceId]: SourceRef } {
  const out: Partial<Record<SourceId, SourceRef>> = {};
  for (const id of Object.keys(DEFS) as SourceId[]) {
    const def: SourceDef = DEFS[id];
    out[id] = def.url === undefined ? { id, citation: def.citation } : { id, citation: def.citation, url: def.url };
  }
  return out as { readonly [K in SourceId]: SourceRef };
}

/** The source catalogue, keyed by id. */
export const SOURCES: { readonly [K in SourceId]: SourceRef } = build();
