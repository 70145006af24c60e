/* Page script of dop.html (kept out of the HTML so the page also runs as an extension page under a strict CSP). */
// Tab «Дополнительное образование»: the entry to the certificate request.
(function () {
  var C = window.Cabinet;
  if (!C.requireLogin()) return;
  C.initShell();
  var PROGRAMMES = {
    c1: [['«Робототехника»', 'МБУ ДО «Центр детского творчества»', 'Обучается'], ['Секция «Волейбол»', 'МБУ ДО «Детско-юношеская спортивная школа»', 'Обучается']],
    c2: [['Студия «Акварель»', 'МБУ ДО «Центр детского творчества»', 'Заявка рассматривается']],
  };
  var rows = '';
  C.children().forEach(function (c) {
    PROGRAMMES[c.id].forEach(function (p) {
      rows += '<tr><td>' + C.esc(c.name) + '</td><td>' + C.esc(p[0]) + '</td><td>' + C.esc(p[1]) + '</td><td>' + C.esc(p[2]) + '</td></tr>';
    });
  });
  document.getElementById('programmes').innerHTML = rows;

  var certs = C.children().filter(function (c) {
    return C.childState(c.id).certificate;
  }).map(function (c) {
    var cert = C.childState(c.id).certificate;
    return '<div class="item"><div class="content">' + C.esc(c.name) + ': сертификат № <a href="/services/dop/certificate/' + cert.number + '/">' + cert.number + '</a> (' + C.esc(cert.status) + ')</div></div>';
  }).join('');
  if (certs) document.getElementById('issued-certs').innerHTML = '<div class="ui list">' + certs + '</div>';
  C.ready();
})();
