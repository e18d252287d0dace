/**
 * What to expect, in plain words. Every fact comes from the clinical reference (sources shown); the clinic's own
 * instructions always come first.
 */
const TOPICS: readonly { id: string; title: string; points: readonly string[]; source: string }[] = [
  {
    id: 'expect',
    title: 'What to expect on a treatment day',
    points: [
      'A nurse checks your blood pressure before the dose and watches you closely afterwards.',
      'With esketamine nasal spray you stay at the clinic for at least 2 hours after the dose, until you are well enough to leave.',
      'You may feel strange or detached, sleepy or dizzy for a while. This usually passes within the visit.',
    ],
    source: 'Spravato (esketamine) label, boxed warning and REMS monitoring requirements',
  },
  {
    id: 'side-effects',
    title: 'Common side effects',
    points: [
      'The most common are feeling detached or dreamlike (dissociation), dizziness, nausea, sleepiness, a spinning feeling, numbness, anxiety, vomiting and a rise in blood pressure.',
      'Tell the nurse at once if you have chest pain, shortness of breath, a sudden severe headache or confusion.',
      'Tell your care team about pain or burning when passing urine, blood in your urine or needing to go urgently.',
    ],
    source: 'Spravato label adverse reactions and warnings (5.6); ketamine label urinary warnings',
  },
  {
    id: 'driving',
    title: 'No driving until the next day',
    points: ['Do not drive or use machinery until the next day, after a restful sleep.', 'Arrange for someone to take you home after each treatment.'],
    source: 'Spravato label, section 17 (patient counselling); spravatohcp.com',
  },
  {
    id: 'fasting',
    title: 'Eating and drinking before a treatment',
    points: ['For esketamine nasal spray: no food for at least 2 hours and nothing to drink for at least 30 minutes before the dose, because it can make you feel sick.', 'For other treatments, follow what your clinic tells you.'],
    source: 'Spravato patient information; Mayo Clinic; Epocrates',
  },
  {
    id: 'call',
    title: 'Whom to call',
    points: [
      'Questions about your treatment or appointments: call the clinic during opening hours.',
      'If you are thinking about harming yourself: use the crisis line on your home page, any time, or call your emergency number.',
    ],
    source: 'Columbia C-SSRS triage guidance (crisis resources)',
  },
];

export function PortalLearn() {
  return (
    <>
      <h1>About your treatment</h1>
      <nav aria-label="Topics" className="ptoc">
        {TOPICS.map((t) => (
          <a key={t.id} href={`#${t.id}`}>
            {t.title}
          </a>
        ))}
      </nav>
      {TOPICS.map((t) => (
        <section key={t.id} id={t.id} className="pcard" aria-labelledby={`${t.id}-h`}>
          <h2 id={`${t.id}-h`}>{t.title}</h2>
          <ul>
            {t.points.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          <p className="small muted">Source: {t.source}.</p>
        </section>
      ))}
      <p className="small muted">Your clinic’s own instructions come first. More for the public at <a href="/learn">/learn</a>.</p>
    </>
  );
}
