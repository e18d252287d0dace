import { html, type SafeHtml } from '../html';
import type { Fact } from '../content/model';
import { CONTENT_CHECKED_ON, EDU_SOURCES, formatSourceDate, type EduSourceId } from '../content/sources';

/** Numbers sources in order of first use on a page and renders the markers and the source list. */
export class Citations {
  private readonly order: EduSourceId[] = [];

  number(id: EduSourceId): number {
    let i = this.order.indexOf(id);
    if (i === -1) {
      this.order.push(id);
      i = this.order.length - 1;
    }
    return i + 1;
  }

  marker(ids: readonly EduSourceId[]): SafeHtml {
    const nums = [...new Set(ids.map((id) => this.number(id)))];
    return html`<sup class="cite">${nums.map((n, i) => html`${i > 0 ? ', ' : ''}<a href="#src-${n}"><span class="vh">source </span>${n}</a>`)}</sup>`;
  }

  fact(fact: Fact): SafeHtml {
    return html`${fact.text}${this.marker(fact.src)}`;
  }

  get used(): readonly EduSourceId[] {
    return this.order;
  }

  list(): SafeHtml {
    return html`<section class="sources" aria-labelledby="sources-h">
<h2 id="sources-h">Sources</h2>
<p>Facts on this page were checked against the Ketapath clinical reference on ${formatSourceDate(CONTENT_CHECKED_ON)}.</p>
<ol>${this.order.map((id, i) => {
      const s = EDU_SOURCES[id];
      const dated: string | null = s.date;
      return html`<li id="src-${i + 1}"><strong>${s.title}.</strong> ${s.detail}. ${dated === null ? 'Undated web page' : html`Dated ${formatSourceDate(dated)}`}. Clinical reference ${s.ref}.</li>`;
    })}</ol>
</section>`;
  }
}
