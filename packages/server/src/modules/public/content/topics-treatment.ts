import { f, h2, list, p, plain, type Topic } from './model';

export const HOW_IT_WORKS: Topic = {
  slug: 'how-it-works',
  title: 'How ketamine and esketamine treatment works',
  summary: 'The two medicines, what the research shows, and what a course of treatment looks like.',
  blocks: [
    p(
      f('There are two forms of this medicine.', 'regulatory_framing'),
      f('Esketamine is a nasal spray, sold as Spravato.', 'spravato_label'),
      f('Ketamine has mostly been studied as a drip into a vein. It can also be given as a shot, as a pill, or as a lozenge under the tongue.', 'andrade_2017', 'other_routes'),
    ),
    p(
      f('In the United States, esketamine spray is approved to treat depression. It is only given under a safety program called the REMS.', 'regulatory_framing', 'rems_2024'),
      f('Ketamine itself is approved only as an anaesthetic, a drug used for surgery. Using it for depression is called “off-label” use.', 'regulatory_framing'),
    ),
    h2('What the research shows'),
    p(
      f('Most studies include people whose depression did not get better after at least two antidepressants. Doctors often call this treatment-resistant depression.', 'trd_consensus'),
      f('In one large trial of 403 people, 55 in every 100 given ketamine by drip twice a week for three weeks got at least half better. Of those given ECT, a treatment that uses a brief electric current, 41 in 100 did.', 'elekt_d'),
    ),
    p(
      f('In a trial of the spray used on its own, 22.5 in 100 people had very few symptoms left after four weeks. On a dummy spray, 7.6 in 100 did.', 'spravato_monotherapy'),
      f('The effect of one ketamine treatment is often short. It may last only days.', 'effect_duration'),
      f('In one small study of 24 people, symptoms typically came back about 18 days after the course ended.', 'murrough_2013'),
    ),
    p(f('Most studies are small and short. There is little data on safety and benefit over many months.', 'apa_2017')),
    h2('A course of treatment'),
    p(
      f('Treatment starts with a first course, called induction. For the spray this means two sessions a week for four weeks.', 'spravato_label'),
      f('After that, the spray is given once a week in weeks five to eight. From week nine it is given every week or every two weeks.', 'spravato_label'),
    ),
    p(
      f('For ketamine by drip, a common first course is six sessions over two to three weeks. Some clinics then give extra single sessions, called boosters, when needed.', 'iv_course'),
      f('The usual drip dose in research is 0.5 mg for each kilogram of body weight, given over 40 minutes.', 'andrade_2017'),
    ),
    plain('Read on to learn who may be a candidate, what a session is like, and which side effects to know about.'),
  ],
};

export const CANDIDATES: Topic = {
  slug: 'candidates',
  title: 'Who may be a candidate',
  summary: 'What clinicians usually look at before they offer treatment, and which health problems to mention.',
  blocks: [
    plain('Only a clinician who assesses you can decide whether treatment is right for you. This page lists what they usually look at, so you can prepare.'),
    p(
      f('Esketamine spray is approved only for adults aged 18 or over.', 'spravato_label'),
      f('Most treatment is for major depression that has not improved enough after at least two antidepressants. Each one should have been taken at a proper dose for long enough.', 'trd_consensus', 'spravato_monotherapy'),
    ),
    p(
      f('Experts count a medicine as not working well enough if you improved by less than half. A trial of a medicine should last at least four to six weeks.', 'trd_consensus'),
      f('Esketamine trials used a stricter rule: a quarter better or less.', 'trd_consensus'),
    ),
    h2('Health problems to talk about'),
    plain('Tell the clinician if any of these apply to you. Some of them rule treatment out. Others mean you need extra care.'),
    list(
      f('A bulge in a blood vessel (an aneurysm), a tangle of blood vessels in the brain, or past bleeding in the brain. The US label says esketamine must not be used then.', 'spravato_label'),
      f('An allergy to ketamine or esketamine.', 'spravato_label'),
      f('High blood pressure. Ketamine raises blood pressure for a while. One ketamine label rules out treatment if your resting blood pressure is above 180/100.', 'spravato_label', 'swiss_smpc'),
      f('Heart disease, a past stroke, or a head injury.', 'spravato_label', 'uk_ketalar'),
      f('Psychosis now or in the past. The label says to weigh the risks with care.', 'spravato_label'),
      f('Bipolar disorder or mania. Many trials and clinics do not treat people with these.', 'clinic_exclusions'),
      f('Problems with alcohol or drugs, now or in the past.', 'spravato_label'),
      f('Being pregnant, planning a pregnancy, or breastfeeding. Esketamine is not advised then.', 'spravato_label'),
      f('Serious liver disease.', 'spravato_label'),
      f('Bladder problems, such as cystitis.', 'spravato_label'),
      f('Glaucoma, or raised pressure in the eye or head. Many clinics ask about these.', 'icp_iop'),
      f('Medicines you take, such as sleeping pills, benzodiazepines, opioids, stimulants or MAOI antidepressants. These can add to sleepiness or raise blood pressure.', 'interactions'),
    ),
    h2('Other things clinics look at'),
    list(
      f('A full mental health assessment and a diagnosis before treatment.', 'apa_2017', 'askp3'),
      f('A current plan with your own psychiatrist or therapist, if you have one.', 'askp3'),
      f('Someone to take you home after each session.', 'spravato_label'),
    ),
    plain('Our self-check helps you gather these points and the questions to ask before a consultation.'),
  ],
};

export const ROUTES_TOPIC: Topic = {
  slug: 'routes',
  title: 'Ways the medicine is given',
  summary: 'Nasal spray, drip into a vein, injection, pill and lozenge: how each one is given and what is known.',
  blocks: [
    h2('Nasal spray (esketamine)'),
    p(
      f('You spray it into your nose yourself while staff watch. Each device holds 28 mg in two sprays, one for each nostril.', 'spravato_label'),
      f('A dose uses one, two or three devices. You wait five minutes between devices.', 'spravato_label'),
      f('Do not eat for two hours or drink for 30 minutes before a dose. This helps stop you feeling sick.', 'spravato_label'),
      f('The spray is never given to take home. In the United States it is used only in certified clinics.', 'rems_2024'),
    ),
    h2('Drip into a vein (IV ketamine)'),
    p(
      f('The usual dose in research is 0.5 mg for each kilogram of body weight. It runs into a vein over 40 minutes.', 'andrade_2017'),
      f('Some people respond to a lower dose, and some need up to 0.75 mg per kilogram.', 'andrade_2017'),
    ),
    h2('Shot into a muscle (IM ketamine)'),
    p(f('In one small study of 27 people, a shot into a muscle helped about as much as a drip two hours later.', 'other_routes')),
    h2('Pill or lozenge (oral or sublingual ketamine)'),
    p(
      f('Only about 20 to 25 of every 100 parts of a swallowed dose reach the blood. So pill doses are higher.', 'other_routes'),
      f('About 2 to 2.5 mg per kilogram by mouth is thought to match 0.5 mg per kilogram by drip.', 'other_routes'),
      f('Held under the tongue, about 30 of every 100 parts reach the blood.', 'other_routes'),
    ),
    p(f('All of these ketamine routes are off-label for depression. Only the esketamine spray is approved for it.', 'regulatory_framing')),
    h2('Which route is safest?'),
    p(f('No route is officially preferred. A professional group for ketamine care (ASKP3) says the route and dose must not make you more sedated than the clinic is set up to handle.', 'askp3')),
  ],
};

export const SESSION: Topic = {
  slug: 'session',
  title: 'What a session is like',
  summary: 'The checks before a dose, how staff watch you during and after it, and when you can go home.',
  blocks: [
    h2('Before the dose'),
    p(
      f('Staff check your blood pressure before every dose. If it is high, they may wait or stop for the day.', 'spravato_label'),
      f('Many clinics use short questionnaires, such as the PHQ-9. It asks about nine problems over the past two weeks.', 'phq9'),
    ),
    h2('During the session'),
    p(
      f('The medicine can make you feel detached from your body or your surroundings. This is called dissociation.', 'spravato_label'),
      f('After the spray, sleepiness is strongest 30 to 45 minutes after the dose. It usually wears off within 1 to 1.5 hours.', 'sedation_time'),
      f('Blood pressure goes up for a while. After the spray it peaks about 40 minutes after the dose.', 'spravato_label'),
      f('With a drip, it peaks 30 to 40 minutes in and is usually back to normal about 1.5 hours after the drip ends.', 'iv_bp_studies'),
    ),
    h2('How staff watch you'),
    list(
      f('For the spray, staff check your blood pressure before the dose, about 40 minutes after, and then as needed.', 'spravato_label'),
      f('They check your breathing and oxygen level with a clip on your finger, called a pulse oximeter.', 'rems_2024'),
      f('In published drip studies, staff checked blood pressure every 10 minutes during the drip and every 15 minutes after it.', 'iv_bp_studies'),
    ),
    h2('Going home'),
    p(
      f('After the spray, you stay for at least two hours. You stay longer if you are still drowsy or detached.', 'rems_2024'),
      f('In trials, at least 90 in 100 people were ready to leave by 90 minutes.', 'discharge_readiness'),
      f('After a drip or a shot, a clinic can use a standard recovery score to decide when you are ready to leave.', 'discharge_scores'),
      f('Do not drive until the next day, after a night’s sleep. Someone else must take you home.', 'spravato_label'),
    ),
    plain('Ask the clinic how long a visit takes in total, so you can plan your day and your ride home.'),
  ],
};
