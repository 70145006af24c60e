import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReplicaPage } from './types';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Replica pages made from page descriptions sent by users (`npm run replica:from-report`, issue
 * 10): `replicas/<portal>/reports/<name>.html`, listed in `replicas/<portal>/reports/index.json`
 * with the step a person has confirmed for it. Served at the description's own path with
 * `?report=<name>` (replicas/router.ts), and part of every suite that runs on the page states.
 */
export interface ReportEntry {
  /** File name without `.html` (`[a-z0-9-]`). */
  name: string;
  /** The page's path as described (masked). */
  path: string;
  /** The step the guide must show here (confirmed by a person), or null for "no step". */
  expectStep: string | null;
  /** Where it came from and what it shows. */
  note: string;
}

/** Folder of a portal's report pages. */
export function reportsDir(portal: 'sgo' | 'cabinet'): string {
  return join(here, portal, 'reports');
}

/** The index of a portal's report pages (empty when none). */
export function reportEntries(portal: 'sgo' | 'cabinet'): ReportEntry[] {
  const file = join(reportsDir(portal), 'index.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReportEntry[]) : [];
}

/**
 * The report pages of a portal as page states.
 * @param portal `sgo` | `cabinet`
 * @param host the portal's host name
 */
export function reportPages(portal: 'sgo' | 'cabinet', host: string): ReplicaPage[] {
  return reportEntries(portal).map((e) => ({
    name: `report-${e.name}`,
    url: `https://${host}${e.path}?report=${e.name}`,
    expectStep: e.expectStep,
    note: `From a page description: ${e.note}`,
  }));
}
