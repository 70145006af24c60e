/* Page script of mail.html (kept out of the HTML so the page also runs as an extension page under a strict CSP). */
(function () {
  var C = window.Cabinet;
  var letters = C.state.letters.slice().reverse();
  var list = document.getElementById('mb-list');
  var view = document.getElementById('mb-letter');
  var FROM = 'Личный кабинет граждан Кемеровской области';
  function count() {
    var unread = letters.filter(function (l) { return !l.read; }).length;
    document.getElementById('inbox-label').textContent = 'Входящие' + (unread ? ' (' + unread + ')' : '');
  }
  count();

  if (!letters.length) {
    list.innerHTML = '<div class="mb-empty">Писем нет. Сначала отправьте заявку на сертификат в личном кабинете.</div>';
    C.ready();
    return;
  }
  function show(id) {
    var l = letters.filter(function (x) { return x.id === id; })[0];
    l.read = true;
    C.save();
    count();
    Array.prototype.forEach.call(list.children, function (row) {
      row.classList.toggle('on', row.getAttribute('data-id') === id);
      if (row.getAttribute('data-id') === id) row.classList.remove('unread');
    });
    var path = '/services/dop/certificate/confirm/?token=' + encodeURIComponent(l.token);
    view.hidden = false;
    view.innerHTML =
      '<h1>' + C.esc(l.subject) + '</h1>' +
      '<div class="meta">От: ' + C.esc(FROM) + '<br>Кому: ' + C.esc(l.to) + '<br>' + C.esc(l.at) + '</div>' +
      '<p>Здравствуйте!</p>' +
      '<p>Для подтверждения адреса электронной почты перейдите по ссылке</p>' +
      '<p><a href="' + path + '" id="confirm-link">https://cabinet.ruobr.ru' + C.esc(path) + '</a></p>' +
      '<p style="color:#777">Если вы не подавали заявку на сертификат, не отвечайте на это письмо.</p>';
  }
  list.innerHTML = letters.map(function (l) {
    return '<div class="mb-row' + (l.read ? '' : ' unread') + '" data-id="' + l.id + '" role="link" tabindex="0">' +
      '<span class="from">' + C.esc(FROM) + '</span><span class="subj">' + C.esc(l.subject) + '</span><span class="date">' + C.esc(l.at) + '</span></div>';
  }).join('');
  list.addEventListener('click', function (e) {
    var row = e.target.closest('.mb-row');
    if (row) show(row.getAttribute('data-id'));
  });
  show(letters[0].id);
  C.ready();
})();
