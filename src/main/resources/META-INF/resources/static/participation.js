// Sortable participation tables: a button in each column header sorts the rows by that column
// (again: the other way round) and says so with aria-sort; buttons, so the keyboard sorts too.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function value(row, column) {
  const cell = row.children[column];
  return cell ? cell.getAttribute('data-value') ?? cell.textContent : '';
}

function sortBy(table, header) {
  const headers = [...table.tHead.rows[0].cells];
  const column = headers.indexOf(header);
  const ascending = header.getAttribute('aria-sort') !== 'ascending';
  const numeric = header.querySelector('button').dataset.type === 'number';
  const body = table.tBodies[0];
  const rows = [...body.rows];
  rows.sort((a, b) => {
    const x = value(a, column);
    const y = value(b, column);
    const order = numeric ? Number(x) - Number(y) : collator.compare(x, y);
    return ascending ? order : -order;
  });
  body.append(...rows);
  for (const h of headers) {
    h.setAttribute('aria-sort', h === header ? (ascending ? 'ascending' : 'descending') : 'none');
  }
  const status = table.closest('section, .participation-page').querySelector('.sort-status');
  if (status) {
    status.textContent = `Sorted by ${header.textContent.trim()}, ${ascending ? 'ascending' : 'descending'}.`;
  }
}

for (const table of document.querySelectorAll('table.sortable')) {
  const status = document.createElement('p');
  status.className = 'sort-status visually-hidden';
  status.setAttribute('role', 'status');
  (table.closest('.table-scroll') ?? table).after(status);
  for (const button of table.querySelectorAll('thead button.sort')) {
    button.addEventListener('click', () => sortBy(table, button.closest('th')));
  }
}
