/**
 * The whole stylesheet of the public pages, inlined in each page (about 6 KB): no extra request, no web
 * fonts, system colours with WCAG AA contrast, readable at 200 % zoom, and a print layout.
 */
export const PUBLIC_CSS = `
:root{--brand:#0f5c63;--brand-dark:#0a444a;--soft:#e3f1f2;--ink:#1b2428;--ink2:#3f4d54;--line:#c9d5d9;--bg:#f6f8f8;--warn:#6b4500;--warn-bg:#fff4d6;--danger:#9b1c12;--danger-bg:#fdecea;--ok:#125a31;--ok-bg:#e4f5ea;--focus:0 0 0 3px #ffbf47}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:100%;line-height:1.55;color:var(--ink);background:var(--bg);-webkit-text-size-adjust:100%}
body{margin:0}
a{color:var(--brand-dark);text-underline-offset:2px}
a:hover{color:var(--ink)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:none;box-shadow:var(--focus)}
h1{font-size:1.9rem;line-height:1.2;margin:.2rem 0 .8rem}
h2{font-size:1.4rem;line-height:1.25;margin:2rem 0 .6rem}
h3{font-size:1.12rem;margin:1.3rem 0 .4rem}
p,ul,ol{margin:0 0 1rem}
li{margin-bottom:.4rem}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.6rem 1rem;z-index:2}
.skip:focus{left:.5rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header.site{background:var(--brand-dark);color:#fff}
header.site .in,footer.site .in,main{max-width:62rem;margin:0 auto;padding:0 1rem}
header.site .in{display:flex;flex-wrap:wrap;align-items:center;gap:.3rem 1.2rem;padding-top:.5rem;padding-bottom:.5rem}
header.site a{color:#fff;text-decoration:none;display:inline-flex;align-items:center;min-height:44px}
header.site a:hover{text-decoration:underline}
header.site .brand{font-weight:700;font-size:1.1rem;gap:.5rem;margin-right:auto}
header.site nav ul{display:flex;flex-wrap:wrap;gap:0 1.1rem;list-style:none;margin:0;padding:0}
header.site nav li{margin:0}
.demo{background:#ffe08a;color:#3d2a00;text-align:center;font-weight:700;padding:.4rem 1rem}
main{padding-top:1.2rem;padding-bottom:3rem}
.lead{font-size:1.15rem;color:var(--ink2)}
.prose{max-width:44rem}
.crumbs{font-size:.95rem;margin:.2rem 0 .4rem}
.meta{font-size:.92rem;color:var(--ink2)}
.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:1rem 1.2rem;margin:0 0 1rem}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem}
.grid .card{margin:0}
.card h2,.card h3{margin-top:0}
section.block{background:#fff;border:1px solid var(--line);border-radius:10px;padding:1rem 1.2rem 1.2rem;margin:0 0 1.4rem}
section.block>h2{margin-top:.2rem}
.verified{display:inline-block;font-size:.9rem;color:var(--ok);background:var(--ok-bg);border-radius:6px;padding:.1rem .5rem;margin:0 0 .8rem}
.tag{display:inline-block;font-size:.85rem;border-radius:6px;padding:0 .45rem;border:1px solid var(--line);color:var(--ink2);background:#f3f6f7;white-space:nowrap}
.tag.enf{color:var(--ok);background:var(--ok-bg);border-color:#a8dcb9}
.tag.clinic{color:var(--warn);background:var(--warn-bg);border-color:#f0d48a}
.tag.dflt{color:var(--warn);background:#fff;border:1px dashed #a87400}
.note{border-left:4px solid var(--brand);background:var(--soft);padding:.7rem 1rem;border-radius:0 8px 8px 0;margin:0 0 1rem}
.note.warn{border-color:#c58a00;background:var(--warn-bg)}
.note.danger{border-color:var(--danger);background:var(--danger-bg)}
.note>:last-child{margin-bottom:0}
table{border-collapse:collapse;width:100%;margin:0 0 1rem;background:#fff}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#f0f4f5}
td.n,th.n{text-align:right}
dl.facts{display:grid;grid-template-columns:minmax(9rem,14rem) 1fr;gap:.3rem 1rem;margin:0 0 1rem}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
sup.cite{font-size:.75em;line-height:0}
sup.cite a{padding:0 .1rem}
.sources{font-size:.92rem;color:var(--ink2);border-top:1px solid var(--line);margin-top:2rem;padding-top:.6rem}
.sources li{margin-bottom:.3rem}
form.inline{display:flex;flex-wrap:wrap;align-items:flex-end;gap:.5rem;margin:0 0 1rem}
label{font-weight:600}
.field{display:flex;flex-direction:column;gap:.25rem;margin:0 0 1rem}
.hint{font-weight:400;color:var(--ink2);font-size:.95rem}
input[type=text],input[type=email],input[type=tel],select,textarea{font:inherit;color:inherit;background:#fff;border:1.5px solid #6f8289;border-radius:8px;padding:.5rem .65rem;min-height:44px;max-width:100%}
textarea{width:100%;min-height:6rem}
.field input[type=text],.field input[type=email],.field input[type=tel]{width:100%;max-width:28rem}
button,.button{font:inherit;font-weight:600;border-radius:8px;border:1.5px solid var(--brand-dark);padding:.5rem 1rem;min-height:44px;cursor:pointer;background:var(--brand-dark);color:#fff;text-decoration:none;display:inline-flex;align-items:center}
button.secondary,.button.secondary{background:#fff;color:var(--brand-dark)}
button:hover{background:var(--ink)}
button.secondary:hover{background:var(--soft)}
.check{display:flex;gap:.6rem;align-items:flex-start;padding:.35rem 0;font-weight:400}
.check input{width:1.3rem;height:1.3rem;margin:.2rem 0 0;flex:none}
fieldset{border:1px solid var(--line);border-radius:10px;padding:.6rem 1rem 1rem;margin:0 0 1.2rem;background:#fff;min-width:0}
legend{font-weight:700;padding:0 .3rem}
details{margin:.2rem 0 .6rem}
summary{cursor:pointer;color:var(--brand-dark);min-height:32px}
.why{font-size:.95rem;color:var(--ink2);margin:.1rem 0 .4rem 1.9rem}
.q{border-top:1px solid var(--line);padding:.8rem 0}
.q:first-of-type{border-top:0}
.q h3{margin:0 0 .3rem;font-size:1.05rem}
.answers{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin-top:.4rem}
.answers .field{margin:0;flex:1 1 11rem;max-width:16rem}
.answers select{width:100%}
.actions{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0}
.status{font-weight:600}
.alert-ok{color:var(--ok);background:var(--ok-bg);border:1px solid #a8dcb9;border-radius:8px;padding:.7rem 1rem}
.alert-err{color:var(--danger);background:var(--danger-bg);border:1px solid #f3b8b2;border-radius:8px;padding:.7rem 1rem}
footer.site{border-top:1px solid var(--line);background:#fff;font-size:.92rem;color:var(--ink2)}
footer.site .in{padding-top:1rem;padding-bottom:1.5rem}
[hidden]{display:none!important}
@media (max-width:40rem){h1{font-size:1.6rem}table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}table.stack tr{display:block;border-bottom:1px solid var(--line);padding:.4rem 0}table.stack th,table.stack td{display:block;border:0;padding:.15rem 0;text-align:left;background:none}table.stack td::before{content:attr(data-label) ": ";font-weight:600}dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.5rem}th,td{padding:.4rem}}
@media print{body.has-summary #self-check,#send,header.site nav,.no-print,form.inline,.actions,footer.site{display:none!important}body,html{background:#fff}section.block,.card,fieldset{border-color:#888;break-inside:avoid}a{color:#000}.print-only{display:block!important}}
.print-only{display:none}
`;
