// The page's copy of the annotations. Every annotation the reader may see arrives in the compact
// shape of GET /api/documents/{id}/annotations/compact (no passage text: the page cuts it out of its
// own text by the offsets); the full annotations (comment, replies, times, version) that cards show
// are fetched for the cards shown and kept until an event says one changed.

import { api } from './api.js';
import { ptextOf, plainText } from './offsets.js';

/** The list's rows as objects: {id, paragraphId, start, end, tags, author, authorName, replies, hidden, withdrawn, excerpt, needsAttention}. */
export function decode(compact) {
  const at = Object.fromEntries(compact.fields.map((name, i) => [name, i]));
  return compact.annotations.map(row => {
    const author = compact.authors[row[at.author]];
    return {
      id: row[at.id], paragraphId: compact.paragraphs[row[at.paragraph]], start: row[at.start], end: row[at.end],
      tags: row[at.tags].map(i => compact.tags[i].slug), author: author.username, authorName: author.name,
      replies: row[at.replies], hidden: (row[at.flags] & 1) !== 0, withdrawn: (row[at.flags] & 2) !== 0, excerpt: row[at.excerpt],
      needsAttention: (row[at.flags] & 4) !== 0
    };
  });
}

/** A full annotation (as GET /api/annotations/{id} gives it) in the list's shape. */
export function lean(full) {
  return {
    id: full.id, paragraphId: full.paragraphId, start: full.start, end: full.end, tags: full.tags, author: full.author,
    authorName: full.authorName, replies: full.replies.length, hidden: !!full.hidden, withdrawn: !!full.withdrawn,
    excerpt: full.comment && !full.withdrawn ? full.comment.slice(0, 100) : null,
    needsAttention: full.anchor === 'needs-attention'
  };
}

const texts = new Map();

/** The passage of an annotation, cut out of its paragraph's text as the reader sees it. */
export function quoteOf(a) {
  let text = texts.get(a.paragraphId);
  if (text === undefined) {
    const ptext = ptextOf(a.paragraphId);
    text = ptext ? plainText(ptext) : '';
    texts.set(a.paragraphId, text);
  }
  return text.slice(a.start, a.end);
}

export function createStore(docId) {
  const base = '/api/documents/' + docId + '/annotations';
  let annotations = [];      // every annotation the reader may see, list shape, reading order
  let codebook = [];
  const details = new Map(); // id -> full annotation, for the cards
  const order = new Map();   // paragraph id -> its number
  document.querySelectorAll('article .para').forEach(p => order.set(p.id, Number(p.dataset.number)));
  const sort = () => annotations.sort((x, y) => order.get(x.paragraphId) - order.get(y.paragraphId) || x.start - y.start || x.end - y.end);

  return {
    all: () => annotations,
    codebook: () => codebook,
    find: id => annotations.find(a => a.id === id),
    details: id => details.get(id),
    /** Everything again: after a reveal, blind mode or a lost connection. */
    async load() {
      const compact = await api('GET', base + '/compact');
      codebook = compact.tags;
      annotations = decode(compact);
      details.clear();
      return annotations;
    },
    /** The ids of the annotations whose passage, comment, author or replies hold the text (searched by the server). */
    async search(text) {
      const compact = await api('GET', base + '/compact?q=' + encodeURIComponent(text));
      return new Set(compact.annotations.map(row => row[compact.fields.indexOf('id')]));
    },
    /** The full annotations of these, fetched (fifty at a time) once and kept until one of them changes. */
    async full(ids) {
      const missing = ids.filter(id => !details.has(id));
      for (let i = 0; i < missing.length; i += 50) {
        const query = missing.slice(i, i + 50).map(id => 'id=' + encodeURIComponent(id)).join('&');
        (await api('GET', base + '?' + query)).forEach(full => details.set(full.id, full));
      }
      return ids.map(id => details.get(id)).filter(Boolean);
    },
    /** Takes in a full annotation just fetched or created; returns it in the list's shape. */
    put(full) {
      details.set(full.id, full);
      const a = lean(full);
      const i = annotations.findIndex(x => x.id === a.id);
      if (i >= 0) annotations[i] = a; else { annotations.push(a); sort(); }
      return a;
    },
    drop(id) {
      details.delete(id);
      const gone = annotations.find(a => a.id === id);
      annotations = annotations.filter(a => a.id !== id);
      return gone;
    }
  };
}
