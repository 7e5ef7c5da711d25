// Tables that work like a data tool: every <table class="datatable"> sorts by any column (click a
// header), filters by text, status and category, pages, and downloads every row of the current
// filter as CSV or XLSX — written by the server's one export module, as the CLI's exports are.
// The state lives in the URL (?<table id>.q=…&<table id>.sort=…), so a view can be shared.
(function () {
  const labels = window.ZHIBIAO_TABLE || {filter: 'Filter', all: 'All', status: 'Status', category: 'Category', colon: ': ',
    rows: 'rows', prev: '‹', next: '›', page: 'page'};
  const params = new URLSearchParams(location.search);

  function text(cell) { return (cell.dataset.export !== undefined ? cell.dataset.export : cell.innerText).replace(/\s+/g, ' ').trim(); }
  function sortValue(cell) {
    const raw = cell.dataset.sort !== undefined ? cell.dataset.sort : text(cell);
    const n = parseFloat(raw);
    return raw !== '' && !isNaN(n) && /^-?[\d.]+/.test(raw) ? n : raw;
  }
  function el(tag, attrs, content) {
    const e = document.createElement(tag);
    Object.assign(e, attrs || {});
    if (content !== undefined) e.textContent = content;
    return e;
  }

  function init(table) {
    const key = table.id || 'table';
    const body = table.tBodies[0];
    if (!body || !table.tHead) return;
    const rows = Array.from(body.rows).filter(r => !r.classList.contains('empty-row'));
    const heads = Array.from(table.tHead.rows[0].cells);
    const state = {q: params.get(key + '.q') || '', status: params.get(key + '.status') || '',
      category: params.get(key + '.category') || '', sort: params.get(key + '.sort'), dir: params.get(key + '.dir') || 'asc',
      page: parseInt(params.get(key + '.page') || '1', 10), size: parseInt(params.get(key + '.size') || '50', 10)};
    const statusOf = r => r.dataset.status || (r.querySelector('[data-status]') || {dataset: {}}).dataset.status || '';
    const statuses = new Map();
    rows.forEach(r => { const s = statusOf(r); if (s && !statuses.has(s)) statuses.set(s, (r.querySelector('.status') || {}).innerText || s); });
    const categories = [...new Set(rows.map(r => r.dataset.category).filter(Boolean))];

    const bar = el('div', {className: 'dt-bar'});
    const q = el('input', {type: 'search', className: 'dt-q', placeholder: labels.filter, value: state.q});
    q.setAttribute('aria-label', labels.filter);
    bar.append(q);
    let statusSel = null, catSel = null;
    if (statuses.size > 1) {
      statusSel = el('select', {className: 'dt-status'});
      statusSel.append(el('option', {value: ''}, labels.status + labels.colon + labels.all));
      statuses.forEach((label, s) => statusSel.append(el('option', {value: s, selected: s === state.status}, label)));
      bar.append(statusSel);
    }
    if (categories.length > 1) {
      catSel = el('select', {className: 'dt-category'});
      catSel.append(el('option', {value: ''}, labels.category + labels.colon + labels.all));
      categories.forEach(c => catSel.append(el('option', {value: c, selected: c === state.category}, c)));
      bar.append(catSel);
    }
    const count = el('span', {className: 'dt-count muted'});
    const csv = el('button', {type: 'button', className: 'dt-csv'}, 'CSV');
    const xlsx = el('button', {type: 'button', className: 'dt-xlsx'}, 'XLSX');
    bar.append(count, csv, xlsx);
    const pager = el('div', {className: 'dt-pager'});
    const prev = el('button', {type: 'button', className: 'dt-prev'}, labels.prev);
    const next = el('button', {type: 'button', className: 'dt-next'}, labels.next);
    const where = el('span', {className: 'dt-page muted'});
    const size = el('select', {className: 'dt-size'});
    [25, 50, 100, 1000].forEach(n => size.append(el('option', {value: n, selected: n === state.size}, n + ' ' + labels.rows)));
    pager.append(prev, where, next, size);
    const holder = table.closest('.scroll-x') || table;
    holder.before(bar);
    holder.after(pager);

    let shown = rows;
    function matches(r) {
      if (state.status && statusOf(r) !== state.status) return false;
      if (state.category && r.dataset.category !== state.category) return false;
      return !state.q || r.innerText.toLowerCase().includes(state.q.toLowerCase());
    }
    function save() {
      const p = new URLSearchParams(location.search);
      const set = (k, v, d) => { if (v && String(v) !== String(d)) p.set(key + '.' + k, v); else p.delete(key + '.' + k); };
      set('q', state.q, ''); set('status', state.status, ''); set('category', state.category, '');
      set('sort', state.sort, null); set('dir', state.sort ? state.dir : '', 'asc'); set('page', state.page, 1); set('size', state.size, 50);
      const qs = p.toString();
      history.replaceState(null, '', location.pathname + (qs ? '?' + qs : '') + location.hash);
    }
    function apply() {
      shown = rows.filter(matches);
      if (state.sort !== null && state.sort !== undefined && state.sort !== '') {
        const i = parseInt(state.sort, 10), sign = state.dir === 'desc' ? -1 : 1;
        shown.sort((a, b) => {
          const x = sortValue(a.cells[i] || a), y = sortValue(b.cells[i] || b);
          if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
          return sign * String(x).localeCompare(String(y), 'zh');
        });
        heads.forEach((h, j) => h.setAttribute('aria-sort', j === i ? (state.dir === 'desc' ? 'descending' : 'ascending') : 'none'));
      }
      const pages = Math.max(1, Math.ceil(shown.length / state.size));
      state.page = Math.min(Math.max(1, state.page), pages);
      const from = (state.page - 1) * state.size, to = from + state.size;
      rows.forEach(r => { r.hidden = true; });
      shown.forEach((r, j) => { body.appendChild(r); r.hidden = j < from || j >= to; });
      count.textContent = shown.length + ' / ' + rows.length + ' ' + labels.rows;
      where.textContent = labels.page + ' ' + state.page + ' / ' + pages;
      pager.hidden = pages === 1;
      prev.disabled = state.page === 1; next.disabled = state.page === pages;
      table.dataset.shown = String(shown.length);
      save();
    }
    heads.forEach((h, i) => {
      if (h.classList.contains('nosort')) return;
      h.classList.add('sortable');
      h.tabIndex = 0;
      const toggle = () => {
        state.dir = String(state.sort) === String(i) && state.dir === 'asc' ? 'desc' : 'asc';
        state.sort = String(i); apply();
      };
      h.addEventListener('click', toggle);
      h.addEventListener('keydown', e => { if (e.key === 'Enter') toggle(); });
    });
    q.addEventListener('input', () => { state.q = q.value; state.page = 1; apply(); });
    if (statusSel) statusSel.addEventListener('change', () => { state.status = statusSel.value; state.page = 1; apply(); });
    if (catSel) catSel.addEventListener('change', () => { state.category = catSel.value; state.page = 1; apply(); });
    size.addEventListener('change', () => { state.size = parseInt(size.value, 10); state.page = 1; apply(); });
    prev.addEventListener('click', () => { state.page -= 1; apply(); });
    next.addEventListener('click', () => { state.page += 1; apply(); });

    async function download(format) {
      const columns = heads.filter(h => !h.classList.contains('noexport')).map(h => text(h));
      const keep = heads.map(h => !h.classList.contains('noexport'));
      const data = shown.map(r => Array.from(r.cells).filter((c, j) => keep[j]).map(text));
      const name = table.dataset.name || key;
      const r = await fetch('/api/v1/export?format=' + format + '&name=' + encodeURIComponent(name), {method: 'POST',
        headers: {'content-type': 'application/json'}, body: JSON.stringify({columns: columns, rows: data})});
      if (!r.ok) { alert((await r.json()).detail || r.status); return; }
      const blob = await r.blob();
      const a = el('a', {href: URL.createObjectURL(blob), download: name + '.' + format});
      document.body.append(a); a.click(); a.remove();
    }
    csv.addEventListener('click', () => download('csv'));
    xlsx.addEventListener('click', () => download('xlsx'));
    apply();
  }
  document.querySelectorAll('table.datatable').forEach(init);
})();

// A <select data-autosubmit> submits its form when changed (no inline handlers: the
// Content-Security-Policy runs only this site's scripts).
document.querySelectorAll('select[data-autosubmit]').forEach(function (s) {
  s.addEventListener('change', function () { if (s.form) s.form.submit(); });
});

// The write token, given once: after a write succeeds with it, the server is asked to remember it
// in this browser (an HttpOnly, SameSite=Strict session cookie; writes it carries are accepted
// from this site's own pages only). Until the browser closes, the token fields may stay empty.
window.ZhibiaoSession = (function () {
  let remembered = false;
  const ready = fetch('/api/v1/session').then(r => r.ok ? r.json() : {}).then(s => {
    remembered = !!s.remembered;
    if (remembered) document.querySelectorAll('input[type=password][id$=token]').forEach(i => {
      i.placeholder = '✓'; i.title = i.title || 'remembered in this browser session';
    });
  }).catch(() => {});
  return {
    ready: ready,
    // headers for a write: the typed token, or none when the session cookie will do
    headers: function (token) { return token ? {authorization: 'Bearer ' + token} : {}; },
    canWrite: function (token) { return !!token || remembered; },
    remember: function (token) {
      if (!token) return Promise.resolve();
      return fetch('/api/v1/session', {method: 'POST', headers: {'content-type': 'application/json'},
        body: JSON.stringify({token: token})}).then(r => { if (r.ok) remembered = true; }).catch(() => {});
    },
  };
})();
