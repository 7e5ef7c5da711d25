// Upload: choose or drop a file, preview what zhibiao extracts, then store it (with the server's
// token). Progress and every message appear beside the buttons, in the page's language.
(function () {
  const cfg = JSON.parse(document.getElementById('upload-config').textContent);
  const L = cfg.labels;
  const input = document.getElementById('file');
  const zone = document.getElementById('drop-zone');
  const msg = document.getElementById('message');
  const progress = document.getElementById('progress');
  const fileName = document.getElementById('file-name');
  let chosen = null;

  function say(text, kind) { msg.textContent = text; msg.className = kind || ''; }
  function cell(tr, v) { const td = document.createElement('td'); td.textContent = v == null ? '' : String(v); tr.appendChild(td); }

  function choose(file) {
    chosen = null;
    document.getElementById('result').hidden = true;
    if (!file) return;
    const dot = file.name.lastIndexOf('.');
    const suffix = dot >= 0 ? file.name.slice(dot).toLowerCase() : '';
    if (!cfg.suffixes.includes(suffix)) { say(file.name + L.colon + L.wrong_type, 'error-text'); return; }
    if (file.size > cfg.limit) { say(file.name + L.colon + L.too_large, 'error-text'); return; }
    chosen = file;
    fileName.textContent = L.chosen + L.colon + file.name + ' (' + Math.ceil(file.size / 1024) + ' KB)';
    say('');
  }

  const uploadForm = document.getElementById('upload-form');  // the buttons do the work; Enter never reloads
  if (uploadForm) uploadForm.addEventListener('submit', ev => ev.preventDefault());
  input.addEventListener('change', () => choose(input.files[0]));
  ['dragenter', 'dragover'].forEach(t => zone.addEventListener(t, ev => { ev.preventDefault(); zone.classList.add('over'); }));
  ['dragleave', 'drop'].forEach(t => zone.addEventListener(t, ev => { ev.preventDefault(); zone.classList.remove('over'); }));
  zone.addEventListener('drop', ev => { const f = ev.dataTransfer && ev.dataTransfer.files[0]; if (f) choose(f); });
  zone.addEventListener('keydown', ev => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); input.click(); } });

  // XMLHttpRequest, for upload progress (fetch has none).
  function post(url, headers, busy) {
    return new Promise(resolve => {
      const form = new FormData();
      form.append('file', chosen, chosen.name);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url + '?lang=' + cfg.lang);  // the server's reasons in the page's language
      for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
      progress.hidden = false; progress.value = 0;
      say(L.uploading);
      xhr.upload.onprogress = ev => { if (ev.lengthComputable) progress.value = Math.round(100 * ev.loaded / ev.total); };
      xhr.upload.onload = () => { progress.removeAttribute('value'); say(busy); };
      xhr.onload = () => {
        progress.hidden = true;
        let body = null;
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = {detail: xhr.statusText || String(xhr.status)}; }
        resolve({ok: xhr.status >= 200 && xhr.status < 300, status: xhr.status, body: body});
      };
      xhr.onerror = () => { progress.hidden = true; resolve({ok: false, status: 0, body: {detail: L.failed}}); };
      xhr.send(form);
    });
  }

  function detail(body) { return typeof body.detail === 'string' ? body.detail : JSON.stringify(body.detail); }

  document.getElementById('preview-btn').onclick = async () => {
    if (!chosen) { say(L.choose_first, 'error-text'); return; }
    const r = await post('/api/v1/extract', {}, L.extracting);
    if (!r.ok) { say(L.failed + L.colon + detail(r.body), 'error-text'); document.getElementById('result').hidden = true; return; }
    const data = r.body, d = data.document;
    say(L.preview_done + L.colon + data.targets.length + ' ' + L.targets + L.comma + data.actuals.length + ' ' + L.actuals, 'ok-text');
    document.getElementById('result-doc').textContent = [d.title || chosen.name, L.doc_types[d.doc_type] || d.doc_type, d.region ? d.region.name : L.no_region,
      d.plan_year || L.no_year].join(' · ');
    document.getElementById('result-counts').textContent = data.targets.length + ' ' + L.targets + ' · ' + data.actuals.length + ' ' +
      L.actuals + ' · ' + data.commitments.length + ' ' + L.commitments + ' · ' + data.warnings.length + ' ' + L.warnings;
    const body = document.querySelector('#result-targets tbody');
    body.textContent = '';
    for (const t of data.targets) {
      const tr = document.createElement('tr');
      [(t.parent ? t.parent + ' / ' : '') + t.name, t.text, L.kinds[t.kind || 'none'] || t.kind, t.comparator, t.value, t.unit].forEach(v => cell(tr, v));
      body.appendChild(tr);
    }
    document.getElementById('result').hidden = false;
  };

  const save = document.getElementById('save-btn');
  if (save) save.onclick = async () => {
    if (!chosen) { say(L.choose_first, 'error-text'); return; }
    const token = document.getElementById('token').value;
    const session = window.ZhibiaoSession;
    if (session) await session.ready;
    if (!(session ? session.canWrite(token) : token)) { say(L.need_token, 'error-text'); document.getElementById('token').focus(); return; }
    const r = await post('/api/v1/documents', session ? session.headers(token) : {authorization: 'Bearer ' + token}, L.saving);
    if (!r.ok) { say(L.failed + L.colon + detail(r.body), 'error-text'); return; }
    if (session) session.remember(token);
    const data = r.body;
    say((L['saved_' + data.status] || data.status) + L.colon + data.targets + ' ' + L.targets + L.comma + data.actuals + ' ' + L.actuals + ' ', 'ok-text');
    const a = document.createElement('a');
    a.href = '/document/' + data.id; a.id = 'saved-link';
    a.textContent = L.open_document + ' “' + data.title + '”';
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
    const session = window.ZhibiaoSession;
    if (session) await session.ready;
    const auth = session ? session.headers(token) : {authorization: 'Bearer ' + token};
    const r = await fetch('/api/v1/fetch?lang=' + cfg.lang, {method: 'POST', headers: Object.assign({'content-type': 'application/json'}, auth),
      body: JSON.stringify({urls: urls})});  // (its refusals in the page's language, as an upload's)
    const data = await r.json();
    if (!r.ok) { fmsg.textContent = L.failed + L.colon + detail(data); fmsg.className = 'error-text'; return; }
    fmsg.className = 'muted';
    if (session) session.remember(token);
    fetchBtn.disabled = true; bar.hidden = false; list.textContent = '';
    const poll = async () => {
      const job = await (await fetch(data.url + '?lang=' + cfg.lang)).json();  // its failures in the page's language
      bar.max = job.total; bar.value = job.done;
      fmsg.textContent = job.done + ' / ' + job.total + (job.current ? ' · ' + job.current : '');
      list.textContent = '';
      const said = window.ZHIBIAO_FETCH || {};
      for (const res of job.results) {
        const li = document.createElement('li');
        const status = said[res.status] || res.status;
        li.className = 'fetch-result ' + res.status;
        if (res.document_id && res.status !== 'failed') {
          const a = document.createElement('a'); a.href = '/document/' + res.document_id;
          a.textContent = status + L.colon + (res.title || res.url) + ' (' + res.targets + ')';
          li.appendChild(a);
        } else {
          li.textContent = status + L.colon + (res.error || res.url);
        }
        list.appendChild(li);
      }
      if (job.state === 'queued' || job.state === 'running') { setTimeout(poll, 1000); return; }
      fetchBtn.disabled = false;
      if (job.error) { fmsg.textContent = job.error; fmsg.className = 'error-text'; }  // (the job's own failure)
      fmsg.dataset.done = '1';
    };
    poll();
  };
})();
