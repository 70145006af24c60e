import { buildSync } from 'esbuild';
import { resolve } from 'node:path';

/**
 * Bundles the flows and the recogniser into one script for the recognition matrix.
 * @returns JavaScript source that defines `window.__pfdoMatrix(flowId) → step ids matching the page`
 */
export function matrixBundle(): string {
  const out = buildSync({
    entryPoints: [resolve('tests/support/matrix-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    alias: { '@': resolve('.') },
  });
  return out.outputFiles[0].text;
}
