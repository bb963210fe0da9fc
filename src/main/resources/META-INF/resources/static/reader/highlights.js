// Highlights: each annotated range wrapped in a mark, one underline per tag in the codebook's colour,
// no word added to the article's text (tag names are in the mark's title, the panel and the list).

import { ptextOf, textNodes } from './offsets.js';

export function tint(hex, alpha) {
  const n = parseInt(hex.slice(1), 16);
  return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
}

function clearHighlights(ptext) {
  ptext.querySelectorAll('mark.hl').forEach(m => m.replaceWith(...m.childNodes));
  ptext.normalize();
}

export function highlight(paragraphId, list, tagInfo) {
  const ptext = ptextOf(paragraphId);
  if (!ptext) return;
  clearHighlights(ptext);
  if (!list.length) return;
  const bounds = new Set();
  list.forEach(a => { bounds.add(a.start); bounds.add(a.end); });
  const cuts = [...bounds].sort((x, y) => x - y);
  let position = 0;
  const lastPiece = new Map();
  for (const node of textNodes(ptext)) {
    const from = position, to = position + node.length;
    position = to;
    const inside = cuts.filter(c => c > from && c < to);
    let current = node, currentStart = from;
    for (const cut of [...inside, to]) {
      const piece = current;
      if (cut < to) current = current.splitText(cut - currentStart);
      const covering = list.filter(a => a.start <= currentStart && a.end >= cut && a.start < cut && a.end > currentStart);
      if (covering.length) {
        const mark = document.createElement('mark');
        mark.className = 'hl' + (covering.length > 1 ? ' overlap' : '');
        mark.dataset.ids = covering.map(a => a.id).join(' ');
        // one underline per tag present, stacked, each in the codebook's colour: overlaps stay distinguishable
        // and no word is added to the text (tag names are in the title, the panel and the list)
        const slugs = [...new Set(covering.flatMap(a => a.tags))];
        const colours = slugs.map(x => tagInfo(x).color);
        mark.style.backgroundColor = tint(colours[0], covering.length > 1 ? 0.32 : 0.2);
        mark.style.borderBottom = 'none';
        mark.style.boxShadow = colours.map((c, i) => 'inset 0 -' + (2 + 3 * i) + 'px 0 ' + c).join(', ');
        mark.style.paddingBottom = (3 * (colours.length - 1)) + 'px';
        if (covering.some(a => a.withdrawn)) mark.classList.add('withdrawn');
        mark.title = covering.map(a => a.tags.map(x => tagInfo(x).name).join(', ') + ' (' + a.authorName + ')').join('; ');
        piece.parentNode.insertBefore(mark, piece);
        mark.appendChild(piece);
        covering.forEach(a => { if (a.end === cut) lastPiece.set(a.id, mark); });
      }
      currentStart = cut;
    }
  }
}
