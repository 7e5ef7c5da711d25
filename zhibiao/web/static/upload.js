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

  // Add by address: a background job on the server; progress polled every second.
  const fetchBtn = document.getElementById('fetch-btn');
  if (fetchBtn) fetchBtn.onclick = async () => {
    const urls = document.getElementById('addresses').value.split('\n').map(s => s.trim()).filter(Boolean);
    const fmsg = document.getElementById('fetch-message');
    const bar = document.getElementById('fetch-progress');
    const list = document.getElementById('fetch-results');
    if (!urls.length) return;
    const token = document.getElementById('fetch-token').value;
    const r = await fetch('/api/v1/fetch', {method: 'POST', headers: {'content-type': 'application/json',
      authorization: 'Bearer ' + token}, body: JSON.stringify({urls: urls})});
    const data = await r.json();
    if (!r.ok) { fmsg.textContent = typeof data.detail === 'string' ? data.detail : JSON.stringify(data.detail); return; }
    fetchBtn.disabled = true; bar.hidden = false; list.textContent = '';
    const poll = async () => {
      const job = await (await fetch(data.url)).json();
      bar.max = job.total; bar.value = job.done;
      fmsg.textContent = job.done + ' / ' + job.total + (job.current ? ' · ' + job.current : '');
      list.textContent = '';
      for (const res of job.results) {
        const li = document.createElement('li');
        li.className = 'fetch-result ' + res.status;
        if (res.document_id && res.status !== 'failed') {
          const a = document.createElement('a'); a.href = '/document/' + res.document_id;
          a.textContent = res.status + ': ' + (res.title || res.url) + ' (' + res.targets + ')';
          li.appendChild(a);
        } else {
          li.textContent = res.status + ': ' + (res.error || res.url);
        }
        list.appendChild(li);
      }
      if (job.state === 'queued' || job.state === 'running') { setTimeout(poll, 1000); return; }
      fetchBtn.disabled = false;
      if (job.error) fmsg.textContent = job.error;
      fmsg.dataset.done = '1';
    };
    poll();
  };
})();
