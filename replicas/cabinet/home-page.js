/* Page script of home.html (kept out of the HTML so the page also runs as an extension page under a strict CSP). */
// Home of the cabinet: rendered "by the server" (synchronously, from the mock session).
(function () {
  var C = window.Cabinet;
  if (!C.requireLogin()) return;
  C.initShell();
  var MARKS = {
    c1: [['23.05', 'ф-ра', '5'], ['22.05', 'информ', '4'], ['20.05', 'ф-ра', '5'], ['16.05', 'ф-ра', '5']],
    c2: [['23.05', 'матем', '5'], ['22.05', 'рус.яз', '4'], ['21.05', 'лит.чт', '5'], ['20.05', 'окр.мир', '5']],
  };
  var html = C.children().map(function (c) {
    var rows = MARKS[c.id].map(function (m) {
      return '<tr><td>' + m[0] + ' - ' + C.esc(m[1]) + '</td><td>' + m[2] + '</td></tr>';
    }).join('');
    return '<div class="ui segment child-card">' +
      '<div class="avatar" aria-hidden="true">' + c.initials + '</div>' +
      '<div style="flex:1">' +
      '<h3 class="ui header" style="margin:0">' + C.esc(c.name) + ' — ' + c.age + '<div class="sub header">' + C.esc(c.school) + ', ' + C.esc(c.grade) + ' класс</div></h3>' +
      '<h4 class="ui header" style="margin:1em 0 0.4em">Успешность</h4>' +
      '<table class="ui very basic table marks"><tbody>' + rows + '</tbody></table>' +
      '<div class="buttons-row ui"><a class="ui small basic button" href="/services/school/">Дневник</a><a class="ui small basic button" href="/services/school/">Отметки</a></div>' +
      '</div></div>';
  }).join('');
  document.getElementById('children-cards').innerHTML = html;

  var note = document.getElementById('video-note');
  if (C.state.hideVideoNote) note.hidden = true;
  document.getElementById('hide-video-note').addEventListener('click', function (e) {
    e.preventDefault();
    C.state.hideVideoNote = true;
    C.save();
    note.hidden = true;
  });
  C.ready();
})();
