import { html, type HtmlValue } from '../html';
import { formatSourceDate } from '../content/sources';
import { MIN_CELL, type SuppressedCount, type SuppressedRate } from '../suppress';
import type { PublicOutcomes } from '../transparency/outcomes';

const pct = (x: number): string => `${Math.round(x * 100)}%`;

function count(c: SuppressedCount | { readonly shown: true; readonly count: number }): HtmlValue {
  return c.shown ? html`${c.count.toLocaleString('en-US')}` : html`<span class="meta">${c.message}</span>`;
}

function rate(r: SuppressedRate): HtmlValue {
  return r.shown ? html`<strong>${pct(r.rate)}</strong> <span class="meta">(${r.numerator} of ${r.denominator} patients)</span>` : html`<span class="meta">${r.message}</span>`;
}

/** The opt-in outcomes section: suppressed aggregates with a plain statement of the method and its limits. */
export function outcomesSection(o: PublicOutcomes): HtmlValue {
  return html`<section id="outcomes" aria-labelledby="outcomes-h">
<h2 id="outcomes-h">Outcomes</h2>
<p class="prose">How patients who started treatment here between ${formatSourceDate(o.from)} and ${formatSourceDate(o.to)} are doing. Worked out today from the clinic’s records. No patient can be identified: any figure based on fewer than ${MIN_CELL} patients is not shown.</p>
<table class="stack">
<thead><tr><th scope="col">Figure</th><th scope="col">Result</th></tr></thead>
<tbody>
<tr><th scope="row">Patients who started treatment</th><td data-label="Result">${count(o.patientsStarted)}</td></tr>
<tr><th scope="row">Patients with a ${o.instrument} score before and after starting</th><td data-label="Result">${count(o.patientsMeasured)}</td></tr>
<tr><th scope="row">Responded (${o.instrument} score fell by half or more)</th><td data-label="Result">${rate(o.response)}</td></tr>
<tr><th scope="row">In remission (${o.instrument} score below the remission level)</th><td data-label="Result">${rate(o.remission)}</td></tr>
<tr><th scope="row">Treatment sessions given</th><td data-label="Result">${count(o.sessions)}</td></tr>
<tr><th scope="row">Side effects recorded at sessions</th><td data-label="Result">${o.adverseEvents.shown ? html`<strong>${o.adverseEvents.per100.toFixed(1)} per 100 sessions</strong> <span class="meta">(${o.adverseEvents.patientsWith.shown ? `${o.adverseEvents.patientsWith.numerator} of ${o.adverseEvents.patientsWith.denominator} patients had at least one` : ''})</span>` : html`<span class="meta">${o.adverseEvents.message}</span>`}</td></tr>
<tr><th scope="row">Sessions with a blood-pressure alert</th><td data-label="Result">${o.bloodPressure.shown ? html`<strong>${pct(o.bloodPressure.sessionShare)} of sessions</strong>` : html`<span class="meta">${o.bloodPressure.message}</span>`}</td></tr>
</tbody>
</table>
<h3>How these figures are worked out</h3>
<ul class="prose">
<li>Each patient’s score before the first treatment is compared with their latest score. A fall of ${o.responsePercent}% or more counts as a response.</li>
<li>Scores come from the ${o.instrument} questionnaire, which patients fill in themselves.</li>
<li>Side effects and blood-pressure alerts are those the care team recorded during sessions.</li>
</ul>
<h3>What these figures cannot tell you</h3>
<ul class="prose">
<li>They come from one clinic’s own patients, not from a trial. There is no comparison group, so they do not show how much of the change is due to the treatment.</li>
<li>Patients who stopped coming or did not fill in a questionnaire are not in the response figures. This can make results look better than they are.</li>
<li>Small numbers give uncertain results. Figures from different clinics may not be measured the same way.</li>
<li>Your own result may differ. Talk it through with a clinician.</li>
</ul>
</section>`;
}
