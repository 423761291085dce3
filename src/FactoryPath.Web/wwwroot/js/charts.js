// Renders every <div class="chart" data-chart='{...}'> with Apache ECharts (SVG renderer, so charts print sharply).
(function () {
  function radar(spec) {
    return {
      animation: false,
      legend: { bottom: 0, data: spec.series.map(function (s) { return s.name; }) },
      tooltip: {},
      radar: { indicator: spec.indicators, radius: '62%', axisName: { color: '#334' } },
      series: [{
        type: 'radar',
        data: spec.series.map(function (s) { return { name: s.name, value: s.values, areaStyle: { opacity: 0.15 } }; })
      }]
    };
  }

  function bar(spec) {
    return {
      animation: false,
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      tooltip: {},
      xAxis: { type: 'value', min: 0, max: spec.max, interval: 1 },
      yAxis: { type: 'category', data: spec.categories, inverse: true },
      series: [{
        type: 'bar',
        data: spec.values.map(function (v, i) {
          return { value: v, itemStyle: { color: spec.highlight && spec.highlight[i] ? '#c0392b' : '#2e6fbf' } };
        }),
        label: { show: true, position: 'right' }
      }]
    };
  }

  // counts of enterprises per category; a null value is a suppressed cell, drawn as an empty bar labelled spec.suppressedLabel
  function counts(spec) {
    return {
      animation: false,
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: { valueFormatter: function (v) { return v == null ? spec.suppressedLabel : v; } },
      xAxis: { type: 'category', data: spec.categories },
      yAxis: { type: 'value', min: 0, minInterval: 1 },
      series: [{
        type: 'bar',
        data: spec.values.map(function (v) { return { value: v == null ? 0 : v, suppressed: v == null }; }),
        itemStyle: { color: '#2e6fbf' },
        label: { show: true, position: 'top', formatter: function (p) { return p.data.suppressed ? spec.suppressedLabel : p.value; } }
      }]
    };
  }

  function line(spec) {
    return {
      animation: false,
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: spec.categories },
      yAxis: { type: 'value', min: 0, max: spec.max },
      series: [{ type: 'line', data: spec.values, label: { show: true } }]
    };
  }

  // several series over the same categories (e.g. OEE and its factors per bucket); null values leave gaps
  function trend(spec) {
    return {
      animation: false,
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '–' : v + (spec.unit ? ' ' + spec.unit : ''); } },
      legend: { top: 0, data: spec.series.map(function (s) { return s.name; }) },
      xAxis: { type: 'category', data: spec.categories },
      yAxis: { type: 'value', min: 0, max: spec.max },
      series: spec.series.map(function (s) { return { type: 'line', name: s.name, data: s.values, connectNulls: false, showSymbol: spec.categories.length < 60 }; })
    };
  }

  // bars longest first with the running share on a second axis (0-100 %)
  function pareto(spec) {
    return {
      animation: false,
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: spec.names },
      xAxis: { type: 'category', data: spec.categories, axisLabel: { interval: 0, rotate: spec.categories.length > 4 ? 30 : 0 } },
      yAxis: [{ type: 'value', min: 0 }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } }],
      series: [
        { type: 'bar', name: spec.names[0], data: spec.values, itemStyle: { color: '#c0392b' }, label: { show: true, position: 'top' } },
        { type: 'line', name: spec.names[1], yAxisIndex: 1, data: spec.cumulative }
      ]
    };
  }

  // a matrix of percentages (x × y); a null cell (suppressed) is left empty
  function heatmap(spec) {
    return {
      animation: false,
      grid: { left: 8, right: 16, top: 8, bottom: 48, containLabel: true },
      tooltip: {
        formatter: function (p) { return spec.y[p.data[1]] + ' · ' + spec.x[p.data[0]] + ': ' + p.data[2] + ' %'; }
      },
      xAxis: { type: 'category', data: spec.x, splitArea: { show: true }, axisLabel: { interval: 0, rotate: spec.x.length > 6 ? 30 : 0 } },
      yAxis: { type: 'category', data: spec.y, splitArea: { show: true } },
      visualMap: { min: 0, max: 100, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#eef3fa', '#2e6fbf'] } },
      series: [{ type: 'heatmap', data: spec.cells.filter(function (c) { return c[2] != null; }), label: { show: true } }]
    };
  }

  function render() {
    if (!window.echarts) return;
    document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
      var text = el.getAttribute('data-chart');
      var existing = echarts.getInstanceByDom(el);
      // a live page renders every few seconds: a chart whose data did not change is left as it is
      if (existing && el.fpChartSpec === text) return;
      if (!text) return;
      var spec = JSON.parse(text);
      if (existing) existing.dispose();
      var chart = echarts.init(el, null, { renderer: 'svg' });
      var option = spec.type === 'radar' ? radar(spec) : spec.type === 'line' ? line(spec) : spec.type === 'trend' ? trend(spec) : spec.type === 'pareto' ? pareto(spec) : spec.type === 'counts' ? counts(spec) : spec.type === 'heatmap' ? heatmap(spec) : bar(spec);
      chart.setOption(option);
      el.fpChartSpec = text;
      el.setAttribute('data-rendered', 'true');
    });
  }

  window.fpCharts = { render: render };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', render); else render();
  document.addEventListener('DOMContentLoaded', function () {
    if (window.Blazor && window.Blazor.addEventListener) window.Blazor.addEventListener('enhancedload', render);
  });
  window.addEventListener('resize', function () {
    document.querySelectorAll('.chart[data-rendered]').forEach(function (el) { var c = echarts.getInstanceByDom(el); if (c) c.resize(); });
  });
})();
