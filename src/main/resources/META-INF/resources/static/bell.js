// The bell in the header: the unread count. On the reading page it is live: the document's event stream (live.js)
// tells of activity, and the inbox is read again once the notifier has had its moment. On every other page (no stream
// there) a light poll: every minute while the tab is visible, and at once when it is shown again.
const bell = document.getElementById('bell-count');
const EVERY = 60_000;

async function refresh() {
  if (!bell || document.visibilityState !== 'visible') return;
  try {
    const response = await fetch('/api/notifications?limit=1', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) return;
    const { unread } = await response.json();
    bell.firstChild.textContent = String(unread);
    bell.hidden = unread === 0;
  } catch {
    // offline for a moment: the next round tries again
  }
}

/** After activity heard on the stream: the notifier turns it into inbox entries within a few seconds. */
const AFTER_ACTIVITY = [3_000, 8_000];

if (bell) {
  setInterval(refresh, EVERY);
  document.addEventListener('visibilitychange', refresh);
  document.addEventListener('annotator:activity', () => AFTER_ACTIVITY.forEach(ms => setTimeout(refresh, ms)));
}
