// Presence: who else of the reader's groups reads the document now, and in which section.

import { api } from './api.js';
import { el } from './dom.js';

async function reportPresence(docId, sectionInView) {
  try { await api('PUT', '/api/documents/' + docId + '/presence', { sectionId: sectionInView }); } catch (err) { /* next beat retries */ }
}

export async function showPresence(docId) {
  const presenceList = document.getElementById('presence');
  try {
    const here = await api('GET', '/api/documents/' + docId + '/presence');
    presenceList.replaceChildren(...(here.length ? here.map(h => {
      const section = h.sectionId && document.getElementById(h.sectionId);
      const heading = section && section.querySelector('h2');
      return el('li', { 'data-username': h.username }, el('strong', { text: h.name }),
        section ? el('span', { text: ' · ' + (heading ? heading.textContent : 'opening') }) : '');
    }) : [el('li', { class: 'empty', text: 'Nobody else right now.' })]));
  } catch (err) { /* keep the last list */ }
}

export function trackPresence(page) {
  const { docId, root } = page;
  let sectionInView = null;
  let presenceTimer = null;
  if (window.IntersectionObserver) {
    const observer = new IntersectionObserver(entries => {
      const visibleSection = entries.filter(e => e.isIntersecting).map(e => e.target.id)[0];
      if (visibleSection && visibleSection !== sectionInView) {
        sectionInView = visibleSection;
        clearTimeout(presenceTimer);
        presenceTimer = setTimeout(() => reportPresence(docId, sectionInView), 800);
      }
    }, { rootMargin: '0px 0px -60% 0px' });
    document.querySelectorAll('article section.section').forEach(s => observer.observe(s));
  }
  reportPresence(docId, sectionInView);
  showPresence(docId);
  // the server says how often (it counts a reader as gone after two intervals and ten seconds)
  setInterval(() => { reportPresence(docId, sectionInView); showPresence(docId); }, Number(root.dataset.presenceInterval) || 30000);
}
