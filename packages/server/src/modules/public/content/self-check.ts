import { f, type Fact } from './model';

/** A point to raise with the clinician. Never a verdict: the self-check only prepares the conversation. */
export interface SelfCheckItem {
  readonly id: string;
  readonly label: string;
  readonly why: Fact;
  /** Show the crisis message when ticked. */
  readonly urgent?: true;
}

const item = (id: string, label: string, why: Fact, urgent?: true): SelfCheckItem => (urgent === undefined ? { id, label, why } : { id, label, why, urgent });

export const SELF_CHECK_ITEMS: readonly SelfCheckItem[] = [
  item('suicidal-thoughts', 'I have thoughts of ending my life or harming myself.', f('A clinic should check on this the same day, before any dose.', 'phq9'), true),
  item('blood-pressure', 'I have high blood pressure, or I am not sure it is under control.', f('Ketamine raises blood pressure for a while. Very high resting blood pressure can rule out treatment.', 'spravato_label', 'swiss_smpc')),
  item('vessels-heart', 'I have had a heart problem, a stroke, bleeding in the brain, or a bulge in a blood vessel.', f('Some of these rule out esketamine. Others need a careful check of risks first.', 'spravato_label', 'uk_ketalar')),
  item('psychosis', 'I have had psychosis, such as hearing voices others do not hear.', f('The label says to weigh the risks with care if you have had psychosis.', 'spravato_label')),
  item('bipolar', 'I have bipolar disorder or have had a manic episode.', f('Many trials and clinics do not treat people with bipolar disorder.', 'clinic_exclusions')),
  item('substances', 'I have had problems with alcohol or drugs, or I have used ketamine outside a clinic.', f('Ketamine can be misused. The clinic needs to know so it can keep you safe.', 'abuse_label')),
  item('pregnancy', 'I am pregnant, might be pregnant, plan to be, or am breastfeeding.', f('Esketamine is not advised in pregnancy or while breastfeeding.', 'spravato_label')),
  item('liver', 'I have liver disease.', f('Serious liver disease can mean the spray is not advised. Repeated ketamine can affect the liver.', 'spravato_label', 'ketalar_label')),
  item('bladder', 'I have bladder or urinary problems.', f('Ketamine can harm the bladder, so the clinic will want to check first.', 'ketalar_label')),
  item('eyes-head', 'I have glaucoma, a recent head injury, or raised pressure in my head.', f('Many clinics ask about these before treatment.', 'icp_iop')),
  item('breathing', 'I have a lung or breathing problem.', f('Ketamine can slow breathing. Some people should be treated only where resuscitation equipment is ready.', 'rems_2024', 'smpc_eu')),
  item('thyroid', 'I have an overactive thyroid that is not treated.', f('One ketamine label rules out treatment with untreated overactive thyroid.', 'swiss_smpc')),
  item('medicines', 'I take sleeping pills, benzodiazepines, opioids, stimulants or an MAOI antidepressant.', f('These can add to sleepiness or raise blood pressure.', 'interactions')),
  item('under-18', 'I am under 18.', f('Esketamine spray is approved only for adults.', 'spravato_label')),
  item('over-65', 'I am 65 or older.', f('Some countries use a lower first dose of the spray from age 65.', 'esk_older_adults')),
  item('ride-home', 'I may not have someone to take me home after a session.', f('You must not drive until the next day, so someone else must take you home.', 'spravato_label')),
];

/** What to gather before the consultation. */
export const BRING_ITEMS: readonly Fact[] = [
  f('A list of the antidepressants you have tried: the dose, how long you took each one, and how much it helped.', 'trd_consensus'),
  f('A list of every medicine you take now, including sleeping pills and pain killers.', 'interactions'),
  f('Contact details of your own doctor, psychiatrist or therapist.', 'askp3'),
  f('Any recent blood pressure readings you have.', 'spravato_label'),
];
