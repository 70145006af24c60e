/* Page script of cert.html (kept out of the HTML so the page also runs as an extension page under a strict CSP). */
// Certificate page: the certificate's details, activation note and the statement downloads.
(function () {
  var C = window.Cabinet;
  if (!C.requireLogin()) return;
  C.initShell();
  var number = (location.pathname.match(/\/certificate\/(\d+)\/?$/) || [])[1];
  var child = null;
  C.children().forEach(function (c) {
    var cert = C.childState(c.id).certificate;
    if (cert && cert.number === number) child = c;
  });
  var box = document.getElementById('cert-content');
  if (!child) {
    box.innerHTML = '<div class="ui negative message"><div class="header">Сертификат не найден</div>' +
      '<p>Сертификат с номером ' + C.esc(number || '') + ' не найден.</p></div>' +
      '<a class="ui button" href="/services/dop/certificate/">Вернуться к заявке</a>';
    C.ready();
    return;
  }
  var cert = C.childState(child.id).certificate;
  // Replica stand-ins for the generated files (static, see files/).
  var statementHref = '/replica-assets/files/zayavlenie-' + cert.number + '.html';
  var listHref = '/replica-assets/files/uchrezhdeniya-kiselevsk.html';
  box.innerHTML =
    '<div class="ui segment padded">' +
    '<h3 class="ui header">Сертификат дополнительного образования<div class="sub header">' + C.esc(child.name) + '</div></h3>' +
    '<div class="ui list cert-info">' +
    '<div class="item cert-number"><b>Сертификат:</b> ' + cert.number + '</div>' +
    '<div class="item"><b>Муниципалитет:</b> ' + C.MUNICIPALITY + '</div>' +
    '<div class="item"><b>Документ:</b> ' + C.esc(cert.documentLabel) + '</div>' +
    '<div class="item"><b>Статус:</b> ' + C.esc(cert.status) + '</div>' +
    '</div>' +
    '<div class="ui warning message"><p>Осуществить активацию сертификата Вы можете на основании заявления в одном из предложенных учреждений Вашего муниципалитета</p>' +
    '<a class="ui small basic button" href="' + listHref + '" download="uchrezhdeniya_kiselevsk.html">Скачать учреждения</a></div>' +
    '<div class="ui list cert-info">' +
    '<div class="item"><b>Группа сертификата:</b> ' + C.esc(cert.group) + '</div>' +
    '<div class="item"><b>Муниципалитет:</b> ' + C.MUNICIPALITY + '</div>' +
    '<div class="item"><b>Дата создания:</b> ' + C.esc(cert.created) + '</div>' +
    '</div>' +
    '<div class="ui buttons-row">' +
    '<a class="ui primary button" href="' + statementHref + '" download="zayavlenie_' + cert.number + '.html">' + C.caps('Скачать заявление') + '</a>' +
    '<button type="button" class="ui button" id="refresh-statement">' + C.caps('Обновить заявление') + '</button>' +
    '</div>' +
    '<div id="refresh-result"></div>' +
    '</div>';
  var btn = document.getElementById('refresh-statement');
  btn.addEventListener('click', function () {
    btn.classList.add('loading');
    setTimeout(function () {
      btn.classList.remove('loading');
      document.getElementById('refresh-result').innerHTML = '<div class="ui positive message">Заявление обновлено.</div>';
    }, 600);
  });
  C.ready();
})();
