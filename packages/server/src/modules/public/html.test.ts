import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, jsonForScript, lines, raw } from './html';

describe('html templates', () => {
  it('escapes every interpolated string, but not nested templates', () => {
    const name = '<script>alert("x")</script> & \'co\'';
    const out = html`<p title="${name}">${name}${html`<b>${'ok'}</b>`}</p>`.value;
    expect(out).toBe('<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;<b>ok</b></p>');
  });

  it('renders arrays, numbers and skips null, undefined and booleans', () => {
    expect(html`<ul>${['a', 'b'].map((x) => html`<li>${x}</li>`)}</ul>${null}${undefined}${false}${true}${3}`.value).toBe('<ul><li>a</li><li>b</li></ul>3');
    expect(html`${raw('<br>')}`.value).toBe('<br>');
  });

  it('never lets arbitrary text produce a tag or break out of an attribute', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = html`<a href="/x?q=${s}">${s}</a>`.value;
        expect(out).toBe(`<a href="/x?q=${escapeHtml(s)}">${escapeHtml(s)}</a>`);
        expect(escapeHtml(s)).not.toMatch(/[<>"']/);
      }),
    );
  });

  it('keeps JSON-LD inside its script element', () => {
    const out = jsonForScript({ name: '</script><script>alert(1)</script>', x: 'a&b\u2028' }).value;
    expect(out).not.toContain('</script');
    expect(out).not.toContain('<');
    expect(JSON.parse(out)).toEqual({ name: '</script><script>alert(1)</script>', x: 'a&b\u2028' });
  });

  it('keeps line breaks of entered text, escaped', () => {
    expect(lines('1 Example St\r\n  <Suite 2>\n\nRiverside').value).toBe('1 Example St<br>&lt;Suite 2&gt;<br>Riverside');
  });
});
