// Reading without highlights: the panel's checkbox hides them in the text (and remembers the choice on this device),
// without drawing anything again; the tag and reviewer filters (main.js) choose which annotations there are to see.
const article = document.querySelector('article.article[data-document-id]');
const toggle = document.getElementById('show-highlights');
const KEY = 'annotator.show-highlights';

function apply() {
  article.classList.toggle('hide-highlights', !toggle.checked);
}

if (article && toggle) {
  try {
    toggle.checked = localStorage.getItem(KEY) !== 'false';
  } catch {
    // storage refused (private mode): the box starts checked
  }
  apply();
  toggle.addEventListener('change', () => {
    apply();
    try {
      localStorage.setItem(KEY, String(toggle.checked));
    } catch {
      // the choice holds for this page only
    }
  });
}
