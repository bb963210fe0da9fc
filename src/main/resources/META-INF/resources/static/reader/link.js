// A link to one annotation (/documents/{id}?annotation={aid} or #annotation-{aid}): once the reader has drawn the
// highlights, the page scrolls to that annotation's passage and opens its card in the panel, focused.
const wanted = new URLSearchParams(location.search).get('annotation')
  || (location.hash.startsWith('#annotation-') ? decodeURIComponent(location.hash.slice('#annotation-'.length)) : null);

function whenReady(root, then) {
  if (root.dataset.ready === 'true') { then(); return; }
  new MutationObserver((changes, observer) => {
    if (root.dataset.ready === 'true') { observer.disconnect(); then(); }
  }).observe(root, { attributes: true, attributeFilter: ['data-ready'] });
}

const root = document.getElementById('reader');
if (wanted && root && /^[A-Za-z0-9_-]{1,64}$/.test(wanted)) {
  // the highlights are painted in chunks after the reader is ready: look for the annotation's mark a while
  whenReady(root, () => {
    const since = Date.now();
    const look = () => {
      const mark = Array.from(document.querySelectorAll('mark.hl')).find(m => (m.dataset.ids || '').split(' ').includes(wanted));
      if (mark) { openAt(mark); return; }
      if (Date.now() - since < 10000) { setTimeout(look, 100); return; }
      // not here (deleted, hidden, or not the reader's to see): say so rather than land nowhere
      const notice = document.getElementById('annotation-link-notice');
      if (notice) { notice.textContent = 'The annotation of this link is not shown to you here.'; notice.hidden = false; }
    };
    look();
  });
}

function openAt(mark) {
  mark.scrollIntoView({ block: 'center' });
  // the reader's own click handler opens the paragraph's cards and focuses the first annotation of the mark
  // (overlapping annotations share marks), so the wanted card is focused once there, and kept focused for a
  // moment against that handler, until the reader does anything themselves
  let acted = false;
  for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart']) {
    addEventListener(type, () => { acted = true; }, { once: true, capture: true, passive: true });
  }
  mark.click();
  const started = Date.now();
  let found = 0;
  const keep = () => {
    if (acted) return;
    const card = document.querySelector('#panel-list [data-annotation-id="' + wanted + '"]');
    if (card) {
      found = found || Date.now();
      card.classList.add('linked');
      if (document.activeElement !== card) card.focus({ preventScroll: true });
    }
    if (found ? Date.now() - found < 1500 : Date.now() - started < 5000) requestAnimationFrame(keep);
  };
  keep();
}
