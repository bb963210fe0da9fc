// The print button of the class-list result (no inline script under the Content-Security-Policy).
document.getElementById('print')?.addEventListener('click', () => window.print());
