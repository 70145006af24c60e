import type { ReplicaRoute } from '../types';

/**
 * URL paths of sgo.tvobr.ru mapped to replica files (any method, GET or POST).
 * NetSchool runs on IIS, so paths are matched case-insensitively.
 * `/angular/` is the known prefix; `/app/` is the newer one [guess]: both match.
 */
export const routes: ReplicaRoute[] = [
  { pattern: /^\/(?:authorize\/?)?$/i, file: 'redirect.html' },
  { pattern: /^\/authorize\/login(?:-pass)?\/?$/i, file: 'login.html' },
  { pattern: /^\/authorize\/sso\/esia\/login\/?$/i, file: 'sso.html' },
  { pattern: /^\/(?:angular|app)\/school\/studentdiary\/?$/i, file: 'diary.html' },
  { pattern: /^\/(?:angular|app)\/school\/mysettings\/?$/i, file: 'settings.html' },
  { pattern: /^\/asp\/MySettings\/MySettings\.asp$/i, file: 'settings.html' },
];
