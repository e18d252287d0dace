import { f, type Fact } from './model';

/** One question of the "choosing a clinic" checklist and why it matters (sourced). */
export interface ChecklistQuestion {
  readonly id: string;
  readonly question: string;
  readonly why: Fact;
}

const q = (id: string, question: string, why: Fact): ChecklistQuestion => ({ id, question, why });

/**
 * Questions to judge any ketamine clinic, from professional guidance and the safety rules in the clinical
 * reference (§3, §4, §6, §7, §8, §9) and the due-diligence points patients and referrers ask for.
 */
export const CLINIC_QUESTIONS: readonly ChecklistQuestion[] = [
  q('assessment', 'Will a doctor assess me in person and confirm my diagnosis before treatment?', f('Expert guidance calls for a full mental health assessment before treatment. A ketamine care society says this should be done in person.', 'apa_2017', 'askp3')),
  q('own-care', 'Will they work with my own psychiatrist or therapist?', f('Guidance for patients says to keep your own care team involved and to have a current diagnosis and plan.', 'askp3')),
  q('bp-before', 'Do they check my blood pressure before every dose?', f('Ketamine raises blood pressure. The spray label calls for a check before each dose.', 'spravato_label')),
  q('monitoring', 'Do they check blood pressure and oxygen during and after the dose? How often?', f('Blood pressure peaks 30 to 40 minutes after the dose starts. Published clinics checked every 10 to 15 minutes.', 'iv_bp_studies', 'spravato_label')),
  q('observation', 'How long will they watch me, and how do they decide I can leave?', f('The spray needs at least two hours of watching. After a drip, clinics can use a standard recovery score.', 'rems_2024', 'discharge_scores')),
  q('staff', 'Is a prescriber on site, and are staff trained in advanced life support?', f('US rules for the spray need a prescriber on site. Guidance for ketamine drips suggests staff trained in advanced life support.', 'rems_2024', 'apa_2017')),
  q('emergency', 'What emergency equipment do they have, and what is the plan if something goes wrong?', f('Clinic safety lists include oxygen, a defibrillator and an emergency cart. EU rules say some people should be treated only where resuscitation equipment is ready.', 'clinic_safety_lists', 'smpc_eu')),
  q('rems', 'For the spray in the United States: is the clinic certified under the REMS?', f('Only certified clinics may give esketamine spray in the United States.', 'rems_2024')),
  q('consent', 'Do they explain the risks, the benefits and off-label use in writing before I agree?', f('Ketamine is approved only as an anaesthetic, so its use for depression is off-label.', 'regulatory_framing')),
  q('progress', 'Do they track my progress with questionnaires, and say how they judge success?', f('Trials count a response as symptoms falling by at least half from the start.', 'outcome_definitions')),
  q('long-term', 'Do they check my bladder, liver, memory and any misuse over time?', f('Long-term use can harm the bladder and liver, and the medicine can be misused.', 'ketalar_label', 'abuse_label')),
  q('ride-home', 'Do they make sure someone takes me home?', f('You must not drive until the next day, after a night’s sleep.', 'spravato_label')),
  q('cost', 'What does a full course cost, and what does the price include?', f('In the United States, one drip session costs about $400 to $2,000.', 'costs_us')),
  q('insurance', 'Will they help with insurance, or give me papers to claim the cost back?', f('The spray is covered more often than the drip. Some insurers decide case by case.', 'coverage')),
  q('records', 'Do they keep a full record of the controlled drugs they use?', f('In the United States, a clinic that charges for ketamine it gives must keep full records of it.', 'dea_records')),
];

/** The answers a visitor can give for each clinic. */
export const CHECKLIST_ANSWERS: readonly { readonly value: string; readonly label: string }[] = [
  { value: '', label: 'Not asked yet' },
  { value: 'yes', label: 'Yes' },
  { value: 'partly', label: 'Partly' },
  { value: 'no', label: 'No' },
  { value: 'unsure', label: 'Not sure' },
];

export const CHECKLIST_CLINIC_SLOTS = 3;
export const CHECKLIST_MAX_CLINICS = 5;
