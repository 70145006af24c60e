/* Page script of esia.html (kept out of the HTML so the page also runs as an extension page under a strict CSP). */
(function () {
  var C = window.Cabinet;
  var q = C.query;
  if (C.variants.esia === 'down') {
    C.go('/login/', { replace: true });
    return;
  }
  if (/\/callback\/?$/.test(location.pathname)) {
    var next = q.get('state') ? decodeURIComponent(q.get('state')) : '/';
    if (!/^\/(?!\/)/.test(next)) next = '/';
    C.state.loggedIn = true;
    C.save();
    setTimeout(function () { C.go(next, { replace: true }); }, 300);
  } else {
    // "Госуслуги" answers at once with a code; `state` carries where to return.
    var back = q.get('next') || '/';
    setTimeout(function () {
      C.go('/accounts/esia/callback/?code=replica-esia-code&state=' + encodeURIComponent(back), { replace: true });
    }, 300);
  }
})();
