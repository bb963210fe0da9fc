// Reading page: highlights, selecting and tagging passages, the annotation panel with replies.
// ES modules served by the app (CSP script-src 'self'); everything goes through the JSON API.

import { api } from './api.js';
import { el } from './dom.js';
import { ptextOf, plainText, selectionTarget, sentences } from './offsets.js';
import { highlight, tint } from './highlights.js';
import { renderDocumentList, resetDocumentList } from './list.js';
import { createStore } from './store.js';
import { listen } from './live.js';
import { showPresence, trackPresence } from './presence.js';
import { attachMentions } from './mentions.js';
import { whyNotAnnotatable } from './selection-limits.js';
import { renderTagButtons, shownButtons } from './tag-picker.js';

const article = document.querySelector('article.article[data-document-id]');
if (article) {
  const docId = article.dataset.documentId;
  const root = document.getElementById('reader');
  const me = { username: root.dataset.username, admin: root.dataset.admin === 'true',
               groups: (root.dataset.groups || '').split(',').filter(Boolean) };
  const panel = document.getElementById('panel');
  const panelList = document.getElementById('panel-list');
  const panelTitle = document.getElementById('panel-title');
  const toolbar = document.getElementById('toolbar');
  const status = document.getElementById('status');
  const filterTag = document.getElementById('filter-tag');
  const filterAuthor = document.getElementById('filter-author');

  let tags = [];            // the codebook
  const store = createStore(docId);
  let textMatches = null;   // ids the server found for the search text; null: no search
  let activeParagraph = null;
  let pending = null;       // {paragraphId, start, end, quote} while the toolbar is open
  let returnFocus = null;   // where focus goes back to when the toolbar closes
  const phone = window.matchMedia('(max-width: 700px)');
  attachMentions(document.body, docId);

  let sayTimer = null;
  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle('error', !!isError);
    clearTimeout(sayTimer);
    sayTimer = setTimeout(() => { status.textContent = ''; }, isError ? 8000 : 4000);
  }

  // ---- highlights -----------------------------------------------------------------------
  const filterText = document.getElementById('filter-text');

  function visible() {
    const tag = filterTag.value, author = filterAuthor.value;
    return store.all().filter(a => (!tag || a.tags.includes(tag)) && (!author || a.author === author) && (!textMatches || textMatches.has(a.id)));
  }

  // ---- the document's discussion at a glance --------------------------------------------------
  const paragraphView = document.getElementById('paragraph-view');
  const documentView = document.getElementById('document-list');
  const modeButtons = { document: document.getElementById('mode-document'), paragraph: document.getElementById('mode-paragraph') };

  function setMode(mode) {
    documentView.hidden = mode !== 'document';
    paragraphView.hidden = mode !== 'paragraph';
    Object.entries(modeButtons).forEach(([m, b]) => b.setAttribute('aria-pressed', String(m === mode)));
  }
  modeButtons.document.addEventListener('click', () => { setMode('document'); document.getElementById('document-list-title').focus(); });
  modeButtons.paragraph.addEventListener('click', () => { setMode('paragraph'); panelTitle.focus(); });

  /** Scrolls to the annotation's highlight, shows its paragraph's cards and puts focus on its card. */
  async function openAnnotation(a) {
    setMode('paragraph');
    const mark = document.querySelector('#' + a.paragraphId + ' mark.hl[data-ids~="' + a.id + '"]') || document.getElementById(a.paragraphId);
    mark.scrollIntoView({ block: 'center' });
    await showPanel(a.paragraphId, false, a.id);
    const c = panelList.querySelector('[data-annotation-id="' + a.id + '"]');
    if (c) c.focus();
  }

  function tagInfo(slug) {
    return tags.find(t => t.slug === slug) || { slug, name: slug, color: '#777777' };
  }

  /** Draws one paragraph's highlights and its count. */
  function paintParagraph(p, list) {
    highlight(p.querySelector('.ptext'), list, tagInfo);
    const count = p.querySelector('.pcount');
    // the number, and for screen readers what it counts (a span may not carry an aria-label)
    count.replaceChildren(...(list.length ? [String(list.length),
      el('span', { class: 'visually-hidden', text: list.length === 1 ? ' annotation' : ' annotations' })] : []));
    count.hidden = !list.length;
  }

  const afterPaint = () => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
  let paintRun = 0;

  /**
   * Draws every paragraph's highlights: first those on screen, then the rest in slices that keep the page
   * responsive (a newer drawing stops an older one). The list and the counts cover everything at once.
   * User Timing marks say when the first screen and the whole document were painted (docs/benchmarks).
   */
  async function renderAll(keepListPlace) {
    const run = ++paintRun;
    const shown = visible();
    const byParagraph = new Map();
    shown.forEach(a => { const list = byParagraph.get(a.paragraphId); if (list) list.push(a); else byParagraph.set(a.paragraphId, [a]); });
    const paragraphs = [...document.querySelectorAll('article .para')];
    const onScreen = [], later = [];
    let below = false; // paragraphs are in reading order: once one starts below the screen, so do the rest
    for (const p of paragraphs) {
      if (!below) {
        const box = p.getBoundingClientRect();
        if (box.top > window.innerHeight) below = true;
        else if (box.bottom >= 0) { onScreen.push(p); continue; }
      }
      later.push(p);
    }
    onScreen.forEach(p => paintParagraph(p, byParagraph.get(p.id) || []));
    if (!keepListPlace) resetDocumentList();
    renderDocumentList(shown, { chip, open: openAnnotation });
    renderAuthors();
    if (activeParagraph) showPanel(activeParagraph, true);
    await afterPaint();
    if (run === paintRun && !performance.getEntriesByName('annotator:first-screen').length) performance.mark('annotator:first-screen');
    for (let i = 0; i < later.length; i += 25) {
      if (run !== paintRun) return;
      later.slice(i, i + 25).forEach(p => paintParagraph(p, byParagraph.get(p.id) || []));
      await new Promise(resolve => setTimeout(resolve, 0));
    }
    await afterPaint();
    if (run === paintRun && !performance.getEntriesByName('annotator:all-highlights').length) performance.mark('annotator:all-highlights');
  }

  /** After one annotation changed: its paragraph, the list and the panel, not the whole document. */
  function renderChange(paragraphId) {
    const shown = visible();
    const p = document.getElementById(paragraphId);
    if (p) paintParagraph(p, shown.filter(a => a.paragraphId === paragraphId));
    renderDocumentList(shown, { chip, open: openAnnotation });
    renderAuthors();
    if (activeParagraph) return showPanel(activeParagraph, true);
  }

  function renderAuthors() {
    const authors = [...new Map(store.all().map(a => [a.author, a.authorName])).entries()].sort((x, y) => x[1].localeCompare(y[1]));
    const chosen = filterAuthor.value;
    filterAuthor.replaceChildren(new Option('All reviewers', ''), new Option('Only mine', me.username),
      ...authors.filter(([u]) => u !== me.username).map(([u, n]) => new Option(n + ' (' + u + ')', u)));
    filterAuthor.value = chosen === me.username || authors.some(([u]) => u === chosen) ? chosen : '';
  }

  // ---- the panel ------------------------------------------------------------------------
  function chip(slug) {
    const t = tagInfo(slug);
    const c = el('span', { class: 'chip', text: t.name });
    c.style.borderColor = t.color;
    c.style.backgroundColor = tint(t.color, 0.15);
    return c;
  }

  function when(iso) {
    return new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  }

  const CARDS = 50;
  let cardsWanted = CARDS, cardsParagraph = null, panelRun = 0;

  /**
   * The cards of a paragraph's annotations in reading order: fifty, more on request (and always up to {@code wantedId}),
   * their comments and replies fetched as needed. A re-render keeps the reader's place: focus stays on its card.
   */
  async function showPanel(paragraphId, keepMode, wantedId) {
    const run = ++panelRun;
    if (paragraphId !== cardsParagraph) { cardsParagraph = paragraphId; cardsWanted = CARDS; }
    activeParagraph = paragraphId;
    if (!keepMode) setMode('paragraph');
    const p = document.getElementById(paragraphId);
    document.querySelectorAll('article .para.active').forEach(x => x.classList.remove('active'));
    p.classList.add('active');
    panelTitle.textContent = 'Paragraph ' + p.dataset.number;
    const list = visible().filter(a => a.paragraphId === paragraphId);
    if (!list.length) {
      panelList.replaceChildren(el('p', { class: 'empty', text: 'No annotations on this paragraph yet.' }));
      return;
    }
    const wantedAt = wantedId ? list.findIndex(a => a.id === wantedId) : -1;
    if (wantedAt >= cardsWanted) cardsWanted = wantedAt + 1;
    let full;
    try {
      full = await store.full(list.slice(0, cardsWanted).map(a => a.id));
    } catch (err) { say('The annotations could not be loaded: ' + err.message, true); return; }
    if (run !== panelRun) return;
    const focused = panelList.contains(document.activeElement) && document.activeElement.closest('[data-annotation-id]');
    const focusedId = focused && focused.dataset.annotationId;
    const left = list.length - Math.min(cardsWanted, list.length);
    panelList.replaceChildren(...full.map(card), ...(left ? [el('button', { type: 'button', class: 'secondary more-cards',
      text: 'Show ' + Math.min(CARDS, left) + ' more (' + left + ' not shown)', onclick: async () => {
        const next = list[cardsWanted];
        cardsWanted += CARDS;
        await showPanel(paragraphId, true);
        const c = next && panelList.querySelector('[data-annotation-id="' + next.id + '"]');
        if (c) c.focus();
      } })] : []));
    if (focusedId) {
      const again = panelList.querySelector('[data-annotation-id="' + focusedId + '"]');
      if (again) again.focus();
    }
  }

  function card(a) {
    const mine = a.author === me.username;
    const actions = el('div', { class: 'actions' });
    if (mine && !a.withdrawn) {
      actions.append(el('button', { type: 'button', class: 'secondary', text: 'Edit', 'aria-label': 'Edit your annotation', onclick: () => editForm(a, box) }));
      actions.append(el('button', { type: 'button', class: 'secondary', text: 'Delete', 'aria-label': 'Delete your annotation', onclick: () => remove(a) }));
    } else if (me.admin) {
      actions.append(el('button', { type: 'button', class: 'secondary', text: a.hidden ? 'Unhide' : 'Hide', onclick: () => moderate(a, !a.hidden) }));
      actions.append(el('button', { type: 'button', class: 'secondary', text: 'Delete (moderation)', onclick: () => remove(a) }));
    }
    const replies = el('ol', { class: 'replies', 'aria-label': 'Replies' },
      a.replies.map(r => replyItem(a, r)));
    const replyBox = el('textarea', { rows: '2', 'aria-label': 'Reply to ' + a.authorName, placeholder: 'Reply…', maxlength: '10000' });
    const replyForm = el('form', { class: 'reply-form', onsubmit: async e => {
      e.preventDefault();
      if (!replyBox.value.trim()) return;
      try {
        await api('POST', '/api/annotations/' + a.id + '/replies', { comment: replyBox.value });
        await refreshOne(a.id);
        say('Reply posted.');
      } catch (err) { say(err.message, true); }
    } }, replyBox, el('button', { type: 'submit', text: 'Reply' }));
    const lost = a.anchor === 'needs-attention';
    if (lost && (mine || me.admin) && !a.withdrawn) {
      actions.prepend(el('button', { type: 'button', class: 'place-again', text: 'Place again', 'aria-label': 'Place this annotation again on the corrected text',
        onclick: () => startPlacing(a) }));
    }
    const box = el('article', { class: 'card' + (a.hidden ? ' hidden-annotation' : '') + (a.withdrawn ? ' withdrawn' : '') + (lost ? ' needs-attention' : ''),
                                'data-annotation-id': a.id, tabindex: '-1', 'aria-label': 'Annotation by ' + a.authorName },
      a.withdrawn ? el('p', { class: 'withdrawn-note', text: 'Withdrawn by ' + a.authorName + '; the discussion stays.' })
                  : el('p', { class: 'tags' }, a.tags.length ? a.tags.map(chip) : el('span', { class: 'untagged', text: 'Comment (no tag)' })),
      lost ? el('p', { class: 'needs-attention-note', text: 'Needs attention: the text was corrected and this passage was not found again. '
        + 'Its text was:' }) : null,
      el('blockquote', { class: 'quote', text: a.quote }),
      a.comment && !a.withdrawn ? el('div', { class: 'comment', html: a.commentHtml }) : null,
      el('p', { class: 'who' }, el('strong', { text: a.authorName }), ' · ', el('span', { text: a.group }), ' · ',
        el('time', { datetime: a.created, text: when(a.created) }), edited(a), a.hidden ? ' · hidden by moderation' : ''),
      actions, replies, replyForm);
    return box;
  }

  /** " · edited <time>" when something was changed after creation. */
  function edited(x) {
    return x.updated && x.updated !== x.created && x.version > 1
      ? el('span', { class: 'edited' }, ' · edited ', el('time', { datetime: x.updated, text: when(x.updated) })) : '';
  }

  function replyItem(a, r) {
    const item = el('li', { 'data-reply-id': r.id },
      el('p', { class: 'who' }, el('strong', { text: r.authorName }), ' · ', el('time', { datetime: r.created, text: when(r.created) }),
        edited(r), r.hidden ? ' · hidden by moderation' : ''),
      el('div', { class: 'comment', html: r.commentHtml }));
    const focusCard = () => { const c = panelList.querySelector('[data-annotation-id="' + a.id + '"]'); if (c) c.focus(); };
    if (r.author === me.username) {
      item.append(el('p', { class: 'actions' },
        el('button', { type: 'button', class: 'secondary', text: 'Edit', 'aria-label': 'Edit your reply', onclick: () => {
          const text = el('textarea', { rows: '2', 'aria-label': 'Your reply', maxlength: '10000' });
          text.value = r.comment;
          const form = el('form', { class: 'reply-form', onsubmit: async e => {
            e.preventDefault();
            try {
              await api('PUT', '/api/annotations/' + a.id + '/replies/' + r.id, { version: r.version, comment: text.value });
              await refreshOne(a.id);
              focusCard();
              say('Reply changed.');
            } catch (err) { say(err.message, true); }
          } }, text, el('button', { type: 'submit', text: 'Save' }),
            el('button', { type: 'button', class: 'secondary', text: 'Cancel', onclick: () => { form.replaceWith(item); focusCard(); } }));
          item.replaceWith(form);
          text.focus();
        } }),
        el('button', { type: 'button', class: 'secondary', text: 'Delete', 'aria-label': 'Delete your reply', onclick: async () => {
          if (!confirm('Delete your reply?')) return;
          try {
            await api('DELETE', '/api/annotations/' + a.id + '/replies/' + r.id);
            await refreshOne(a.id);
            focusCard();
            say('Reply deleted.');
          } catch (err) { say(err.message, true); }
        } })));
    }
    return item;
  }

  function tagPicker(selected) {
    return el('fieldset', { class: 'tag-picker' }, el('legend', { text: 'Tags' }),
      tags.filter(t => !t.retired || selected.includes(t.slug)).map((t, i) => {
        const box = el('input', { type: 'checkbox', value: t.slug, id: 'pick-' + t.slug + '-' + Math.random().toString(36).slice(2, 7) });
        box.checked = selected.includes(t.slug);
        const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
        swatch.style.backgroundColor = t.color;
        return el('label', { for: box.id, title: t.description }, box, swatch, ' ' + (i + 1) + ' ' + t.name);
      }));
  }

  function editForm(a, box) {
    const picker = tagPicker(a.tags);
    const comment = el('textarea', { rows: '3', 'aria-label': 'Comment', maxlength: '10000' });
    comment.value = a.comment || '';
    const form = el('form', { class: 'edit-form', onsubmit: async e => {
      e.preventDefault();
      const chosen = [...picker.querySelectorAll('input:checked')].map(i => i.value);
      try {
        await api('PUT', '/api/annotations/' + a.id, { version: a.version, tags: chosen, comment: comment.value });
        await refreshOne(a.id);
        say('Annotation saved.');
      } catch (err) {
        say(err.status === 409 ? 'Someone changed this annotation meanwhile; it has been reloaded. ' + err.message : err.message, true);
        if (err.status === 409) await refreshOne(a.id);
      }
    } }, picker, comment, el('button', { type: 'submit', text: 'Save' }),
      el('button', { type: 'button', class: 'secondary', text: 'Cancel', onclick: () => showPanel(a.paragraphId) }));
    box.replaceChildren(form);
    comment.focus();
  }

  async function remove(a) {
    const mine = a.author === me.username;
    const others = a.replies.filter(r => r.author !== a.author).length;
    const question = !mine ? 'Delete this annotation and its ' + a.replies.length + ' replies as moderation?'
      : others ? 'Others replied to it (' + others + (others === 1 ? ' reply' : ' replies') + '): your annotation will be withdrawn and'
                 + ' the discussion kept. Withdraw it?'
      : 'Delete your annotation?';
    if (!confirm(question)) return;
    try {
      await api('DELETE', '/api/annotations/' + a.id);
      await refreshOne(a.id);
      const heading = document.getElementById('panel-title');
      const cardNow = panelList.querySelector('[data-annotation-id="' + a.id + '"]');
      (cardNow || heading).focus();
      say(mine && others ? 'Annotation withdrawn; the discussion stays.' : 'Annotation deleted.');
    } catch (err) { say(err.message, true); }
  }

  async function moderate(a, hidden) {
    try {
      await api('PUT', '/api/annotations/' + a.id + '/hidden', { hidden });
      await refreshOne(a.id);
    } catch (err) { say(err.message, true); }
  }

  /** Fetches one annotation again (after a change here or an event) and redraws its paragraph. */
  async function refreshOne(id) {
    let paragraphId;
    try {
      paragraphId = store.put(await api('GET', '/api/annotations/' + id)).paragraphId;
    } catch (err) {
      if (err.status !== 404) throw err;
      const gone = store.drop(id);
      if (!gone) return;
      paragraphId = gone.paragraphId;
    }
    if (textMatches) textMatches = await store.search(filterText.value.trim());
    await renderChange(paragraphId);
  }

  // ---- tagging --------------------------------------------------------------------------
  // ---- placing an annotation again (a correction of the text left it "needs attention") -----
  let placing = null;       // the annotation waiting for the reader to select its new passage

  function startPlacing(a) {
    placing = a;
    say('Select the passage this annotation belongs to; it is placed there as soon as you let go. Esc cancels.');
  }

  async function placeAgain(target) {
    const a = placing;
    placing = null;
    window.getSelection().removeAllRanges();
    try {
      await api('PUT', '/api/annotations/' + a.id + '/anchor', { version: a.version, paragraphId: target.paragraphId,
        start: target.start, end: target.end, quote: target.quote });
      await refreshOne(a.id);
      say('Annotation placed on “' + (target.quote.length > 60 ? target.quote.slice(0, 60) + '…' : target.quote) + '”.');
    } catch (err) { say(err.message, true); }
  }

  document.addEventListener('keydown', e => {
    if (e.key === 'Escape' && placing) {
      placing = null;
      say('Placing cancelled.');
    }
  });

  function openToolbar(target) {
    if (placing) {
      placeAgain(target);
      return;
    }
    if (!me.groups.length) {
      say('You are in no seminar group, so you can read but not annotate. Ask your teacher to add you to a group.', true);
      return;
    }
    pending = target;
    const active = document.activeElement;
    returnFocus = active && active !== document.body && !toolbar.contains(active) ? active
      : document.querySelector('#' + target.paragraphId + ' .tag-para');
    showQuote();
    toolbar.querySelectorAll('.tag-button').forEach(b => b.setAttribute('aria-pressed', 'false'));
    const search = toolbar.querySelector('.tag-search-input');
    if (search && search.value) { search.value = ''; search.dispatchEvent(new Event('input')); }
    toolbar.querySelector('textarea').value = '';
    toolbar.querySelector('.toolbar-error').textContent = '';
    toolbar.hidden = false;
    if (phone.matches) {
      // a bottom sheet (see app.css): keep the selection above it
      toolbar.style.top = toolbar.style.left = '';
      const rect = target.rect || document.getElementById(target.paragraphId).getBoundingClientRect();
      const sheetTop = window.innerHeight - toolbar.offsetHeight;
      if (rect.bottom > sheetTop - 8) window.scrollBy(0, rect.bottom - sheetTop + 16);
    } else {
      const top = window.scrollY + (target.rect ? target.rect.bottom + 8 : document.getElementById(target.paragraphId).getBoundingClientRect().top);
      toolbar.style.top = top + 'px';
      toolbar.style.left = Math.max(8, Math.min(window.innerWidth - 380, target.rect ? target.rect.left + window.scrollX : 40)) + 'px';
      // the whole box on screen, Save included, without losing the passage above it where there is room
      const box = toolbar.getBoundingClientRect();
      if (box.bottom > window.innerHeight - 8) window.scrollBy(0, Math.min(box.bottom - window.innerHeight + 16, box.top - 8));
    }
    if (target.focus !== false) toolbar.querySelector('.tag-button').focus({ preventScroll: true });
  }

  function showQuote() {
    toolbar.querySelector('.toolbar-quote').textContent = '“' + (pending.quote.length > 90 ? pending.quote.slice(0, 90) + '…' : pending.quote) + '”';
  }

  /** Closes the box; focus goes to {@code focusTarget} or back where it came from, never to the page's top. */
  function closeToolbar(focusTarget) {
    toolbar.hidden = true;
    pending = null;
    const next = focusTarget || returnFocus;
    returnFocus = null;
    if (next && document.contains(next)) next.focus();
  }

  // ---- sentences: narrowing a selection without a mouse ------------------------------------
  /** Moves the start ({@code edge} 'start') or the end of the pending passage by one sentence. */
  function stepSentence(edge, direction) {
    if (!pending) return;
    const text = plainText(ptextOf(pending.paragraphId));
    const spans = sentences(text);
    if (!spans.length) return;
    const first = spans.findIndex(x => x.end > pending.start);
    const last = spans.length - 1 - [...spans].reverse().findIndex(x => x.start < pending.end);
    let from = first < 0 ? 0 : first, to = last;
    if (edge === 'start') from = Math.max(0, Math.min(to, from + direction));
    else to = Math.min(spans.length - 1, Math.max(from, to + direction));
    pending.start = spans[from].start;
    pending.end = spans[to].end;
    pending.quote = text.slice(pending.start, pending.end);
    showQuote();
    say('Passage: sentences ' + (from + 1) + ' to ' + (to + 1) + ' of ' + spans.length + '.');
  }

  function buildToolbar() {
    renderTagButtons(toolbar.querySelector('.toolbar-tags'), tags.filter(t => !t.retired));
    const defs = toolbar.querySelector('.toolbar-definitions');
    defs.replaceChildren(...tags.filter(t => !t.retired).map(t => el('li', {}, el('strong', { text: t.name + ': ' }), t.description)));
    const groupSelect = toolbar.querySelector('select[name=group]');
    groupSelect.replaceChildren(...me.groups.map(g => new Option(g, g)));
    groupSelect.closest('label').hidden = me.groups.length < 2;
  }

  toolbar.querySelectorAll('[data-step]').forEach(b => b.addEventListener('click', () => {
    const [edge, direction] = b.dataset.step.split(':');
    stepSentence(edge, Number(direction));
  }));

  async function save() {
    if (!pending) return;
    const chosen = [...toolbar.querySelectorAll('.tag-button[aria-pressed=true]')].map(b => b.dataset.slug);
    const error = toolbar.querySelector('.toolbar-error');
    const comment = toolbar.querySelector('textarea').value;
    // a comment alone is an untagged annotation; with neither there is nothing to save
    if (!chosen.length && !comment.trim()) { error.textContent = 'Choose a tag or write a comment.'; return; }
    const body = { paragraphId: pending.paragraphId, start: pending.start, end: pending.end, quote: pending.quote, tags: chosen };
    if (comment.trim()) body.comment = comment;
    if (me.groups.length > 1) body.group = toolbar.querySelector('select[name=group]').value;
    try {
      const created = await api('POST', '/api/documents/' + docId + '/annotations', body);
      store.put(created);
      if (textMatches) textMatches.add(created.id); // what the reader just made stays in sight
      const paragraphId = pending.paragraphId;
      window.getSelection().removeAllRanges();
      await renderChange(paragraphId);
      await showPanel(paragraphId, false, created.id);
      if (phone.matches) panel.classList.add('open');
      const newCard = panelList.querySelector('[data-annotation-id="' + created.id + '"]');
      closeToolbar(newCard);
      if (newCard) newCard.scrollIntoView({ block: 'nearest' });
      say('Annotation saved.');
    } catch (err) { error.textContent = err.message; }
  }

  toolbar.addEventListener('keydown', e => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); save(); return; }
    if (e.key === 'Tab') {
      // focus stays inside the open box: Tab and Shift+Tab cycle through its controls
      const stops = [...toolbar.querySelectorAll('button, textarea, select, summary, input')].filter(x => x.offsetParent !== null);
      const i = stops.indexOf(document.activeElement);
      const next = e.shiftKey ? (i <= 0 ? stops.length - 1 : i - 1) : (i < 0 || i === stops.length - 1 ? 0 : i + 1);
      e.preventDefault();
      stops[next].focus();
      return;
    }
    if (e.target.tagName === 'TEXTAREA' || e.target.tagName === 'SELECT' || e.target.tagName === 'INPUT') return;
    const n = parseInt(e.key, 10);
    const buttons = shownButtons(toolbar.querySelector('.toolbar-tags'));
    if (n >= 1 && n <= buttons.length) { e.preventDefault(); buttons[n - 1].click(); }
  });
  toolbar.querySelector('.toolbar-save').addEventListener('click', save);
  toolbar.querySelector('.toolbar-cancel').addEventListener('click', () => closeToolbar());
  // Esc closes the box from anywhere on the page
  document.addEventListener('keydown', e => { if (e.key === 'Escape' && !toolbar.hidden) { e.preventDefault(); closeToolbar(); } });

  function maybeOpenFromSelection(e) {
    if (toolbar.contains(e.target)) return;
    openOrSayWhyNot();
  }
  function openOrSayWhyNot() {
    const target = selectionTarget();
    const why = target ? null : whyNotAnnotatable(article);
    if (target) openToolbar(target);
    else if (why) say(why, true);
  }
  article.addEventListener('mouseup', maybeOpenFromSelection);
  // keyboard selections (caret browsing, Shift+arrows) send their keys to the body: open when Shift is let go
  document.addEventListener('keyup', e => {
    if (e.key === 'Shift' && toolbar.hidden) openOrSayWhyNot();
  });
  // touch: a long press selects without a mouseup; open once the selection rests
  let lastPointer = 'mouse';
  document.addEventListener('pointerdown', e => { lastPointer = e.pointerType; }, true);
  let selectionTimer = null;
  document.addEventListener('selectionchange', () => {
    // only a finger's selection, and never while the reader works in the open box
    if (lastPointer !== 'touch' || toolbar.contains(document.activeElement)) return;
    clearTimeout(selectionTimer);
    selectionTimer = setTimeout(() => {
      const target = selectionTarget();
      if (target && (toolbar.hidden || !pending || pending.start !== target.start || pending.end !== target.end)) openToolbar(target);
    }, 400);
  });

  article.addEventListener('click', e => {
    // a note's marker goes to the note: it is not a choice of the paragraph for the panel
    if (e.target.closest('.fnref, .backref')) return;
    const mark = e.target.closest('mark.hl');
    const para = e.target.closest('.para');
    if (para && (mark || !window.getSelection().toString())) {
      showPanel(para.id, false, mark ? (mark.dataset.ids || '').split(' ')[0] : null).then(() => {
        if (!mark) return;
        const id = (mark.dataset.ids || '').split(' ')[0];
        const c = panelList.querySelector('[data-annotation-id="' + id + '"]');
        if (c) c.focus();
      });
    }
  });

  function addParagraphControls() {
    document.querySelectorAll('article .para').forEach(p => {
      const n = p.dataset.number;
      const tools = el('span', { class: 'ptools', 'data-skip': '' },
        el('span', { class: 'pcount', hidden: '' }),
        el('button', { type: 'button', class: 'tag-para', 'aria-label': 'Annotate the whole of paragraph ' + n, title: 'Annotate the whole paragraph',
          onclick: () => {
            const ptext = p.querySelector('.ptext');
            const text = plainText(ptext);
            openToolbar({ paragraphId: p.id, start: 0, end: text.length, quote: text, rect: p.getBoundingClientRect() });
          } }, '+'),
        el('button', { type: 'button', class: 'show-para', 'aria-label': 'Show the annotations of paragraph ' + n, title: 'Show annotations',
          onclick: () => { showPanel(p.id); panel.classList.add('open'); panel.focus(); } }, '≡'));
      p.prepend(tools);
    });
  }

  // phones: the panel is a drawer, opened from a button that stays in reach
  const drawerButton = document.getElementById('panel-toggle');
  drawerButton.addEventListener('click', () => {
    const open = panel.classList.toggle('open');
    drawerButton.setAttribute('aria-expanded', String(open));
    if (open) panel.focus();
  });
  document.getElementById('panel-close').addEventListener('click', () => {
    panel.classList.remove('open');
    drawerButton.setAttribute('aria-expanded', 'false');
    drawerButton.focus();
  });

  // the search text is looked for by the server (passages, comments, names, replies), a moment after typing stops
  let searchTimer = null;
  filterText.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(async () => {
      const text = filterText.value.trim();
      try {
        textMatches = text ? await store.search(text) : null;
      } catch (err) { say('Search failed: ' + err.message, true); return; }
      if (text === filterText.value.trim()) renderAll();
    }, 250);
  });
  filterTag.addEventListener('change', () => renderAll());
  filterAuthor.addEventListener('change', () => renderAll());

  /** The codebook of the last load into the tag filter and the tagging box (at the start, and when an admin changed it). */
  function applyCodebook() {
    tags = store.codebook();
    const chosen = filterTag.value;
    filterTag.replaceChildren(new Option('All tags', ''), ...tags.map(t => new Option(t.name + (t.retired ? ' (retired)' : ''), t.slug)));
    filterTag.value = tags.some(t => t.slug === chosen) ? chosen : '';
    buildToolbar();
  }

  async function start() {
    addParagraphControls();
    try {
      await store.load();
    } catch (err) { say('Annotations could not be loaded: ' + err.message, true); return; }
    applyCodebook();
    setMode('document');
    const painted = renderAll();
    root.dataset.ready = 'true';
    listen(page);
    trackPresence(page);
    await painted;
  }

  const page = {
    docId, me, root,
    annotations: () => store.all(),
    full: id => store.details(id),
    refreshOne,
    reload: async () => { await store.load(); applyCodebook(); if (textMatches) textMatches = await store.search(filterText.value.trim()); await renderAll(true); },
    drop: id => { const gone = store.drop(id); if (gone) renderChange(gone.paragraphId); },
    showPresence: () => showPresence(docId)
  };

  // for the browser tests and the console: the same functions the page uses
  window.annotator = { refreshOne, reload: page.reload, drop: page.drop, renderAll, showPanel,
                       state: () => ({ annotations: store.all(), activeParagraph }) };
  if (me.admin) import('./corrections.js').then(m => m.offerCorrections(page, say));
  start();
}
