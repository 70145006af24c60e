/* Page script of password.html (kept out of the HTML so the page also runs as an extension page under a strict CSP). */
(function () {
  window.Cabinet.initShell();
  document.getElementById('reset-form').addEventListener('submit', function (e) {
    e.preventDefault();
    this.hidden = true;
    document.getElementById('reset-done').hidden = false;
  });
  window.Cabinet.ready();
})();
