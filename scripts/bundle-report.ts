/**
 * What a built script is made of: each source module's share of the file, raw and gzipped,
 * from the build's source map (`PFDO_SOURCEMAP=1`, see wxt.config.ts). Used by `npm run bench`
 * for the content scripts (issue 11: «find what makes up the 25 KB»); also runnable alone:
 * `npx tsx scripts/bundle-report.ts FILE.js` (needs `FILE.js.map` beside it).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';

/** One source module's share of a built script. */
export interface BundlePart {
  /** The module's path as the source map names it, shortened to the repository (`utils/guide/engine.ts`, `node_modules/…`); `(без карты)` for code the map does not cover (e.g. inlined CSS text). */
  source: string;
  /** Bytes of built code attributed to it. */
  raw: number;
  /** Those bytes gzipped alone (level 9): an upper bound of its share of the gzipped file. */
  gzip: number;
}

/**
 * Splits a built script among its source modules: every generated span from one mapping to the
 * next goes to the first mapping's source.
 * @param file path of the built `.js`; its map must be at `file + '.map'`
 * @returns the parts, largest first, and the file's own sizes (bytes)
 * @throws if the file or its map cannot be read
 */
export function bundleReport(file: string): { raw: number; gzip: number; parts: BundlePart[] } {
  const code = readFileSync(file, 'utf8');
  const map = new TraceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  const lineStart: number[] = [];
  let at = 0;
  for (const line of code.split('\n')) {
    lineStart.push(at);
    at += line.length + 1;
  }
  const marks: { offset: number; source: string }[] = [{ offset: 0, source: '' }];
  eachMapping(map, (m) => {
    marks.push({ offset: lineStart[m.generatedLine - 1] + m.generatedColumn, source: m.source ?? '' });
  });
  marks.sort((a, b) => a.offset - b.offset);
  const spans = new Map<string, string[]>();
  for (let i = 0; i < marks.length; i++) {
    const end = i + 1 < marks.length ? marks[i + 1].offset : code.length;
    if (end <= marks[i].offset) continue;
    const name = marks[i].source ? shorten(marks[i].source) : '(без карты)';
    spans.set(name, [...(spans.get(name) ?? []), code.slice(marks[i].offset, end)]);
  }
  const gz = (s: string) => gzipSync(s, { level: 9 }).length;
  const parts = [...spans].map(([source, list]) => ({ source, raw: list.join('').length, gzip: gz(list.join('')) })).sort((a, b) => b.raw - a.raw);
  return { raw: code.length, gzip: gz(code), parts };
}

/** `../../../../utils/guide/engine.ts` → `utils/guide/engine.ts`. */
function shorten(source: string): string {
  return source.replace(/^(?:\.\.\/)+/, '').replace(/^.*?\/(node_modules\/)/, '$1');
}

if (process.argv[1]?.endsWith('bundle-report.ts')) {
  const r = bundleReport(process.argv[2]);
  console.log(`${process.argv[2]}: ${r.raw} B, ${r.gzip} B gzip`);
  for (const p of r.parts) console.log(`${String(p.raw).padStart(8)} ${String(p.gzip).padStart(7)}  ${p.source}`);
}
