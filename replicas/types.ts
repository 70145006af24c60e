/**
 * Contracts shared by the portal replicas (test-only pages that stand in for the
 * real portals, built from `../shared/portals.md` and the seeds).
 */

/** One route of a replica: a URL path on the portal host mapped to a static file. */
export interface ReplicaRoute {
  /** Matched against `URL.pathname` (query string excluded). */
  pattern: RegExp;
  /** File to serve, relative to the portal's replica folder (e.g. `login.html`). */
  file: string;
}

/**
 * A page state of a replica that the guide must recognise, addressable by URL.
 * Used by the recognition matrix, the e2e tests and the demo.
 */
export interface ReplicaPage {
  /** Stable name, e.g. `sgo-settings-two-children`. */
  name: string;
  /** Full URL on the real host, e.g. `https://sgo.tvobr.ru/authorize/login?delay=0`. */
  url: string;
  /** Navigate with a form POST instead of GET (sgo settings page). */
  method?: 'GET' | 'POST';
  /** Step id the guide must recognise here (e.g. `sgo.login`), or null for "no step". */
  expectStep: string | null;
  /** Short human note on what this state exercises. */
  note: string;
}
