// The document reader: the text with every extracted line highlighted. Click a highlight to see its
// row; click a row to scroll to its span. With the server's token a reviewer confirms a line,
// corrects it, or rejects it ("not a target"). Text is inserted with textContent only (never as HTML).
(function () {
  const box = document.getElementById('doctext');
  const tbody = document.querySelector('#lines tbody');
  const docId = box.dataset.doc;
  const cfg = JSON.parse(document.getElementById('reader-config').textContent);
  const L = cfg.labels;
  const message = document.getElementById('review-message');

  function say(text, bad) { if (message) { message.textContent = text; message.className = bad ? 'error-text' : 'muted'; } }

  function activate(id, scrollText) {
    document.querySelectorAll('.active').forEach(el => el.classList.remove('active'));
    const mark = document.getElementById('span-' + id);
    const row = document.getElementById('row-' + id);
    if (row) { row.classList.add('active'); row.scrollIntoView({block: 'nearest'}); }
    const tcell = document.getElementById('cell-' + id);
    document.querySelectorAll('#rebuilt .current').forEach(el => el.classList.remove('current'));
    if (tcell) { tcell.classList.add('current'); tcell.parentElement.classList.add('current'); tcell.scrollIntoView({block: 'nearest'}); }
    // the text last, so that on a phone (one column) the jump lands on the highlighted number
    if (mark) { mark.classList.add('active'); if (scrollText) mark.scrollIntoView({block: 'center'}); }
  }

  // The tables the extractor rebuilt (tabs, one cell per line, pipes, a PDF's ruling) shown as rows
  // and columns: a group per target year (a plan report's completion table, then its draft targets),
  // the plan's categories as group rows, then No. | indicator | target | result — a completion
  // table's result (or a five-year table's base value) beside its target, a results table's rows
  // (a bulletin's) on their own; the line of the active number highlighted in its row.
  function buildTable(spans) {
    const holder = document.getElementById('rebuilt');
    if (!holder) return;
    const targets = spans.filter(s => s.type === 'target' && s.line.source === 'table').sort((a, b) => a.index - b.index);
    const results = spans.filter(s => s.type === 'actual' && s.line.source === 'table').sort((a, b) => a.index - b.index);
    holder.hidden = targets.length + results.length === 0;
    const tb = holder.querySelector('tbody');
    tb.textContent = '';
    const key = line => (line.parent || '') + '/' + (line.name || '');
    const used = new Set();
    function resultOf(line) {  // the same row's result: same name, the target's year first, else an earlier year
      const same = results.filter(r => !used.has(r) && (key(r.line) === key(line) || (line.indicator && r.line.indicator === line.indicator)));
      const pick = same.find(r => r.line.year === line.year) || same.find(r => r.line.year != null && r.line.year < line.year);
      if (pick) used.add(pick);
      return pick;
    }
    const groups = new Map();
    for (const s of targets) {
      const y = s.line.year == null ? '' : String(s.line.year);
      if (!groups.has(y)) groups.set(y, []);
      groups.get(y).push({target: s, result: null});
    }
    for (const items of groups.values()) for (const it of items) it.result = resultOf(it.target.line);
    const rest = results.filter(r => !used.has(r));
    for (const r of rest) {  // (a part of the year's results apart from the whole year's: 1—11月, 11月)
      const y = r.line.year == null ? '' : String(r.line.year);
      const months = monthsOf(r);
      const k = 'results ' + y + (months ? ' · ' + months : '');
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push({target: null, result: r});
    }
    const several = groups.size > 1;
    for (const [y, items] of groups) {
      const years = new Set(items.filter(it => it.result).map(it => it.result.line.year));
      if (several || [...years].some(v => v != null && String(v) !== y)) {  // a base year's values beside 2025's targets
        const tr = document.createElement('tr'); tr.className = 'year';
        const shown = y.startsWith('results ') ? L.actual + ' ' + y.slice(8)
          : (y || '') + [...years].filter(v => v != null && String(v) !== y).map(v => ' · ' + L.actual + ' ' + v).join('');
        const td = cell(tr, shown); td.colSpan = 4; tb.appendChild(tr);
      }
      let category = null;
      for (const it of items) {
        const line = (it.target || it.result).line;
        if ((line.category || null) !== category) {
          category = line.category || null;
          if (category) { const tr = document.createElement('tr'); tr.className = 'category';
            const td = cell(tr, category); td.colSpan = 4; tb.appendChild(tr); }
        }
        const tr = document.createElement('tr');
        cell(tr, line.seq || '');
        cell(tr, (line.parent ? line.parent + ' / ' : '') + (line.name || ''));
        for (const s of [it.target, it.result]) {
          const td = cell(tr, s ? s.line.text || '' : '');
          if (!s) continue;
          const id = s.start + '-' + s.end;
          td.id = 'cell-' + id; td.className = s.type === 'target' ? 'target-cell' : 'result-cell';
          td.onclick = ev => { ev.stopPropagation(); activate(id, true); };
        }
        const first = it.target || it.result;
        tr.onclick = () => activate(first.start + '-' + first.end, true);
        tb.appendChild(tr);
      }
    }
  }

  // the months of its year a result covers (1—11月, 11月; months 1–11): the server's label (track.status.months_label,
  // the scorecard's too) in the page's language; '' for a whole year
  function monthsOf(span) { return (cfg.lang === 'en' ? span.months_en : span.months) || ''; }

  function cell(tr, text) { const td = document.createElement('td'); td.textContent = text == null ? '' : String(text); tr.appendChild(td); return td; }
  function button(text, cls, onclick) {
    const b = document.createElement('button'); b.type = 'button'; b.textContent = text; b.className = cls;
    b.onclick = ev => { ev.stopPropagation(); onclick(); }; return b;
  }

  // A write's credentials: the form's own token field, else the page's — null (after saying so) when
  // there is none; remember() keeps a token the server accepted for the session.
  async function writeAccess(inputId, tell) {
    const own = inputId ? document.getElementById(inputId) : null;
    const token = (own && own.value) || (document.getElementById('token') || {}).value || '';
    const session = window.ZhibiaoSession;
    if (session) await session.ready;
    if (!(session ? session.canWrite(token) : token)) { tell(L.need_token, true); (own || document.getElementById('token')).focus(); return null; }
    return {headers: Object.assign({'content-type': 'application/json'}, session ? session.headers(token) : {authorization: 'Bearer ' + token}),
            remember: () => { if (session) session.remember(token); }};
  }

  async function send(span, action, changes) {
    const access = await writeAccess(null, say);
    if (!access) return;
    const who = (document.getElementById('who') || {}).value || null;
    const r = await fetch('/api/v1/corrections?lang=' + cfg.lang, {method: 'POST', headers: access.headers,
      body: JSON.stringify({document_id: Number(docId), line_type: span.type,
      index: span.index, action: action, changes: changes, who: who})});
    let body = {};
    try { body = await r.json(); } catch (e) { /* not JSON */ }
    if (!r.ok) { say(L.failed + L.colon + (typeof body.detail === 'string' ? body.detail : r.status), true); return; }
    access.remember();
    say(L.saved, false);
    load();
  }

  function correctForm(td, span) {
    const line = span.line;
    const form = document.createElement('form'); form.className = 'correct-form';
    const fields = [['value', line.value], ['comparator', line.comparator], ['unit', line.unit], ['indicator', line.indicator]];
    const inputs = {};
    for (const [name, value] of fields) {
      const label = document.createElement('label'); label.textContent = L[name] + ' ';
      const input = document.createElement('input'); input.name = name; input.value = value == null ? '' : value; input.size = 8;
      label.appendChild(input); form.appendChild(label); inputs[name] = input;
    }
    form.appendChild(button(L.save, 'save', () => {
      const changes = {};
      for (const [name, value] of fields) {
        const v = inputs[name].value.trim();
        if (v !== (value == null ? '' : String(value))) changes[name] = v === '' ? null : v;
      }
      send(span, 'correct', changes);
    }));
    form.appendChild(button(L.cancel, 'cancel', () => form.remove()));
    form.onsubmit = ev => ev.preventDefault();
    form.onclick = ev => ev.stopPropagation();
    td.appendChild(form);
    inputs.value.focus();
  }

  function row(span) {
    const line = span.line, id = span.start + '-' + span.end;
    const tr = document.createElement('tr');
    tr.id = 'row-' + id; tr.dataset.type = span.type;
    const months = monthsOf(span);  // (11月's figure and 1—11月's told apart)
    cell(tr, (L[span.type] || span.type) + (months ? ' · ' + months : ''));
    // (an allocation: the region it is assigned to before the indicator)
    cell(tr, (line.region ? line.region + ' · ' : '') + (line.parent ? line.parent + ' / ' : '') + (line.name || line.metric || ''));
    const c = span.correction;
    let shown = line.text;
    if (c && c.action === 'correct') shown += ' → ' + Object.entries(c.changes || {}).map(([k, v]) => L[k] + ' ' + v).join(L.comma);
    const td = cell(tr, shown);
    if (c) {
      const note = document.createElement('div'); note.className = 'corrected review-' + c.action;
      note.textContent = L[c.action === 'correct' ? 'corrected' : c.action === 'reject' ? 'rejected' : 'confirmed'] + ' · ' + (c.who || '?') + ' · ' + c.at;
      td.appendChild(note);
      if (c.action === 'reject') tr.classList.add('rejected');
    }
    const actions = cell(tr, '');
    if (span.citation) {  // where this figure can be checked: the reference text, shown on demand
      const cite = document.createElement('button'); cite.textContent = cfg.labels.cite || 'cite';
      cite.className = 'cite';
      cite.onclick = ev => {
        ev.stopPropagation();
        let box = tr.querySelector('.citation');
        if (box) { box.remove(); return; }
        box = document.createElement('div'); box.className = 'citation muted';
        const label = line.name || line.metric || '', said = line.text || '';
        box.textContent = '“' + (said.startsWith(label) ? said : label + ' ' + said) + '” ' + span.citation;
        td.appendChild(box);
      };
      actions.append(cite);
    }
    if (cfg.writable && span.type !== 'commitment' && span.type !== 'allocation') {
      actions.append(button(L.confirm, 'confirm', () => send(span, 'confirm', {})),
                     button(L.correct, 'correct', () => correctForm(td, span)),
                     button(L.reject, 'reject', () => { if (confirm(L.reject_confirm)) send(span, 'reject', {}); }));
    }
    tr.onclick = () => activate(id, true);
    return tr;
  }

  async function load() {
    const r = await fetch('/api/v1/documents/' + docId + '/text');
    const data = await r.json();
    box.textContent = '';
    tbody.textContent = '';
    let pos = 0;
    const text = data.text;
    for (const span of data.spans) {
      tbody.appendChild(row(span));
      if (span.start < pos) continue;  // overlapping spans: the first one is highlighted
      box.appendChild(document.createTextNode(text.slice(pos, span.start)));
      const mark = document.createElement('mark');
      mark.className = 'span ' + span.type;
      mark.id = 'span-' + span.start + '-' + span.end;
      mark.textContent = text.slice(span.start, span.end);
      mark.title = (span.line.name || span.line.metric || '') + ' ' + (span.line.text || '');
      mark.onclick = () => activate(span.start + '-' + span.end, false);
      box.appendChild(mark);
      pos = span.end;
    }
    box.appendChild(document.createTextNode(text.slice(pos)));
    buildTable(data.spans);
    if (location.hash.startsWith('#span-')) activate(location.hash.slice(6), true);
    box.dataset.ready = '1';
  }
  load();

  // A reviewer sets the document's region (its text names none, or a name several regions bear): a
  // name or a code; a name several bear answers with the candidates, each a button that sets it by code.
  const regionForm = document.getElementById('region-form');
  if (regionForm) {
    const note = document.getElementById('region-message');
    const choices = document.getElementById('region-candidates');
    const tell = (text, bad) => { note.textContent = text; note.className = bad ? 'error-text' : 'muted'; };
    async function setRegion(region) {
      const access = await writeAccess('region-token', tell);
      if (!access) return;
      const who = (document.getElementById('who') || {}).value || null;
      const r = await fetch('/api/v1/documents/' + docId + '/region?lang=' + cfg.lang, {method: 'POST',
        headers: access.headers, body: JSON.stringify({region: region, who: who})});
      let body = {};
      try { body = await r.json(); } catch (e) { /* not JSON */ }
      choices.textContent = '';
      if (r.status === 409 && body.candidates) {
        tell(L.region_choose, false);
        for (const c of body.candidates) {
          const b = document.createElement('button'); b.type = 'button'; b.className = 'region-choice';
          b.textContent = c.name + ' ' + c.code + (c.place ? ' (' + c.place + ')' : '');
          b.onclick = () => setRegion(c.code);
          choices.appendChild(b);
        }
        return;
      }
      if (r.status === 404) { tell(L.region_unknown, true); return; }  // (the API's detail is English)
      if (!r.ok) { tell(L.failed + L.colon + (typeof body.detail === 'string' ? body.detail : r.status), true); return; }
      access.remember();
      tell(L.region_done + L.colon + body.region.name + ' ' + body.region.code, false);
      setTimeout(() => location.reload(), 600);
    }
    regionForm.addEventListener('submit', ev => { ev.preventDefault(); setRegion(document.getElementById('region-name').value.trim()); });
  }

  // A reviewer sets the document's plan year (its text says none, or the wrong one): the server
  // extracts the document again dated by it, so every line's year follows.
  const yearForm = document.getElementById('year-form');
  if (yearForm) {
    const note = document.getElementById('year-message');
    const tell = (text, bad) => { note.textContent = text; note.className = bad ? 'error-text' : 'muted'; };
    yearForm.addEventListener('submit', async ev => {
      ev.preventDefault();
      const access = await writeAccess('year-token', tell);
      if (!access) return;
      const who = (document.getElementById('who') || {}).value || null;
      const year = parseInt(document.getElementById('year-value').value, 10);
      const r = await fetch('/api/v1/documents/' + docId + '/plan-year?lang=' + cfg.lang, {method: 'POST',  // refusals in the page's language
        headers: access.headers, body: JSON.stringify({plan_year: year, who: who})});
      let body = {};
      try { body = await r.json(); } catch (e) { /* not JSON */ }
      if (!r.ok) { tell(L.failed + L.colon + (typeof body.detail === 'string' ? body.detail : r.status), true); return; }
      access.remember();
      let done = L.year_done + L.colon + body.plan_year + ' · ' + L.year_lines.replace('{targets}', body.targets).replace('{actuals}', body.actuals);
      if (!body.targets) done += ' · ' + L.year_no_targets;  // (no scorecard will show it: say so)
      tell(done, false);
      // the page is read again (its year, its lines, its scorecards' links): the message stays on it
      try { sessionStorage.setItem('zhibiao-year-said-' + docId, done); } catch (e) { /* storage off */ }
      setTimeout(() => location.reload(), 900);
    });
    let kept = null;
    try { kept = sessionStorage.getItem('zhibiao-year-said-' + docId); sessionStorage.removeItem('zhibiao-year-said-' + docId); } catch (e) { /* storage off */ }
    if (kept) { tell(kept, false); document.getElementById('set-year').open = true; }
  }
})();
