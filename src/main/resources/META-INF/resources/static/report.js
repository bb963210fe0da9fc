// Report page: bar charts of annotations per reviewer and tag (ECharts, served from the webjar), a printable
// copy of each chart, the reviewers' table in pages of ten, the reader's time zone on the downloads, and printing.
(function () {
  'use strict';
  document.getElementById('print')?.addEventListener('click', () => window.print());

  // downloads with times: in the reader's own time zone (the server checks the name)
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone) {
    document.querySelectorAll('.downloads a[href*="/report.csv"], .downloads a[href*="/report.md"]').forEach(a => {
      const url = new URL(a.href, location.href);
      url.searchParams.set('tz', zone);
      a.href = url.pathname + url.search;
    });
  }

  // long reviewer tables in pages; printing shows every row (the stylesheet does that)
  document.querySelectorAll('table[data-paged]').forEach(table => {
    const size = Number(table.dataset.paged);
    const rows = Array.from(table.tBodies[0].rows);
    if (rows.length <= size) return;
    const pages = Math.ceil(rows.length / size);
    const pager = document.createElement('nav');
    pager.className = 'pager';
    pager.setAttribute('aria-label', 'Pages of the reviewers');
    const status = document.createElement('span');
    status.setAttribute('aria-live', 'polite');
    const previous = button('Previous reviewers');
    const next = button('Next reviewers');
    const all = button('Show all ' + rows.length);
    pager.append(previous, status, next, all);
    (table.closest('.table-scroll') || table).after(pager);
    let page = 0;
    const show = (p, everything) => {
      page = Math.max(0, Math.min(pages - 1, p));
      rows.forEach((row, i) => row.classList.toggle('paged-out', !everything && Math.floor(i / size) !== page));
      const first = everything ? 1 : page * size + 1;
      const last = everything ? rows.length : Math.min(rows.length, (page + 1) * size);
      status.textContent = 'Reviewers ' + first + '–' + last + ' of ' + rows.length;
      previous.disabled = everything || page === 0;
      next.disabled = everything || page === pages - 1;
      all.textContent = everything ? 'Show ' + size + ' at a time' : 'Show all ' + rows.length;
      all.dataset.everything = everything ? 'true' : 'false';
    };
    previous.addEventListener('click', () => show(page - 1, false));
    next.addEventListener('click', () => show(page + 1, false));
    all.addEventListener('click', () => show(0, all.dataset.everything !== 'true'));
    show(0, false);
  });

  function button(text) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary';
    b.textContent = text;
    return b;
  }

  const data = JSON.parse(document.getElementById('chart-data')?.textContent || '[]');
  if (!window.echarts) return;
  document.querySelectorAll('[data-chart]').forEach(el => {
    const group = data[Number(el.dataset.chart)];
    const image = document.querySelector('[data-chart-image="' + el.dataset.chart + '"]');
    if (!group || !group.reviewers.length) { el.remove(); image?.remove(); return; }
    // canvas, and a tooltip drawn on it: the SVG renderer and HTML tooltips write style attributes,
    // which the page's Content-Security-Policy (no 'unsafe-inline') refuses
    const chart = window.echarts.init(el, null, { renderer: 'canvas' });
    // a canvas does not print well: once drawn, its picture goes into an image that only print shows
    chart.on('finished', () => {
      if (!image) return;
      image.src = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
      image.hidden = false;
    });
    chart.setOption({
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0 },
      grid: { left: 40, right: 10, top: 30, bottom: group.reviewers.length > 12 ? 90 : 40 },
      xAxis: { type: 'category', data: group.reviewers.map(r => r.name),
        axisLabel: group.reviewers.length > 12 ? { rotate: 60, interval: 0 } : {} },
      yAxis: { type: 'value', minInterval: 1 },
      // each tag in its codebook colour, as everywhere else on the page
      color: group.tags.map(t => group.colors[t.slug]),
      series: group.tags.map(t => ({ name: t.name, type: 'bar', stack: 'tags', itemStyle: { color: group.colors[t.slug] },
        data: group.reviewers.map(r => r.byTag[t.slug] || 0) }))
    });
  });
})();
