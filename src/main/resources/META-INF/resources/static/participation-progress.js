// On the reading page, a reviewer's own progress towards the teacher's score for the document
// (participation/ParticipationService: a reviewer's answer holds only their own row). Quiet when no
// score is set, for admins, or when the answer is a refusal (e.g. someone in several groups).
const reader = document.getElementById('reader');
const line = document.getElementById('reading-progress');
const documentId = document.querySelector('article[data-document-id]')?.dataset.documentId;

async function show() {
  if (!reader || !line || !documentId || reader.dataset.admin === 'true') return;
  const response = await fetch(`/api/documents/${encodeURIComponent(documentId)}/participation`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) return;
  const participation = await response.json();
  const score = participation.score;
  const own = participation.groups?.[0]?.reviewers?.[0];
  if (!score || !own) return;
  const before = participation.dueDate ? ` before ${participation.dueDate}` : '';
  const state = own.scoreMet ? 'reached' : 'not reached yet';
  line.textContent = `Your progress: ${own.annotations} of ${score.minAnnotations} annotations and ${own.repliesGiven} of `
    + `${score.minReplies} replies${before}; the score is ${state}.`;
  const link = document.createElement('a');
  link.href = `/documents/${encodeURIComponent(documentId)}/participation`;
  link.textContent = 'Details';
  line.append(' ', link);
  line.hidden = false;
}

show().catch(() => {});
