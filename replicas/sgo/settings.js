/*
 * «Персональные настройки»: `/angular/school/mysettings/`, `/app/school/mysettings/`
 * and the legacy `/asp/MySettings/MySettings.asp` (older table layout).
 *
 * Known: #buttons-panel «Сохранить» / «Восстановить» / «Сменить пароль» (optional
 * «Войти в Навигатор»); «Текущий учебный год»; panel «Основная информация» with
 * disabled Фамилия/Имя/Отчество/Дата рождения/Логин, «E-Mail» input[name=EM],
 * «Мобильный телефон»; panel «Сертификат дополнительного образования»:
 * «Дети» + select[name=child] or a disabled input with the child's name, the age text,
 * button[title="Получить сертификат"], after POST /webapi/educcertificates/createById
 * read-only «Номер»/«Статус» (+ dates, + image link) sharing ONE name, Bootstrap modal
 * with the server's message on failure; legacy «Категория сертификата» and
 * «Скачать шаблон заявления на получение сертификата».
 * Everything else is [guess] and switchable (see README.md).
 */
(function () {
  'use strict';
  var V = SGO.V, esc = SGO.esc, T = SGO.T;
  var legacy = SGO.isLegacy();

  /** All issued-certificate fields share this one name [known: shared; the value is a guess]. */
  var CERT_FIELD_NAME = 'educCertificate';
  var STATUS = { inactive: 'Неактивирован', unused: 'Не использован', actual: 'Актуален' };
  var AGE_TEXT = 'Сертификат дополнительного образования можно создать только для учащегося в возрасте от 5 до 18 лет.';
  // [guess] The server's messages are unknown; these are invented.
  var FAIL_TEXT = {
    generic: 'Не удалось создать сертификат: сервис персонифицированного финансирования дополнительного образования временно недоступен. Повторите попытку позже.',
    email: 'Не удалось создать сертификат: не указан адрес электронной почты. Укажите E-Mail в разделе «Основная информация» и нажмите «Сохранить».',
  };
  var CATEGORIES = ['Дети в возрасте от 5 до 18 лет', 'Дети с ограниченными возможностями здоровья'];

  var u = SGO.user();
  var saved = SGO.sget('profile');
  if (saved) { u.email = saved.email; u.phone = saved.phone; }
  var subjects = u.role === 'parent' ? SGO.children() : [u];
  var selectedId = V.pick === 'empty' && subjects.length > 1 ? null : subjects[0].id;
  var category = '';
  var app;

  // ---------- mock certificate store (sessionStorage, per student) ----------
  function subject() {
    for (var i = 0; i < subjects.length; i++) if (subjects[i].id === selectedId) return subjects[i];
    return null;
  }
  function newCert(s) {
    var t = SGO.today();
    var end = new Date(s.birth.getFullYear() + 18, s.birth.getMonth(), s.birth.getDate() - 1);
    // 10 digits: region 69 + municipality 01 + 6 digits (domain.md §1).
    var n = '6901' + SGO.pad((s.id * 7919) % 1000000, 6);
    return { number: n, status: STATUS[V.status] || STATUS.inactive, start: SGO.fmtDate(t), end: SGO.fmtDate(end) };
  }
  function getCert(s) {
    var certs = SGO.sget('certs', {}) || {};
    if (!certs[s.id] && V.state === 'issued') {
      certs[s.id] = newCert(s);
      SGO.sset('certs', certs);
    }
    return certs[s.id] || null;
  }
  function saveCert(s, c) {
    var certs = SGO.sget('certs', {}) || {};
    certs[s.id] = c;
    SGO.sset('certs', certs);
  }
  function logRequest(line) {
    var log = SGO.sget('requests', []) || [];
    log.push(line);
    SGO.sset('requests', log);
  }

  // ---------- layout helpers: Angular panels or legacy tables ----------
  function row(label, control, cls) {
    if (legacy) return '<tr' + (cls ? ' class="' + cls + '"' : '') + '><td class="cell-label">' + label + '</td><td>' + control + '</td></tr>';
    return '<div class="form-group' + (cls ? ' ' + cls : '') + '"><label class="col-sm-3 control-label">' + label + '</label><div class="col-sm-6">' + control + '</div></div>';
  }
  function bare(html, cls) {
    if (legacy) return '<tr' + (cls ? ' class="' + cls + '"' : '') + '><td class="cell-label"></td><td>' + html + '</td></tr>';
    return '<div class="form-group' + (cls ? ' ' + cls : '') + '"><div class="col-sm-offset-3 col-sm-9">' + html + '</div></div>';
  }
  function block(tag) { return legacy ? 'tbody' : tag || 'div'; }
  function section(title, body, id) {
    var idAttr = id ? ' id="' + id + '"' : '';
    if (legacy) {
      return '<div class="legacy-section"' + idAttr + '><h3 class="legacy-section-title">' + T(title) + '</h3>' +
        '<table class="legacy-table">' + body + '</table></div>';
    }
    return '<div class="panel panel-default"' + idAttr + '><div class="panel-heading"><h3 class="panel-title">' + T(title) + '</h3></div>' +
      '<div class="panel-body">' + body + '</div></div>';
  }
  function input(name, value, attrs) {
    return '<input class="form-control" type="text"' + (name ? ' name="' + name + '"' : '') + ' value="' + esc(value) + '"' + (attrs || '') + '>';
  }

  // ---------- panels ----------
  function schoolYears() {
    var t = SGO.today();
    var y = t.getMonth() >= 8 ? t.getFullYear() : t.getFullYear() - 1;
    return [(y - 1) + '/' + y, y + '/' + (y + 1)];
  }

  function mainInfo() {
    var rows = [
      row('Фамилия', input('LastName', u.last, ' disabled')),
      row('Имя', input('FirstName', u.first, ' disabled')),
      row('Отчество', input('MiddleName', u.middle, ' disabled')),
      row('Дата рождения', input('BirthDate', SGO.fmtDate(u.birth), ' disabled')),
      row('Логин', input('LoginName', u.login, ' disabled')),
      row('E-Mail', '<input class="form-control" type="email" name="EM" value="' + esc(u.email) + '">'),
      row('Мобильный телефон', '<input class="form-control" type="tel" name="MobilePhone" value="' + esc(u.phone) + '" placeholder="+7 (___) ___-__-__">'),
    ].join('');
    return section('Основная информация', legacy ? '<tbody>' + rows + '</tbody>' : rows);
  }

  /** Whether the certificate panel exists for this user. */
  function hasPanel() {
    if (V.panel === 'none') return false; // ПФДО integration off in the region
    if (u.role === 'parent') return true;
    if (!SGO.ageEligible(u.age)) return false; // pupils outside 5–18 get no panel
    if (u.age < 14 && V.young === 'nopanel') return false; // [guess] variant
    return true;
  }

  function subjectRow() {
    if (u.role !== 'parent') {
      // [guess] label of the pupil's own name
      return row('Учащийся', input('', SGO.fio(u), ' disabled'));
    }
    if (subjects.length === 1) {
      // [guess] the one-child input carries the same label «Дети»
      return row('Дети', input('', SGO.fio(subjects[0]), ' disabled'));
    }
    var opts = (V.pick === 'empty' ? '<option value=""' + (selectedId == null ? ' selected' : '') + '>Выберите ребёнка</option>' : '') +
      subjects.map(function (s) {
        return '<option value="' + s.id + '"' + (s.id === selectedId ? ' selected' : '') + '>' + esc(SGO.fio(s)) + '</option>';
      }).join('');
    return row('Дети', '<select class="form-control" name="child" ng-model="vm.childId">' + opts + '</select>');
  }

  function certBodyHtml() {
    var s = subject();
    if (!s) return '';
    if (!SGO.ageEligible(s.age)) return bare('<p class="form-control-static text-warning">' + AGE_TEXT + '</p>', 'cert-age');
    var c = getCert(s);
    if (c) {
      var attr = V.ro === 'disabled' ? ' disabled' : ' readonly';
      var h = row('Номер', input(CERT_FIELD_NAME, c.number, attr)) + row('Статус', input(CERT_FIELD_NAME, c.status, attr));
      if (V.dates === '1') {
        h += row('Дата начала действия', input(CERT_FIELD_NAME, c.start, attr)) +
          row('Дата окончания действия', input(CERT_FIELD_NAME, c.end, attr));
      }
      if (V.file !== '0') {
        h += bare('<a class="cert-file" href="/replica-assets/certificate.svg" target="_blank">Файл с изображением сертификата</a>');
      }
      return h;
    }
    if (u.role === 'pupil' && u.age < 14) return ''; // [guess] a pupil under 14 sees no button
    var h2 = '';
    if (V.category === '1') {
      h2 += bare('<a class="template-link" href="/replica-assets/zayavlenie.html" target="_blank"><span class="glyphicon glyphicon-download-alt"></span> Скачать шаблон заявления на получение сертификата</a>');
      h2 += row('Категория сертификата', '<select class="form-control" name="CertCategory"><option value="">Не выбрано</option>' +
        CATEGORIES.map(function (c, i) { return '<option value="' + (i + 1) + '"' + (String(i + 1) === category ? ' selected' : '') + '>' + esc(c) + '</option>'; }).join('') + '</select>');
    } else if (V.category === 'none') {
      h2 += bare('<div class="alert alert-warning cert-warning">Не заданы категории сертификатов для данного муниципалитета</div>');
    }
    h2 += bare('<div class="cert-warning-slot"></div>' +
      '<button type="button" class="btn btn-primary" title="Получить сертификат" ng-click="vm.createCertificate()">' + T('Получить сертификат') + '</button>' +
      '<span class="cert-pending hidden"> <span class="spinner"></span></span>', 'cert-actions');
    return h2;
  }

  function certPanel(loading) {
    var inner = loading
      ? (legacy ? '<tbody><tr><td colspan="2" class="panel-loading"><span class="spinner"></span></td></tr></tbody>' : '<div class="panel-loading"><span class="spinner"></span></div>')
      : '<' + block() + ' class="cert-subject">' + subjectRow() + '</' + block() + '>' +
        '<' + block() + ' class="cert-body">' + certBodyHtml() + '</' + block() + '>';
    return section('Сертификат дополнительного образования', inner, 'certificate-panel');
  }

  function modals() {
    return '' +
      '<div class="modal fade" id="certificate-error" tabindex="-1" role="dialog" aria-hidden="true" aria-labelledby="certificate-error-title">' +
        '<div class="modal-dialog" role="document"><div class="modal-content">' +
          '<div class="modal-header"><button type="button" class="close" data-dismiss="modal" aria-label="Закрыть"><span aria-hidden="true">×</span></button>' +
            '<h4 class="modal-title" id="certificate-error-title">Ошибка</h4></div>' +
          '<div class="modal-body"><p class="modal-message"></p></div>' +
          '<div class="modal-footer"><button type="button" class="btn btn-default" data-dismiss="modal">' + T('Закрыть') + '</button></div>' +
        '</div></div>' +
      '</div>' +
      '<div class="modal fade" id="change-password" tabindex="-1" role="dialog" aria-hidden="true" aria-labelledby="change-password-title">' +
        '<div class="modal-dialog" role="document"><div class="modal-content">' +
          '<div class="modal-header"><button type="button" class="close" data-dismiss="modal" aria-label="Закрыть"><span aria-hidden="true">×</span></button>' +
            '<h4 class="modal-title" id="change-password-title">Смена пароля</h4></div>' +
          '<form class="modal-body" name="passwordForm" novalidate>' +
            '<div class="form-group"><label>Текущий пароль</label><input class="form-control" type="password" name="OldPassword"></div>' +
            '<div class="form-group"><label>Новый пароль</label><input class="form-control" type="password" name="NewPassword"></div>' +
            '<div class="form-group"><label>Подтверждение пароля</label><input class="form-control" type="password" name="NewPassword2"></div>' +
          '</form>' +
          '<div class="modal-footer"><button type="button" class="btn btn-primary pw-save">' + T('Сохранить') + '</button>' +
            '<button type="button" class="btn btn-default" data-dismiss="modal">' + T('Отмена') + '</button></div>' +
        '</div></div>' +
      '</div>';
  }

  function pageHtml(panelLoading) {
    var years = schoolYears();
    var yearSel = '<select class="form-control" name="currentYear">' + years.map(function (y, i) {
      return '<option value="' + y + '"' + (i === years.length - 1 ? ' selected' : '') + '>' + y + '</option>';
    }).join('') + '</select>';
    var yearRow = legacy
      ? '<div class="legacy-section"><table class="legacy-table"><tbody>' + row('Текущий учебный год', yearSel) + '</tbody></table></div>'
      : '<div class="form-group">' + '<label class="col-sm-3 control-label">Текущий учебный год</label><div class="col-sm-3">' + yearSel + '</div></div>';
    return SGO.headerHtml('') +
      '<div class="container-fluid page-content">' +
        '<h1 class="page-title">Персональные настройки</h1>' +
        '<div id="buttons-panel" class="buttons-panel">' +
          '<button type="button" class="btn btn-primary btn-save" ng-click="vm.save()">' + T('Сохранить') + '</button>' +
          '<button type="button" class="btn btn-default btn-restore" ng-click="vm.restore()">' + T('Восстановить') + '</button>' +
          '<button type="button" class="btn btn-default btn-password" ng-click="vm.changePassword()">' + T('Сменить пароль') + '</button>' +
          (V.navigator === '1' ? '<button type="button" class="btn btn-default btn-navigator" ng-click="vm.openNavigator()">' + T('Войти в Навигатор') + '</button>' : '') +
        '</div>' +
        '<div class="save-message"></div>' +
        '<form class="form-horizontal" name="settingsForm" novalidate>' +
          yearRow +
          mainInfo() +
          (hasPanel() ? certPanel(panelLoading) : '') +
        '</form>' +
        '<div class="sgo-footer">Сетевой Город. Образование · ' + esc(SGO.SCHOOL) + '</div>' +
      '</div>' +
      modals();
  }

  // ---------- behaviour ----------
  function showError(text) {
    var m = document.getElementById('certificate-error');
    m.querySelector('.modal-message').textContent = text;
    SGO.showModal(m);
  }

  function failText() {
    if (V.fail === 'email') return app.querySelector('input[name=EM]').value.trim() && saved && saved.email ? null : FAIL_TEXT.email;
    if (V.fail && V.fail !== '0') return FAIL_TEXT.generic;
    return null;
  }

  function renderCertBody() {
    var body = app.querySelector('.cert-body');
    if (!body) return;
    body.innerHTML = certBodyHtml();
    wireCertBody();
  }

  function wireCertBody() {
    var btn = app.querySelector('button[title="Получить сертификат"]');
    if (btn) btn.addEventListener('click', onGetCertificate);
    var cat = app.querySelector('select[name=CertCategory]');
    if (cat) cat.addEventListener('change', function () { category = cat.value; });
  }

  function warn(text) {
    var slot = app.querySelector('.cert-warning-slot');
    if (slot) slot.innerHTML = '<div class="alert alert-warning cert-warning">' + esc(text) + '</div>';
  }

  function onGetCertificate() {
    var s = subject();
    if (!s) return;
    if (V.category === '1' && !category) { warn('Необходимо выбрать категорию сертификата'); return; }
    if (V.category === 'none') { warn('Не заданы категории сертификатов для данного муниципалитета'); return; }
    var btn = app.querySelector('button[title="Получить сертификат"]');
    btn.disabled = true;
    app.querySelector('.cert-pending').classList.remove('hidden');
    var slot = app.querySelector('.cert-warning-slot');
    if (slot) slot.innerHTML = '';
    // Emulated request; nothing leaves the page.
    logRequest('POST /webapi/educcertificates/createById?studentId=' + s.id);
    SGO.wait(700).then(function () {
      var err = failText();
      if (err) {
        renderCertBody();
        showError(err);
        return;
      }
      saveCert(s, newCert(s));
      renderCertBody();
    });
  }

  function wirePage() {
    SGO.wireHeader(app);
    Array.prototype.forEach.call(app.querySelectorAll('.modal'), SGO.wireModal);
    var msg = app.querySelector('.save-message');
    var em = app.querySelector('input[name=EM]');
    var phone = app.querySelector('input[name=MobilePhone]');
    app.querySelector('.btn-save').addEventListener('click', function () {
      var e = em.value.trim();
      if (e && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)) {
        msg.innerHTML = '<div class="alert alert-danger">Некорректный адрес электронной почты</div>'; // [guess] text
        return;
      }
      saved = { email: e, phone: phone.value.trim() };
      SGO.sset('profile', saved);
      msg.innerHTML = '<div class="alert alert-success">Изменения сохранены</div>'; // [guess] text
    });
    app.querySelector('.btn-restore').addEventListener('click', function () {
      em.value = u.email;
      phone.value = u.phone;
      msg.innerHTML = '';
    });
    app.querySelector('.btn-password').addEventListener('click', function () {
      SGO.showModal(document.getElementById('change-password'));
    });
    app.querySelector('.pw-save').addEventListener('click', function () {
      SGO.hideModal(document.getElementById('change-password'));
      msg.innerHTML = '<div class="alert alert-success">Пароль изменён</div>'; // [guess] text
    });
  }

  function wirePanel() {
    var sel = app.querySelector('select[name=child]');
    if (sel) {
      sel.addEventListener('change', function () {
        selectedId = sel.value ? parseInt(sel.value, 10) : null;
        category = '';
        var body = app.querySelector('.cert-body');
        // The portal reloads the child's certificate data (emulated).
        body.innerHTML = legacy ? '<tr><td colspan="2" class="panel-loading"><span class="spinner"></span></td></tr>' : '<div class="panel-loading"><span class="spinner"></span></div>';
        SGO.wait(SGO.delay > 0 ? 300 : 0).then(renderCertBody);
      });
    }
    wireCertBody();
    if (V.state === 'failed') showError(failText() || FAIL_TEXT.generic);
  }

  SGO.boot({ auth: true }, function (root) {
    app = root;
    if (legacy) document.body.classList.add('legacy');
    var staged = SGO.delay > 0 && hasPanel();
    app.innerHTML = pageHtml(staged);
    wirePage();
    if (!hasPanel()) return;
    if (!staged) { wirePanel(); return; }
    // The certificate panel's data arrives by a later XHR.
    return SGO.wait(Math.round(SGO.delay / 2)).then(function () {
      var old = app.querySelector('#certificate-panel');
      var tmp = document.createElement('div');
      tmp.innerHTML = certPanel(false);
      old.parentNode.replaceChild(tmp.firstChild, old);
      wirePanel();
    });
  });
})();
