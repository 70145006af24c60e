import { describe, expect, it } from 'vitest';
import { TRAINING_PORTAL_DIRS, toTrainingPage, trainingFiles } from '@/replicas/bundle';
import { routes as sgoRoutes } from '@/replicas/sgo/routes';
import { routes as cabinetRoutes } from '@/replicas/cabinet/routes';

/** The replicas as files of the training portal (`replicas/bundle.ts`). */

const files = trainingFiles();
const byPath = new Map(files.map((f) => [f.relativeDest, f.contents]));
const html = files.filter((f) => f.relativeDest.endsWith('.html'));
/** Portal pages: every file a route serves (documents such as `zayavlenie.html` are not pages). */
const ROUTE_FILES: Record<string, string[]> = { sgo: sgoRoutes.map((r) => r.file), cabinet: cabinetRoutes.map((r) => r.file) };
const pages = files.filter((f) => {
  const m = /^training\/(sgo|cabinet)\/([^/]+\.html)$/.exec(f.relativeDest);
  return !!m && ROUTE_FILES[m[1]].includes(m[2]);
});

describe('trainingFiles', () => {
  it('ships boot.js and every routed page of both portals', () => {
    expect(byPath.has('training/boot.js')).toBe(true);
    for (const portal of TRAINING_PORTAL_DIRS) {
      for (const file of new Set(ROUTE_FILES[portal])) expect(byPath.has(`training/${portal}/${file}`), `${portal}/${file}`).toBe(true);
    }
    expect(pages.length).toBeGreaterThanOrEqual(new Set([...ROUTE_FILES.sgo.map((f) => `s/${f}`), ...ROUTE_FILES.cabinet.map((f) => `c/${f}`)]).size);
  });

  it('no source-only files (TypeScript, notes) and no duplicates', () => {
    expect(files.filter((f) => /\.(ts|md)$/.test(f.relativeDest))).toEqual([]);
    expect(byPath.size).toBe(files.length);
    for (const f of files) expect(f.relativeDest).toMatch(/^training\/(boot\.js|(sgo|cabinet)\/.+)$/);
  });

  it('every replica page: boot first in <head>, the guide just before </body>, the portal on <html>', () => {
    for (const p of pages) {
      const portal = p.relativeDest.split('/')[1];
      const c = p.contents;
      const head = c.indexOf('<head>');
      expect(head, p.relativeDest).toBeGreaterThan(-1);
      // The first script of the page is boot.js, right at the start of <head>.
      const firstScript = /<script\b[^>]*>/.exec(c)!;
      expect(firstScript[0], p.relativeDest).toBe('<script src="/training/boot.js">');
      expect(c, p.relativeDest).toMatch(/<head>\s*<script src="\/training\/boot\.js"><\/script>/);
      expect(firstScript.index, p.relativeDest).toBeGreaterThan(head);
      expect(firstScript.index, p.relativeDest).toBeLessThan(c.indexOf('</head>'));
      expect(c.match(/\/training\/boot\.js/g), p.relativeDest).toHaveLength(1);
      // The guide comes after every other script and right before </body>.
      expect(c, p.relativeDest).toMatch(/<script src="\/training-guide\.js"><\/script>\s*<\/body>/);
      expect(c.match(/training-guide\.js/g), p.relativeDest).toHaveLength(1);
      const lastScript = [...c.matchAll(/<script\b[^>]*>/g)].at(-1)![0];
      expect(lastScript, p.relativeDest).toBe('<script src="/training-guide.js">');
      expect(c, p.relativeDest).toMatch(new RegExp(`<html[^>]*\\bdata-training-portal="${portal}"`));
    }
  });

  it('documents (not portal pages) get neither boot nor guide', () => {
    const docs = html.filter((f) => !pages.includes(f));
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) {
      expect(d.contents, d.relativeDest).not.toContain('/training/boot.js');
      expect(d.contents, d.relativeDest).not.toContain('/training-guide.js');
    }
  });

  it('no /replica-assets/ left in any file', () => {
    for (const f of files) expect(f.contents.includes('/replica-assets/'), f.relativeDest).toBe(false);
  });

  it('no inline <script> without src and no inline event handlers in training HTML (MV3 CSP)', () => {
    for (const f of html) {
      for (const m of f.contents.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        expect(m[1], `${f.relativeDest}: ${m[0].slice(0, 80)}`).toMatch(/\bsrc=/);
        expect(m[2].trim(), f.relativeDest).toBe('');
      }
      expect(f.contents, f.relativeDest).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
      expect(f.contents, f.relativeDest).not.toMatch(/href\s*=\s*["']javascript:/i);
    }
  });

  it('every src/href under /training/ points to a file in the list', () => {
    const refs: Array<[string, string]> = [];
    for (const f of html) {
      for (const m of f.contents.matchAll(/\b(?:src|href)\s*=\s*["'](\/training\/[^"'?#]+)/g)) refs.push([f.relativeDest, m[1]]);
    }
    // Complete file names in scripts and styles too (e.g. `url(/training/sgo/x.svg)`).
    for (const f of files.filter((x) => /\.(js|css)$/.test(x.relativeDest))) {
      for (const m of f.contents.matchAll(/["'(](\/training\/[\w/.-]+\.(?:html|js|css|svg|png|jpe?g|webp|pdf))/g)) refs.push([f.relativeDest, m[1]]);
    }
    expect(refs.length).toBeGreaterThan(20);
    for (const [from, ref] of refs) expect(byPath.has(ref.slice(1)), `${from} → ${ref}`).toBe(true);
  });
});

describe('toTrainingPage', () => {
  it('rewrites assets and adds boot and guide', () => {
    const out = toTrainingPage('<!doctype html><html lang="ru"><head><link href="/replica-assets/a.css"></head><body><p>x</p></body></html>', 'cabinet');
    expect(out).toBe(
      '<!doctype html><html data-training-portal="cabinet" lang="ru"><head>\n<script src="/training/boot.js"></script><link href="/training/cabinet/a.css"></head><body><p>x</p><script src="/training-guide.js"></script>\n</body></html>',
    );
  });

  it('refuses a page without <head> or </body>', () => {
    expect(() => toTrainingPage('<html><body></body></html>', 'sgo')).toThrow();
    expect(() => toTrainingPage('<html><head></head><body>', 'sgo')).toThrow();
  });
});
