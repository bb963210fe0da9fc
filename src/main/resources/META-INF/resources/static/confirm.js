// Forms with data-confirm ask before they are sent: destructive admin actions (delete a group, disable an account).
for (const form of document.querySelectorAll('form[data-confirm]')) {
  form.addEventListener('submit', (event) => {
    if (!window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
}
// Forms with data-confirm-unchecking="name" ask only when that box was ticked and is now cleared (disabling an account).
for (const form of document.querySelectorAll('form[data-confirm-unchecking]')) {
  const box = form.elements.namedItem(form.dataset.confirmUnchecking);
  const wasTicked = box && box.checked;
  form.addEventListener('submit', (event) => {
    if (wasTicked && !box.checked && !window.confirm(form.dataset.confirmMessage)) {
      event.preventDefault();
    }
  });
}
