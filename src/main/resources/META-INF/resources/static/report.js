// Report page: bar charts of annotations per reviewer and tag (ECharts, served from the webjar), and printing.
(function () {
  'use strict';
  document.getElementById('print')?.addEventListener('click', () => window.print());
  const data = JSON.parse(document.getElementById('chart-data')?.textContent || '[]');
  if (!window.echarts) return;
  document.querySelectorAll('[data-chart]').forEach(el => {
    const group = data[Number(el.dataset.chart)];
    if (!group || !group.reviewers.length) { el.remove(); return; }
    // canvas, and a tooltip drawn on it: the SVG renderer and HTML tooltips write style attributes,
    // which the page's Content-Security-Policy (no 'unsafe-inline') refuses
    const chart = window.echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0 },
      grid: { left: 40, right: 10, top: 30, bottom: 40 },
      xAxis: { type: 'category', data: group.reviewers.map(r => r.name) },
      yAxis: { type: 'value', minInterval: 1 },
      // each tag in its codebook colour, as everywhere else on the page
      color: group.tags.map(t => group.colors[t.slug]),
      series: group.tags.map(t => ({ name: t.name, type: 'bar', stack: 'tags', itemStyle: { color: group.colors[t.slug] },
        data: group.reviewers.map(r => r.byTag[t.slug] || 0) }))
    });
  });
})();
