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

  function render() {
    if (!window.echarts) return;
    document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
      var spec = JSON.parse(el.getAttribute('data-chart'));
      var existing = echarts.getInstanceByDom(el);
      if (existing) existing.dispose();
      var chart = echarts.init(el, null, { renderer: 'svg' });
      var option = spec.type === 'radar' ? radar(spec) : spec.type === 'line' ? line(spec) : bar(spec);
      chart.setOption(option);
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
