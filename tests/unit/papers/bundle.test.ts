/**
 * What the papers cost in the extension package. The PDF code is one lazy chunk (pdf-lib and
 * `utils/papers`), loaded only when a PDF is made. It must not carry fontkit (the papers embed
 * their fonts with their own reader, `utils/papers/embed-font.ts`; fontkit made the chunk
 * 1.14 MB) nor pdf-lib's data for the 14 standard PDF fonts (≈ 110 KB, replaced in the build by
 * `utils/papers/no-standard-fonts.ts` through an alias in `wxt.config.ts`).
 *
 * The test builds the Chrome extension itself (`wxt build` into a temporary directory), so it
 * checks the code as it is, not a stale `.output`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Encodings, Font, FontNames, NO_STANDARD_FONTS } from '@/utils/papers/no-standard-fonts';
import { tempDir } from './helpers';

const ROOT = resolve(__dirname, '../../..');
const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Markers of fontkit's code (its table names and errors), none of which our own reader uses. */
const FONTKIT_MARKERS = ['wOF2', 'morx', 'GSUB', 'fvar', 'Unknown font format'];
/** The raw size the chunk stays under (≈ 310 KB without fontkit and the standard fonts; 1.14 MB with them). */
const CHUNK_RAW_MAX = 400_000;

let chunks: { name: string; code: string }[] = [];

beforeAll(() => {
  const env: Record<string, string | undefined> = { ...process.env, PFDO_OUT_DIR: tmp.dir, NODE_ENV: 'production' };
  for (const k of Object.keys(env)) if (k.startsWith('VITEST')) delete env[k];
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`wxt build failed (${r.status}): ${r.stdout}\n${r.stderr}`);
  const dir = join(tmp.dir, 'chrome-mv3', 'chunks');
  if (!existsSync(dir)) throw new Error(`no chunks in ${dir}`);
  chunks = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((name) => ({ name, code: readFileSync(join(dir, name), 'utf8') }));
}, 240_000);

describe('papers in the extension package', () => {
  it('pdf-lib is in exactly one lazy chunk, without fontkit and without the standard fonts’ data', () => {
    // pdf-lib's own method name survives minification (it is a property).
    const pdf = chunks.filter((c) => c.code.includes('registerFontkit'));
    expect(pdf.map((c) => c.name)).toHaveLength(1);
    const [chunk] = pdf;
    for (const marker of FONTKIT_MARKERS) expect(chunk.code.includes(marker), `fontkit marker «${marker}» in ${chunk.name}`).toBe(false);
    // The standard fonts' metrics and encodings are zlib-compressed JSON in base64 («eJy…»).
    // (Booleans, not matchers: a failure must not print the whole chunk.)
    expect(/["'`]eJy[A-Za-z0-9+/]{100}/.test(chunk.code), `compressed font data in ${chunk.name}`).toBe(false);
    expect(/[A-Za-z0-9+/]{2000}/.test(chunk.code), `a long base64 string in ${chunk.name}`).toBe(false);
    // …and the stand-in is there instead.
    expect(chunk.code.includes(NO_STANDARD_FONTS), `the stand-in's message in ${chunk.name}`).toBe(true);
    const raw = Buffer.byteLength(chunk.code);
    console.log(`papers chunk ${chunk.name}: ${raw} B raw, ${deflateRawSync(chunk.code, { level: 9 }).length} B deflated`);
    expect(raw).toBeLessThan(CHUNK_RAW_MAX);
  });

  it('no other chunk carries fontkit', () => {
    for (const c of chunks) for (const marker of ['morx', 'fvar', 'Unknown font format']) expect(c.code.includes(marker), `${marker} in ${c.name}`).toBe(false);
  });
});

describe('the stand-in for @pdf-lib/standard-fonts', () => {
  it('names the same 14 fonts as pdf-lib', () => {
    expect(Object.values(FontNames).sort()).toEqual(Object.values(StandardFonts).sort());
  });

  it('throws a clear error when a standard font is asked for', () => {
    expect(() => Font.load('Helvetica')).toThrow(NO_STANDARD_FONTS);
    expect(() => Encodings.WinAnsi).toThrow(NO_STANDARD_FONTS);
    expect(() => Encodings.Symbol).toThrow(NO_STANDARD_FONTS);
    expect(() => Encodings.ZapfDingbats).toThrow(NO_STANDARD_FONTS);
  });

  it('is used only in the build: the tests run pdf-lib with the real package', async () => {
    const doc = await PDFDocument.create();
    expect(doc.embedStandardFont(StandardFonts.Helvetica).widthOfTextAtSize('A', 10)).toBeGreaterThan(0);
  });
});
