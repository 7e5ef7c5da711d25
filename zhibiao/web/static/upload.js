// Upload: preview what zhibiao extracts from a file, then store it (with the server's token).
(function () {
  const file = document.getElementById('file');
  const msg = document.getElementById('message');
  function form() { const f = new FormData(); f.append('file', file.files[0]); return f; }
  function cell(tr, v) { const td = document.createElement('td'); td.textContent = v == null ? '' : String(v); tr.appendChild(td); }

  document.getElementById('preview-btn').onclick = async () => {
    if (!file.files.length) return;
    msg.textContent = '…';
    const r = await fetch('/api/v1/extract', {method: 'POST', body: form()});
    const data = await r.json();
    if (!r.ok) { msg.textContent = data.detail; document.getElementById('result').hidden = true; return; }
    msg.textContent = '';
    const d = data.document;
    document.getElementById('result-doc').textContent = [d.title, d.doc_type, d.region && d.region.name, d.plan_year].filter(Boolean).join(' · ');
    const body = document.querySelector('#result-targets tbody');
    body.textContent = '';
    for (const t of data.targets) {
      const tr = document.createElement('tr');
      [(t.parent ? t.parent + ' / ' : '') + t.name, t.text, t.kind, t.comparator, t.value, t.unit].forEach(v => cell(tr, v));
      body.appendChild(tr);
    }
    document.getElementById('result').hidden = false;
  };

  const save = document.getElementById('save-btn');
  if (save) save.onclick = async () => {
    if (!file.files.length) return;
    const token = document.getElementById('token').value;
    const r = await fetch('/api/v1/documents', {method: 'POST', body: form(), headers: {authorization: 'Bearer ' + token}});
    const data = await r.json();
    if (!r.ok) { msg.textContent = data.detail; return; }
    msg.textContent = '';
    const a = document.createElement('a');
    a.href = '/document/' + data.id; a.id = 'saved-link';
    a.textContent = data.status + ': ' + data.targets + ' targets, ' + data.actuals + ' actuals → /document/' + data.id;
    msg.appendChild(a);
  };
})();
