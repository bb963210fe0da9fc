// Shows every <time class="local" datetime="…"> in the reader's own time zone and language.
const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
for (const t of document.querySelectorAll('time.local[datetime]')) {
  const at = new Date(t.getAttribute('datetime'));
  if (!Number.isNaN(at.getTime())) {
    t.title = t.textContent;
    t.textContent = format.format(at);
  }
}
