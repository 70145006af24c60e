import type { ReplicaRoute } from '../types';

/**
 * URL paths of the cabinet.ruobr.ru replica (Django-style paths: our own plausible guesses,
 * except `/login/` which is known). Static files under `/replica-assets/` are served by the router.
 */
export const routes: ReplicaRoute[] = [
  { pattern: /^\/$/, file: 'home.html' },
  { pattern: /^\/(?:login|accounts\/login)\/?$/, file: 'login.html' },
  { pattern: /^\/logout\/?$/, file: 'logout.html' },
  { pattern: /^\/password_reset\/?$/, file: 'password.html' },
  // Emulated Госуслуги (ЕСИА) sign-in and its return URL.
  { pattern: /^\/accounts\/esia\/(?:login|callback)\/?$/, file: 'esia.html' },
  // Top menu sections «ОБО МНЕ», «ДЕТИ», «ПОЧТА».
  { pattern: /^\/(?:profile|children|messages)\/?$/, file: 'section.html' },
  // Sub-tabs of «УСЛУГИ».
  { pattern: /^\/services\/dop\/?$/, file: 'dop.html' },
  { pattern: /^\/services\/(?:kindergarten|school|spo|extra)\/?$/, file: 'tab.html' },
  // The certificate flow.
  { pattern: /^\/services\/dop\/certificate\/?$/, file: 'certificate.html' },
  { pattern: /^\/services\/dop\/certificate\/confirm\/?$/, file: 'confirm.html' },
  { pattern: /^\/services\/dop\/certificate\/\d+\/?$/, file: 'cert.html' },
  // Not a portal page: the training mailbox with the confirmation letter.
  { pattern: /^\/replica\/mail\/?$/, file: 'mail.html' },
];
