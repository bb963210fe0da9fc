// Highlights: each annotated range wrapped in a mark, one underline per tag in the codebook's colour,
// no word added to the article's text (tag names are in the mark's title, the panel and the list).
// A paragraph is drawn by one sweep over the ends of its ranges, so the cost grows with the number
// of pieces, not pieces × annotations; many annotations over the same words become one mark that
// says how many. Colours are classes of one constructed style sheet, not styles on each mark.

import { textNodes } from './offsets.js';

/** Over this many annotations on one piece, the mark names the count and the tags, not each annotation. */
export const MANY = 12;

export function tint(hex, alpha) {
  const n = parseInt(hex.slice(1), 16);
  return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
}

const sheet = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
const classes = new Map();

/** The class drawing these colours: a tint of the first, one stacked underline per colour. */
function colourClass(colours, overlap) {
  const key = colours.join(' ') + (overlap ? ' +' : '');
  let name = classes.get(key);
  if (!name) {
    name = 'hlc' + classes.size;
    sheet.insertRule('mark.hl.' + name + '{background-color:' + tint(colours[0], overlap ? 0.32 : 0.2) + ';border-bottom:none;'
      + 'box-shadow:' + colours.map((c, i) => 'inset 0 -' + (2 + 3 * i) + 'px 0 ' + c).join(',') + ';'
      + 'padding-bottom:' + (3 * (colours.length - 1)) + 'px}', sheet.cssRules.length);
    classes.set(key, name);
  }
  return name;
}

function clearHighlights(ptext) {
  ptext.querySelectorAll('mark.hl').forEach(m => m.replaceWith(...m.childNodes));
  ptext.normalize();
}

function push(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}

/**
 * The pieces of the paragraph's text that annotations cover: [from, to) and the annotations over it.
 * An annotation without a passage (needing attention after a correction) covers nothing.
 */
export function pieces(list) {
  const starts = new Map(), ends = new Map();
  for (const a of list) {
    if (a.end > a.start) { push(starts, a.start, a); push(ends, a.end, a); }
  }
  const cuts = [...new Set([...starts.keys(), ...ends.keys()])].sort((x, y) => x - y);
  const result = [];
  const active = new Set();
  for (let i = 0; i < cuts.length - 1; i++) {
    (ends.get(cuts[i]) || []).forEach(a => active.delete(a));
    (starts.get(cuts[i]) || []).forEach(a => active.add(a));
    if (active.size) result.push({ from: cuts[i], to: cuts[i + 1], covering: [...active] });
  }
  return result;
}

/** What every mark of a piece carries: its class, the ids it opens, its title. */
function look(covering, tagInfo) {
  const slugs = new Set();
  covering.forEach(a => a.tags.forEach(s => slugs.add(s)));
  const colours = [...slugs].map(s => tagInfo(s).color);
  const names = [...slugs].map(s => tagInfo(s).name).join(', ');
  const many = covering.length > MANY;
  return {
    className: 'hl ' + colourClass(colours.length ? colours : ['#777777'], covering.length > 1)
      + (covering.length > 1 ? ' overlap' : '') + (many ? ' many' : '') + (covering.some(a => a.withdrawn) ? ' withdrawn' : ''),
    ids: covering.slice(0, MANY).map(a => a.id).join(' '),
    count: covering.length,
    title: many ? covering.length + ' annotations here (' + names + ')'
      : covering.map(a => (a.tags.length ? a.tags.map(s => tagInfo(s).name).join(', ') : 'comment') + ' (' + a.authorName + ')').join('; ')
  };
}

/** Draws the highlights of one paragraph's text element for these annotations (replacing what was drawn). */
export function highlight(ptext, list, tagInfo) {
  if (ptext.querySelector('mark.hl')) clearHighlights(ptext);
  if (!list.length) return;
  const covered = pieces(list);
  let p = 0, position = 0;
  for (const node of textNodes(ptext)) {
    const to = position + node.length;
    let current = node, currentStart = position;
    position = to;
    while (p < covered.length && covered[p].from < to) {
      const piece = covered[p];
      const start = Math.max(piece.from, currentStart), end = Math.min(piece.to, to);
      if (end <= start) { p++; continue; }
      if (start > currentStart) { current = current.splitText(start - currentStart); currentStart = start; }
      const part = current;
      if (end < to) current = current.splitText(end - currentStart);
      currentStart = end;
      piece.look = piece.look || look(piece.covering, tagInfo);
      const mark = document.createElement('mark');
      mark.className = piece.look.className;
      mark.dataset.ids = piece.look.ids;
      if (piece.look.count > MANY) mark.dataset.count = String(piece.look.count);
      mark.title = piece.look.title;
      part.parentNode.insertBefore(mark, part);
      mark.appendChild(part);
      if (piece.to <= to) p++; else break;
    }
  }
}
