/* Ketapath public pages: the self-check and the clinic comparison checklist.
 * Served as a file (the CSP forbids inline scripts). Both pages work and print without it; this adds the
 * live summary, saving comparison answers in this browser, and sending a consultation request. */
/* global document, window */
(function () {
  'use strict';

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function el(tag, text) { var e = document.createElement(tag); if (text !== undefined) { e.textContent = text; } return e; }
  function labelOf(input) { var span = input.parentNode.querySelector('span'); return span ? span.textContent.trim() : input.value; }

  // ---------------------------------------------------------------- self-check
  function initSelfCheck(root) {
    var summary = $('#summary');
    var body = $('#summary-body');
    var urgent = $('#urgent-note');

    function collect() {
      return {
        items: $all('input[name="item"]:checked', root),
        questions: $all('input[name="question"]:checked', root),
        own: ($('#own-questions') || { value: '' }).value.trim()
      };
    }

    function render() {
      var c = collect();
      body.textContent = '';
      var h = el('h3', 'Points to talk about');
      body.appendChild(h);
      if (c.items.length === 0) {
        body.appendChild(el('p', 'You did not tick any health points. Still tell the clinician about your health and your medicines.'));
      } else {
        var ul = el('ul');
        c.items.forEach(function (i) { ul.appendChild(el('li', labelOf(i))); });
        body.appendChild(ul);
      }
      body.appendChild(el('h3', 'Questions to ask'));
      var qs = el('ul');
      c.questions.forEach(function (q) { qs.appendChild(el('li', labelOf(q))); });
      c.own.split(/\n+/).filter(Boolean).forEach(function (line) { qs.appendChild(el('li', line.trim())); });
      if (qs.children.length === 0) { body.appendChild(el('p', 'No questions chosen.')); } else { body.appendChild(qs); }
      body.appendChild(el('p', 'This list is to help the conversation. It does not decide whether treatment is right for you.'));
      summary.hidden = false;
      document.body.classList.add('has-summary');
      var anyUrgent = c.items.some(function (i) { return i.hasAttribute('data-urgent'); });
      if (urgent) {
        if (anyUrgent && urgent.hidden) { urgent.hidden = false; urgent.setAttribute('role', 'alert'); }
        if (!anyUrgent) { urgent.hidden = true; urgent.removeAttribute('role'); }
      }
    }

    root.addEventListener('change', render);
    root.addEventListener('input', render);
    render();
    var printBtn = $('#print-notes');
    if (printBtn) { printBtn.addEventListener('click', function () { window.print(); }); }
    initConsultForm(collect);
  }

  function initConsultForm(collect) {
    var form = $('#consult-form');
    if (!form) { return; }
    var nojs = $('#send-nojs');
    if (nojs) { nojs.hidden = true; }
    form.hidden = false;
    var err = $('#consult-error');
    var done = $('#consult-done');

    function showError(messages) {
      err.textContent = '';
      if (messages.length === 1) { err.textContent = messages[0]; } else {
        var ul = el('ul');
        messages.forEach(function (m) { ul.appendChild(el('li', m)); });
        err.appendChild(ul);
      }
      err.hidden = false;
    }

    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      err.hidden = true;
      var name = form.elements.name.value.trim();
      var contact = form.elements.contact.value.trim();
      var preferred = (form.querySelector('input[name="preferredContact"]:checked') || { value: 'phone' }).value;
      var problems = [];
      if (name === '') { problems.push('Enter your name.'); }
      if (contact === '') { problems.push('Enter a phone number or an email address.'); }
      if (!form.elements.consent.checked) { problems.push('Tick the box to agree that the clinic may keep your details.'); }
      if (problems.length > 0) { showError(problems); return; }
      var payload = { name: name, contact: contact, preferredContact: preferred, message: form.elements.message.value.trim(), consent: true };
      if (form.elements.shareSelfCheck.checked) {
        var c = collect();
        payload.selfCheck = {
          items: c.items.map(function (i) { return i.value; }),
          questions: c.questions.map(function (q) { return q.value; }),
          ownQuestions: c.own
        };
      }
      var button = form.querySelector('button[type="submit"]');
      button.disabled = true;
      fetch(form.getAttribute('data-endpoint'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-ketapath-csrf': 'public-form' },
        credentials: 'omit',
        body: JSON.stringify(payload)
      }).then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (data) { return { res: res, data: data }; });
      }).then(function (r) {
        button.disabled = false;
        if (r.res.ok) {
          form.hidden = true;
          done.textContent = 'Thank you. ' + form.getAttribute('data-clinic') + ' has your request and will contact you by ' + (preferred === 'email' ? 'email' : 'phone') + '.';
          done.hidden = false;
          done.focus();
          return;
        }
        if (r.res.status === 429) { showError(['Too many requests from this connection. Please try again later, or contact the clinic directly.']); return; }
        var fields = (r.data && r.data.errors) || [];
        showError(fields.length > 0 ? fields.map(function (f) { return f.message; }) : [r.data.detail || r.data.title || 'The request could not be sent. Please try again.']);
      }).catch(function () {
        button.disabled = false;
        showError(['No connection. Check your internet connection and try again.']);
      });
    });
  }

  // ---------------------------------------------------------------- comparison checklist
  var KEY = 'ketapath.compare.v1';

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY) || 'null') || null; } catch { return null; }
  }
  function save(state) {
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch { /* private mode: nothing kept */ }
  }

  function initCompare(root) {
    var max = $all('input[id^="clinic-"]', root).length;
    var visible = $all('input[id^="clinic-"]', root).filter(function (i) { return !i.closest('[data-slot]').hidden; }).length;
    var addBtn = $('#add-clinic');
    var clearBtn = $('#clear-compare');
    var totals = $('#totals');
    var totalsBody = $('#totals-body');

    function slotFields(n) { return $all('[data-slot="' + n + '"]'); }
    function show(n) { slotFields(n).forEach(function (f) { f.hidden = false; }); }

    function state() {
      var s = { count: visible, clinics: {}, answers: {}, notes: {} };
      for (var n = 1; n <= max; n++) {
        s.clinics[n] = $('#clinic-' + n).value;
        s.notes[n] = $('#notes-' + n).value;
      }
      $all('select[data-question]', root).forEach(function (sel) {
        if (sel.value !== '') { s.answers[sel.id] = sel.value; }
      });
      return s;
    }

    function labels() {
      for (var n = 1; n <= max; n++) {
        var name = $('#clinic-' + n).value.trim() || ('clinic ' + n);
        $all('[data-clinic-name="' + n + '"]').forEach(function (s) { s.textContent = name; });
      }
    }

    function renderTotals() {
      var table = el('table');
      var cap = el('caption', 'Answers for each clinic');
      table.appendChild(cap);
      var head = el('tr');
      ['Clinic', 'Yes', 'Partly', 'No', 'Not sure', 'Not asked'].forEach(function (t, i) { var th = el('th', t); th.scope = 'col'; if (i > 0) { th.className = 'n'; } head.appendChild(th); });
      var thead = el('thead'); thead.appendChild(head); table.appendChild(thead);
      var tbody = el('tbody');
      for (var n = 1; n <= visible; n++) {
        var counts = { yes: 0, partly: 0, no: 0, unsure: 0, '': 0 };
        $all('select[data-clinic="' + n + '"]', root).forEach(function (s) { counts[s.value] = (counts[s.value] || 0) + 1; });
        var tr = el('tr');
        var th = el('th', $('#clinic-' + n).value.trim() || ('Clinic ' + n)); th.scope = 'row'; tr.appendChild(th);
        [counts.yes, counts.partly, counts.no, counts.unsure, counts['']].forEach(function (v) { var td = el('td', String(v)); td.className = 'n'; tr.appendChild(td); });
        tbody.appendChild(tr);
      }
      table.appendChild(tbody);
      totalsBody.textContent = '';
      totalsBody.appendChild(table);
      totals.hidden = false;
    }

    function update() { labels(); renderTotals(); save(state()); }

    var saved = load();
    if (saved) {
      visible = Math.min(max, Math.max(visible, saved.count || 0));
      for (var n = 1; n <= max; n++) {
        if (saved.clinics && typeof saved.clinics[n] === 'string') { $('#clinic-' + n).value = saved.clinics[n]; }
        if (saved.notes && typeof saved.notes[n] === 'string') { $('#notes-' + n).value = saved.notes[n]; }
      }
      Object.keys(saved.answers || {}).forEach(function (id) {
        var sel = document.getElementById(id);
        if (sel && sel.tagName === 'SELECT') { sel.value = saved.answers[id]; }
      });
    }
    for (var i = 1; i <= visible; i++) { show(i); }
    if (addBtn) {
      addBtn.hidden = visible >= max;
      addBtn.addEventListener('click', function () {
        if (visible >= max) { return; }
        visible += 1;
        show(visible);
        addBtn.hidden = visible >= max;
        update();
        $('#clinic-' + visible).focus();
      });
    }
    if (clearBtn) {
      clearBtn.hidden = false;
      clearBtn.addEventListener('click', function () {
        if (!window.confirm('Clear all clinic names, answers and notes from this browser?')) { return; }
        try { localStorage.removeItem(KEY); } catch { /* ignore */ }
        $all('input[id^="clinic-"], textarea', root).forEach(function (x) { x.value = ''; });
        $all('select[data-question]', root).forEach(function (s) { s.value = ''; });
        update();
      });
    }
    var printBtn = $('#print-compare');
    if (printBtn) { printBtn.addEventListener('click', function () { window.print(); }); }
    root.addEventListener('input', update);
    root.addEventListener('change', update);
    labels();
    renderTotals();
  }

  function start() {
    var sc = $('#self-check');
    if (sc) { initSelfCheck(sc); }
    var cmp = $('#compare');
    if (cmp) { initCompare(cmp); }
    var printCmp = $('#print-compare');
    if (!cmp && printCmp) { printCmp.addEventListener('click', function () { window.print(); }); }
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
}());
