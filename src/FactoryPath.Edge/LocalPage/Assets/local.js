// The gateway's local dashboard: polls the gateway's /api every 2 s and draws with the platform's charts.js.
(function () {
  var texts = {
    zh: { tagline: '边缘网关', title: '生产看板（本地）', lead: '本网关的设备：实时状态、OEE（ISO 22400）及其三个因子、停机原因和单位能耗。', range: '时间范围:', today: '今天', d7: '近 7 天', d30: '近 30 天',
      from: '从', to: '到', apply: '应用', live: '实时车间', liveHint: '每 2 秒刷新', summary: '时段汇总', export: '导出 CSV', oeeTrend: 'OEE 趋势', pareto: '停机原因 Pareto',
      energyTrend: '单位能耗趋势', noKpis: '本网关还没有 KPI 数据（KPI 引擎未运行）；状态和计数器来自实时数据。', shift: '当前班次', day: '今天',
      Running: '运行', Idle: '空闲', Down: '停机', Changeover: '换型', Unknown: '未知', oee: 'OEE', availability: '可用率', effectiveness: '性能效率', quality: '质量合格率',
      good: '良品', scrap: '废品', energyPerUnit: '单位良品能耗 (kWh)', power: '功率', counters: '计数器', minutes: '停机分钟', cumulative: '累计占比' },
    en: { tagline: 'edge gateway', title: 'Production (local)', lead: 'This gateway\'s machines: state now, OEE (ISO 22400) and its three factors, why machines stopped, and energy per unit.',
      range: 'Time range:', today: 'Today', d7: '7 days', d30: '30 days', from: 'From', to: 'To', apply: 'Apply', live: 'Live factory', liveHint: 'refreshes every 2 s',
      summary: 'Range summary', export: 'Export CSV', oeeTrend: 'OEE trend', pareto: 'Downtime Pareto', energyTrend: 'Energy per unit trend',
      noKpis: 'No KPI data on this gateway yet (no KPI engine running); states and counters come from the live values.', shift: 'current shift', day: 'today',
      Running: 'Running', Idle: 'Idle', Down: 'Down', Changeover: 'Changeover', Unknown: 'Unknown', oee: 'OEE', availability: 'Availability', effectiveness: 'Performance',
      quality: 'Quality', good: 'Good', scrap: 'Scrap', energyPerUnit: 'Energy per good unit (kWh)', power: 'Power', counters: 'Counters', minutes: 'Down minutes', cumulative: 'Cumulative share' }
  };
  var query = new URLSearchParams(location.search);
  var lang = query.get('lang') || ((navigator.language || '').toLowerCase().indexOf('zh') === 0 ? 'zh' : 'en');
  if (lang !== 'zh' && lang !== 'en') lang = 'en';
  var t = texts[lang];
  var colours = { Running: '#2e9e44', Idle: '#e0a800', Down: '#c0392b', Changeover: '#2e6fbf', Unknown: '#8a8f98' };
  var range = { key: 'today', from: null, to: null, bucket: 'hour' };

  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-text]').forEach(function (el) { el.textContent = t[el.getAttribute('data-text')]; });
  document.querySelector('[data-testid=legend]').innerHTML = ['Running', 'Idle', 'Down', 'Changeover', 'Unknown'].map(function (s) {
    return '<span class="state-key"><span class="dot" style="background:' + colours[s] + '"></span>' + t[s] + '</span>';
  }).join('');

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }
  function pct(v) { return v == null ? '–' : (v * 100).toFixed(1) + ' %'; }
  function num(v, digits) { return v == null ? '–' : Number(v).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits == null ? 2 : digits }); }
  function last(key, n) { var parts = key.split('/'); return parts.slice(-n).join(' / '); }
  function iso(d) { return d.toISOString(); }

  function rangeQuery() {
    var q = 'lang=' + lang;
    if (range.from) q += '&from=' + encodeURIComponent(range.from) + '&to=' + encodeURIComponent(range.to);
    return q;
  }

  function setRange(key, from, to) {
    var start = new Date(); start.setHours(0, 0, 0, 0);
    var end = new Date(start); end.setDate(end.getDate() + 1);
    range.key = key; range.bucket = 'hour';
    if (key === '7d' || key === '30d') { start.setDate(start.getDate() - (key === '7d' ? 6 : 29)); range.bucket = 'day'; }
    if (key === 'custom') { start = new Date(from + 'T00:00:00'); end = new Date(to + 'T00:00:00'); end.setDate(end.getDate() + 1); range.bucket = (end - start) > 2 * 864e5 ? 'day' : 'hour'; }
    range.from = iso(start); range.to = iso(end);
    document.querySelectorAll('[data-range]').forEach(function (a) { a.className = a.getAttribute('data-range') === key ? 'button small' : 'button small secondary'; });
    refresh();
  }

  function renderLive(live) {
    document.querySelector('[data-testid=live-period]').textContent = t[live.period] + (live.shift ? ' (' + live.shift + ')' : '') + ': ' +
      live.from.substring(0, 16).replace('T', ' ') + ' – ' + live.to.substring(11, 16) + ' · ' + new Date().toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en');
    document.querySelector('[data-testid=no-kpis]').hidden = live.kpisAvailable;
    var tree = el('div', {}, []);
    var sites = {};
    live.machines.forEach(function (m) { (sites[m.site] = sites[m.site] || {}); (sites[m.site][m.line] = sites[m.site][m.line] || []).push(m); });
    Object.keys(sites).forEach(function (site) {
      var siteNode = el('div', { 'class': 'asset-site', 'data-site': site }, [el('h3', {}, [last(site, 1)])]);
      Object.keys(sites[site]).forEach(function (line) {
        var machines = el('div', { 'class': 'machines' }, sites[site][line].map(function (m) {
          var state = m.state.charAt(0).toUpperCase() + m.state.slice(1);
          var k = m.kpis || {};
          return el('div', { 'class': 'machine', 'data-testid': 'machine', 'data-path': m.assetPath, 'data-state': state, style: 'border-left-color:' + m.colour }, [
            el('div', { 'class': 'machine-head' }, [el('strong', {}, [m.name]), el('span', { 'class': 'state', 'data-testid': 'state', style: 'color:' + m.colour }, [t[state] || state])]),
            el('div', { 'class': 'machine-oee' }, [t.oee + ' ', el('span', { 'data-testid': 'oee' }, [pct(k.oee)])]),
            el('div', { 'class': 'muted small' }, ['A ', el('span', { 'data-testid': 'availability' }, [pct(k.availability)]), ' · P ', el('span', { 'data-testid': 'effectiveness' }, [pct(k.effectiveness)]),
              ' · Q ', el('span', { 'data-testid': 'quality' }, [pct(k.quality)])]),
            el('div', { 'class': 'small' }, [t.counters + ': ' + t.good + ' ', el('span', { 'data-testid': 'good' }, [num(m.goodCounter)]), ' · ' + t.scrap + ' ', el('span', { 'data-testid': 'scrap' }, [num(m.scrapCounter)])]),
            el('div', { 'class': 'small' }, [t.power + ' ', el('span', { 'data-testid': 'power' }, [num(m.powerKw)]), ' kW'])
          ]);
        }));
        siteNode.appendChild(el('div', { 'class': 'asset-line', 'data-line': line }, [el('h4', {}, [last(line, 2)]), machines]));
      });
      tree.appendChild(siteNode);
    });
    var holder = document.querySelector('[data-testid=asset-tree]');
    holder.replaceChildren.apply(holder, Array.prototype.slice.call(tree.childNodes));
  }

  function renderSummary(s) {
    var f = s.total;
    document.querySelector('[data-testid=range-text]').textContent = s.from.substring(0, 16).replace('T', ' ') + ' – ' + s.to.substring(0, 16).replace('T', ' ');
    var items = [['total-oee', pct(f.oee), t.oee], ['total-availability', pct(f.availability), t.availability], ['total-effectiveness', pct(f.effectiveness), t.effectiveness],
      ['total-quality', pct(f.quality), t.quality], ['total-good', String(f.good), t.good], ['total-scrap', String(f.scrap), t.scrap], ['total-energy-unit', num(f.energyPerGoodUnit, 3), t.energyPerUnit]];
    var box = document.querySelector('[data-testid=summary-kpis]');
    box.replaceChildren.apply(box, items.map(function (i) { return el('div', { 'class': 'kpi' }, [el('div', { 'class': 'value', 'data-testid': i[0] }, [i[1]]), el('div', { 'class': 'label' }, [i[2]])]); }));
    document.querySelector('[data-testid=export]').setAttribute('href', '/api/export.csv?' + rangeQuery() + '&bucket=' + range.bucket + '&group=machine');
  }

  function renderCharts(trend, pareto) {
    var labels = trend.points.map(function (p) { return p.label; });
    function series(name, pick) { return { name: name, values: trend.points.map(function (p) { var v = pick(p.figures); return v == null ? null : Math.round(v * 1000) / 10; }) }; }
    document.querySelector('[data-testid=oee-chart]').setAttribute('data-chart', JSON.stringify({ type: 'trend', categories: labels, max: 100, unit: '%',
      series: [series(t.oee, function (f) { return f.oee; }), series(t.availability, function (f) { return f.availability; }), series(t.effectiveness, function (f) { return f.effectiveness; }), series(t.quality, function (f) { return f.quality; })] }));
    document.querySelector('[data-testid=energy-chart]').setAttribute('data-chart', JSON.stringify({ type: 'trend', categories: labels, unit: 'kWh',
      series: [{ name: t.energyPerUnit, values: trend.points.map(function (p) { return p.figures.energyPerGoodUnit == null ? null : Math.round(p.figures.energyPerGoodUnit * 1e4) / 1e4; }) }] }));
    document.querySelector('[data-testid=pareto-chart]').setAttribute('data-chart', JSON.stringify({ type: 'pareto', categories: pareto.bars.map(function (b) { return b.name; }),
      values: pareto.bars.map(function (b) { return Math.round(b.downMs / 6000) / 10; }), cumulative: pareto.bars.map(function (b) { return Math.round(b.cumulativeShare * 1000) / 10; }), names: [t.minutes, t.cumulative] }));
    if (window.fpCharts) window.fpCharts.render();
  }

  // the local store's alarm (disk full, write failed), as the server wrote it into the page: shown while it lasts
  function renderStore(status) {
    var box = document.querySelector('[data-testid=store-alarm]');
    var a = status.store && status.store.alarm;
    if (!a) { box.hidden = true; box.removeAttribute('data-code'); box.replaceChildren(); return; }
    box.setAttribute('data-code', a.code);
    box.replaceChildren(el('strong', { 'data-testid': 'store-alarm-title' }, [a.title]), el('p', { 'data-testid': 'store-alarm-message' }, [a.message]),
      el('p', { 'class': 'small' }, [el('span', { 'data-testid': 'store-alarm-since' }, [a.sinceText]), ' · ', el('span', { 'data-testid': 'store-alarm-held' }, [a.heldText])]));
    box.hidden = false;
  }

  function get(path) { return fetch(path, { cache: 'no-store' }).then(function (r) { if (!r.ok) return r.text().then(function (x) { throw new Error(x); }); return r.json(); }); }

  function refresh() {
    var q = rangeQuery();
    get('/api/status?lang=' + lang).then(renderStore).catch(function () { /* the dashboard's error box reports a gateway that does not answer */ });
    Promise.all([get('/api/live'), get('/api/summary?' + q), get('/api/trend?' + q + '&bucket=' + range.bucket), get('/api/pareto?' + q)])
      .then(function (r) {
        document.querySelector('[data-testid=error]').hidden = true;
        renderLive(r[0]); renderSummary(r[1]); renderCharts(r[2], r[3]);
        document.body.setAttribute('data-loaded', 'true');
      })
      .catch(function (e) { var box = document.querySelector('[data-testid=error]'); box.textContent = e.message; box.hidden = false; });
  }

  document.querySelectorAll('[data-range]').forEach(function (a) { a.addEventListener('click', function (e) { e.preventDefault(); setRange(a.getAttribute('data-range')); }); });
  document.querySelector('[data-testid=custom-range]').addEventListener('submit', function (e) {
    e.preventDefault();
    var f = e.target.elements;
    if (f.from.value && f.to.value) setRange('custom', f.from.value, f.to.value);
  });
  setRange('today');
  setInterval(refresh, 2000);
})();
