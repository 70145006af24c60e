/* Page script of tab.html (kept out of the HTML so the page also runs as an extension page under a strict CSP). */
// The service tabs other than «Дополнительное образование»: one page, content by path.
(function () {
  var C = window.Cabinet;
  if (!C.requireLogin()) return;
  C.initShell();
  var key = (location.pathname.match(/^\/services\/([a-z]+)\/?$/) || [])[1];
  var tab = document.querySelector('[data-tab="' + key + '"]');
  if (tab) tab.classList.add('active');
  var kids = C.children();
  var childRows = kids.map(function (c) {
    return '<tr><td>' + C.esc(c.name) + '</td><td>' + C.esc(c.school) + '</td><td>' + C.esc(c.grade) + '</td></tr>';
  }).join('');
  var CONTENT = {
    kindergarten:
      '<div class="ui segment padded"><h3 class="ui header">Заявления в детский сад</h3>' +
      '<p>Постановка в очередь, отслеживание движения в очереди и др.</p>' +
      '<p class="muted">Поданных заявлений нет.</p>' +
      '<a class="ui primary button" href="/services/kindergarten/">' + C.caps('Подать заявление в детский сад') + '</a></div>',
    school:
      '<div class="ui segment padded"><h3 class="ui header">Школа</h3>' +
      '<table class="ui table"><thead><tr><th>Обучающийся</th><th>Учреждение</th><th>Класс</th></tr></thead><tbody>' + childRows + '</tbody></table>' +
      '<div class="ui buttons-row"><a class="ui primary button" href="/services/school/">' + C.caps('Просмотр электронного дневника') + '</a>' +
      '<a class="ui basic button" href="/services/school/">' + C.caps('Подать заявление в школу') + '</a></div></div>',
    spo:
      '<div class="ui segment padded"><h3 class="ui header">Поступление в учреждения СПО</h3>' +
      '<p>Подача документов на поступление в учреждения среднего профессионального образования.</p>' +
      '<p class="muted">Приём заявлений в учреждения СПО в настоящее время не ведётся.</p></div>',
    extra:
      '<div class="ui segment padded"><h3 class="ui header">Дополнительные услуги</h3>' +
      '<div class="ui divided list">' +
      '<div class="item"><div class="content"><a href="/services/extra/">Справка об обучении</a><div class="description">Заказ справки с места учёбы</div></div></div>' +
      '<div class="item"><div class="content"><a href="/services/extra/">Питание</a><div class="description">Меню и баланс школьного питания</div></div></div>' +
      '</div></div>',
  };
  document.getElementById('tab-content').innerHTML = CONTENT[key] ||
    '<div class="ui negative message"><div class="header">Страница не найдена</div></div>';
  C.ready();
})();
