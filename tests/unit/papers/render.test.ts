/**
 * Rendering check: subset-embedded fonts (cut per PDF by `utils/papers/truetype.ts`) must draw
 * the same glyphs as the full fonts. A broken subset renders blank or garbled glyphs while
 * `pdftotext` still extracts the text (pdf-lib + fontkit subsets were known to), so text
 * assertions alone cannot catch it: here every page is rasterised (pdftoppm -r 50 -gray) and the
 * ink is compared with a render of the same document embedded with full fonts.
 * The fonts the extension ships are themselves cut at build time (scripts/paper-fonts.ts), so
 * their renders are also compared with renders made from the full DejaVu Serif originals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PDFDocument, TextRenderingMode, setTextRenderingMode } from 'pdf-lib';
import { renderPapersPdf } from '@/utils/papers/build';
import type { PapersInput } from '@/utils/papers/types';
import { renderGuidePdf } from '@/utils/papers/guide-pdf';
import { ALONE, BLANK, FILLED, type GrayPage, inkRatio, norm, originalFonts, pdfText, renderGray, requirePoppler, shippedFonts, tempDir, writePdf } from './helpers';

const fonts = await shippedFonts();
const tmp = tempDir();
afterAll(() => tmp.cleanup());
beforeAll(() => requirePoppler());

const DPI = 50;
/** Allowed relative difference of ink between subset and full renders (the brief: ±3 %). */
const INK_TOLERANCE = 0.03;

/** Share of pixels whose grey level differs by more than 64 between two renders of one page. */
function pixelDiff(a: GrayPage, b: GrayPage): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let n = 0;
  for (let i = 0; i < a.data.length; i++) if (Math.abs(a.data[i] - b.data[i]) > 64) n++;
  return n / a.data.length;
}

/** Per page: relative ink difference and pixel difference between two renders. */
function compare(test: GrayPage[], reference: GrayPage[]): { page: number; inkTest: number; inkRef: number; rel: number; diff: number }[] {
  expect(test.length).toBe(reference.length);
  return test.map((p, i) => {
    const inkTest = inkRatio(p);
    const inkRef = inkRatio(reference[i]);
    return { page: i + 1, inkTest, inkRef, rel: Math.abs(inkTest - inkRef) / inkRef, diff: pixelDiff(p, reference[i]) };
  });
}

async function renders(name: string, input: PapersInput): Promise<{ subset: GrayPage[]; full: GrayPage[]; subsetPath: string }> {
  const subsetPath = writePdf(tmp.dir, `${name}-subset`, await renderPapersPdf(input, fonts, { subset: true }));
  const fullPath = writePdf(tmp.dir, `${name}-full`, await renderPapersPdf(input, fonts, { subset: false }));
  return { subset: renderGray(subsetPath, DPI, tmp.dir, `${name}-subset`), full: renderGray(fullPath, DPI, tmp.dir, `${name}-full`), subsetPath };
}

describe('papers PDF: subset fonts render like full fonts (pdftoppm)', () => {
  for (const [name, input] of [
    ['filled', FILLED],
    ['blank', BLANK],
    ['alone', ALONE],
    [
      'alphabet',
      {
        region: 'kuzbass',
        certificateNumber: '4207000002',
        child: {
          fullName: 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
          address: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 «»—–№§.,;:!?()[]/@&%+-_"\'',
        },
      } as PapersInput,
    ],
  ] as const) {
    it(`${name}: every page has the same ink (±3 %) and the same pixels as with full fonts, and is not blank`, async () => {
      const { subset, full } = await renders(name, input);
      expect(subset.length).toBeGreaterThanOrEqual(3);
      // A4 at 50 dpi is 413 × 585 px
      expect(subset[0].width).toBeGreaterThanOrEqual(412);
      expect(subset[0].height).toBeGreaterThanOrEqual(584);
      for (const r of compare(subset, full)) {
        expect(r.rel, `page ${r.page}: ink ${r.inkTest} vs ${r.inkRef}`).toBeLessThanOrEqual(INK_TOLERANCE);
        expect(r.diff, `page ${r.page}: pixels differ`).toBeLessThan(0.002);
        // a sane amount of ink: a text page, neither empty nor a black block
        expect(r.inkTest, `page ${r.page} ink`).toBeGreaterThan(0.01);
        expect(r.inkTest, `page ${r.page} ink`).toBeLessThan(0.3);
      }
    });
  }

  it('control: invisible glyphs (the subset failure mode) keep pdftotext happy but fail the ink comparison', async () => {
    const { full, subsetPath } = await renders('control', FILLED);
    // Emulate glyphs that render as nothing: text rendering mode 3 (invisible) on every page.
    const doc = await PDFDocument.load(readFileSync(subsetPath));
    for (const page of doc.getPages()) {
      const start = doc.context.register(doc.context.contentStream([setTextRenderingMode(TextRenderingMode.Invisible)]));
      const end = doc.context.register(doc.context.contentStream([]));
      page.node.wrapContentStreams(start, end);
    }
    const brokenPath = writePdf(tmp.dir, 'control-broken', await doc.save());
    expect(norm(pdfText(brokenPath, 1))).toContain('ЗАЯВЛЕНИЕ О ПРЕДОСТАВЛЕНИИ СЕРТИФИКАТА');
    const broken = renderGray(brokenPath, DPI, tmp.dir, 'control-broken');
    const results = compare(broken, full);
    for (const r of results) expect(r.rel, `page ${r.page}`).toBeGreaterThan(INK_TOLERANCE);
  });
});

const ALPHABET: PapersInput = {
  region: 'kuzbass',
  certificateNumber: '4207000002',
  applicant: { fullName: 'Ёлкина Ия-Мария Андреевна', address: '«кавычки» „лапки“ ‘одиночные’ … № 5 § 2 © ° × · • → ≈ ≤ ≥ − 1–2 — ударе\u0301ние' },
  child: {
    fullName: 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
    address: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 «»—–№§.,;:!?()[]/@&%+-_"\'',
  },
};

describe('papers PDF: the shipped (build-time subset) fonts render like the full DejaVu Serif originals', () => {
  const original = originalFonts();
  for (const [name, input] of [
    ['filled', FILLED],
    ['alone', ALONE],
    ['blank', BLANK],
    ['alphabet', ALPHABET],
  ] as const) {
    it(`${name}: same pages, same text and the same ink (±3 %) and pixels as with the original fonts`, async () => {
      const shippedPath = writePdf(tmp.dir, `${name}-shipped`, await renderPapersPdf(input, fonts));
      const originalPath = writePdf(tmp.dir, `${name}-original`, await renderPapersPdf(input, original, { subset: false }));
      expect(norm(pdfText(shippedPath))).toBe(norm(pdfText(originalPath)));
      const results = compare(renderGray(shippedPath, DPI, tmp.dir, `${name}-shipped`), renderGray(originalPath, DPI, tmp.dir, `${name}-original`));
      for (const r of results) {
        expect(r.rel, `page ${r.page}: ink ${r.inkTest} vs ${r.inkRef}`).toBeLessThanOrEqual(INK_TOLERANCE);
        expect(r.diff, `page ${r.page}: pixels differ`).toBeLessThan(0.002);
        expect(r.inkTest, `page ${r.page} ink`).toBeGreaterThan(0.01);
      }
    });
  }

  it('the guide (памятка): same text, ink and pixels as with the original fonts', async () => {
    const input = {
      title: 'Памятка: сертификат — «Сетевой город»',
      portal: 'sgo.tvobr.ru',
      generatedOn: '2026-12-02',
      steps: [
        { code: 'Т-1', title: 'Войдите через Госуслуги', instruction: 'Нажмите «Войти через Госуслуги» → введите логин и пароль… Ёлка, № 5.', notes: ['Не приходит письмо — проверьте «Спам».', 'Пароль не подходит: «Восстановить».'] },
        { code: 'Т-2', title: 'Откройте «Заявления»', instruction: 'Меню — «Заявления» — «Сертификат ПДО».' },
      ],
    };
    const shippedPath = writePdf(tmp.dir, 'guide-shipped', await renderGuidePdf(input, fonts));
    const originalPath = writePdf(tmp.dir, 'guide-original', await renderGuidePdf(input, original, { subset: false }));
    expect(norm(pdfText(shippedPath))).toBe(norm(pdfText(originalPath)));
    for (const r of compare(renderGray(shippedPath, DPI, tmp.dir, 'guide-shipped'), renderGray(originalPath, DPI, tmp.dir, 'guide-original'))) {
      expect(r.rel, `page ${r.page}: ink ${r.inkTest} vs ${r.inkRef}`).toBeLessThanOrEqual(INK_TOLERANCE);
      expect(r.diff, `page ${r.page}: pixels differ`).toBeLessThan(0.002);
    }
  });
});
