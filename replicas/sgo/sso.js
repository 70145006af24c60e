/*
 * `/authorize/sso/esia/login`: return from Госуслуги (ЕСИА). The replica skips the
 * external login: it marks the session logged in (as the parent, or the pupil with
 * `role=pupil`) and goes to the landing page.
 */
(function () {
  'use strict';
  SGO.markLoggedIn();
  SGO.wait(Math.min(SGO.delay, 600)).then(function () { SGO.go(SGO.landingPath(), { replace: true }); });
})();
