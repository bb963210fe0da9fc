// Corrections in the reading page, for admins only (the endpoints refuse everyone else with 403): a paragraph's text,
// split, join with the next, make it a heading, remove it (saying first what happens to its annotations); a heading
// made a paragraph again. Every change calls the same services as the API and the import review, which place the
// annotations again; the page then reloads, and says what happened.

import { api } from './api.js';
import { el } from './dom.js';

const DONE = 'annotator-correction';

function plural(n, one, many) {
  return n + ' ' + (n === 1 ? one : many);
}

/** What a text correction did to the annotations, in words. */
function placed(result) {
  const r = result.reanchored || {};
  const moved = (r.exact || 0) + (r.fuzzy || 0) + (r.needsAttention || 0);
  if (!moved) return '';
  return ' Annotations: ' + (r.exact || 0) + ' on the same words, ' + (r.fuzzy || 0) + ' on nearly the same words, '
    + (r.needsAttention || 0) + ' marked “needs attention”.';
}

export function offerCorrections(page, say) {
  const docId = page.docId;
  const base = '/api/documents/' + docId;
  const left = sessionStorage.getItem(DONE);
  if (left) {
    sessionStorage.removeItem(DONE);
    say(left);
    const notice = document.getElementById('correction-notice') || el('p', { id: 'correction-notice', class: 'flash', role: 'status' });
    notice.textContent = left;
    document.querySelector('article.article header').append(notice);
  }

  const dialog = buildDialog();
  document.body.append(dialog.root);
  let current = null;   // {p, number, text, opener}

  /** Runs one change; on success the page reloads and says what happened, on refusal the dialog says why. */
  async function change(run) {
    dialog.error.textContent = '';
    dialog.root.querySelectorAll('button').forEach(b => { b.disabled = true; });
    try {
      const message = await run();
      sessionStorage.setItem(DONE, message);
      location.reload();
    } catch (err) {
      dialog.error.textContent = err.message;
      dialog.root.querySelectorAll('button').forEach(b => { b.disabled = false; });
      dialog.error.focus();
    }
  }

  async function open(p, opener) {
    const number = p.dataset.number;
    let text;
    try {
      text = (await api('GET', base + '/paragraphs/' + p.id)).text;
    } catch (err) { say('The paragraph could not be read: ' + err.message, true); return; }
    current = { p, number, text, opener };
    dialog.title.textContent = 'Correct paragraph ' + number;
    dialog.text.value = text;
    dialog.error.textContent = '';
    dialog.removal.hidden = true;
    dialog.remove.hidden = false;
    dialog.join.hidden = !document.querySelector('article .para[data-number="' + (Number(number) + 1) + '"]');
    dialog.root.showModal();
    dialog.text.focus();
  }

  function annotationsOf(p) {
    return page.annotations().filter(a => a.paragraphId === p.id).length;
  }

  dialog.save.addEventListener('click', () => change(async () => {
    const result = await api('PUT', base + '/paragraphs/' + current.p.id, { text: dialog.text.value });
    return 'Paragraph ' + current.number + ' corrected' + (result.paragraphs.length > 1 ? ' (now ' + result.paragraphs.length + ' paragraphs).' : '.')
      + placed(result);
  }));
  dialog.split.addEventListener('click', () => change(async () => {
    if (dialog.text.value !== current.text) throw new Error('Save the changed text first (or put it back), then split.');
    const offset = dialog.text.selectionStart;
    return (await api('POST', base + '/review/paragraphs/' + current.p.id + '/split', { offset })).message;
  }));
  dialog.join.addEventListener('click', () => change(async () =>
    (await api('POST', base + '/review/paragraphs/' + current.p.id + '/join')).message));
  dialog.heading.addEventListener('click', () => change(async () =>
    (await api('POST', base + '/review/paragraphs/' + current.p.id + '/heading')).message));
  dialog.remove.addEventListener('click', () => {
    const n = annotationsOf(current.p);
    dialog.removalText.textContent = n === 0
      ? 'Paragraph ' + current.number + ' carries no annotations. It is removed and the paragraphs after it move up one number.'
      : 'Paragraph ' + current.number + ' carries ' + plural(n, 'annotation', 'annotations') + '. '
        + (n === 1 ? 'It is kept: it moves' : 'They are kept: they move') + ' to the '
        + (Number(current.number) > 1 ? 'paragraph before it' : 'paragraph after it')
        + ', on the same words if those are there, otherwise marked “needs attention” with quote, tags, comment and replies, '
        + 'for ' + (n === 1 ? 'its author' : 'their authors') + ' to place again.';
    dialog.confirm.textContent = 'Remove paragraph ' + current.number;
    dialog.removal.hidden = false;
    dialog.remove.hidden = true;
    dialog.confirm.focus();
  });
  dialog.confirm.addEventListener('click', () => change(async () =>
    (await api('DELETE', base + '/paragraphs/' + current.p.id + '?confirm=true')).message));
  dialog.cancel.addEventListener('click', () => dialog.root.close());
  dialog.root.addEventListener('close', () => { if (current && current.opener) current.opener.focus(); });

  document.querySelectorAll('article .para').forEach(p => {
    const button = el('button', { type: 'button', class: 'correct-para secondary', 'aria-label': 'Correct paragraph ' + p.dataset.number,
      title: 'Correct this paragraph' }, '✎');
    button.addEventListener('click', () => open(p, button));
    const tools = p.querySelector('.ptools');
    if (tools) tools.append(button); else p.prepend(el('span', { class: 'ptools', 'data-skip': '' }, button));
  });
  document.querySelectorAll('article section.section > h2[id^="h-"]').forEach(h => {
    const sectionId = h.id.slice(2);
    const button = el('button', { type: 'button', class: 'correct-heading secondary',
      'aria-label': 'Make the heading “' + h.textContent + '” a paragraph' }, 'Make it a paragraph');
    button.addEventListener('click', () => {
      if (!window.confirm('Make the heading “' + h.textContent + '” a paragraph? Its section joins the one before it.')) return;
      api('POST', base + '/review/sections/' + sectionId + '/paragraph')
        .then(r => { sessionStorage.setItem(DONE, r.message); location.reload(); })
        .catch(err => say(err.message, true));
    });
    h.after(el('p', { class: 'heading-tools' }, button));
  });
}

function buildDialog() {
  const title = el('h2', { id: 'correct-title' });
  const text = el('textarea', { id: 'correct-text', rows: '8', 'aria-describedby': 'correct-hint' });
  const error = el('p', { class: 'field-error', role: 'alert', id: 'correct-error', tabindex: '-1' });
  const button = (cls, label, secondary) => el('button', { type: 'button', class: cls + (secondary ? ' secondary' : '') }, label);
  const save = button('correct-save', 'Save the text');
  const split = button('correct-split', 'Split at the cursor', true);
  const join = button('correct-join', 'Join with the next paragraph', true);
  const heading = button('correct-heading-make', 'Make it a heading', true);
  const remove = button('correct-remove', 'Remove the paragraph…', true);
  const cancel = button('correct-cancel', 'Cancel', true);
  const confirm = button('correct-confirm', 'Remove');
  const removalText = el('p', { id: 'correct-removal-text' });
  const removal = el('div', { class: 'correct-removal', hidden: '' }, removalText, el('p', {}, confirm));
  const root = el('dialog', { id: 'correct-dialog', class: 'correct-dialog', 'aria-labelledby': 'correct-title' },
    title,
    el('label', { for: 'correct-text' }, 'Text'), text,
    el('p', { class: 'hint', id: 'correct-hint' },
      'A blank line splits the paragraph where it stands. To split at one place without changing the text, put the cursor there '
      + 'and choose “Split at the cursor”. Annotations are placed again; any that cannot be are marked “needs attention”.'),
    error,
    el('p', { class: 'correct-actions' }, save, split, join, heading, remove, cancel),
    removal);
  return { root, title, text, error, save, split, join, heading, remove, cancel, confirm, removal, removalText };
}
