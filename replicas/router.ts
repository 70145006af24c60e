import { readFileSync, existsSync } from 'node:fs';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReplicaRoute } from './types';
import { routes as sgoRoutes } from './sgo/routes';
import { routes as cabinetRoutes } from './cabinet/routes';

const here = dirname(fileURLToPath(import.meta.url));

/** Replica folders by real host name. */
export const REPLICA_HOSTS: Record<string, { dir: string; routes: ReplicaRoute[] }> = {
  'sgo.tvobr.ru': { dir: join(here, 'sgo'), routes: sgoRoutes },
  'cabinet.ruobr.ru': { dir: join(here, 'cabinet'), routes: cabinetRoutes },
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
};

/** A response for a replica request. */
export interface ReplicaResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

/**
 * Resolves a request to a replica file. Any method (GET or POST) gets the same file:
 * the replicas keep their state in `sessionStorage`, so POST navigation only needs the page.
 * Paths under `/replica-assets/` are served from the portal folder as they are.
 * @param url full URL on a portal host (`https://sgo.tvobr.ru/...`)
 * @returns the response, or null when the host is not a replicated portal
 */
export function resolveReplica(url: string): ReplicaResponse | null {
  const u = new URL(url);
  const host = REPLICA_HOSTS[u.hostname];
  if (!host) return null;
  let file: string | undefined;
  const report = u.searchParams.get('report');
  if (report && /^[a-z0-9-]+$/.test(report) && existsSync(join(host.dir, 'reports', `${report}.html`))) {
    // A page rebuilt from a user's page description (replicas/reports.ts), at the path it was described on.
    file = join('reports', `${report}.html`);
  } else if (u.pathname.startsWith('/replica-assets/')) {
    file = normalize(u.pathname.slice('/replica-assets/'.length));
    if (file.startsWith('..')) file = undefined;
  } else {
    file = host.routes.find((r) => r.pattern.test(u.pathname))?.file;
  }
  if (!file || !existsSync(join(host.dir, file))) {
    return { status: 404, contentType: TYPES['.html'], body: Buffer.from('<!doctype html><title>404</title><h1>404 Not Found</h1>') };
  }
  return {
    status: 200,
    contentType: TYPES[extname(file)] ?? 'application/octet-stream',
    body: readFileSync(join(host.dir, file)),
  };
}
