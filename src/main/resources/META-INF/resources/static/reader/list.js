// The document's discussion at a glance: every annotation the reader may see, in reading order,
// filtered like the highlights. Items are built a page at a time ("Show more"): the count and the
// filters cover all of them, the page never builds thousands of items nobody scrolled to.

import { el } from './dom.js';
import { quoteOf } from './store.js';

export const PAGE = 100;
let wanted = PAGE; // how many items the reader has asked to see; kept across live updates

/** Back to the first page of items (the filters changed). */
export function resetDocumentList() {
  wanted = PAGE;
}

function clip(text, length) {
  return text.length > length ? text.slice(0, length) + '…' : text;
}

/** The list of {@code shown} (already in reading order): as many items as asked for, {@code PAGE} more on request. */
export function renderDocumentList(shown, { chip, open }) {
  const number = id => document.getElementById(id).dataset.number;
  const items = document.getElementById('document-items');
  document.getElementById('document-count').textContent = '(' + shown.length + ')';
  const item = a => {
    const link = el('button', { type: 'button', class: 'link-button', 'aria-label': 'Open the annotation by ' + a.authorName
        + ' in paragraph ' + number(a.paragraphId), onclick: () => open(a) },
      el('span', { class: 'where', text: '¶ ' + number(a.paragraphId) }), ' ',
      a.needsAttention ? el('em', { class: 'needs-attention', text: 'needs attention: not found in the corrected text' })
                       : el('q', { text: clip(quoteOf(a), 80) }));
    return el('li', { 'data-annotation-id': a.id, class: a.withdrawn ? 'withdrawn' : '' },
      el('p', { class: 'tags' }, a.tags.length ? a.tags.map(chip) : el('span', { class: 'untagged', text: 'Comment (no tag)' })), link,
      el('p', { class: 'who' }, el('strong', { text: a.authorName }),
        a.excerpt && !a.withdrawn ? ' · ' + clip(a.excerpt, 90) : '',
        ' · ' + a.replies + (a.replies === 1 ? ' reply' : ' replies'), a.withdrawn ? ' · withdrawn' : ''));
  };
  const more = el('li', { class: 'more' });
  const showUpTo = count => {
    const from = items.querySelectorAll('li[data-annotation-id]').length;
    more.before(...shown.slice(from, count).map(item));
    const left = shown.length - Math.min(count, shown.length);
    more.replaceChildren(...(left ? [el('button', { type: 'button', class: 'secondary', text: 'Show ' + Math.min(PAGE, left) + ' more (' + left + ' not shown)',
      onclick: () => {
        const next = items.querySelectorAll('li[data-annotation-id]').length;
        wanted = next + PAGE;
        showUpTo(wanted);
        const first = items.querySelectorAll('li[data-annotation-id]')[next];
        if (first) first.querySelector('button').focus();
      } })] : []));
    more.hidden = !left;
  };
  items.replaceChildren(...(shown.length ? [more] : [el('li', { class: 'empty', text: 'No annotations match.' })]));
  if (shown.length) showUpTo(wanted);
}
