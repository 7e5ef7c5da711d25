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

  // A targets table the extractor rebuilt (tabs, one cell per line, pipes, a PDF's ruling) shown as
  // rows and columns: the plan's categories as group rows, then No. | indicator | target, the line
  // of the active number highlighted in its row.
  function buildTable(spans) {
    const holder = document.getElementById('rebuilt');
    if (!holder) return;
    const rows = spans.filter(s => s.type === 'target' && s.line.source === 'table');
    holder.hidden = rows.length === 0;
    const tb = holder.querySelector('tbody');
    tb.textContent = '';
    let category = null;
    for (const s of rows.sort((a, b) => a.index - b.index)) {
      const line = s.line, id = s.start + '-' + s.end;
      if ((line.category || null) !== category) {
        category = line.category || null;
        if (category) { const tr = document.createElement('tr'); tr.className = 'category';
          const td = cell(tr, category); td.colSpan = 3; tb.appendChild(tr); }
      }
      const tr = document.createElement('tr');
      cell(tr, line.seq || '');
      cell(tr, (line.parent ? line.parent + ' / ' : '') + (line.name || ''));
      const td = cell(tr, line.text || '');
      td.id = 'cell-' + id; td.className = 'target-cell';
      tr.onclick = () => activate(id, true);
      tb.appendChild(tr);
    }
  }

  function cell(tr, text) { const td = document.createElement('td'); td.textContent = text == null ? '' : String(text); tr.appendChild(td); return td; }
  function button(text, cls, onclick) {
    const b = document.createElement('button'); b.type = 'button'; b.textContent = text; b.className = cls;
    b.onclick = ev => { ev.stopPropagation(); onclick(); }; return b;
  }

  async function send(span, action, changes) {
    const token = (document.getElementById('token') || {}).value || '';
    if (!token) { say(L.need_token, true); document.getElementById('token').focus(); return; }
    const who = (document.getElementById('who') || {}).value || null;
    const r = await fetch('/api/v1/corrections', {method: 'POST', headers: {'content-type': 'application/json',
      'authorization': 'Bearer ' + token}, body: JSON.stringify({document_id: Number(docId), line_type: span.type,
      index: span.index, action: action, changes: changes, who: who})});
    let body = {};
    try { body = await r.json(); } catch (e) { /* not JSON */ }
    if (!r.ok) { say(L.failed + ': ' + (typeof body.detail === 'string' ? body.detail : r.status), true); return; }
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
    cell(tr, L[span.type] || span.type);
    cell(tr, (line.parent ? line.parent + ' / ' : '') + (line.name || line.metric || ''));
    const c = span.correction;
    let shown = line.text;
    if (c && c.action === 'correct') shown += ' → ' + Object.entries(c.changes || {}).map(([k, v]) => L[k] + ' ' + v).join(', ');
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
    if (cfg.writable && span.type !== 'commitment') {
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
})();
