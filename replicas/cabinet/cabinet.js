/*
 * Replica of cabinet.ruobr.ru: shared mock state, variants and Semantic-like widgets.
 * Loaded synchronously in <head> of every replica page, before the page's own script.
 *
 * Everything lives in sessionStorage (no server logic):
 *   cabinet.replica.variants  switchable variants (guesses / unknowns), set by the query string;
 *   cabinet.replica.state     the mock session: logged-in flag, children's documents, requests,
 *                             certificates, and the letters of the training mailbox.
 *
 * Query parameters (any page):
 *   reset=1          clear state and variants first;
 *   state=...        preset the first child's progress and log in:
 *                    logged-in | document-saved | mail-sent | confirmed | issued;
 *   caps=markup|css  menu/button capitals in the markup (default) or via CSS text-transform;
 *   children=1|2     one child (default) or two;
 *   esia=up|down     «Вход через Госуслуги временно не доступен.» and a disabled button;
 *   login=ok|error   password sign-in succeeds (default) or fails; in the URL it also shows the error now;
 *   esia_only=0|1    password sign-in always fails, with a note that sign-in is by Госуслуги only;
 *   delay=ms         how late the request page's children block arrives (default 600);
 *   date=text|native «Дата выдачи» as a DD.MM.YYYY text input (default) or <input type=date>;
 *   certbtn=disabled|errors  «ПОЛУЧИТЬ СЕРТИФИКАТ» disabled until both selects are set (default),
 *                    or always enabled and showing errors;
 *   star=text|css    required mark in the certificate dialog as a «★» character (default) or a CSS asterisk;
 *   typo=0|1         button «Подать заявление на получение сертификат» (wording of the 2019 seed).
 * Page-only parameters (not persisted): open=document|email|certificate, child=c1|c2, error=missing|invalid.
 */
(function () {
  'use strict';

  var VKEY = 'cabinet.replica.variants';
  var SKEY = 'cabinet.replica.state';
  var LKEY = 'cabinet.replica.loginAttempt';

  /** Allowed values of each variant; the first one is the default. */
  var VARIANTS = {
    caps: ['markup', 'css'],
    children: ['1', '2'],
    esia: ['up', 'down'],
    login: ['ok', 'error'],
    esia_only: ['0', '1'],
    date: ['text', 'native'],
    certbtn: ['disabled', 'errors'],
    star: ['text', 'css'],
    typo: ['0', '1'],
  };
  var DEFAULT_DELAY = 600;

  var q = new URLSearchParams(location.search);

  function readJson(key) {
    try {
      return JSON.parse(sessionStorage.getItem(key) || 'null');
    } catch (e) {
      return null;
    }
  }

  if (q.get('reset') === '1') {
    sessionStorage.removeItem(VKEY);
    sessionStorage.removeItem(SKEY);
    // LKEY is kept: a login form on a ?reset=1 URL posts back to that URL, and the attempt
    // must survive it (the login page consumes it at once).
  }

  // ---------- variants ----------
  var variants = readJson(VKEY) || {};
  Object.keys(VARIANTS).forEach(function (k) {
    if (q.has(k) && VARIANTS[k].indexOf(q.get(k)) >= 0) variants[k] = q.get(k);
    if (VARIANTS[k].indexOf(variants[k]) < 0) variants[k] = VARIANTS[k][0];
  });
  if (q.has('delay') && /^\d+$/.test(q.get('delay'))) variants.delay = Math.min(Number(q.get('delay')), 30000);
  if (typeof variants.delay !== 'number') variants.delay = DEFAULT_DELAY;
  sessionStorage.setItem(VKEY, JSON.stringify(variants));

  // ---------- fixed replica data (fictional people) ----------
  var PARENT = { name: 'Смирнова Елена Викторовна', short: 'Смирнова Е. В.' };
  var CHILDREN = [
    {
      id: 'c1',
      name: 'Смирнов Артём Андреевич',
      initials: 'СА',
      age: '15 лет',
      school: 'МБОУ «Основная общеобразовательная школа № 3»',
      grade: '9 «Б»',
      certNumber: '4207000002',
      statementNo: '458',
    },
    {
      id: 'c2',
      name: 'Смирнова Дарья Андреевна',
      initials: 'СД',
      age: '9 лет',
      school: 'МБОУ «Основная общеобразовательная школа № 3»',
      grade: '3 «А»',
      certNumber: '4207000003',
      statementNo: '459',
    },
  ];
  var MUNICIPALITY = 'г. Киселевск';
  var DOC_TYPES = [
    { value: '1', label: 'Свидетельство о рождении' },
    { value: '2', label: 'Паспорт гражданина РФ' },
    { value: '3', label: 'Свидетельство о рождении (иностранное)' },
    { value: '4', label: 'Временное удостоверение личности' },
  ];
  var CERT_GROUPS = [
    { value: '1', label: 'Дети в возрасте от 5 до 18 лет' },
    { value: '2', label: 'Дети в возрасте от 5 до 18 лет (сертификат учёта)' },
  ];
  /** Document used by the presets (from the 2019 seed). */
  var PRESET_DOCUMENT = {
    type: '1',
    typeLabel: 'Свидетельство о рождении',
    series: 'III-ПО',
    number: '537155',
    issuedAt: '20.05.2011',
    issuedBy: 'Отдел ЗАГС г. Киселевска Кузбасса',
    fileName: 'svidetelstvo.jpg',
  };
  var PRESET_EMAIL = 'roditel@example.com';
  var PRESET_CREATED = '11.06.2019 11:10:59';

  // ---------- state ----------
  function emptyChild() {
    return { documents: [], request: null, certificate: null };
  }
  function emptyState() {
    return { loggedIn: false, children: { c1: emptyChild(), c2: emptyChild() }, letters: [], hideVideoNote: false };
  }
  var state = readJson(SKEY) || emptyState();
  if (!state.children) state.children = {};
  CHILDREN.forEach(function (c) {
    if (!state.children[c.id]) state.children[c.id] = emptyChild();
  });
  if (!state.letters) state.letters = [];

  function save() {
    sessionStorage.setItem(SKEY, JSON.stringify(state));
  }

  var LEVELS = ['logged-in', 'document-saved', 'mail-sent', 'confirmed', 'issued'];

  function letterFor(child, req) {
    return {
      id: 'l' + Date.now().toString(36) + Math.random().toString(36).slice(2, 6),
      to: req.email,
      childId: child.id,
      token: req.token,
      subject: 'Заявка на сертификат ПДО. Подтверждение электронной почты',
      at: req.sentAt,
      read: false,
    };
  }

  /** Sets the first child's progress to a preset level (other children start empty). */
  function preset(level) {
    var idx = LEVELS.indexOf(level);
    if (idx < 0) return;
    state = emptyState();
    state.loggedIn = true;
    var child = CHILDREN[0];
    var cs = state.children[child.id];
    if (idx >= 1) cs.documents = [Object.assign({ id: 'd1' }, PRESET_DOCUMENT)];
    if (idx >= 2) {
      cs.request = { email: PRESET_EMAIL, token: child.id + '-replica', sentAt: nowString(), confirmed: false };
      state.letters.push(letterFor(child, cs.request));
    }
    if (idx >= 3) cs.request.confirmed = true;
    if (idx >= 4) {
      cs.certificate = {
        number: child.certNumber,
        group: CERT_GROUPS[0].label,
        documentLabel: docLabel(cs.documents[0], true),
        created: PRESET_CREATED,
        status: 'Не активирован',
      };
    }
  }
  if (q.has('state')) preset(q.get('state'));
  save();

  // ---------- helpers ----------
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (ch) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch];
    });
  }

  /** «Свидетельство о рождении серия III-ПО № 537155» (lower=true: «свидетельство о рождении …»). */
  function docLabel(doc, lower) {
    var t = doc.typeLabel + ' серия ' + doc.series + ' № ' + doc.number;
    return lower ? t.charAt(0).toLowerCase() + t.slice(1) : t;
  }

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }
  function nowString() {
    var d = new Date();
    return pad(d.getDate()) + '.' + pad(d.getMonth() + 1) + '.' + d.getFullYear() + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  }

  /** Children shown to this parent (variant children=1|2). */
  function children() {
    return CHILDREN.slice(0, variants.children === '2' ? 2 : 1);
  }
  function childById(id) {
    return children().filter(function (c) {
      return c.id === id;
    })[0];
  }

  /**
   * Text that the portal shows in capitals: in the markup (default) or via CSS (caps=css).
   * @returns HTML
   */
  function caps(text) {
    return variants.caps === 'css' ? '<span class="tt-upper">' + esc(text) + '</span>' : esc(text.toUpperCase());
  }
  /** Applies the caps variant to static markup: elements carry the sentence-case text in data-caps. */
  function applyCaps(root) {
    if (variants.caps !== 'css') return;
    Array.prototype.forEach.call((root || document).querySelectorAll('[data-caps]'), function (el) {
      el.textContent = el.getAttribute('data-caps');
      el.classList.add('tt-upper');
    });
  }

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

  /** Sends a logged-out visitor to the login page (as Django's login_required does). */
  function requireLogin() {
    if (state.loggedIn) return true;
    // `next` is the full path as Django builds it, minus our `reset` (it would log out again).
    var rest = new URLSearchParams(location.search);
    rest.delete('reset');
    var path = location.pathname + (rest.toString() ? '?' + rest.toString() : '');
    // Django keeps slashes readable in `next` (/login/?next=/services/dop/).
    go('/login/?next=' + encodeURIComponent(path).replace(/%2F/g, '/'), { replace: true });
    return false;
  }

  var readySet = false;
  /** Marks the page as fully rendered for tests (data-replica-ready on <html>). */
  function ready() {
    if (readySet) return;
    readySet = true;
    document.documentElement.setAttribute('data-replica-ready', '');
  }

  /** Fills the header's user name, the variants of static markup, and the logout link. */
  function initShell() {
    applyCaps(document);
    Array.prototype.forEach.call(document.querySelectorAll('[data-user-name]'), function (el) {
      el.textContent = PARENT.short;
    });
  }

  // ---------- Semantic-like modal ----------
  var ANIM_IN = 300;
  var ANIM_OUT = 200;

  function dimmer() {
    var d = document.querySelector('.ui.page.dimmer.modals');
    if (!d) {
      d = document.createElement('div');
      d.className = 'ui page dimmer modals';
      d.addEventListener('mousedown', function (e) {
        if (e.target === d) {
          var m = d.querySelector('.ui.modal.visible.active');
          if (m) closeModal(m);
        }
      });
      document.body.appendChild(d);
    }
    return d;
  }

  /**
   * Opens a hidden `.ui.modal` with the dimmer and a scale-in animation.
   * @param modal the modal element
   * @param done called when the animation has finished
   */
  function openModal(modal, done) {
    var d = dimmer();
    d.appendChild(modal);
    document.body.classList.add('dimmable', 'dimmed');
    d.classList.remove('out');
    d.classList.add('transition', 'visible', 'active', 'animating', 'in');
    modal.classList.remove('out', 'hidden');
    modal.classList.add('transition', 'visible', 'active', 'animating', 'in');
    setTimeout(function () {
      d.classList.remove('animating', 'in');
      modal.classList.remove('animating', 'in');
      var first = modal.querySelector('select, input:not([type=hidden]):not([type=file]), textarea');
      if (first) first.focus();
      if (done) done();
    }, ANIM_IN);
  }

  /** Closes a modal with a scale-out animation. */
  function closeModal(modal, done) {
    var d = dimmer();
    modal.classList.add('animating', 'out');
    d.classList.add('animating', 'out');
    setTimeout(function () {
      modal.classList.remove('visible', 'active', 'animating', 'out', 'transition');
      modal.classList.add('hidden');
      if (!d.querySelector('.ui.modal.visible')) {
        d.classList.remove('visible', 'active', 'animating', 'out', 'transition');
        document.body.classList.remove('dimmed');
      }
      if (done) done();
    }, ANIM_OUT);
  }

  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    var m = document.querySelector('.ui.modal.visible.active');
    if (m) closeModal(m);
  });

  // ---------- Semantic-like form errors ----------
  /** Shows an error prompt under a field (`.field.error` + pointing red label). */
  function fieldError(field, text) {
    field.classList.add('error');
    var p = field.querySelector('.ui.prompt.label');
    if (!p) {
      p = document.createElement('div');
      p.className = 'ui basic red pointing prompt label';
      p.setAttribute('role', 'alert');
      field.appendChild(p);
    }
    p.textContent = text;
  }
  function clearErrors(form) {
    Array.prototype.forEach.call(form.querySelectorAll('.field.error'), function (f) {
      f.classList.remove('error');
    });
    Array.prototype.forEach.call(form.querySelectorAll('.ui.prompt.label'), function (p) {
      p.remove();
    });
  }

  window.Cabinet = {
    query: q,
    variants: variants,
    get state() {
      return state;
    },
    save: save,
    PARENT: PARENT,
    CHILDREN: CHILDREN,
    MUNICIPALITY: MUNICIPALITY,
    DOC_TYPES: DOC_TYPES,
    CERT_GROUPS: CERT_GROUPS,
    PRESET_EMAIL: PRESET_EMAIL,
    PRESET_DOCUMENT: PRESET_DOCUMENT,
    LEVELS: LEVELS,
    LOGIN_ATTEMPT_KEY: LKEY,
    children: children,
    childById: childById,
    childState: function (id) {
      return state.children[id];
    },
    letterFor: letterFor,
    docLabel: docLabel,
    nowString: nowString,
    esc: esc,
    caps: caps,
    applyCaps: applyCaps,
    initShell: initShell,
    requireLogin: requireLogin,
    go: go,
    ready: ready,
    openModal: openModal,
    closeModal: closeModal,
    fieldError: fieldError,
    clearErrors: clearErrors,
    logout: function () {
      state = emptyState();
      save();
    },
  };
})();
