/* Page script of confirm.html (kept out of the HTML so the page also runs as an extension page under a strict CSP). */
// Target of the link in the confirmation letter: confirms the request and redirects
// (as a Django view would) to the request page, which then shows «Заявка подтверждена».
(function () {
  var C = window.Cabinet;
  if (!C.requireLogin()) return;
  C.initShell();
  var token = C.query.get('token') || '';
  var match = null;
  C.CHILDREN.forEach(function (c) {
    var r = C.childState(c.id).request;
    if (r && r.token === token) match = c;
  });
  if (!match) {
    // Lenient for training (e.g. the letter was opened in another tab): a well-formed
    // token of a shown child confirms that child's request, creating what it needs.
    var m = /^(c\d)-[A-Za-z0-9-]+$/.exec(token);
    var c = m && C.childById(m[1]);
    if (c) {
      var cs = C.childState(c.id);
      if (!cs.documents.length) cs.documents.push(Object.assign({ id: 'd1' }, C.PRESET_DOCUMENT));
      if (!cs.request) cs.request = { email: C.PRESET_EMAIL, token: token, sentAt: C.nowString(), confirmed: false };
      match = c;
    }
  }
  if (match) {
    var req = C.childState(match.id).request;
    C.state.flash = req.confirmed ? 'Адрес электронной почты уже подтвержден.' : 'Адрес электронной почты ' + req.email + ' подтвержден.';
    req.confirmed = true;
    C.save();
    C.go('/services/dop/certificate/', { replace: true });
    return;
  }
  document.getElementById('confirm-content').innerHTML =
    '<div class="ui negative message"><div class="header">Ссылка недействительна</div>' +
    '<p>Ссылка для подтверждения адреса электронной почты недействительна или устарела.</p></div>' +
    '<a class="ui button" href="/services/dop/certificate/">Вернуться к заявке</a>';
  C.ready();
})();
