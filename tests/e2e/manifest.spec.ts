import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';

/** The permissions the extension may ask for: anything more is a failure. */
const ALLOWED = { permissions: ['storage', 'scripting'], host_permissions: ['https://sgo.tvobr.ru/*', 'https://cabinet.ruobr.ru/*'] };
const read = (dir: string) => JSON.parse(readFileSync(join('.output', dir, 'manifest.json'), 'utf8'));

test('Chrome manifest: Russian name from _locales/ru, icons, exactly the allowed permissions', () => {
  const m = read('chrome-mv3');
  expect(m.manifest_version).toBe(3);
  expect(m.default_locale).toBe('ru');
  expect(m.name).toBe('__MSG_extName__');
  const messages = JSON.parse(readFileSync('.output/chrome-mv3/_locales/ru/messages.json', 'utf8'));
  expect(messages.extName.message).toMatch(/[А-я]/);
  expect(m.permissions).toEqual(ALLOWED.permissions);
  expect(m.host_permissions).toEqual(ALLOWED.host_permissions);
  expect(m.optional_permissions ?? []).toEqual([]);
  for (const size of ['16', '48', '128']) expect(existsSync(join('.output/chrome-mv3', m.icons[size]))).toBe(true);
  for (const cs of m.content_scripts) expect(ALLOWED.host_permissions).toEqual(expect.arrayContaining(cs.matches));
  // One content script, the guide, on both portals; the fill kit is injected on the first
  // «Заполнить» only and is no resource a page could load (or detect the extension by).
  expect(m.content_scripts.map((cs: { js: string[] }) => cs.js)).toEqual([['content-scripts/guide.js']]);
  expect(existsSync('.output/chrome-mv3/fill-kit.js')).toBe(true);
  expect(JSON.stringify(m.web_accessible_resources ?? [])).not.toContain('fill-kit');
  // Chrome 109 (the last for Windows 7/8) is the oldest supported, and the README says so.
  expect(m.minimum_chrome_version).toBe('109');
  expect(readFileSync('README.md', 'utf8')).toMatch(/Chrome[^\n]*109/);
});

test('extension pages carry a CSP that forbids connecting anywhere but the extension itself', () => {
  for (const dir of ['chrome-mv3', 'firefox-mv3']) {
    const csp: string = read(dir).content_security_policy.extension_pages;
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['connect-src'], dir).toEqual(["'self'"]);
    expect(directives['default-src'], dir).toEqual(["'self'"]);
    expect(directives['script-src'], dir).toEqual(["'self'"]);
    expect(directives['object-src'], dir).toEqual(["'none'"]);
  }
});

test('Firefox manifest: gecko id, strict_min_version ≥ 140, no data collection, same permissions', () => {
  const m = read('firefox-mv3');
  const gecko = m.browser_specific_settings.gecko;
  expect(gecko.id).toMatch(/@/);
  expect(Number.parseInt(gecko.strict_min_version, 10)).toBeGreaterThanOrEqual(140);
  expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  expect(m.permissions).toEqual(ALLOWED.permissions);
  expect(m.host_permissions).toEqual(ALLOWED.host_permissions);
});

test('store zips exist for both browsers', () => {
  const zips = readdirSync('.output').filter((f: string) => f.endsWith('.zip'));
  expect(zips.some((z: string) => z.includes('chrome'))).toBe(true);
  expect(zips.some((z: string) => z.includes('firefox'))).toBe(true);
});

test('content scripts carry no WXT context (it announced the script to the page), no zod, no Preact and no filling (the fill kit has it)', () => {
  const dir = '.output/chrome-mv3/content-scripts';
  for (const f of readdirSync(dir)) {
    const code = readFileSync(join(dir, f), 'utf8');
    expect(code, f).not.toContain('content-script-started');
    expect(code, f).not.toMatch(/postMessage/);
    expect(code, f).not.toMatch(/ZodError|\$ZodType|zod/i);
    expect(code, `${f}: Preact (its SVG namespace)`).not.toContain('w3.org/2000/svg');
    // Filling (a scan set through DataTransfer) and the «Демонстрация» covers are the fill kit's.
    for (const kitOnly of ['DataTransfer', 'pfdo-cover']) {
      expect(code, `${f}: ${kitOnly}`).not.toContain(kitOnly);
      expect(readFileSync('.output/chrome-mv3/fill-kit.js', 'utf8'), `fill-kit.js: ${kitOnly}`).toContain(kitOnly);
    }
  }
});

test('size budgets (bytes): the content script ≤ 16 000 gzipped, the fill kit ≤ 8 192, training portal ≤ 130 000 gzipped, store zip ≤ 600 000', () => {
  const dir = '.output/chrome-mv3/content-scripts';
  for (const f of readdirSync(dir)) {
    const gz = gzipSync(readFileSync(join(dir, f)), { level: 9 }).length;
    // Issue 11's goal: 16 KB, read as 16 000 B (now ~15 900). One script for both portals: no
    // Preact (the panel's own renderer), no signals library (the guide's own cells), no WXT
    // context, no flow, no panel words and no CSS (the background sends them), nothing of filling
    // or of the support copy (the fill kit). What is left (`npm run bench` lists it by module) is
    // the engine, recognition and the page model (~9 KB), the panel, its placement and the ring (~5 KB).
    expect(gz, `${f} gzipped`).toBeLessThanOrEqual(16_000);
  }
  // The fill kit (on a step that fills, or on «Скопировать сведения для поддержки»; now ~7.8 KB:
  // it has its own copy of the locator).
  expect(gzipSync(readFileSync('.output/chrome-mv3/fill-kit.js'), { level: 9 }).length, 'fill-kit.js gzipped').toBeLessThanOrEqual(8_192);
  // The training portal: both replicas (training/**) and its guide script, gzipped file by file.
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  const training = [...walk('.output/chrome-mv3/training'), '.output/chrome-mv3/training-guide.js'];
  const trainingGz = training.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  expect(trainingGz, 'training portal gzipped').toBeLessThanOrEqual(130_000);
  // Issue 11's goal: 600 KB (now ~570 KB). The PDF fonts are cut at build time (54 KB), the papers
  // embed them without fontkit and pdf-lib's standard-font data (chunk ~86 KB), the step pictures
  // are the printable guide's 18 crops (~108 KB), the background shares its chunks with the pages.
  for (const z of readdirSync('.output').filter((f) => /-(chrome|firefox)\.zip$/.test(f))) {
    expect(statSync(join('.output', z)).size, z).toBeLessThanOrEqual(600_000);
  }
});
