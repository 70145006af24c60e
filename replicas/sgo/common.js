/*
 * Shared runtime of the sgo.tvobr.ru replica («Сетевой Город. Образование»).
 *
 * - Variants: read from the query string, kept in sessionStorage for the tab so a
 *   form POST or a link without a query keeps them. Opening a URL that has variants
 *   starts a fresh mock session (the previous state is dropped); a reload or
 *   back/forward with the same variants keeps it. `?reset=1` clears everything.
 * - Mock session: logged-in flag, the `at` token and `VER` of NetSchool's POST navigation,
 *   issued certificates per student.
 * - Late rendering: pages ship a shell and `.apploader`; content is built here after
 *   `delay` ms, then `data-replica-ready` is set on <html>.
 *
 * No inline scripts or handlers are used anywhere, so the pages can later run
 * under an extension's CSP. Comments in English, page text in Russian.
 */
(function (global) {
  'use strict';

  var NS = 'sgoReplica:';

  /** Query parameters that are variants (see README.md for their meaning). */
  var KEYS = [
    'delay', 'prefix', 'narrow', 'name', 'auth',
    'login', 'gosonly', 'gos', 'org',
    'role', 'children', 'age', 'age2', 'age3', 'age18', 'young', 'pick',
    'panel', 'state', 'fail', 'status', 'dates', 'file', 'ro', 'category',
    'navigator', 'case', 'email',
  ];

  // ---------- sessionStorage helpers ----------
  function sget(k, def) {
    try {
      var v = sessionStorage.getItem(NS + k);
      return v == null ? def : JSON.parse(v);
    } catch (e) { return def; }
  }
  function sset(k, v) { try { sessionStorage.setItem(NS + k, JSON.stringify(v)); } catch (e) { /* private mode */ } }
  function clearAll() {
    try {
      var drop = [];
      for (var i = 0; i < sessionStorage.length; i++) {
        var k = sessionStorage.key(i);
        if (k && k.indexOf(NS) === 0) drop.push(k);
      }
      drop.forEach(function (k) { sessionStorage.removeItem(k); });
    } catch (e) { /* ignore */ }
  }

  // ---------- variants ----------
  var query = new URLSearchParams(location.search);
  if (query.get('reset') === '1') clearAll();
  var fromQuery = {};
  KEYS.forEach(function (k) { if (query.has(k)) fromQuery[k] = query.get(k); });
  var sig = JSON.stringify(Object.keys(fromQuery).sort().map(function (k) { return [k, fromQuery[k]]; }));
  // Opening a URL with variants starts a fresh mock session; a reload (also of a POST)
  // or back/forward with the same variants keeps the state (e.g. an issued certificate).
  var nav = (performance.getEntriesByType && performance.getEntriesByType('navigation')[0]) || {};
  var keep = nav.type === 'reload' || nav.type === 'back_forward';
  if (Object.keys(fromQuery).length && !(keep && sget('sig') === sig)) {
    clearAll();
    sset('sig', sig);
    sset('variants', fromQuery);
  }
  var V = sget('variants', {}) || {};

  var delay = parseInt(V.delay, 10);
  if (isNaN(delay) || delay < 0) delay = 800;

  // ---------- small utilities ----------
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  /** Button / title words: uppercased in markup for `case=upper`. */
  function T(s) { return V['case'] === 'upper' ? s.toUpperCase() : s; }
  function pad(n, w) { n = String(n); while (n.length < (w || 2)) n = '0' + n; return n; }
  function fmtDate(d) { return pad(d.getDate()) + '.' + pad(d.getMonth() + 1) + '.' + d.getFullYear(); }
  function today() { var d = new Date(); return new Date(d.getFullYear(), d.getMonth(), d.getDate()); }
  function wait(ms) { return new Promise(function (r) { setTimeout(r, Math.max(0, ms)); }); }
  function randomHex(n) {
    var s = '';
    for (var i = 0; i < n; i++) s += Math.floor(Math.random() * 16).toString(16);
    return s;
  }
  function ageParam(v, def) {
    if (v == null || v === '') return def;
    if (v === 'out' || v === 'under') return 4;
    if (v === 'over') return 19;
    var n = parseInt(v, 10);
    return isNaN(n) ? def : n;
  }
  /** A birth date giving exactly `age` full years today (birthday ~4.5 months ago). */
  function birthForAge(age) {
    var t = today();
    return new Date(t.getFullYear() - age, t.getMonth(), t.getDate() - 137);
  }
  function fullYears(birth) {
    var t = today();
    var y = t.getFullYear() - birth.getFullYear();
    if (t.getMonth() < birth.getMonth() || (t.getMonth() === birth.getMonth() && t.getDate() < birth.getDate())) y--;
    return y;
  }

  // ---------- mock people ----------
  var PARENT = {
    id: 30517, role: 'parent', last: 'Смирнова', first: 'Елена', middle: 'Викторовна',
    birth: new Date(1986, 3, 12), login: 'SmirnovaEV', email: 'smirnova.ev@example.ru', phone: '+7 (910) 555-12-34',
  };
  var KIDS = [
    { id: 41872, last: 'Смирнов', first: 'Артём', middle: 'Игоревич', defAge: 10, cls: '4А', login: 'SmirnovAI' },
    { id: 41873, last: 'Смирнова', first: 'Дарья', middle: 'Игоревна', defAge: 15, cls: '9Б', login: 'SmirnovaDI' },
    { id: 41874, last: 'Смирнов', first: 'Максим', middle: 'Игоревич', defAge: 7, cls: '1В', login: 'SmirnovMI' },
  ];
  var AGE_KEYS = ['age', 'age2', 'age3'];

  function kid(i, ageKey) {
    var k = KIDS[i];
    var age = ageParam(V[ageKey], k.defAge);
    return {
      id: k.id, role: 'student', last: k.last, first: k.first, middle: k.middle, cls: k.cls, login: k.login,
      age: age, birth: birthForAge(age), email: '', phone: '',
    };
  }

  /** Children of the parent (variant `children`, 1..3; `age`, `age2`, `age3`). */
  function children() {
    var n = parseInt(V.children, 10);
    if (isNaN(n) || n < 1) n = 1;
    if (n > 3) n = 3;
    var list = [];
    for (var i = 0; i < n; i++) list.push(kid(i, AGE_KEYS[i]));
    return list;
  }

  /** The logged-in user: the parent, or the pupil for `role=pupil` (default 15 years, `age`). */
  function user() {
    if (V.role === 'pupil') {
      var p = kid(1, 'age');
      p.role = 'pupil';
      p.age = ageParam(V.age, 15);
      p.birth = birthForAge(p.age);
      p.email = 'darya.smirnova@example.ru';
      p.phone = '';
      return p;
    }
    var u = {};
    for (var k in PARENT) u[k] = PARENT[k];
    u.birth = new Date(PARENT.birth.getTime());
    if (V.email === 'empty' || V.fail === 'email') u.email = '';
    return u;
  }
  function fio(p) { return p.last + ' ' + p.first + ' ' + p.middle; }
  function headerName(p) {
    return V.name === 'short' ? p.last + ' ' + p.first.charAt(0) + '. ' + p.middle.charAt(0) + '.' : fio(p);
  }

  /** Age window of the certificate: 5..17 full years; 18 only with `age18=in` [guess]. */
  function ageEligible(age) { return age >= 5 && (age <= 17 || (age === 18 && V.age18 === 'in')); }

  // ---------- navigation (also on the training portal) ----------
  /**
   * Navigates to a portal path. On the training portal (the replica running as an extension page)
   * the training page does it (`window.pfdoReplicaNav`, set by `training/boot.js`); on the portal
   * host the browser does. opts: {replace?: boolean, method?: 'POST'}.
   */
  function go(url, opts) {
    opts = opts || {};
    if (window.pfdoReplicaNav) return window.pfdoReplicaNav(url, opts);
    if (opts.replace) location.replace(url);
    else location.assign(url);
  }

  // ---------- mock session ----------
  function isLoggedIn() { return sget('auth') === 'in'; }
  function markLoggedIn() {
    sset('auth', 'in');
    if (!sget('at')) sset('at', randomHex(40));
    sset('ver', Math.floor(Date.now() / 1000));
  }
  function logout() {
    sset('auth', 'out');
    sset('at', null);
    go('/authorize/login');
  }
  /**
   * Pages after login: a session that never logged in is logged in implicitly (so any
   * page URL can be opened directly); after «Выход», or with `auth=strict`, go to login.
   */
  function ensureAuth() {
    var a = sget('auth');
    if (a === 'in') return true;
    if (a === 'out' || V.auth === 'strict') {
      go('/authorize/login', { replace: true });
      return false;
    }
    markLoggedIn();
    return true;
  }

  // ---------- navigation ----------
  function isLegacy() { return /^\/asp\//i.test(location.pathname); }
  function prefix() {
    var p = location.pathname;
    if (/^\/app\//i.test(p)) return '/app';
    if (/^\/angular\//i.test(p)) return '/angular';
    return V.prefix === 'app' ? '/app' : '/angular';
  }
  function landingPath() { return prefix() + '/school/studentdiary/'; }
  function settingsPath() { return isLegacy() ? '/asp/MySettings/MySettings.asp' : prefix() + '/school/mysettings/'; }

  /** NetSchool's page navigation: a form POST with hidden `at` and `VER`. */
  function postNav(action) {
    if (window.pfdoReplicaNav) return window.pfdoReplicaNav(action, { method: 'POST' });
    var f = document.createElement('form');
    f.method = 'post';
    f.action = action;
    f.style.display = 'none';
    [['at', sget('at') || ''], ['VER', String(sget('ver') || '')]].forEach(function (p) {
      var i = document.createElement('input');
      i.type = 'hidden';
      i.name = p[0];
      i.value = p[1];
      f.appendChild(i);
    });
    document.body.appendChild(f);
    f.submit();
  }

  // ---------- header of the pages after login ----------
  var SCHOOL = 'МОУ «Средняя общеобразовательная школа № 17»';
  var MENU = [
    ['diary', 'Дневник', 'openDiary()'],
    ['schedule', 'Расписание', 'openSchedule()'],
    ['assignments', 'Задания', 'openAssignments()'],
    ['reports', 'Отчёты', 'openReports()'],
    ['resources', 'Школьные ресурсы', 'openResources()'],
    ['announcements', 'Объявления', 'openAnnouncements()'],
  ];

  function headerHtml(active) {
    var u = user();
    var name = esc(headerName(u));
    var role = u.role === 'parent' ? 'Родитель' : 'Ученик';
    var h = '' +
      '<header class="sgo-header" role="banner"><div class="container-fluid">' +
        '<a class="sgo-brand" ng-click="openDiary()"><img class="sgo-brand-mark" src="/replica-assets/sgo-mark.svg" alt="">' +
          '<span>Сетевой Город. Образование</span></a>' +
        '<div class="sgo-school"><b>' + esc(SCHOOL) + '</b> · ' + role + '</div>' +
        '<ul class="header-user">' +
          '<li><a class="user-link" ng-click="openPersonalSettings()">' +
            '<span class="glyphicon glyphicon-user" title="Персональные настройки"></span>' +
            '<span class="hidden-scr-sm" title="Персональные настройки">' + name + '</span></a></li>' +
          '<li><a class="logout-link" ng-click="logout()"><span class="glyphicon glyphicon-log-out"></span><span>Выход</span></a></li>' +
        '</ul>' +
      '</div></header>';
    if (!isLegacy()) {
      h += '<nav class="main-menu"><ul>' + MENU.map(function (m) {
        return '<li' + (m[0] === active ? ' class="active"' : '') + '><a data-menu="' + m[0] + '" ng-click="' + m[2] + '">' + m[1] + '</a></li>';
      }).join('') + '</ul></nav>';
    }
    return h;
  }

  function wireHeader(root) {
    var link = root.querySelector('.user-link');
    if (link) link.addEventListener('click', function (e) { e.preventDefault(); postNav(settingsPath()); });
    var out = root.querySelector('.logout-link');
    if (out) out.addEventListener('click', function (e) { e.preventDefault(); logout(); });
    var brand = root.querySelector('.sgo-brand');
    if (brand) brand.addEventListener('click', function (e) { e.preventDefault(); postNav(landingPath()); });
    Array.prototype.forEach.call(root.querySelectorAll('[data-menu]'), function (a) {
      a.addEventListener('click', function (e) {
        e.preventDefault();
        // Only the diary exists in the replica; other sections are inert.
        if (a.getAttribute('data-menu') === 'diary') postNav(landingPath());
      });
    });
  }

  // ---------- Bootstrap-like modal ----------
  function showModal(el) {
    var bd = document.createElement('div');
    bd.className = 'modal-backdrop fade';
    document.body.appendChild(bd);
    el.style.display = 'block';
    el.setAttribute('aria-hidden', 'false');
    void el.offsetWidth; // reflow so the fade runs
    el.classList.add('in');
    bd.classList.add('in');
    document.body.classList.add('modal-open');
  }
  function hideModal(el) {
    el.classList.remove('in');
    el.style.display = 'none';
    el.setAttribute('aria-hidden', 'true');
    Array.prototype.forEach.call(document.querySelectorAll('.modal-backdrop'), function (b) { b.parentNode.removeChild(b); });
    document.body.classList.remove('modal-open');
  }
  function wireModal(el) {
    Array.prototype.forEach.call(el.querySelectorAll('[data-dismiss="modal"]'), function (b) {
      b.addEventListener('click', function () { hideModal(el); });
    });
    el.addEventListener('click', function (e) { if (e.target === el) hideModal(el); });
  }
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    Array.prototype.forEach.call(document.querySelectorAll('.modal.in'), hideModal);
  });

  // ---------- late rendering ----------
  /**
   * Renders a page after `delay` ms: `build(app)` fills #app and may return a promise
   * for a later stage; `data-replica-ready` is set when everything has rendered.
   * @param {{auth?: boolean}} opts auth: the page needs a logged-in session
   */
  function boot(opts, build) {
    var html = document.documentElement;
    if (V.narrow === '1') html.classList.add('narrow');
    if (V['case'] === 'css') html.classList.add('case-css');
    if (opts.auth && !ensureAuth()) return;
    function run() {
      var app = document.getElementById('app');
      var late = build(app);
      var loader = document.querySelector('.apploader');
      if (loader) loader.parentNode.removeChild(loader);
      Promise.resolve(late).then(function () { html.setAttribute('data-replica-ready', ''); });
    }
    if (delay > 0) setTimeout(run, delay); else run();
  }

  global.SGO = {
    V: V, delay: delay, sget: sget, sset: sset, clearAll: clearAll,
    esc: esc, T: T, pad: pad, fmtDate: fmtDate, today: today, wait: wait, fullYears: fullYears,
    user: user, children: children, fio: fio, headerName: headerName, ageEligible: ageEligible,
    isLoggedIn: isLoggedIn, markLoggedIn: markLoggedIn, logout: logout, ensureAuth: ensureAuth,
    isLegacy: isLegacy, prefix: prefix, landingPath: landingPath, settingsPath: settingsPath, postNav: postNav, go: go,
    SCHOOL: SCHOOL, headerHtml: headerHtml, wireHeader: wireHeader,
    showModal: showModal, hideModal: hideModal, wireModal: wireModal, boot: boot,
  };
})(window);
