import { CHECKLIST_ANSWERS, CHECKLIST_CLINIC_SLOTS, CHECKLIST_MAX_CLINICS, CLINIC_QUESTIONS } from '../content/checklist';
import { BRING_ITEMS, SELF_CHECK_ITEMS } from '../content/self-check';
import { html, raw, type HtmlValue } from '../html';
import { Citations } from './cite';
import { countryPicker, crisisNote, page } from './layout';
import { keepCountry, type LearnContext } from './learn';

/** A clinic the visitor may send the self-check to (published and accepting requests). */
export interface ConsultationTarget {
  readonly slug: string;
  readonly name: string;
  readonly phone: string | null;
  readonly email: string | null;
}

export interface SelfCheckContext extends LearnContext {
  readonly scriptUrl: string;
  readonly clinic: ConsultationTarget | null;
  /** A clinic was asked for but cannot receive requests. */
  readonly clinicUnavailable: boolean;
}

const SELF_CHECK_INTRO = 'Use this before you talk to a clinic. Tick what applies to you and choose the questions you want to ask. You get a list to print or take with you.';

function sendSection(clinic: ConsultationTarget): HtmlValue {
  return html`<section class="block no-print" aria-labelledby="send-h" id="send">
<h2 id="send-h">Ask ${clinic.name} for a consultation</h2>
<p>If you choose, you can send your contact details to ${clinic.name} and ask them to get in touch. Nothing is sent until you press the button.</p>
<p id="send-nojs">Sending needs JavaScript, which is off in this browser. You can print this page and contact the clinic yourself${clinic.phone === null ? '' : html` on ${clinic.phone}`}${clinic.email === null ? '' : html` or at <a href="mailto:${clinic.email}">${clinic.email}</a>`}.</p>
<form id="consult-form" data-endpoint="/api/public/clinics/${clinic.slug}/consultation-requests" data-clinic="${clinic.name}" hidden novalidate>
<div class="field"><label for="c-name">Your name</label><input type="text" id="c-name" name="name" autocomplete="name" maxlength="120" required></div>
<div class="field"><label for="c-contact">Phone number or email address</label><span class="hint" id="c-contact-hint">The clinic will use this to contact you.</span><input type="text" id="c-contact" name="contact" autocomplete="email" maxlength="200" required aria-describedby="c-contact-hint"></div>
<fieldset><legend>How should the clinic contact you?</legend>
<label class="check"><input type="radio" name="preferredContact" value="phone" checked> Phone call</label>
<label class="check"><input type="radio" name="preferredContact" value="email"> Email</label>
</fieldset>
<div class="field"><label for="c-message">Message (optional)</label><span class="hint" id="c-message-hint">For example, good times to call. Please do not include details you do not want to share.</span><textarea id="c-message" name="message" maxlength="2000" aria-describedby="c-message-hint"></textarea></div>
<label class="check"><input type="checkbox" id="c-share" name="shareSelfCheck"> Also send the points and questions I ticked above</label>
<label class="check"><input type="checkbox" id="c-consent" name="consent" required> I agree that ${clinic.name} may keep these details to contact me about a consultation.</label>
<div id="consult-error" class="alert-err" role="alert" hidden></div>
<div class="actions"><button type="submit">Send request to ${clinic.name}</button></div>
</form>
<div id="consult-done" class="alert-ok" role="status" tabindex="-1" hidden></div>
</section>`;
}

export function renderSelfCheck(ctx: SelfCheckContext): string {
  const cite = new Citations();
  const q = keepCountry(ctx.country);
  const body = html`<article>
<p class="crumbs"><a href="/learn${q}">Learn</a></p>
<h1>Self-check before a consultation</h1>
<p class="lead prose">${SELF_CHECK_INTRO}</p>
<div class="note prose"><p><strong>This is not a test.</strong> It does not say whether you can have treatment. Only a clinician who assesses you can decide that. Your answers stay in this browser unless you choose to send them.</p></div>
${countryPicker(ctx.country.code, '/learn/self-check', ctx.country.from === 'browser', ctx.clinic === null ? {} : { clinic: ctx.clinic.slug })}
${ctx.clinicUnavailable ? html`<p class="note warn prose">That clinic does not take requests through Ketapath. You can still use this page and print your notes.</p>` : null}
${crisisNote(ctx.country.code)}
<div id="self-check" class="prose">
<fieldset><legend>Health points to talk about</legend>
<p class="hint">Tick any that apply to you. Ticking an item decides nothing: it tells the clinician what to check so that care is safe.</p>
${SELF_CHECK_ITEMS.map(
  (it) => html`<div><label class="check"><input type="checkbox" name="item" value="${it.id}"${it.urgent === true ? raw(' data-urgent="1"') : ''}> <span>${it.label}</span></label>
<p class="why">Why we ask: ${cite.fact(it.why)}</p></div>`,
)}
</fieldset>
<div id="urgent-note" hidden>${crisisNote(ctx.country.code)}</div>
<fieldset><legend>Questions to ask the clinic</legend>
<p class="hint">Untick any you do not need. The reasons are on the <a href="/learn/choosing-a-clinic${q}">clinic checklist</a>.</p>
${CLINIC_QUESTIONS.map((cq) => html`<label class="check"><input type="checkbox" name="question" value="${cq.id}" checked> <span>${cq.question}</span></label>`)}
<div class="field" style="margin-top:.6rem"><label for="own-questions">Your own questions (optional)</label><textarea id="own-questions" name="ownQuestions" maxlength="1000"></textarea></div>
</fieldset>
</div>
<section class="prose" aria-labelledby="bring-h"><h2 id="bring-h">What to bring</h2>
<ul>${BRING_ITEMS.map((b) => html`<li>${cite.fact(b)}</li>`)}</ul></section>
<section id="summary" class="block prose" aria-labelledby="summary-h" hidden>
<h2 id="summary-h">Your notes for the consultation</h2>
<div id="summary-body" aria-live="polite"></div>
<div class="actions no-print"><button type="button" id="print-notes">Print my notes</button></div>
</section>
${ctx.clinic === null ? html`<p class="prose">To send your notes to a clinic, open this self-check from that clinic’s Ketapath page.</p>` : sendSection(ctx.clinic)}
<div class="prose">${cite.list()}</div>
</article>`;
  return page({
    title: 'Self-check before a ketamine consultation | Ketapath',
    description: 'Prepare for a consultation about ketamine or esketamine: health points to discuss, questions to ask and what to bring. It does not decide whether treatment is right for you.',
    path: '/learn/self-check',
    publicUrl: ctx.publicUrl,
    keepQuery: q,
    scripts: [ctx.scriptUrl],
    ...(ctx.clinic === null ? {} : { noindex: true }),
    body,
  });
}

export function renderChecklist(ctx: LearnContext & { readonly scriptUrl: string }): string {
  const cite = new Citations();
  const q = keepCountry(ctx.country);
  const slots = Array.from({ length: CHECKLIST_MAX_CLINICS }, (_, i) => i + 1);
  const hiddenSlot = (n: number): HtmlValue => (n > CHECKLIST_CLINIC_SLOTS ? raw(' hidden data-extra="1"') : '');
  const body = html`<article>
<p class="crumbs"><a href="/learn${q}">Learn</a></p>
<h1>Checklist for choosing a clinic</h1>
<p class="lead prose">Ask each clinic these questions, by phone or at a first visit. Note the answers side by side, then print the page to compare.</p>
<p class="prose">Each question says why it matters. Your answers are kept only in this browser, so you can come back to them. Nothing is sent to Ketapath.</p>
<div id="compare">
<fieldset><legend>Clinics you are comparing</legend>
<div class="answers">${slots.map((n) => html`<div class="field" data-slot="${n}"${hiddenSlot(n)}><label for="clinic-${n}">Clinic ${n} name</label><input type="text" id="clinic-${n}" name="clinic-${n}" maxlength="80"></div>`)}</div>
<div class="actions no-print"><button type="button" class="secondary" id="add-clinic" hidden>Add another clinic</button></div>
</fieldset>
<ol class="questions" style="padding-left:1.4rem">${CLINIC_QUESTIONS.map(
    (cq) => html`<li class="q" id="q-${cq.id}"><h2 style="font-size:1.08rem;margin:0 0 .3rem">${cq.question}</h2>
<p class="why" style="margin-left:0">Why it matters: ${cite.fact(cq.why)}</p>
<div class="answers">${slots.map(
      (n) => html`<div class="field" data-slot="${n}"${hiddenSlot(n)}><label for="a-${cq.id}-${n}">Answer from <span data-clinic-name="${n}">clinic ${n}</span></label><select id="a-${cq.id}-${n}" name="a-${cq.id}-${n}" data-question="${cq.id}" data-clinic="${n}">${CHECKLIST_ANSWERS.map((a) => html`<option value="${a.value}">${a.label}</option>`)}</select></div>`,
    )}</div></li>`,
  )}</ol>
<fieldset><legend>Your notes</legend>
<div class="answers">${slots.map((n) => html`<div class="field" data-slot="${n}"${hiddenSlot(n)}><label for="notes-${n}">Notes on <span data-clinic-name="${n}">clinic ${n}</span></label><textarea id="notes-${n}" name="notes-${n}" maxlength="2000"></textarea></div>`)}</div>
</fieldset>
</div>
<section id="totals" class="block" aria-labelledby="totals-h" hidden>
<h2 id="totals-h">Summary</h2>
<div id="totals-body" aria-live="polite"></div>
</section>
<div class="actions no-print"><button type="button" id="print-compare">Print the comparison</button><button type="button" class="secondary" id="clear-compare" hidden>Clear my answers</button></div>
<p class="prose">Clinics that use Ketapath publish a page with their team, safety rules and prices. Use it to check their answers.</p>
<div class="prose">${cite.list()}</div>
</article>`;
  return page({
    title: 'Checklist for choosing a ketamine clinic | Ketapath',
    description: 'Questions to ask any ketamine or esketamine clinic about assessment, monitoring, emergencies and costs, with the reasons behind each. Compare clinics side by side and print.',
    path: '/learn/choosing-a-clinic',
    publicUrl: ctx.publicUrl,
    keepQuery: q,
    scripts: [ctx.scriptUrl],
    body,
  });
}
