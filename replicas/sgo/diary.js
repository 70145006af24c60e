/*
 * Landing page after login: `/angular/school/studentdiary/` (or `/app/...`).
 * Known: header with the user's name as a link that opens «Персональные настройки»
 * (span.glyphicon-user + span.hidden-scr-sm, both titled), «Выход» beside it.
 * The diary itself is plausible filler.
 */
(function () {
  'use strict';
  var esc = SGO.esc;

  var DAYS = ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница'];
  var TIMES = ['08:30 - 09:15', '09:25 - 10:10', '10:30 - 11:15', '11:35 - 12:20', '12:30 - 13:15', '13:25 - 14:10'];
  var PLAN = [
    [['Русский язык', 'Упр. 214, правило на с. 98', '5'], ['Математика', '№ 512, 514', ''], ['Литература', 'Выучить стихотворение', '4'], ['Физическая культура', '', '']],
    [['Математика', '№ 520 (а, б)', '4'], ['Окружающий мир', 'С. 64-67, пересказ', ''], ['Английский язык', 'Workbook p. 31', '5'], ['Музыка', '', '']],
    [['Русский язык', 'Упр. 220', ''], ['Литература', 'Прочитать главы 3-4', '5'], ['Математика', 'Повторить таблицу умножения', ''], ['Технология', '', ''], ['ИЗО', 'Принести краски', '']],
    [['Английский язык', 'Выучить слова, с. 48', ''], ['Математика', '№ 531', '3'], ['Русский язык', 'Словарный диктант', ''], ['Физическая культура', '', '5']],
    [['Окружающий мир', 'Проект «Мой край»', ''], ['Русский язык', 'Упр. 228', ''], ['Математика', 'Контрольная работа', '']],
  ];

  function monday(d) {
    var m = new Date(d.getFullYear(), d.getMonth(), d.getDate());
    var wd = (m.getDay() + 6) % 7;
    m.setDate(m.getDate() - wd);
    return m;
  }

  SGO.boot({ auth: true }, function (app) {
    var u = SGO.user();
    var students = u.role === 'parent' ? SGO.children() : [u];
    var week = monday(SGO.today());

    function daysHtml() {
      return DAYS.map(function (name, i) {
        var d = new Date(week.getFullYear(), week.getMonth(), week.getDate() + i);
        var rows = PLAN[i].map(function (l, n) {
          return '<tr><td class="num">' + (n + 1) + '</td><td class="time">' + TIMES[n] + '</td><td>' + esc(l[0]) + '</td>' +
            '<td>' + esc(l[1]) + '</td><td class="mark">' + esc(l[2]) + '</td></tr>';
        }).join('');
        return '<div class="panel day-block"><div class="panel-heading"><h3 class="day-title">' + name + ', ' + SGO.fmtDate(d) + '</h3></div>' +
          '<table class="table diary-table"><thead><tr><th class="num">№</th><th class="time">Время</th><th>Предмет</th><th>Домашнее задание</th><th class="mark">Оценка</th></tr></thead>' +
          '<tbody>' + rows + '</tbody></table></div>';
      }).join('');
    }
    function weekLabel() {
      var end = new Date(week.getFullYear(), week.getMonth(), week.getDate() + 6);
      return SGO.fmtDate(week) + ' - ' + SGO.fmtDate(end);
    }

    app.innerHTML = SGO.headerHtml('diary') +
      '<div class="container-fluid page-content">' +
        '<h1 class="page-title">Дневник</h1>' +
        '<div class="diary-toolbar">' +
          '<label>Ученик <select class="form-control" name="student">' +
            students.map(function (s) { return '<option value="' + s.id + '">' + esc(s.first + ' ' + s.last) + ', ' + esc(s.cls) + '</option>'; }).join('') +
          '</select></label>' +
          '<span class="week-switch"><button type="button" class="btn btn-default week-prev" title="Предыдущая неделя"><span class="glyphicon glyphicon-chevron-left"></span></button>' +
            '<span>Неделя: <b class="week-label">' + weekLabel() + '</b></span>' +
            '<button type="button" class="btn btn-default week-next" title="Следующая неделя"><span class="glyphicon glyphicon-chevron-right"></span></button></span>' +
        '</div>' +
        '<div class="diary-days">' + daysHtml() + '</div>' +
        '<div class="sgo-footer">Сетевой Город. Образование · ' + esc(SGO.SCHOOL) + '</div>' +
      '</div>';
    SGO.wireHeader(app);

    function shift(days) {
      week.setDate(week.getDate() + days);
      app.querySelector('.week-label').textContent = weekLabel();
      app.querySelector('.diary-days').innerHTML = daysHtml();
    }
    app.querySelector('.week-prev').addEventListener('click', function () { shift(-7); });
    app.querySelector('.week-next').addEventListener('click', function () { shift(7); });
  });
})();
