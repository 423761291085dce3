// Print buttons: <button data-print> opens the browser's print dialog (no inline onclick: the
// Content-Security-Policy allows scripts from the platform's own files only).
document.addEventListener('click', function (event) {
  var button = event.target.closest ? event.target.closest('[data-print]') : null;
  if (button) window.print();
});
