import { buildSync } from 'esbuild';
import { resolve } from 'node:path';

/**
 * Bundles a test entry that runs in a replica page's own world (flows, recogniser, `locate`…) into
 * one classic script for `page.addScriptTag`.
 * @param entry path of the entry module, from the repository root
 * @returns JavaScript source (iife)
 */
export function pageBundle(entry: string): string {
  const out = buildSync({
    entryPoints: [resolve(entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    alias: { '@': resolve('.') },
  });
  return out.outputFiles[0].text;
}

/**
 * Bundles the flows and the recogniser into one script for the recognition matrix.
 * @returns JavaScript source that defines `window.__pfdoMatrix(flowId) → step ids matching the page`
 */
export function matrixBundle(): string {
  return pageBundle('tests/support/matrix-entry.ts');
}
