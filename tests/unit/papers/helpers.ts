/**
 * Helpers for the papers tests: fixtures, the shipped fonts, and poppler
 * (pdftotext, pdfinfo, pdftoppm) wrappers. Poppler is required: when it is
 * absent the tests FAIL with an install hint (CI installs poppler-utils).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PaperFonts, PapersInput } from '@/utils/papers/types';
import { fullPaperFonts, shippedPaperFonts } from '../../../scripts/paper-fonts';

/**
 * The fonts as the extension ships them: `public/fonts/` cut at build time to the papers'
 * characters (`scripts/paper-fonts.ts`, the same bytes the built extension fetches).
 */
export function shippedFonts(): Promise<PaperFonts> {
  return shippedPaperFonts();
}

/** The full DejaVu Serif originals in `public/fonts/` (the reference the shipped subset is checked against). */
export function originalFonts(): PaperFonts {
  return fullPaperFonts();
}

/** A parent applying for a 10-year-old in Kuzbass, everything filled (the data of seed 003). */
export const FILLED: PapersInput = {
  region: 'kuzbass',
  date: '2025-03-05',
  certificateNumber: '4207000002',
  category: 'Дети в возрасте от 5 до 18 лет',
  applicant: {
    fullName: 'Иванова Анна Петровна',
    address: 'Кемеровская обл. – Кузбасс, г. Киселевск, ул. Ленина, д. 12, кв. 34',
    passport: 'паспорт гражданина РФ серия 32 06 № 114590, выдан 17.05.2006 ОВД г. Киселевска, код подразделения 422-011',
    phone: '+7 (905) 123-45-67',
    email: 'anna.ivanova@example.ru',
    relation: 'parent',
  },
  child: {
    fullName: 'Иванов Пётр Сергеевич',
    birthDate: '14.03.2014',
    document: 'свидетельство о рождении III-ПО № 537155, выдано 20.03.2014 отделом ЗАГС г. Киселевска',
    address: 'Кемеровская обл. – Кузбасс, г. Киселевск, ул. Ленина, д. 12, кв. 34',
    snils: '112-233-445 95',
  },
  operator: { name: 'МБУ ДО «Дом детского творчества» г. Киселевска', address: '652700, г. Киселевск, ул. Унжакова, д. 8а' },
};

/** A 15-year-old applying alone in Tver with a passport; the parent may co-sign. */
export const ALONE: PapersInput = {
  ...FILLED,
  region: 'tver',
  child: {
    ...FILLED.child,
    birthDate: '14.03.2010',
    document: 'паспорт гражданина РФ серия 28 24 № 654321, выдан 20.03.2024 УМВД России по Тверской области',
    appliesAlone: true,
  },
};

/** The fully blank form. */
export const BLANK: PapersInput = { region: 'tver' };

/** Values of FILLED that must appear in the filled PDF and never in the blank one. */
export const FILLED_VALUES = [
  'Иванова Анна Петровна',
  'Иванов Пётр Сергеевич',
  '14.03.2014',
  'III-ПО № 537155',
  '112-233-445 95',
  '4207000002',
  '+7 (905) 123-45-67',
  'anna.ivanova@example.ru',
  '32 06 № 114590',
  'ул. Ленина, д. 12, кв. 34',
  'Дом детского творчества',
  'ул. Унжакова, д. 8а',
  'Дети в возрасте от 5 до 18 лет',
];

const INSTALL_HINT = 'poppler-utils (pdftotext, pdfinfo, pdftoppm) is required for the papers tests: apt-get install -y poppler-utils';

/** Throws a clear error when a poppler tool is missing; never skips. */
export function requirePoppler(): void {
  for (const tool of ['pdftotext', 'pdfinfo', 'pdftoppm']) {
    const r = spawnSync(tool, ['-v'], { encoding: 'utf8' });
    if (r.error) throw new Error(`${tool} not found. ${INSTALL_HINT}`);
  }
}

function run(tool: string, args: string[]): string {
  const r = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${tool}: ${r.error.message}. ${INSTALL_HINT}`);
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** A temporary directory for PDFs and renders; `cleanup` removes it (set PAPERS_KEEP=1 to keep). */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'papers-'));
  return { dir, cleanup: () => (process.env.PAPERS_KEEP ? console.log(`papers: kept ${dir}`) : rmSync(dir, { recursive: true, force: true })) };
}

/** Writes bytes to `<dir>/<name>.pdf` and returns the path. */
export function writePdf(dir: string, name: string, bytes: Uint8Array): string {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

/** `pdftotext -layout` (or `-raw`, content-stream order) of all pages, or of page `page` only. */
export function pdfText(path: string, page?: number, raw = false): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return run('pdftotext', [raw ? '-raw' : '-layout', ...range, path, '-']);
}

/** Whitespace collapsed to single spaces (layout mode pads and breaks lines). */
export function norm(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Page count and every page's size in points, from `pdfinfo`. */
export function pdfPages(path: string): { count: number; sizes: string[]; info: string } {
  const info = run('pdfinfo', [path]);
  const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const perPage = run('pdfinfo', ['-f', '1', '-l', String(count), path]);
  const sizes = [...perPage.matchAll(/Page\s+\d+ size:\s+(.+)/g)].map((m) => m[1].trim());
  return { count, sizes, info };
}

/** A grayscale page render. */
export interface GrayPage {
  width: number;
  height: number;
  data: Uint8Array;
}

function parsePgm(buf: Buffer): GrayPage {
  // P5\n<width> <height>\n<maxval>\n<bytes>
  let pos = 0;
  const tokens: string[] = [];
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[pos]))) pos++;
    if (buf[pos] === 0x23) {
      while (buf[pos] !== 0x0a) pos++;
      continue;
    }
    let t = '';
    while (!/\s/.test(String.fromCharCode(buf[pos]))) t += String.fromCharCode(buf[pos++]);
    tokens.push(t);
  }
  pos++; // single whitespace after maxval
  if (tokens[0] !== 'P5' || tokens[3] !== '255') throw new Error(`unexpected PGM header ${tokens.join(' ')}`);
  const width = Number(tokens[1]);
  const height = Number(tokens[2]);
  return { width, height, data: new Uint8Array(buf.subarray(pos, pos + width * height)) };
}

/** Renders every page with `pdftoppm -r <dpi> -gray` and returns them in page order. */
export function renderGray(path: string, dpi: number, dir: string, prefix: string): GrayPage[] {
  run('pdftoppm', ['-r', String(dpi), '-gray', path, join(dir, prefix)]);
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.pgm'))
    .sort((a, b) => Number(/-(\d+)\.pgm$/.exec(a)![1]) - Number(/-(\d+)\.pgm$/.exec(b)![1]));
  return files.map((f) => parsePgm(readFileSync(join(dir, f))));
}

/** Fraction of "ink" pixels (darker than mid-grey) on a page. */
export function inkRatio(page: GrayPage): number {
  let dark = 0;
  for (const v of page.data) if (v < 128) dark++;
  return dark / page.data.length;
}

/** One separate document of a papers PDF: its footer title, its pages (1-based) and their text. */
export interface PaperDocument {
  title: string;
  pages: number[];
  texts: string[];
}

/**
 * Groups the pages of a papers PDF (`pdftotext -layout` per page, whitespace collapsed) into its
 * documents by their footers («<title> … лист i из n»).
 * @param pages page texts in order
 * @param titles every document title (`DOC_TITLES`)
 */
export function documentsOf(pages: string[], titles: readonly string[]): PaperDocument[] {
  const out: PaperDocument[] = [];
  pages.forEach((text, i) => {
    const hits = titles.filter((t) => text.includes(`${t} лист`));
    if (hits.length !== 1) throw new Error(`page ${i + 1} has ${hits.length} document footers: ${text.slice(-200)}`);
    const last = out[out.length - 1];
    if (last && last.title === hits[0]) {
      last.pages.push(i + 1);
      last.texts.push(text);
    } else out.push({ title: hits[0], pages: [i + 1], texts: [text] });
  });
  return out;
}
