// Why a selection in the article opens no tagging box, said at once in words the reader can act on. Annotations sit on
// one paragraph of the body text; a selection across two paragraphs, or in the title, abstract, a heading or the notes,
// used to do nothing at all.

const element = node => (node.nodeType === 1 ? node : node.parentElement);

function part(node) {
  if (node.closest('.abstract')) return 'the abstract';
  if (node.closest('.footnotes')) return 'the notes';
  if (node.closest('h1, h2, h3, h4')) return 'a heading';
  if (node.closest('header')) return 'the title and front matter';
  return 'this part of the page';
}

/** The reason, or null when the selection can be annotated, is empty, or lies outside the article. */
export function whyNotAnnotatable(article, selection = window.getSelection()) {
  if (!article || !selection || selection.isCollapsed || !selection.rangeCount || !selection.toString().trim()) return null;
  const range = selection.getRangeAt(0);
  const start = element(range.startContainer);
  const end = element(range.endContainer);
  if (!start || !end || !article.contains(start) || !article.contains(end)) return null;
  const startText = start.closest('.ptext');
  const endText = end.closest('.ptext');
  if (startText && startText === endText) return null;
  if (startText || endText || start.closest('.para') !== end.closest('.para')) {
    return 'An annotation covers words of one paragraph: select again within one paragraph, or annotate each paragraph\u2019s part.';
  }
  return 'Only the paragraphs of the text take annotations, not ' + part(start) + ': select words of a paragraph.';
}
