/* Page script of section.html (kept out of the HTML so the page also runs as an extension page under a strict CSP). */
// «ОБО МНЕ», «ДЕТИ», «ПОЧТА»: simple stand-ins (not part of the certificate flow).
(function () {
  var C = window.Cabinet;
  if (!C.requireLogin()) return;
  C.initShell();
  var key = { '/profile/': 'profile', '/children/': 'children', '/messages/': 'messages' }[location.pathname] || 'profile';
  var item = document.querySelector('[data-top="' + key + '"]');
  if (item) item.classList.add('active');
  var kids = C.children().map(function (c) {
    return '<div class="item"><div class="avatar" aria-hidden="true">' + c.initials + '</div><div class="content"><b>' + C.esc(c.name) + '</b> — ' + c.age +
      '<div class="description">' + C.esc(c.school) + ', ' + C.esc(c.grade) + ' класс</div></div></div>';
  }).join('');
  var CONTENT = {
    profile:
      '<div class="ui segment padded"><h3 class="ui header">Обо мне</h3>' +
      '<table class="ui very basic table"><tbody>' +
      '<tr><td class="muted">ФИО</td><td>' + C.esc(C.PARENT.name) + '</td></tr>' +
      '<tr><td class="muted">Учётная запись</td><td>Госуслуги (ЕСИА), подтверждённая</td></tr>' +
      '<tr><td class="muted">Муниципалитет</td><td>' + C.MUNICIPALITY + '</td></tr>' +
      '</tbody></table></div>',
    children: '<div class="ui segment padded"><h3 class="ui header">Дети</h3><div class="ui divided list">' + kids + '</div></div>',
    messages:
      '<div class="ui segment padded"><h3 class="ui header">Почта</h3>' +
      '<div class="ui divided list">' +
      '<div class="item"><div class="content"><b>Классный руководитель</b><div class="description">Родительское собрание в четверг в 18:00</div></div></div>' +
      '<div class="item"><div class="content"><b>Администрация школы</b><div class="description">Расписание занятий на четверть</div></div></div>' +
      '</div></div>',
  };
  document.getElementById('section-content').innerHTML = CONTENT[key];
  C.ready();
})();
