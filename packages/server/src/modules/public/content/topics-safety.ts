import { f, h2, list, p, plain, type Topic } from './model';

export const SIDE_EFFECTS: Topic = {
  slug: 'side-effects',
  title: 'Common and serious side effects',
  summary: 'What people often feel during and after a session, the rarer serious risks, and how clinics watch for them.',
  blocks: [
    p(
      f('Most side effects start soon after a dose. Sleepiness usually passes within 1 to 1.5 hours.', 'sedation_time'),
      f('In trials of the spray, blood pressure was usually back to its starting level within two hours.', 'esk_bp_trials'),
      f('Thinking is slower for a while after a dose. In one study it was back to normal by two hours.', 'cognition_2018'),
    ),
    h2('Common side effects of the spray'),
    {
      kind: 'table',
      caption: 'People out of 100 who had each effect in one trial (TRANSFORM-1), esketamine spray compared with a dummy spray',
      head: ['Effect', 'Esketamine', 'Dummy spray'],
      rows: [
        ['Feeling sick (nausea)', '29', '11'],
        ['Feeling detached (dissociation)', '27', '4'],
        ['Dizziness', '25', '9'],
        ['Spinning feeling (vertigo)', '21', '2'],
        ['Headache', '20', '17'],
        ['Sleepiness', '20', '12'],
        ['Change in taste', '16', '15'],
        ['Numbness', '13', '2'],
        ['Tingling', '13', '3'],
        ['Being sick (vomiting)', '9', '2'],
        ['Higher blood pressure', '8', '4'],
      ],
      src: ['transform1'],
    },
    h2('Common side effects of ketamine by drip'),
    p(
      f('In one study of 203 people treated at community clinics, 56 in 100 felt drowsy, 45 felt dizzy, 36 felt detached and 13 felt sick.', 'rodrigues_2020'),
      f('In that study, no one had psychosis, mania or new suicidal thoughts.', 'rodrigues_2020'),
    ),
    p(f('Many of these effects get weaker with later doses.', 'side_effects_fade')),
    h2('Serious risks'),
    list(
      f('Deep sedation. In studies of the spray, 3 or 4 people in 1,000 lost consciousness.', 'spravato_safety'),
      f('Slowed breathing. This has been reported with the spray, so clinics check your oxygen level.', 'rems_2024'),
      f('A big rise in blood pressure. In one study of ketamine by drip, 12.5 in 100 patients had at least one episode of severe high blood pressure. Of those episodes, 43 in 100 came in the first three sessions.', 'yale_2024'),
      f('Misuse. Ketamine and esketamine can be misused, so clinics check for this.', 'abuse_label'),
      f('Suicidal thoughts. Antidepressants can raise this risk in people under 25. Esketamine has not been shown to prevent suicide.', 'suicidality'),
    ),
    p(f('Fewer than 7 in 100 people stopped the spray because of side effects in studies.', 'spravato_safety')),
    { kind: 'crisis' },
    plain('Tell staff at once if you feel unwell during a session. Tell the clinic about any new symptoms between sessions.'),
  ],
};

export const LONG_TERM: Topic = {
  slug: 'long-term-safety',
  title: 'Long-term safety questions',
  summary: 'Bladder, liver, memory, misuse and blood pressure: what is known about repeated treatment, and what is not.',
  blocks: [
    p(f('Studies of ketamine for depression are mostly small and short. Little is known about safety over many months or years.', 'apa_2017')),
    h2('Bladder'),
    p(
      f('Heavy, long-term ketamine use can damage the bladder. Signs include passing urine often or in a hurry, pain, or blood in the urine.', 'ketalar_label'),
      f('More than 25 in 100 people who use ketamine often for fun have this kind of bladder damage. Stopping early helps.', 'cystitis'),
      f('The first case linked to treatment doses for depression was reported in 2023.', 'cystitis'),
    ),
    h2('Liver'),
    p(
      f('Repeated ketamine can affect the liver. The US ketamine label advises blood tests of the liver before repeated treatment, and from time to time after that.', 'ketalar_label'),
      f('In trials of people treated for mood problems, liver test changes were mostly mild and short-lived.', 'liver_review'),
    ),
    h2('Memory and thinking'),
    p(
      f('Right after a dose, thinking is slower. In one study this had passed by two hours.', 'cognition_2018'),
      f('Very frequent use for fun, more than five times a week, has been linked to memory problems.', 'cognition_2018'),
    ),
    h2('Misuse and dependence'),
    p(
      f('In studies, people who use drugs for fun liked the effects of esketamine and ketamine more than a dummy drug.', 'abuse_label'),
      f('The label says to check for misuse before treatment and to watch for it during treatment. Stopping suddenly may cause withdrawal symptoms.', 'abuse_label'),
    ),
    h2('Blood pressure over time'),
    p(f('A big rise in blood pressure can happen after any dose, even if earlier doses were fine.', 'spravato_label')),
    h2('Long-term use of the spray'),
    p(f('In a six-year follow-up of the spray, 6 in 100 people stopped because of side effects.', 'spravato_safety')),
    h2('Questions to ask your clinic'),
    list(
      f('How will you check my bladder, liver and memory over time?', 'ketalar_label', 'cognition_2018'),
      f('How will you check for misuse?', 'abuse_label'),
      f('How will you decide when to stop or space out treatment?', 'spravato_label'),
    ),
  ],
};
