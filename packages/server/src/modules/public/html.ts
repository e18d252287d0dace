/**
 * Typed HTML templates for the server-rendered public pages. `html` is a tagged template: every
 * interpolated value is escaped unless it is itself `SafeHtml` (the result of `html`, `raw`, or an array of
 * them). Nothing user-entered can reach the page unescaped.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) {
    return value.value;
  }
  if (Array.isArray(value)) {
    return (value as readonly HtmlValue[]).map(render).join('');
  }
  if (value === null || value === undefined || value === false) {
    return '';
  }
  if (value === true) {
    return '';
  }
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Trusted markup written in this code base (never data). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Conditional fragment. */
export function when(condition: boolean, fragment: () => HtmlValue): HtmlValue {
  return condition ? fragment() : null;
}

/**
 * JSON for a `<script type="application/ld+json">` data block: `<`, `>`, `&` and the line separators are
 * escaped so the data can never close the element or start markup.
 */
export function jsonForScript(data: unknown): SafeHtml {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return new SafeHtml(json);
}

/** Text with line breaks kept (entered multi-line text such as an address). */
export function lines(text: string): SafeHtml {
  return new SafeHtml(
    text
      .split(/\r?\n/)
      .map((l) => escapeHtml(l.trim()))
      .filter((l) => l !== '')
      .join('<br>'),
  );
}
