// The tags of the tagging box: a button each, the first nine on the number keys. A codebook of more than nine also
// gets a search field that narrows the buttons (the number keys then count the ones shown), and the buttons scroll in
// a row of bounded height, so Save stays in view however long the codebook grows.
import { el } from './dom.js';

export const KEYED = 9;

/** Fills the row with a button per tag, and a search field before it when the codebook is longer than the keys. */
export function renderTagButtons(row, tags) {
  const buttons = tags.map((t, i) => {
    const attributes = { type: 'button', class: 'tag-button', 'aria-pressed': 'false', 'data-slug': t.slug, title: t.description || '' };
    if (i < KEYED) attributes['aria-keyshortcuts'] = String(i + 1);
    const b = el('button', attributes, el('kbd', { text: i < KEYED ? String(i + 1) : '' }), ' ' + t.name);
    b.style.borderColor = t.color;
    b.addEventListener('click', () => b.setAttribute('aria-pressed', b.getAttribute('aria-pressed') === 'true' ? 'false' : 'true'));
    return b;
  });
  row.replaceChildren(...buttons);
  row.classList.toggle('many', tags.length > KEYED);
  let search = row.parentElement.querySelector('.tag-search');
  if (tags.length <= KEYED) {
    search?.remove();
    return;
  }
  if (!search) {
    const input = el('input', { type: 'search', class: 'tag-search-input', 'aria-label': 'Find a tag', placeholder: 'Find a tag…' });
    search = el('label', { class: 'tag-search' }, input);
    row.before(search);
    input.addEventListener('input', () => narrow(row, input.value));
    input.addEventListener('keydown', e => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      shownButtons(row)[0]?.click();
    });
  }
  search.querySelector('input').value = '';
  narrow(row, '');
}

/** The buttons shown now, in order: what the number keys count. */
export function shownButtons(row) {
  return [...row.querySelectorAll('.tag-button')].filter(b => !b.hidden);
}

function narrow(row, query) {
  const q = query.trim().toLowerCase();
  row.querySelectorAll('.tag-button').forEach(b => {
    b.hidden = q !== '' && !b.textContent.toLowerCase().includes(q) && !(b.title || '').toLowerCase().includes(q);
  });
  shownButtons(row).forEach((b, i) => {
    b.querySelector('kbd').textContent = i < KEYED ? String(i + 1) : '';
    if (i < KEYED) b.setAttribute('aria-keyshortcuts', String(i + 1)); else b.removeAttribute('aria-keyshortcuts');
  });
}
