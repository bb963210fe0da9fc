// The bell in the header: the unread count, kept fresh by a light poll of the inbox (the live event stream is per
// document, and the bell is on every page). Every minute while the tab is visible, and at once when it is shown again.
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

if (bell) {
  setInterval(refresh, EVERY);
  document.addEventListener('visibilitychange', refresh);
}
