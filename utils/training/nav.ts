/**
 * Addresses of the training portal: the replicas of both portals shipped inside the extension
 * as `training/<portal>/<file>.html`. A replica page keeps believing it is at its portal path
 * (the "virtual" address, e.g. `/angular/school/mysettings/?delay=0`): the training page loads
 * the file with `?vp=<virtual address>` and `training/boot.js` puts the virtual address into the
 * frame's location before the replica's own scripts run. Pure functions, no DOM.
 */
import type { ReplicaPage, ReplicaRoute } from '@/replicas/types';
import { routes as sgoRoutes } from '@/replicas/sgo/routes';
import { routes as cabinetRoutes } from '@/replicas/cabinet/routes';
import { pages as sgoPages } from '@/replicas/sgo/pages';
import { pages as cabinetPages } from '@/replicas/cabinet/pages';
import { sgoFlow } from '@/utils/flows/sgo';
import { cabinetFlow } from '@/utils/flows/cabinet';

/** The two portals, by the flow id used everywhere else (`sgo`, `cabinet`). */
export type TrainingPortal = 'sgo' | 'cabinet';

/** What the training page knows about each portal's replica. */
export interface TrainingPortalInfo {
  id: TrainingPortal;
  /** Real host name, shown in the training page's address line. */
  host: string;
  /** Russian name of the portal (the guide's title). */
  label: string;
  /** Its region in a word or two, for the portal switch of the training page. */
  short: string;
  /** Virtual address a lesson starts from (a fresh mock session, the fictional family). */
  start: string;
  routes: ReplicaRoute[];
  pages: ReplicaPage[];
}

/** Query parameter carrying the virtual address of a replica page. */
export const VIRTUAL_PARAM = 'vp';

/** The portals of the training mode. */
export const TRAINING_PORTALS: Record<TrainingPortal, TrainingPortalInfo> = {
  sgo: {
    id: 'sgo',
    host: sgoFlow.hosts[0],
    label: 'Тверская область — «Сетевой город. Образование»',
    short: 'Тверь',
    start: '/?reset=1&children=2&delay=400',
    routes: sgoRoutes,
    pages: sgoPages,
  },
  cabinet: {
    id: 'cabinet',
    host: cabinetFlow.hosts[0],
    label: 'Кузбасс — личный кабинет cabinet.ruobr.ru',
    short: 'Кузбасс',
    start: '/?reset=1&delay=400',
    routes: cabinetRoutes,
    pages: cabinetPages,
  },
};

/**
 * The extension file of a replica page for a virtual address.
 * @param portal `sgo` | `cabinet`
 * @param virtual portal path with query, e.g. `/services/dop/?x=1` (a full `https://host/…` URL is accepted too)
 * @returns `{ file, virtual, src }`: `file` like `training/cabinet/dop.html`; `virtual` normalised
 *   (`/path?query#hash`); `src` the frame address `/training/cabinet/dop.html?vp=…`; or null when
 *   the replica has no such page
 */
export function resolveTraining(portal: TrainingPortal, virtual: string): { file: string; virtual: string; src: string } | null {
  const info = TRAINING_PORTALS[portal];
  let u: URL;
  try {
    u = new URL(virtual, `https://${info.host}/`);
  } catch {
    return null;
  }
  if (u.hostname !== info.host) return null;
  const route = info.routes.find((r) => r.pattern.test(u.pathname));
  if (!route) return null;
  const v = `${u.pathname}${u.search}${u.hash}`;
  const file = `training/${portal}/${route.file}`;
  return { file, virtual: v, src: `/${file}?${VIRTUAL_PARAM}=${encodeURIComponent(v)}` };
}

/**
 * Which portal a host name belongs to.
 * @param host e.g. `cabinet.ruobr.ru`
 */
export function portalOfHost(host: string): TrainingPortal | null {
  return (Object.values(TRAINING_PORTALS).find((p) => p.host === host)?.id as TrainingPortal | undefined) ?? null;
}

/** Steps shown only through «Далее» from the page of the step before them (no page of their own). */
export const VIA_NEXT: Record<string, string> = { 'sgo.activation': 'sgo.done', 'cabinet.activation': 'cabinet.certificate' };

/**
 * The replica page that shows a step: GET only; `delay=0` first, then the fewest query
 * parameters (the plainest variant), then the order of the pages list.
 * @param all pages of a replica (`replicas/<portal>/pages.ts`)
 * @param stepId e.g. `cabinet.email`
 */
export function pickPage(all: ReplicaPage[], stepId: string): ReplicaPage | undefined {
  const params = (p: ReplicaPage) => [...new URL(p.url).searchParams.keys()].filter((k) => k !== 'reset' && k !== 'delay').length;
  const delay0 = (p: ReplicaPage) => (new URL(p.url).searchParams.get('delay') === '0' ? 0 : 1);
  return all
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.expectStep === stepId && p.method !== 'POST')
    .sort((a, b) => delay0(a.p) - delay0(b.p) || params(a.p) - params(b.p) || a.i - b.i)[0]?.p;
}

/**
 * Where to show a step on the training portal.
 * @param stepId a step id such as `cabinet.email` or `sgo.activation`
 * @returns the portal, the virtual address of a replica page showing the step (or the step before
 *   it) and `viaNext` when the panel's «Далее» must be pressed there; null for an unknown step
 */
export function placeOfStep(stepId: string): { portal: TrainingPortal; virtual: string; viaNext: boolean } | null {
  const portal = stepId.split('.')[0] as TrainingPortal;
  const info = TRAINING_PORTALS[portal];
  if (!info) return null;
  const via = VIA_NEXT[stepId];
  const page = pickPage(info.pages, via ?? stepId);
  if (!page) return null;
  const u = new URL(page.url);
  return { portal, virtual: `${u.pathname}${u.search}`, viaNext: !!via };
}

/** What the training page's address (`training.html#…`) says to show. */
export interface TrainingHash {
  portal?: TrainingPortal;
  /** Virtual address of the replica page. */
  vp?: string;
  /** A step code to show (from the consultant page), e.g. «К-7». */
  code?: string;
  /**
   * `view=1`: only the portal's frame, no banner or controls, no history entries — the live
   * picture of a step on the consultant page (`entrypoints/consultant/LiveView.tsx`).
   */
  view?: boolean;
}

/**
 * Reads the training page's hash: `#portal=cabinet&vp=%2Fservices%2Fdop%2F`, `#code=К-7` or
 * `#code=К-7&view=1`.
 * @param hash `location.hash` (with or without `#`)
 */
export function parseTrainingHash(hash: string): TrainingHash {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const out: TrainingHash = {};
  const portal = q.get('portal');
  if (portal === 'sgo' || portal === 'cabinet') out.portal = portal;
  const vp = q.get('vp');
  if (vp && vp.startsWith('/') && !vp.startsWith('//')) out.vp = vp;
  const code = q.get('code');
  if (code) out.code = code.slice(0, 20);
  if (q.get('view') === '1') out.view = true;
  return out;
}

/**
 * The hash for a portal and virtual address (inverse of {@link parseTrainingHash}).
 * @param portal `sgo` | `cabinet`
 * @param vp virtual address, e.g. `/services/dop/`
 */
export function trainingHash(portal: TrainingPortal, vp: string): string {
  return `#${new URLSearchParams({ portal, vp }).toString()}`;
}

/**
 * Address of the training page at a step.
 * @param code the step's code, e.g. «К-7»
 * @returns e.g. `/training.html#code=%D0%9A-7`
 */
export function trainingCodeUrl(code: string): string {
  return `/training.html#${new URLSearchParams({ code }).toString()}`;
}

/**
 * Address of the live picture of a step: the training page showing only the portal's frame at
 * that step (`view=1`, see {@link TrainingHash.view}).
 * @param code the step's code, e.g. «К-7»
 * @returns e.g. `/training.html#code=%D0%9A-7&view=1`
 */
export function trainingViewUrl(code: string): string {
  return `${trainingCodeUrl(code)}&view=1`;
}

/**
 * Query parameters the real portals use themselves and a parent may see in the address bar
 * (`/login/?next=/services/dop/`, the letter's `confirm/?token=…`). Every other parameter of a
 * replica address (`reset`, `delay`, `state`, `children`, `open`, `fail`…) only steers the
 * replica and is never shown to the audience.
 */
export const PORTAL_QUERY_PARAMS: readonly string[] = ['next', 'token'];

/** Pages of the training portal that are not pages of the portal (shown by name, not address). */
const NON_PORTAL_PAGES: Array<{ path: RegExp; label: string }> = [{ path: /^\/replica\/mail\/?$/i, label: 'Почтовый ящик: письмо с портала' }];

/**
 * What the training page's address line shows for a replica page: the address a parent would
 * see on the real portal, without the replica's internal parameters and without the hash.
 * @param portal `sgo` | `cabinet`
 * @param virtual virtual address, e.g. `/services/dop/certificate/?reset=1&state=document-saved&open=email`
 * @returns e.g. `https://cabinet.ruobr.ru/services/dop/certificate/`; the training mailbox by name
 */
export function displayAddress(portal: TrainingPortal, virtual: string): string {
  const host = TRAINING_PORTALS[portal].host;
  let u: URL;
  try {
    u = new URL(virtual, `https://${host}/`);
  } catch {
    return `https://${host}/`;
  }
  if (u.hostname !== host) return `https://${host}/`;
  const page = NON_PORTAL_PAGES.find((p) => p.path.test(u.pathname));
  if (page) return page.label;
  const kept = new URLSearchParams();
  for (const [k, v] of u.searchParams) if (PORTAL_QUERY_PARAMS.includes(k)) kept.append(k, v);
  // Django keeps slashes readable in `next` (/login/?next=/services/dop/), so does the address bar.
  const query = kept.toString().replace(/%2F/gi, '/');
  return `https://${host}${u.pathname}${query ? `?${query}` : ''}`;
}
