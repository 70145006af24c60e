/* Page script of login.html (kept out of the HTML so the page also runs as an extension page under a strict CSP). */
// Login page logic: Django re-renders this page after a POST; we emulate the POST round
// trip by remembering the attempt in sessionStorage and deciding on the next load.
(function () {
  var C = window.Cabinet;
  var v = C.variants;
  C.initShell();

  var next = C.query.get('next') || '/';
  if (!/^\/(?!\/)/.test(next)) next = '/';

  var esiaBtn = document.getElementById('esia-login');
  esiaBtn.href = '/accounts/esia/login/?next=' + encodeURIComponent(next);
  if (v.esia === 'down') {
    document.getElementById('esia-down').hidden = false;
    esiaBtn.classList.add('disabled');
    esiaBtn.removeAttribute('href');
    esiaBtn.setAttribute('aria-disabled', 'true');
    esiaBtn.setAttribute('tabindex', '-1');
  }

  function showError(username) {
    var box = document.getElementById('form-errors');
    var html = '<ul class="errorlist nonfield"><li>Ваш логин/пароль не подходит.</li></ul>';
    if (v.esia_only === '1') {
      // [guess] wording: the portal's own text for the Госуслуги-only case is unknown.
      html += '<div class="ui info message" data-guess="esia-only-note">С 1 июля 2024 года вход в личный кабинет выполняется только через Госуслуги. Нажмите «Войти через Госуслуги».</div>';
    }
    box.innerHTML = html;
    if (username) document.getElementById('id_username').value = username;
  }

  var attempt = null;
  try {
    attempt = JSON.parse(sessionStorage.getItem(C.LOGIN_ATTEMPT_KEY) || 'null');
  } catch (e) { /* ignore */ }
  sessionStorage.removeItem(C.LOGIN_ATTEMPT_KEY);

  if (attempt) {
    if (v.login === 'error' || v.esia_only === '1') {
      showError(attempt.username);
    } else {
      C.state.loggedIn = true;
      C.save();
      C.go(next, { replace: true });
      return;
    }
  } else if (C.query.get('login') === 'error') {
    // The URL asks for the error state directly (as after a failed POST).
    showError('');
  }

  document.getElementById('login-form').addEventListener('submit', function () {
    sessionStorage.setItem(C.LOGIN_ATTEMPT_KEY, JSON.stringify({ username: document.getElementById('id_username').value }));
    // The form then really POSTs to the same URL; the replica router serves this page again.
  });

  C.ready();
})();
