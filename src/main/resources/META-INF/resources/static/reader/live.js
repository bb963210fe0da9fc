// Live updates: the document's event stream, applied to the page without a reload.

import { EVENTS } from './events.js';

function announce(notice, text) {
  notice.textContent = text;
  notice.hidden = false;
  clearTimeout(announce.timer);
  announce.timer = setTimeout(() => { notice.hidden = true; }, 6000);
}

/** A person's display name as the annotation's discussion shows it; the username only when nothing else is known. */
function nameOf(annotation, username) {
  const reply = [...(Array.isArray(annotation.replies) ? annotation.replies : [])].reverse().find(r => r.author === username);
  return reply ? reply.authorName : annotation.author === username ? annotation.authorName : username;
}

export function listen(page) {
  const { docId, me } = page;
  const notice = document.getElementById('live-notice');
  const say = text => announce(notice, text);
  if (!window.EventSource) return;
  const events = new EventSource('/api/documents/' + docId + '/events');
  const changed = async e => {
    const data = JSON.parse(e.data);
    // the page drew its own new annotation from the answer to the save: drawing it again would only flicker
    if (e.type === EVENTS.ANNOTATION_CREATED && data.actor === me.username && page.annotations().some(x => x.id === data.id)) return;
    await page.refreshOne(data.id);
    if (data.actor !== me.username) {
      const a = page.full(data.id) || page.annotations().find(x => x.id === data.id);
      const where = a ? ' in paragraph ' + document.getElementById(a.paragraphId).dataset.number : '';
      say((e.type === EVENTS.REPLY_CREATED ? 'New reply' : e.type === EVENTS.ANNOTATION_CREATED ? 'New annotation' : 'Annotation changed')
               + where + (a ? ' by ' + (e.type === EVENTS.REPLY_CREATED ? nameOf(a, data.actor) : a.authorName) : '') + '.');
    }
  };
  [EVENTS.ANNOTATION_CREATED, EVENTS.ANNOTATION_UPDATED, EVENTS.REPLY_CREATED].forEach(t => events.addEventListener(t, changed));
  // the bell (bell.js) hears of activity through this stream and looks at the inbox again
  [EVENTS.ANNOTATION_CREATED, EVENTS.ANNOTATION_UPDATED, EVENTS.REPLY_CREATED, EVENTS.REVEAL]
    .forEach(t => events.addEventListener(t, () => document.dispatchEvent(new CustomEvent('annotator:activity'))));
  // moderation: refetch, so admins and the author keep it (marked hidden) and everyone else drops it
  events.addEventListener(EVENTS.ANNOTATION_HIDDEN, e => page.refreshOne(JSON.parse(e.data).id));
  events.addEventListener(EVENTS.ANNOTATION_DELETED, e => {
    const data = JSON.parse(e.data);
    if (page.annotations().some(x => x.id === data.id)) {
      page.drop(data.id);
      if (data.actor !== me.username) say('An annotation was removed.');
    }
  });
  events.addEventListener(EVENTS.REVEAL, async () => { document.getElementById('blind-notice')?.remove(); await page.reload(); say('The reveal: everyone\'s annotations are shown now.'); });
  events.addEventListener(EVENTS.BLIND, async () => { await page.reload(); say('Blind mode is on: you see your own annotations only.'); });
  events.addEventListener(EVENTS.CODEBOOK_CHANGED, async e => {
    await page.reload(); // names, colours and the tags offered come with the list
    if (JSON.parse(e.data).actor !== me.username) say('The codebook was changed: tags and colours are up to date.');
  });
  events.addEventListener(EVENTS.PRESENCE, e => { if (JSON.parse(e.data).actor !== me.username) page.showPresence(); });
  // after a lost connection the replay brings only what may still be seen: reload to drop the rest
  let connectedBefore = false;
  events.addEventListener('open', () => {
    if (connectedBefore) page.reload();
    connectedBefore = true;
    page.root.dataset.live = 'true';
  });
}
