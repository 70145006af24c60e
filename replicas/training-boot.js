/*
 * Training portal boot: the first script of every replica page shipped inside the extension
 * (`training/<portal>/*.html`, see replicas/bundle.ts). It runs only there, never on a portal.
 *
 * - The page is loaded by the training page (`training.html`) in a frame as
 *   `/training/<portal>/<file>.html?vp=<virtual address>`; the virtual address (e.g.
 *   `/angular/school/mysettings/?delay=0`) is put into the frame's location with
 *   history.replaceState, so the replica and the guide see the portal path they expect.
 * - Links and form submissions to portal paths, and the replicas' own navigation
 *   (`window.pfdoReplicaNav`, used by their `go()`), are handed to the training page, which
 *   loads the right file for the new virtual address.
 * - Opened on its own (not in the training page's frame), the page sends the user to the
 *   training page.
 */
(function () {
  'use strict';
  var portal = document.documentElement.getAttribute('data-training-portal') || 'sgo';
  var shell = null;
  try {
    if (window.parent !== window && window.parent.pfdoTraining) shell = window.parent.pfdoTraining;
  } catch (e) {
    shell = null;
  }
  if (!shell) {
    window.stop();
    location.replace('/training.html#portal=' + encodeURIComponent(portal));
    return;
  }

  var vp = new URLSearchParams(location.search).get('vp') || '/';
  if (vp.charAt(0) !== '/' || vp.charAt(1) === '/') vp = '/';
  history.replaceState(null, '', vp);

  function navigate(url, opts) {
    shell.navigate(portal, String(url), opts || {});
  }
  window.pfdoReplicaNav = navigate;

  /** A same-origin URL of a portal page (not a file of the extension), else null. */
  function portalUrl(href) {
    var u;
    try {
      u = new URL(href, location.href);
    } catch (e) {
      return null;
    }
    if (u.origin !== location.origin) return null;
    if (/^\/(training|steps|chunks|assets|fonts|icon|content-scripts)\//.test(u.pathname) || /\.js$/.test(u.pathname)) return null;
    return u;
  }

  // Links: after the page's own handlers (bubble phase on window), only when nobody prevented them.
  window.addEventListener('click', function (e) {
    if (e.defaultPrevented || e.button !== 0) return;
    var t = e.target;
    var a = t && t.closest ? t.closest('a[href]') : null;
    if (!a || a.hasAttribute('download')) return;
    var u = portalUrl(a.href);
    if (!u) return;
    if (u.pathname === location.pathname && u.search === location.search && u.hash) return; // same-page anchor
    e.preventDefault();
    navigate(u.pathname + u.search + u.hash, {});
  });

  // Forms: a real submission (not handled by the page's script) goes to the training page.
  window.addEventListener('submit', function (e) {
    if (e.defaultPrevented) return;
    var f = e.target;
    var u = portalUrl(f.action || location.href);
    if (!u) return;
    e.preventDefault();
    var method = (f.getAttribute('method') || 'get').toUpperCase();
    if (method === 'GET') {
      var q = new URLSearchParams();
      new FormData(f).forEach(function (v, k) {
        if (typeof v === 'string') q.append(k, v);
      });
      navigate(u.pathname + '?' + q.toString(), {});
    } else {
      navigate(u.pathname + u.search, { method: 'POST' });
    }
  });
})();
