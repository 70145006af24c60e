/*
 * Login app: `/authorize/login` and `/authorize/login-pass`.
 * Known: title/header text, «Вход в систему», div.gosbutton «Через» + <img> without alt,
 * «или», «Вход через логин и пароль», tabs, select[name=org] as a select2 widget,
 * div#login / div#password, «Оставаться в системе», «Забыли пароль?», div.primary-button «Войти»,
 * validation «Заполните логин» / «Заполните пароль», HTTP 409 on wrong credentials.
 * Variants: login=error, gosonly=1, gos=link, org=empty, case=css|upper (see README.md).
 */
(function () {
  'use strict';
  var V = SGO.V, esc = SGO.esc, T = SGO.T;

  var ORGS = {
    school: [
      [1017, 'МОУ «Средняя общеобразовательная школа № 17»'],
      [1006, 'МОУ «Гимназия № 6»'],
      [1012, 'МОУ «Средняя общеобразовательная школа № 12»'],
      [1029, 'МОУ «Средняя общеобразовательная школа № 29»'],
      [1044, 'МОУ «Лицей № 44»'],
      [1051, 'МОУ «Средняя общеобразовательная школа № 51»'],
      [2003, 'МДОУ «Детский сад № 3»'],
      [3001, 'МБУ ДО «Дворец творчества детей и молодёжи»'],
    ],
    gov: [
      [9001, 'Управление образования Администрации города Твери'],
      [9002, 'Министерство образования Тверской области'],
    ],
  };
  // [guess] The text of the server's HTTP 409 answer is unknown; this one is invented.
  var WRONG_CREDENTIALS = 'Неправильный логин или пароль';
  // [guess] Госуслуги-only mode: the text is invented.
  var GOS_ONLY_NOTE = 'Вход по логину и паролю отключён. Войдите через Госуслуги.';

  var tab = 'school';
  var selectedOrg = V.org === 'empty' ? '' : String(ORGS.school[0][0]);

  function gosHtml() {
    if (V.gos === 'link') return '<a class="gos-link" href="/authorize/sso/esia/login">Войти через госуслуги</a>';
    // The word «Госуслуги» is only in the image, which has no alt.
    return '<div class="gosbutton" ng-click="loginViaEsia()"><span>' + T('Через') + '</span><img src="/replica-assets/gos-logo.svg"></div>';
  }

  function formHtml() {
    return '' +
      '<div class="login-divider">или</div>' +
      '<h2>Вход через логин и пароль</h2>' +
      '<div class="login-error-slot"></div>' +
      '<ul class="login-tabs" role="tablist">' +
        '<li class="active"><a data-tab="school" role="tab">Организация</a></li>' +
        '<li><a data-tab="gov" role="tab">Орган управления</a></li>' +
      '</ul>' +
      '<form name="loginForm" novalidate autocomplete="off">' +
        '<div class="login-field" id="org"><label class="org-label">Образовательная организация</label><div class="org-picker"></div></div>' +
        '<div class="login-field" id="login"><label>Логин</label>' +
          '<input class="form-control" type="text" name="loginname" autocomplete="username"></div>' +
        '<div class="login-field" id="password"><label>Пароль</label>' +
          '<input class="form-control" type="password" name="password" autocomplete="current-password"></div>' +
        '<div class="login-extra">' +
          '<label><input type="checkbox" name="rememberMe"> Оставаться в системе</label>' +
          '<a class="forgot-link" ng-click="forgotPassword()">Забыли пароль?</a>' +
        '</div>' +
        '<div class="primary-button" ng-click="login()">' + T('Войти') + '</div>' +
      '</form>';
  }

  function pageHtml() {
    return '' +
      '<div class="login-page">' +
        '<header class="login-header"><div class="container-fluid">' +
          '<span class="sgo-brand"><img class="sgo-brand-mark" src="/replica-assets/sgo-mark.svg" alt=""><span>Сетевой Город. Образование</span></span>' +
          '<span class="login-region">Тверская область</span>' +
        '</div></header>' +
        '<div class="login-card">' +
          '<h1>Вход в систему</h1>' +
          gosHtml() +
          (V.gosonly === '1' ? '<p class="login-note">' + GOS_ONLY_NOTE + '</p>' : formHtml()) +
        '</div>' +
        '<div class="login-footer">© ИрТех · Сетевой Город. Образование</div>' +
      '</div>';
  }

  // ---------- select2-like picker over a hidden select[name=org] ----------
  function renderPicker(root) {
    var host = root.querySelector('.org-picker');
    var list = ORGS[tab];
    var placeholder = tab === 'school' ? 'Выберите организацию' : 'Выберите орган управления';
    root.querySelector('.org-label').textContent = tab === 'school' ? 'Образовательная организация' : 'Орган управления';
    host.innerHTML =
      '<select name="org" class="select2-hidden-accessible" tabindex="-1" aria-hidden="true">' +
        '<option value=""></option>' +
        list.map(function (o) {
          return '<option value="' + o[0] + '"' + (String(o[0]) === selectedOrg ? ' selected' : '') + '>' + esc(o[1]) + '</option>';
        }).join('') +
      '</select>' +
      '<span class="select2 select2-container select2-container--default" dir="ltr" style="width: 100%;">' +
        '<span class="selection"><span class="select2-selection select2-selection--single" role="combobox" aria-haspopup="true" aria-expanded="false" tabindex="0">' +
          '<span class="select2-selection__rendered"></span>' +
          '<span class="select2-selection__arrow" role="presentation"><b role="presentation"></b></span>' +
        '</span></span>' +
      '</span>';
    var select = host.querySelector('select');
    var container = host.querySelector('.select2-container');
    var selection = host.querySelector('.select2-selection');
    var rendered = host.querySelector('.select2-selection__rendered');

    function showValue() {
      var opt = select.options[select.selectedIndex];
      if (opt && opt.value) {
        rendered.textContent = opt.textContent;
        rendered.title = opt.textContent;
      } else {
        rendered.innerHTML = '<span class="select2-selection__placeholder">' + placeholder + '</span>';
        rendered.removeAttribute('title');
      }
    }
    showValue();
    select.addEventListener('change', function () { selectedOrg = select.value; showValue(); });

    var dropdown = null;
    function close() {
      if (!dropdown) return;
      dropdown.parentNode.removeChild(dropdown);
      dropdown = null;
      container.classList.remove('select2-container--open');
      selection.setAttribute('aria-expanded', 'false');
      document.removeEventListener('mousedown', outside, true);
    }
    function outside(e) { if (dropdown && !dropdown.contains(e.target) && !container.contains(e.target)) close(); }
    function open() {
      if (dropdown) { close(); return; }
      var r = container.getBoundingClientRect();
      dropdown = document.createElement('span');
      dropdown.className = 'select2-container select2-container--default select2-container--open';
      dropdown.style.cssText = 'position:absolute;left:' + (r.left + scrollX) + 'px;top:' + (r.bottom + scrollY) + 'px;width:' + r.width + 'px;';
      dropdown.innerHTML =
        '<span class="select2-dropdown select2-dropdown--below" dir="ltr" style="width:' + r.width + 'px">' +
          '<span class="select2-search select2-search--dropdown"><input class="select2-search__field" type="search" tabindex="0" autocomplete="off" role="textbox"></span>' +
          '<span class="select2-results"><ul class="select2-results__options" role="tree"></ul></span>' +
        '</span>';
      document.body.appendChild(dropdown);
      container.classList.add('select2-container--open');
      selection.setAttribute('aria-expanded', 'true');
      var search = dropdown.querySelector('.select2-search__field');
      var ul = dropdown.querySelector('ul');
      function fill() {
        var term = search.value.trim().toLowerCase();
        var items = list.filter(function (o) { return !term || o[1].toLowerCase().indexOf(term) >= 0; });
        ul.innerHTML = items.length ? items.map(function (o) {
          return '<li class="select2-results__option" role="treeitem" aria-selected="' + (String(o[0]) === select.value) + '" data-value="' + o[0] + '">' + esc(o[1]) + '</li>';
        }).join('') : '<li class="select2-results__option select2-results__message">Совпадений не найдено</li>';
      }
      fill();
      search.addEventListener('input', fill);
      search.addEventListener('keydown', function (e) {
        if (e.key === 'Escape') close();
        if (e.key === 'Enter') {
          e.preventDefault();
          var first = ul.querySelector('[data-value]');
          if (first) pick(first.getAttribute('data-value'));
        }
      });
      ul.addEventListener('mouseover', function (e) {
        var li = e.target.closest('[data-value]');
        Array.prototype.forEach.call(ul.children, function (c) { c.classList.toggle('select2-results__option--highlighted', c === li); });
      });
      ul.addEventListener('mouseup', function (e) {
        var li = e.target.closest('[data-value]');
        if (li) pick(li.getAttribute('data-value'));
      });
      document.addEventListener('mousedown', outside, true);
      search.focus();
    }
    function pick(v) {
      select.value = v;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      close();
      clearError(root.querySelector('#org'));
      selection.focus();
    }
    selection.addEventListener('mousedown', function (e) { e.preventDefault(); open(); });
    selection.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ' || e.key === 'ArrowDown') { e.preventDefault(); open(); }
    });
  }

  // ---------- validation and submit ----------
  function setError(field, text) {
    field.classList.add('has-error');
    var m = field.querySelector('.error-message');
    if (!m) {
      m = document.createElement('div');
      m.className = 'error-message';
      field.appendChild(m);
    }
    m.textContent = text;
  }
  function clearError(field) {
    if (!field) return;
    field.classList.remove('has-error');
    var m = field.querySelector('.error-message');
    if (m) m.parentNode.removeChild(m);
  }
  function showServerError(root, text) {
    root.querySelector('.login-error-slot').innerHTML = '<div class="alert alert-danger login-error" role="alert">' + esc(text) + '</div>';
  }

  var busy = false;
  function submit(root) {
    if (busy) return;
    var loginField = root.querySelector('#login');
    var passField = root.querySelector('#password');
    var orgField = root.querySelector('#org');
    var loginname = root.querySelector('input[name=loginname]').value.trim();
    var password = root.querySelector('input[name=password]').value;
    var ok = true;
    root.querySelector('.login-error-slot').innerHTML = '';
    if (!selectedOrg) { setError(orgField, 'Выберите организацию'); ok = false; } // [guess] text
    if (!loginname) { setError(loginField, 'Заполните логин'); ok = false; } else clearError(loginField);
    if (!password) { setError(passField, 'Заполните пароль'); ok = false; } else clearError(passField);
    if (!ok) return;
    busy = true;
    var btn = root.querySelector('.primary-button');
    btn.classList.add('disabled');
    // Emulated POST of the credentials (no request leaves the page).
    SGO.wait(SGO.delay > 0 ? 500 : 150).then(function () {
      busy = false;
      btn.classList.remove('disabled');
      if (V.login === 'error' || password === 'wrong') {
        // Emulated HTTP 409 with the server's message.
        showServerError(root, WRONG_CREDENTIALS);
        root.querySelector('input[name=password]').value = '';
        return;
      }
      SGO.markLoggedIn();
      SGO.go(SGO.landingPath());
    });
  }

  SGO.boot({ auth: false }, function (app) {
    app.innerHTML = pageHtml();
    var gos = app.querySelector('.gosbutton');
    if (gos) gos.addEventListener('click', function () { SGO.go('/authorize/sso/esia/login'); });
    if (V.gosonly === '1') return;

    renderPicker(app);
    Array.prototype.forEach.call(app.querySelectorAll('[data-tab]'), function (a) {
      a.addEventListener('click', function (e) {
        e.preventDefault();
        if (a.getAttribute('data-tab') === tab) return;
        tab = a.getAttribute('data-tab');
        selectedOrg = tab === 'school' && V.org !== 'empty' ? String(ORGS.school[0][0]) : '';
        Array.prototype.forEach.call(app.querySelectorAll('.login-tabs li'), function (li) {
          li.classList.toggle('active', li.firstChild === a);
        });
        clearError(app.querySelector('#org'));
        renderPicker(app);
      });
    });
    app.querySelector('form').addEventListener('submit', function (e) { e.preventDefault(); submit(app); });
    app.querySelector('.primary-button').addEventListener('click', function () { submit(app); });
    Array.prototype.forEach.call(app.querySelectorAll('input[name=loginname], input[name=password]'), function (i) {
      i.addEventListener('keydown', function (e) {
        if (e.key === 'Enter') { e.preventDefault(); submit(app); }
      });
      i.addEventListener('input', function () { clearError(i.parentNode); });
    });
    app.querySelector('.forgot-link').addEventListener('click', function (e) {
      e.preventDefault();
      // [guess] The real page leads to a recovery form; the replica only explains.
      showServerError(app, 'Для восстановления пароля обратитесь к администратору вашей образовательной организации.');
      app.querySelector('.login-error').className = 'alert alert-warning';
    });

    if (V.login === 'error') {
      // State right after a rejected attempt: login kept, password cleared, server message shown.
      app.querySelector('input[name=loginname]').value = SGO.user().login;
      showServerError(app, WRONG_CREDENTIALS);
    }
  });
})();
