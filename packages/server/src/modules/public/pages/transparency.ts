import { JURISDICTIONS, ROUTE_LABELS, type Route } from '@ketapath/clinical';
import { html, lines, raw, type HtmlValue, type SafeHtml } from '../html';
import { formatSourceDate } from '../content/sources';
import { DAYS, SECTION_LABELS, type SectionKey } from '../profile/schemas';
import { clinicJsonLd } from '../transparency/jsonld';
import { courseEstimate, formatMoney } from '../transparency/money';
import { inductionSessions, protocolView, type ProtocolView, type Statement } from '../transparency/protocol-view';
import type { TransparencyInput } from '../transparency/types';
import { countryPhrase } from '../country';
import { crisisNote, page } from './layout';
import { outcomesSection } from './outcomes-section';

const TAG_GUIDANCE = raw('<span class="tag enf">Follows published guidance</span>');
const TAG_CLINIC = raw('<span class="tag clinic">Set by the clinic’s medical director</span>');
const TAG_DEFAULT = raw('<span class="tag dflt">Suggested default, not yet confirmed by the clinic</span>');
const TAG_ENTERED = raw('<span class="tag">Entered by the clinic</span>');

const TAGS: Record<Statement['basis'], SafeHtml> = { guidance: TAG_GUIDANCE, clinic: TAG_CLINIC, default: TAG_DEFAULT };

function statement(s: Statement): SafeHtml {
  return html`<li>${s.text} ${TAGS[s.basis]}${s.note === undefined ? null : html` <span class="meta">${s.note}</span>`}</li>`;
}

function statements(list: readonly Statement[]): SafeHtml {
  return html`<ul>${list.map(statement)}</ul>`;
}

/** A heading used inside a sentence: first letter lower-case unless it starts an acronym. */
function sentenceCase(heading: string): string {
  return /^[A-Z][a-z]/.test(heading) ? heading.charAt(0).toLowerCase() + heading.slice(1) : heading;
}

function verified(on: string | null): SafeHtml {
  return on === null ? html`<p class="meta">Not yet marked as checked by the clinic.</p>` : html`<p class="verified">Last checked by the clinic: ${formatSourceDate(on)}</p>`;
}

const DAY_NAMES: Record<(typeof DAYS)[number], string> = { Mo: 'Mon', Tu: 'Tue', We: 'Wed', Th: 'Thu', Fr: 'Fri', Sa: 'Sat', Su: 'Sun' };

function daysText(days: readonly (typeof DAYS)[number][]): string {
  const sorted = DAYS.filter((d) => days.includes(d));
  const idx = sorted.map((d) => DAYS.indexOf(d));
  const contiguous = idx.every((v, i) => i === 0 || v === (idx[i - 1] ?? -2) + 1);
  if (contiguous && sorted.length > 2) {
    return `${DAY_NAMES[sorted[0] ?? 'Mo']}–${DAY_NAMES[sorted[sorted.length - 1] ?? 'Su']}`;
  }
  return sorted.map((d) => DAY_NAMES[d]).join(', ');
}

function teamSection(input: TransparencyInput): HtmlValue {
  const c = input.content;
  const a = c.address;
  const address = [a.street, [a.locality, a.region, a.postalCode].filter((x) => x !== null).join(', '), a.country].filter((x) => x !== null && x !== '').join('\n');
  const j = JURISDICTIONS[input.clinic.jurisdiction];
  return html`<section class="block" id="team" aria-labelledby="team-h">
<h2 id="team-h">${SECTION_LABELS.team}</h2>
${verified(input.sections.team.verifiedOn)}
<p>${TAG_ENTERED} The clinic enters its team and contact details. Ask to see licences if you want to check them.</p>
${c.team.length === 0 ? html`<p>The clinic has not listed its team.</p>` : html`<h3>Medical team</h3><div class="grid">${c.team.map(
    (m) => html`<div class="card"><h4 style="margin:0 0 .3rem;font-size:1.05rem">${m.name}</h4><p style="margin:0">${m.role}</p>${m.credentials === null ? null : html`<p class="meta" style="margin:.3rem 0 0">Qualifications: ${m.credentials}</p>`}${m.licence === null ? null : html`<p class="meta" style="margin:.3rem 0 0">Licence: ${m.licence}</p>`}${m.affiliations === null ? null : html`<p class="meta" style="margin:.3rem 0 0">Affiliations: ${m.affiliations}</p>`}</div>`,
  )}</div>`}
<h3>Where and when</h3>
<dl class="facts">
${address === '' ? null : html`<dt>Address</dt><dd>${lines(address)}</dd>`}
${c.hours.length === 0 ? null : html`<dt>Opening hours</dt><dd>${c.hours.map((h) => html`${daysText(h.days)} ${h.opens}–${h.closes}<br>`)}${c.hoursNote === null ? null : c.hoursNote}</dd>`}
${c.phone === null ? null : html`<dt>Phone</dt><dd><a href="tel:${c.phone.replace(/[^\d+]/g, '')}">${c.phone}</a></dd>`}
${c.email === null ? null : html`<dt>Email</dt><dd><a href="mailto:${c.email}">${c.email}</a></dd>`}
${c.website === null ? null : html`<dt>Website</dt><dd><a href="${c.website}" rel="noopener">${c.website.replace(/^https?:\/\//, '')}</a></dd>`}
</dl>
<h3>In an emergency</h3>
${c.emergencyContact === null ? html`<p>The clinic has not entered how to reach it in an emergency.</p>` : html`<p>${lines(c.emergencyContact)}</p>`}
${j.crisisLine.number === null ? html`<p>If you are in danger now, call your local emergency number.</p>` : html`<p>If you are thinking about suicide, call ${j.crisisLine.number}${j.crisisLine.name === null ? '' : ` (${j.crisisLine.name})`}. If you are in danger now, call your local emergency number.</p>`}
</section>`;
}

function treatmentsSection(input: TransparencyInput, view: ProtocolView | null): HtmlValue {
  const routes = input.content.routesOffered;
  return html`<section class="block" id="treatments" aria-labelledby="treatments-h">
<h2 id="treatments-h">${SECTION_LABELS.treatments}</h2>
${verified(input.sections.treatments.verifiedOn)}
${routes.length === 0 ? html`<p>The clinic has not listed the treatments it offers.</p>` : html`<ul>${routes.map((r) => html`<li>${ROUTE_LABELS[r]}${r === 'esketamine_nasal' ? '' : ' (off-label for depression)'}</li>`)}</ul>`}
${view === null
    ? html`<p class="note warn">The clinic’s protocol settings could not be read, so the rules below are not shown. Ask the clinic for them.</p>`
    : html`<p>The rest of this section is generated from the protocol settings the clinic’s Ketapath system applies, not written by hand.</p>
<h3>Who the clinic may treat</h3>
${statements(view.criteria)}
<p>Every candidate is also screened for: ${view.screened.join('; ')}. Depending on the condition and the medicine, the software either stops treatment or asks the prescriber to record a reason before going ahead. A clinician makes the final decision after assessing you.</p>
<h3>Consent</h3>
${input.consents.map((c) => html`<p>Before the first ${c.routesLabel} treatment you read and sign a written consent form, “${c.title}”${c.version === null ? ' (the Ketapath standard form)' : ` (version ${c.version})`}. It covers: ${c.headings.map(sentenceCase).join('; ')}.</p>`)}
<h3>Course of treatment</h3>
${view.routes.map((r) => html`<h4>${r.label}</h4>${statements(r.course)}`)}`}
<p><a href="/learn/how-it-works">How this treatment works</a></p>
</section>`;
}

function controlledDrugs(input: TransparencyInput): HtmlValue {
  const rec = JURISDICTIONS[input.clinic.jurisdiction].records;
  return html`<h3>Controlled drugs</h3>
${input.content.controlledDrugHandling === null ? null : html`<p>${TAG_ENTERED} ${lines(input.content.controlledDrugHandling)}</p>`}
<p>Ketapath keeps the clinic’s controlled-drug register as a hash-chained record, so an earlier entry cannot be changed without it showing.${rec.retentionYears === null ? '' : ` Rules in ${countryPhrase(input.clinic.jurisdiction)} require these records to be kept for at least ${rec.retentionYears} years.`}</p>`;
}

function safetySection(input: TransparencyInput, view: ProtocolView | null): HtmlValue {
  const c = input.content;
  return html`<section class="block" id="safety" aria-labelledby="safety-h">
<h2 id="safety-h">${SECTION_LABELS.safety}</h2>
${verified(input.sections.safety.verifiedOn)}
${view === null
    ? html`<p class="note warn">The clinic’s protocol settings could not be read, so the monitoring rules are not shown.</p>`
    : html`<p>These rules come from the clinic’s Ketapath protocol. At every session the software schedules the checks, flags missed readings, alerts staff when a reading crosses a limit, and will not record a discharge until the checks are met.</p>
${view.routes.map(
  (r) => html`<h3>${r.label}</h3>
<h4>Checks during and after the dose</h4>${statements(r.monitoring)}
<h4>Time before you can leave</h4>${statements([r.minimumObservation])}
<h4>Checks before you leave</h4>${statements(r.discharge)}`,
)}
<h3>Readings that trigger action</h3>
${statements(view.thresholds)}
${view.escort.length === 0 ? null : html`<h3>Getting home</h3>${statements(view.escort)}`}`}
<h3>Emergency equipment</h3>
${c.emergencyEquipment.length === 0 ? html`<p>The clinic has not listed its emergency equipment.</p>` : html`<p>${TAG_ENTERED}</p><ul>${c.emergencyEquipment.map((e) => html`<li>${e}</li>`)}</ul>`}
<h3>Emergency procedures</h3>
${c.emergencyProcedures === null ? html`<p>The clinic has not described its emergency procedures.</p>` : html`<p>${TAG_ENTERED} ${lines(c.emergencyProcedures)}</p>`}
${controlledDrugs(input)}
<p><a href="/learn/session">What a session is like</a></p>
</section>`;
}

function estimateLine(route: Route, input: TransparencyInput, perSession: number | null): HtmlValue {
  const label = ROUTE_LABELS[route];
  if (perSession === null) {
    return html`<li>${label}: no price per session is published, so there is no estimate.</li>`;
  }
  const course = input.protocol === null ? null : inductionSessions(route, input.protocol);
  if (course === null) {
    return html`<li>${label}: the clinic’s protocol sets no standard first course, so there is no estimate.</li>`;
  }
  const e = courseEstimate(perSession, course.sessions);
  const cur = input.content.currency;
  return html`<li>${label}: ${e.sessions} sessions (${course.description}) × ${formatMoney(e.pricePerSessionMinor, cur)} = <strong>${formatMoney(e.totalMinor, cur)}</strong></li>`;
}

function costsSection(input: TransparencyInput): HtmlValue {
  const c = input.content;
  const cur = c.currency;
  const rows = c.routesOffered.map((route) => ({ route, price: c.prices.find((p) => p.route === route) }));
  const money = (v: number | null | undefined): string => (v === null || v === undefined ? 'Ask the clinic' : formatMoney(v, cur));
  return html`<section class="block" id="costs" aria-labelledby="costs-h">
<h2 id="costs-h">${SECTION_LABELS.costs}</h2>
${verified(input.sections.costs.verifiedOn)}
<p>${TAG_ENTERED} Prices are set by the clinic, in ${cur}.</p>
${rows.length === 0 ? html`<p>The clinic has not published prices.</p>` : html`<table class="stack"><caption>Prices by treatment</caption><thead><tr><th scope="col">Treatment</th><th scope="col" class="n">Per session</th><th scope="col" class="n">Per course</th><th scope="col">What is included</th></tr></thead><tbody>${rows.map(
    (r) => html`<tr><th scope="row">${ROUTE_LABELS[r.route]}</th><td class="n" data-label="Per session">${money(r.price?.perSessionMinor)}</td><td class="n" data-label="Per course">${r.price?.perCourseMinor === null || r.price?.perCourseMinor === undefined ? '—' : formatMoney(r.price.perCourseMinor, cur)}</td><td data-label="What is included">${r.price?.included ?? '—'}</td></tr>`,
  )}</tbody></table>`}
${rows.length === 0 ? null : html`<h3>Estimate for a typical first course</h3>
<p>Price per session × the number of sessions in the first course set in the clinic’s protocol:</p>
<ul>${rows.map((r) => estimateLine(r.route, input, r.price?.perSessionMinor ?? null))}</ul>
<p class="meta">An estimate only. Your own course may be shorter or longer, and later sessions cost extra.</p>`}
<h3>Insurance</h3>
${c.insuranceAccepted.length === 0 ? html`<p>The clinic has not listed insurance plans it accepts.</p>` : html`<p>Plans accepted:</p><ul>${c.insuranceAccepted.map((i) => html`<li>${i}</li>`)}</ul>`}
${c.insuranceNotes === null ? null : html`<p>${lines(c.insuranceNotes)}</p>`}
${c.esketamineCoverageNotes === null || !c.routesOffered.includes('esketamine_nasal') ? null : html`<h3>Esketamine coverage</h3><p>${lines(c.esketamineCoverageNotes)}</p>`}
<p><a href="/learn/costs">About costs and insurance</a></p>
</section>`;
}

const SECTION_ORDER: readonly SectionKey[] = ['team', 'treatments', 'safety', 'costs'];

export function renderTransparency(input: TransparencyInput): string {
  const view = input.protocol === null ? null : protocolView(input.protocol, input.content.routesOffered, input.unconfirmedInUse);
  const shown = SECTION_ORDER.filter((k) => input.sections[k].publish);
  const render: Record<SectionKey, () => HtmlValue> = {
    team: () => teamSection(input),
    treatments: () => treatmentsSection(input, view),
    safety: () => safetySection(input, view),
    costs: () => costsSection(input),
  };
  const c = input.content;
  const place = [c.address.locality, c.address.region].filter((x) => x !== null).join(', ');
  const banner: HtmlValue = [
    input.preview ? html`<div class="demo" role="note">Preview: only signed-in staff see this page here.${shown.length < SECTION_ORDER.length ? ` Hidden from the public: ${SECTION_ORDER.filter((k) => !shown.includes(k)).map((k) => SECTION_LABELS[k]).join(', ')}.` : ''}</div>` : null,
    input.clinic.isDemo ? html`<div class="demo" role="note">Demo clinic: everything on this page is made up, for trying Ketapath.</div>` : null,
  ];
  const body = html`<h1>${input.clinic.name}</h1>
${place === '' && c.routesOffered.length === 0 ? null : html`<p class="lead">${place}${place !== '' && c.routesOffered.length > 0 ? ' · ' : ''}${c.routesOffered.map((r) => ROUTE_LABELS[r]).join(', ')}</p>`}
<p class="prose">The clinic publishes this page from its own Ketapath system. Safety rules and treatment courses are generated from the settings the software applies at every session.</p>
<details class="prose no-print"><summary>How to read the labels</summary><ul>
<li>${TAG_GUIDANCE} The figure is the one in the medicine’s label or in published studies.</li>
<li>${TAG_CLINIC} The clinic chose this figure; it may differ from other clinics.</li>
<li>${TAG_DEFAULT} Published guidance gives no single figure; this is Ketapath’s starting value, which the clinic has not yet reviewed.</li>
<li>${TAG_ENTERED} The clinic’s own statement, not checked by Ketapath.</li>
</ul></details>
<div class="actions no-print">
${input.acceptsConsultationRequests ? html`<a class="button" href="/learn/self-check?clinic=${input.clinic.slug}">Prepare for a consultation</a>` : null}
<a class="button secondary" href="/learn/choosing-a-clinic">Compare clinics</a>
</div>
${shown.length > 1 ? html`<nav aria-label="On this page" class="no-print"><p>On this page: ${shown.map((k, i) => html`${i > 0 ? ' · ' : ''}<a href="#${k}">${SECTION_LABELS[k]}</a>`)}${input.outcomes === null ? null : html` · <a href="#outcomes">Outcomes</a>`}</p></nav>` : null}
${shown.map((k) => render[k]())}
${input.outcomes === null ? null : outcomesSection(input.outcomes)}
${crisisNote(input.clinic.jurisdiction)}
<p class="meta">Page generated on ${formatSourceDate(input.today)} from the clinic’s current settings. It shows no information about any patient.</p>`;
  return page({
    title: `${input.clinic.name}: team, safety and costs | Ketapath`,
    description: `${input.clinic.name}: treatments offered, safety monitoring rules, team and prices, published from the clinic’s Ketapath system.`,
    path: `/c/${input.clinic.slug}`,
    publicUrl: input.publicUrl,
    noindex: input.preview,
    jsonLd: clinicJsonLd(input),
    banner,
    body,
  });
}
