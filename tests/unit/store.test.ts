import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigEnv, UserManifest } from 'wxt';
import config from '../../wxt.config';

/**
 * The store listings (docs/store/) against reality: the permissions they list and justify are
 * the manifest's, the Firefox data-collection answer is the manifest's, names and descriptions
 * fit the stores' limits, the screenshots exist at the stores' size, and the privacy facts the
 * listings rely on (storage areas and keys, the only fetches) still hold in the code.
 */

const STORE = 'docs/store';
const read = (f: string) => readFileSync(join(STORE, f), 'utf8');
const chromeMd = read('chrome-web-store.md');
const amoMd = read('amo.md');
const privacyMd = read('privacy.md');
const messages = JSON.parse(readFileSync('public/_locales/ru/messages.json', 'utf8')) as Record<string, { message: string }>;

/** Length as the stores count it (characters, not bytes). */
const len = (s: string) => [...s].length;

/** The lines under a `##`/`###` heading that starts with `heading`, up to the next heading. */
function section(md: string, heading: string): string {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`### ${heading}`) || l.startsWith(`## ${heading}`));
  if (start < 0) throw new Error(`no heading «${heading}»`);
  const end = lines.findIndex((l, i) => i > start && /^#{1,3} /.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The first ```text block under a heading: what is pasted into the store. */
function field(md: string, heading: string): string {
  const m = /```text\n([\s\S]*?)\n```/.exec(section(md, heading));
  if (!m) throw new Error(`no text block under «${heading}»`);
  return m[1].trim();
}

async function manifestFor(browser: 'chrome' | 'firefox'): Promise<UserManifest> {
  const env = { browser, manifestVersion: 3, mode: 'production', command: 'build' } as ConfigEnv;
  const m = config.manifest;
  return (typeof m === 'function' ? await m(env) : await m) as UserManifest;
}

/** The manifests the stores will see: from wxt.config.ts, and the built ones when present. */
async function manifests(): Promise<Array<[string, UserManifest]>> {
  const out: Array<[string, UserManifest]> = [
    ['wxt.config.ts (chrome)', await manifestFor('chrome')],
    ['wxt.config.ts (firefox)', await manifestFor('firefox')],
  ];
  for (const dir of ['chrome-mv3', 'firefox-mv3']) {
    const file = join('.output', dir, 'manifest.json');
    if (existsSync(file)) out.push([file, JSON.parse(readFileSync(file, 'utf8'))]);
  }
  return out;
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('permissions in the listings are the manifest’s', () => {
  it('privacy.md lists exactly the manifest’s permissions and host permissions', async () => {
    const rows = [...privacyMd.matchAll(/^\|\s*`([^`]+)`\s*\|\s*(permissions|host_permissions)\s*\|/gm)];
    const listed = {
      permissions: sorted(rows.filter((r) => r[2] === 'permissions').map((r) => r[1])),
      host_permissions: sorted(rows.filter((r) => r[2] === 'host_permissions').map((r) => r[1])),
    };
    expect(listed.permissions.length + listed.host_permissions.length).toBeGreaterThan(0);
    for (const [where, m] of await manifests()) {
      expect({ permissions: sorted(m.permissions ?? []), host_permissions: sorted(m.host_permissions ?? []) }, where).toEqual(listed);
      expect(m.optional_permissions ?? [], where).toEqual([]);
      expect((m as { optional_host_permissions?: string[] }).optional_host_permissions ?? [], where).toEqual([]);
    }
  });

  it('chrome-web-store.md justifies every permission and host permission, and nothing else', async () => {
    const headings = chromeMd.split('\n').filter((l) => l.startsWith('### Обоснование'));
    const justified = sorted(headings.flatMap((h) => [...h.matchAll(/`([^`]+)`/g)].map((m) => m[1])));
    const m = await manifestFor('chrome');
    expect(justified).toEqual(sorted([...(m.permissions ?? []), ...(m.host_permissions ?? [])]));
    for (const h of headings) expect(field(chromeMd, h.slice(4)).length, h).toBeGreaterThan(80);
  });

  it('the content scripts run only where the listings say (the host permissions)', () => {
    const built = join('.output', 'chrome-mv3', 'manifest.json');
    if (!existsSync(built)) return; // checked after a build (npm test builds first)
    const m = JSON.parse(readFileSync(built, 'utf8')) as UserManifest;
    for (const cs of m.content_scripts ?? []) expect(m.host_permissions).toEqual(expect.arrayContaining(cs.matches ?? []));
  });

  it('amo.md’s data collection answer is the Firefox manifest’s data_collection_permissions', async () => {
    const answer = field(amoMd, 'Сбор данных')
      .split(/[\s,]+/)
      .filter(Boolean);
    expect(answer).toEqual(['none']);
    for (const [where, m] of await manifests()) {
      const gecko = (m as { browser_specific_settings?: { gecko?: { data_collection_permissions?: unknown } } }).browser_specific_settings?.gecko;
      if (where.includes('chrome')) expect(gecko, where).toBeUndefined();
      else expect(gecko?.data_collection_permissions, where).toEqual({ required: answer });
    }
  });
});

describe('names and descriptions fit the stores', () => {
  it('Chrome: the name is the manifest’s (≤ 75), the summary ≤ 132, the description ≤ 16 000', () => {
    const name = field(chromeMd, 'Название');
    expect(name).toBe(messages.extName.message);
    expect(len(name)).toBeLessThanOrEqual(75);
    const summary = field(chromeMd, 'Краткое описание');
    expect(len(summary)).toBeLessThanOrEqual(132);
    expect(len(summary)).toBeGreaterThan(40);
    const description = field(chromeMd, 'Подробное описание');
    expect(len(description)).toBeLessThanOrEqual(16_000);
    for (const host of ['sgo.tvobr.ru', 'cabinet.ruobr.ru']) {
      expect(summary).toContain(host);
      expect(description).toContain(host);
    }
  });

  // The Chrome Web Store takes the summary from the manifest's `description` and rejects
  // packages whose description is over 132 characters.
  it('Chrome: the manifest description (the store summary) is the listing’s summary, ≤ 132', () => {
    const description = messages.extDescription.message;
    expect(len(description)).toBeLessThanOrEqual(132);
    expect(description).toBe(field(chromeMd, 'Краткое описание'));
  });

  it('AMO: the name is the manifest’s (≤ 50), the summary ≤ 250, the slug ≤ 30', () => {
    const name = field(amoMd, 'Название');
    expect(name).toBe(messages.extName.message);
    expect(len(name)).toBeLessThanOrEqual(50);
    const summary = field(amoMd, 'Краткое описание');
    expect(len(summary)).toBeLessThanOrEqual(250);
    expect(len(summary)).toBeGreaterThan(40);
    expect(field(amoMd, 'Адрес страницы')).toMatch(/^[a-z0-9-]{1,30}$/);
  });

  it('the README install section names the stores and the signed .xpi, and keeps placeholders marked', () => {
    const readme = readFileSync('README.md', 'utf8');
    const start = readme.indexOf('## Как установить (для родителей)');
    const install = readme.slice(start, readme.indexOf('\n## ', start + 1));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(install).toMatch(/Интернет-магазин[еа] Chrome/);
    expect(install).toMatch(/\.xpi/);
    // a store link is either real or the marked placeholder
    expect(install).toMatch(/chromewebstore\.google\.com|ссылка появится после публикации/);
    expect(install).toMatch(/addons\.mozilla\.org|ссылка появится после публикации/);
  });
});

/** Width and height of a PNG (IHDR). */
function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1'), file).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('screenshots', () => {
  const referenced = (md: string) => [...new Set([...md.matchAll(/`(screenshots\/[^`]+\.png)`/g)].map((m) => m[1]))];

  it('Chrome: 1 to 5 screenshots, all 1280×800, every file referenced exists and every file is referenced', () => {
    const refs = referenced(chromeMd);
    expect(refs.length).toBeGreaterThanOrEqual(1);
    expect(refs.length).toBeLessThanOrEqual(5);
    for (const f of refs) expect(pngSize(join(STORE, f)), f).toEqual([1280, 800]);
    const files = readdirSync(join(STORE, 'screenshots')).filter((f) => f.endsWith('.png'));
    expect(sorted(files.map((f) => `screenshots/${f}`))).toEqual(sorted(refs));
    for (const f of files) expect(statSync(join(STORE, 'screenshots', f)).size, f).toBeLessThan(1_000_000);
  });

  it('AMO uses the same screenshots; the small promo tile is 440×280', () => {
    expect(sorted(referenced(amoMd))).toEqual(sorted(referenced(chromeMd)));
    expect(pngSize(join(STORE, 'promo-440x280.png'))).toEqual([440, 280]);
  });
});

describe('the privacy facts the listings rely on still hold in the code', () => {
  const CODE_DIRS = ['entrypoints', 'utils', 'components'];
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|tsx|js)$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  const code = CODE_DIRS.flatMap(sources).map((f) => ({ file: f, text: readFileSync(f, 'utf8') }));

  it('no storage.sync (it would copy data to the browser vendor’s cloud)', () => {
    expect(code.filter((c) => /storage\.sync\b/.test(c.text)).map((c) => c.file)).toEqual([]);
  });

  it('no network APIs but fetch of the extension’s own files, in the files privacy.md names', () => {
    expect(code.filter((c) => /\b(XMLHttpRequest|sendBeacon|WebSocket|EventSource)\b/.test(c.text)).map((c) => c.file)).toEqual([]);
    const fetching = code.filter((c) => /\bfetch\(/.test(c.text));
    expect(fetching.length).toBeGreaterThan(0);
    for (const c of fetching) {
      expect(privacyMd, `${c.file} fetches: privacy.md must name it`).toContain(c.file);
      // every fetch in it loads a URL of the extension's package
      expect(c.text, c.file).toMatch(/runtime\.getURL/);
      expect(c.text, c.file).not.toMatch(/fetch\(\s*['"`]https?:/);
    }
  });

  it('the profile database and the storage keys privacy.md describes are the code’s', () => {
    const db = readFileSync('utils/profile/db.ts', 'utf8');
    const name = /super\('([^']+)'\)/.exec(db)?.[1];
    const stores = /\.stores\(\{([^}]*)\}\)/.exec(db)?.[1];
    expect(name).toBeTruthy();
    expect(privacyMd).toContain(`IndexedDB \`${name}\``);
    const tables = [...(stores ?? '').matchAll(/(\w+):/g)].map((m) => m[1]);
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) expect(privacyMd).toContain(`\`${t}\``);

    const all = code.map((c) => c.text).join('\n');
    const keys = [
      ...[...all.matchAll(/storage\.(?:local|session)\.(?:get|set|remove)\(\s*'([^']+)'/g)].map((m) => m[1]),
      /PRESENTATION_KEY = '([^']+)'/.exec(all)?.[1],
      /panelSideKey = \([^)]*\) => `([^$`]+)\$/.exec(all)?.[1],
      /TAB_KEY = \([^)]*\) => `([^$`]+)\$/.exec(all)?.[1],
    ];
    expect(keys).not.toContain(undefined);
    for (const k of new Set(keys as string[])) expect(privacyMd, `storage key ${k}`).toContain(`\`${k}`);
  });
});
