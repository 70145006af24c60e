/**
 * pdf-lib is large: only utils/papers/** may import it, and the papers entry point
 * (`@/utils/papers`, which pulls it in) may be loaded only dynamically. Light modules (types,
 * names, format, templates) may be imported statically from anywhere. fontkit is not used at all
 * (the papers embed their fonts with their own reader, `utils/papers/embed-font.ts`).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  const abs = join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return sources(relative(ROOT, path));
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [relative(ROOT, path)] : [];
  });
}

describe('papers imports', () => {
  const files = ['entrypoints', 'components', 'utils'].flatMap(sources);

  it('finds the sources', () => {
    expect(files).toContain('utils/papers/build.ts');
  });

  it('pdf-lib is imported only from utils/papers/**', () => {
    const offenders = files
      .filter((f) => !f.startsWith('utils/papers/'))
      .filter((f) => /from\s+['"]pdf-lib['"]|import\(\s*['"]pdf-lib['"]/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('fontkit is imported nowhere and is no dependency', () => {
    const offenders = [...files, ...sources('tests'), ...sources('scripts')]
      .filter((f) => f !== 'tests/unit/papers/imports.test.ts')
      .filter((f) => /['"]@pdf-lib\/fontkit['"]|['"]fontkit['"]/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((d) => d.includes('fontkit'))).toEqual([]);
  });

  it('the papers entry point is imported dynamically (type-only imports are fine)', () => {
    const staticEntry = /^\s*import\s+(?!type\b)[^;]*?from\s+['"](@\/utils\/papers(\/index|\/build|\/layout|\/fonts|\/guide-pdf|\/embed-font)?|(\.\.\/)+utils\/papers(\/index|\/build|\/layout|\/fonts|\/guide-pdf|\/embed-font)?)['"]/m;
    const offenders = files.filter((f) => !f.startsWith('utils/papers/')).filter((f) => staticEntry.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
