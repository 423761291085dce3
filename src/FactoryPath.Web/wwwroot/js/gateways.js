// Copy buttons: <button data-copy-target="#id" data-copied="Copied"> copies the text of the target element.
document.addEventListener('click', function (event) {
  var button = event.target.closest ? event.target.closest('[data-copy-target]') : null;
  if (!button) return;
  var target = document.querySelector(button.getAttribute('data-copy-target'));
  if (!target || !navigator.clipboard) return;
  navigator.clipboard.writeText(target.textContent.trim()).then(function () {
    var label = button.textContent;
    button.textContent = button.getAttribute('data-copied') || label;
    setTimeout(function () { button.textContent = label; }, 1500);
  });
});
