// Offsets in a paragraph's plain text, in UTF-16 code units, exactly as the server counts them:
// footnote markers, paragraph numbers and tag labels (everything marked data-skip) do not count.
// Tested on its own in Chromium (OffsetsModuleBrowserTest).

export function ptextOf(paragraphId) {
  const p = document.getElementById(paragraphId);
  return p && p.querySelector('.ptext');
}

export function offsetIn(ptext, container, offset) {
  const range = document.createRange();
  range.selectNodeContents(ptext);
  range.setEnd(container, offset);
  const fragment = range.cloneContents();
  fragment.querySelectorAll('[data-skip]').forEach(e => e.remove());
  return fragment.textContent.length;
}

export function plainText(ptext) {
  const copy = ptext.cloneNode(true);
  copy.querySelectorAll('[data-skip]').forEach(e => e.remove());
  return copy.textContent;
}

export function textNodes(ptext) {
  const nodes = [];
  const walker = document.createTreeWalker(ptext, NodeFilter.SHOW_TEXT, {
    acceptNode: n => n.parentElement.closest('[data-skip]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT
  });
  while (walker.nextNode()) nodes.push(walker.currentNode);
  return nodes;
}

export function selectionTarget(selection = window.getSelection()) {
  if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
  const range = selection.getRangeAt(0);
  const startP = (range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement).closest('.ptext');
  const endP = (range.endContainer.nodeType === 1 ? range.endContainer : range.endContainer.parentElement).closest('.ptext');
  if (!startP || startP !== endP) return null;
  let start = offsetIn(startP, range.startContainer, range.startOffset);
  let end = offsetIn(startP, range.endContainer, range.endOffset);
  const text = plainText(startP);
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start) return null;
  return { paragraphId: startP.closest('.para').id, start, end, quote: text.slice(start, end), rect: range.getBoundingClientRect() };
}

/** The sentences of a text as [start, end) offsets, white space at their edges left out. */
export function sentences(text) {
  const spans = [];
  const re = /[^.!?…]*[.!?…]+["”’)\]]*|[^.!?…]+$/g;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (!m[0]) { re.lastIndex++; continue; }
    let start = m.index, end = m.index + m[0].length;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}
