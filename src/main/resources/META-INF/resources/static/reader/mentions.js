// @mentions in the comment and reply boxes: typing @ offers the people of the document's groups (the server's
// /api/documents/{id}/people, fetched once) in a listbox under the box. Arrows move, Enter or Tab takes, Esc closes;
// a tap or click takes too. What is inserted is @username: the server keeps it as a reference and shows the name.

import { api } from './api.js';
import { el } from './dom.js';

const QUERY = /(?:^|[\s(])@([\p{L}\p{N}._-]*)$/u;
const MAX = 8;

export function attachMentions(root, docId) {
  let people = null;          // [{username, name}] once fetched
  let box = null;             // the textarea being completed
  let options = [];           // people offered now
  let active = 0;
  let start = -1;             // where the @ stands in the box's value
  const list = el('ul', { id: 'mention-list', class: 'mention-list', role: 'listbox', 'aria-label': 'People to mention', hidden: '' });
  const hint = el('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  (document.getElementById('main') || document.body).append(list, hint); // inside a landmark, like everything else

  async function load() {
    if (people === null) {
      people = [];
      try { people = await api('GET', '/api/documents/' + docId + '/people'); } catch { people = []; }
    }
    return people;
  }

  function close() {
    list.hidden = true;
    list.replaceChildren();
    options = [];
    if (box) {
      box.removeAttribute('aria-activedescendant');
      box.removeAttribute('aria-controls');
      box.removeAttribute('aria-autocomplete');
    }
    box = null;
  }

  function render() {
    list.replaceChildren(...options.map((p, i) => el('li', {
      id: 'mention-option-' + i, role: 'option', class: 'mention-option', 'aria-selected': String(i === active),
      'data-username': p.username
    }, el('span', { class: 'mention-name', text: p.name }), ' ', el('span', { class: 'hint', text: '@' + p.username }))));
    box.setAttribute('aria-activedescendant', 'mention-option-' + active);
  }

  function place() {
    const r = box.getBoundingClientRect();
    list.style.left = r.left + 'px';
    list.style.top = Math.min(r.bottom + 2, window.innerHeight - 40) + 'px';
    list.style.minWidth = Math.min(r.width, 320) + 'px';
  }

  async function offer(textarea) {
    const before = textarea.value.slice(0, textarea.selectionStart);
    const m = QUERY.exec(before);
    if (!m || textarea.selectionStart !== textarea.selectionEnd) { if (box === textarea) close(); return; }
    const query = m[1].toLowerCase();
    const found = (await load()).filter(p => p.username.toLowerCase().startsWith(query)
      || p.name.toLowerCase().split(/\s+/).some(w => w.startsWith(query))).slice(0, MAX);
    if (!found.length) { if (box === textarea) close(); return; }
    if (box && box !== textarea) close();
    box = textarea;
    start = before.length - m[1].length - 1;
    options = found;
    active = 0;
    box.setAttribute('aria-autocomplete', 'list');
    box.setAttribute('aria-controls', 'mention-list');
    render();
    place();
    list.hidden = false;
    hint.textContent = found.length + (found.length === 1 ? ' person' : ' people') + ' to mention: arrows to choose, Enter to take.';
  }

  function take(person) {
    const textarea = box;
    const end = textarea.selectionStart;
    const inserted = '@' + person.username + ' ';
    textarea.value = textarea.value.slice(0, start) + inserted + textarea.value.slice(end);
    const caret = start + inserted.length;
    textarea.setSelectionRange(caret, caret);
    close();
    textarea.focus();
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    hint.textContent = person.name + ' mentioned.';
  }

  root.addEventListener('input', e => { if (e.target.matches('textarea')) offer(e.target); });
  // capture, so that with the list open Enter, Tab and Esc belong to the list and not to the box or the toolbar
  window.addEventListener('keydown', e => {
    if (!box || list.hidden || e.target !== box) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      active = (active + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length;
      render();
    } else if ((e.key === 'Enter' && !e.ctrlKey && !e.metaKey) || e.key === 'Tab') {
      take(options[active]);
    } else if (e.key === 'Escape') {
      close();
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  }, true);
  // a tap or a click takes a person; pointerdown keeps the focus in the box
  list.addEventListener('pointerdown', e => e.preventDefault());
  list.addEventListener('click', e => {
    const option = e.target.closest('[role=option]');
    if (option && box) take(options.find(p => p.username === option.dataset.username));
  });
  window.addEventListener('scroll', () => { if (box) place(); }, { passive: true });
  root.addEventListener('focusout', e => {
    if (e.target === box) setTimeout(() => { if (box && document.activeElement !== box) close(); }, 150);
  });
}
