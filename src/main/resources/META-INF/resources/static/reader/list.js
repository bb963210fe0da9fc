// The document's discussion at a glance: every annotation the reader may see, in reading order.

import { el } from './dom.js';

/** Every annotation the reader may see, in reading order, filtered like the highlights. */
export function renderDocumentList(shown, { chip, open }) {
  const number = id => Number(document.getElementById(id).dataset.number);
  const ordered = [...shown].sort((x, y) => number(x.paragraphId) - number(y.paragraphId) || x.start - y.start);
  document.getElementById('document-count').textContent = '(' + ordered.length + ')';
  document.getElementById('document-items').replaceChildren(...(ordered.length ? ordered.map(a => {
    const open = el('button', { type: 'button', class: 'link-button', 'aria-label': 'Open the annotation by ' + a.authorName
        + ' in paragraph ' + number(a.paragraphId), onclick: () => open(a) },
      el('span', { class: 'where', text: '¶ ' + number(a.paragraphId) }), ' ',
      el('q', { text: a.quote.length > 80 ? a.quote.slice(0, 80) + '…' : a.quote }));
    return el('li', { 'data-annotation-id': a.id, class: a.withdrawn ? 'withdrawn' : '' },
      el('p', { class: 'tags' }, a.tags.map(chip)), open,
      el('p', { class: 'who' }, el('strong', { text: a.authorName }),
        a.comment && !a.withdrawn ? ' · ' + (a.comment.length > 90 ? a.comment.slice(0, 90) + '…' : a.comment) : '',
        ' · ' + a.replies.length + (a.replies.length === 1 ? ' reply' : ' replies'), a.withdrawn ? ' · withdrawn' : ''));
  }) : [el('li', { class: 'empty', text: 'No annotations match.' })]));
}
