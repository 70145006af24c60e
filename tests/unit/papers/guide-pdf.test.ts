/**
 * The illustrated guide («памятка») PDF: text (pdftotext), page count and
 * order (steps packed two or three to a page, never split), metadata,
 * screenshots actually drawn and cut to their crop (rendered with pdftoppm:
 * colours only the screenshots contain, and ink in the picture column), word
 * positions inside the text block (pdftotext -bbox), subset fonts rendering
 * like full fonts, and the download file name.
 *
 * Test images are generated here: PNG with a tiny encoder (node:zlib), JPEG by
 * rendering a PDF holding that PNG with `pdftoppm -jpeg`.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName } from 'pdf-lib';
import {
  GUIDE_NOTICE,
  GUIDE_NO_IMAGE,
  type GuideSheetInput,
  type GuideSheetStep,
  buildGuidePdf,
  formatGuideDate,
  guidePdfFileName,
  renderGuidePdf,
} from '@/utils/papers/guide-pdf';
import { type GrayPage, inkRatio, norm, pdfPages, pdfText, renderGray, requirePoppler, shippedFonts, tempDir, writePdf } from './helpers';

const fonts = await shippedFonts();
const tmp = tempDir();
afterAll(() => tmp.cleanup());

// ---------------------------------------------------------------- test images

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes an 8-bit RGB PNG (filter 0 on every row). */
function encodePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bit, truecolour
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]),
  );
}

/** The one colour that only the screenshots contain (the PDF itself is black and grey). */
const ORANGE: [number, number, number] = [255, 120, 0];

/** A fake portal screenshot: dark top bar, grey sidebar, «text» bars, an orange button. */
function screenshotPng(width: number, height: number): Uint8Array {
  return encodePng(width, height, (x, y) => {
    if (y < height * 0.12) return [30, 50, 90];
    if (x < width * 0.2) return [200, 205, 212];
    const bx = x - width * 0.25;
    if (y > height * 0.7 && y < height * 0.82 && bx > 0 && bx < width * 0.3) return ORANGE;
    const line = Math.floor((y - height * 0.18) / (height * 0.07));
    const inLine = (y - height * 0.18) % (height * 0.07) < height * 0.035;
    if (line >= 0 && line < 6 && inLine && bx > 0 && bx < width * (0.65 - line * 0.05)) return [40, 40, 40];
    return [255, 255, 255];
  });
}

/** A JPEG of the same picture: a PDF page holding the PNG, rasterised by pdftoppm -jpeg at 72 dpi (1 pt = 1 px). */
async function screenshotJpeg(width: number, height: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const png = await doc.embedPng(screenshotPng(width, height));
  doc.addPage([width, height]).drawImage(png, { x: 0, y: 0, width, height });
  const pdf = writePdf(tmp.dir, `jpeg-source-${width}x${height}`, await doc.save());
  const out = join(tmp.dir, `shot-${width}x${height}`);
  const r = spawnSync('pdftoppm', ['-r', '72', '-jpeg', '-singlefile', pdf, out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftoppm -jpeg failed: ${r.stderr}`);
  return new Uint8Array(readFileSync(`${out}.jpg`));
}

// ---------------------------------------------------------------- rendering helpers

interface RgbPage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Renders one page in colour (`pdftoppm -r <dpi>`, PPM) and parses it. */
function renderRgb(path: string, page: number, dpi: number, prefix: string): RgbPage {
  const out = join(tmp.dir, prefix);
  const r = spawnSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', path, out]);
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
  const buf = readFileSync(`${out}.ppm`);
  const header = buf.subarray(0, 40).toString('latin1');
  const m = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(header);
  if (!m) throw new Error(`unexpected PPM header ${header.slice(0, 20)}`);
  const start = m[0].length;
  return { width: Number(m[1]), height: Number(m[2]), data: new Uint8Array(buf.subarray(start)) };
}

/** Pixels close to the screenshots' orange. */
function orangePixels(p: RgbPage): number {
  let n = 0;
  for (let i = 0; i < p.data.length; i += 3) {
    const [r, g, b] = [p.data[i], p.data[i + 1], p.data[i + 2]];
    if (r > 200 && g > 70 && g < 170 && b < 70) n++;
  }
  return n;
}

/** Share of ink pixels in a band of the page (fractions of width and height, from the top-left). */
function bandInk(p: GrayPage, x0: number, x1: number, y0: number, y1: number): number {
  let dark = 0;
  let all = 0;
  for (let y = Math.floor(p.height * y0); y < Math.floor(p.height * y1); y++) {
    for (let x = Math.floor(p.width * x0); x < Math.floor(p.width * x1); x++) {
      all++;
      if (p.data[y * p.width + x] < 128) dark++;
    }
  }
  return dark / all;
}

/** Words of a page with their boxes (pdftotext -bbox; y from the top, points). */
function words(path: string, page: number): { text: string; yMin: number; yMax: number; xMin: number; xMax: number }[] {
  const r = spawnSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext -bbox failed: ${r.stderr}`);
  return [...r.stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5],
  }));
}

// ---------------------------------------------------------------- fixtures

const LONG_INSTRUCTION = Array.from(
  { length: 9 },
  (_, i) =>
    `Пункт ${i + 1}. Проверьте, что фамилия, имя и отчество ребёнка, дата рождения и номер свидетельства о рождении совпадают с документом; если портал показывает ошибку «Данные не найдены», подождите сутки и повторите запрос — сведения из ЕГР ЗАГС приходят с задержкой.`,
).join(' ');

let png: Uint8Array;
let jpeg: Uint8Array;
let input: GuideSheetInput;

const PORTAL = 'sgo.tvobr.ru';

function steps(): GuideSheetStep[] {
  return [
    {
      code: 'Т-1',
      title: 'Вход на портал через Госуслуги',
      instruction: 'Откройте сайт sgo.tvobr.ru и нажмите кнопку «Войти через Госуслуги». Введите логин и пароль от Госуслуг.',
      image: { bytes: png, type: 'png' },
      notes: ['Если кнопки нет, обновите страницу.', 'Не вводите пароль на сторонних сайтах.'],
    },
    {
      code: 'Т-2',
      title: 'Подготовьте свидетельство о рождении',
      instruction: 'Этот шаг делается дома: найдите свидетельство о рождении ребёнка и СНИЛС.\nПаспорт родителя тоже понадобится.',
      notes: ['Часто забывают СНИЛС ребёнка — его можно заказать на Госуслугах.'],
    },
    {
      code: 'Т-3',
      title: 'Заявка на сертификат дополнительного образования: заполнение данных ребёнка',
      instruction: LONG_INSTRUCTION,
      image: { bytes: jpeg, type: 'jpeg' },
    },
  ];
}

interface Built {
  path: string;
  pages: string[];
}

async function build(name: string, data: GuideSheetInput, subset = true): Promise<Built> {
  const bytes = subset ? await buildGuidePdf(data, fonts) : await renderGuidePdf(data, fonts, { subset: false });
  const path = writePdf(tmp.dir, name, bytes);
  const { count } = pdfPages(path);
  return { path, pages: Array.from({ length: count }, (_, i) => norm(pdfText(path, i + 1))) };
}

let guide: Built;

/** 1-based page holding a step (its code box and title), or 0. */
function pageOf(b: Built, s: GuideSheetStep): number {
  return b.pages.findIndex((p, i) => i > 0 && p.includes(`${s.code} ${norm(s.title)}`)) + 1;
}

beforeAll(async () => {
  requirePoppler();
  png = screenshotPng(640, 400);
  jpeg = await screenshotJpeg(420, 600);
  input = {
    title: 'Как получить сертификат дополнительного образования — Тверская область, «Сетевой город. Образование»',
    portal: PORTAL,
    steps: steps(),
    generatedOn: '2026-12-02',
  };
  guide = await build('guide', input);
}, 60_000); // fonts, a JPEG through pdftoppm and a PDF: slow on a busy 2-core machine

// ---------------------------------------------------------------- tests

describe('guide PDF: structure and text (pdftotext)', () => {
  it('the test images are real PNG and JPEG files', () => {
    expect(Array.from(png.subarray(1, 4))).toEqual([0x50, 0x4e, 0x47]);
    expect(Array.from(jpeg.subarray(0, 3))).toEqual([0xff, 0xd8, 0xff]);
  });

  it('A4 portrait: the cover, then the steps packed — two short ones share a page, the long one has its own', () => {
    const { count, sizes } = pdfPages(guide.path);
    expect(count).toBe(3);
    for (const s of sizes) expect(s).toMatch(/^595\.2\d? x 841\.8\d? pts \(A4\)/);
    expect(input.steps.map((s) => pageOf(guide, s))).toEqual([2, 2, 3]);
  });

  it('the cover has the title, portal, date, notice and the list of steps with their page numbers', () => {
    const cover = guide.pages[0];
    expect(cover).toContain('Как получить сертификат дополнительного образования');
    expect(cover).toContain('«Сетевой город. Образование»');
    expect(cover).toContain(`Портал: ${PORTAL}`);
    expect(cover).toContain('02.12.2026');
    expect(cover).toContain(GUIDE_NOTICE);
    for (const s of input.steps) {
      expect(cover).toContain(s.code);
      expect(cover).toMatch(new RegExp(`${s.code} .*стр\\. ${pageOf(guide, s)}`));
    }
    for (const s of input.steps.slice(0, 2)) expect(cover).toContain(s.title);
    // the long title wraps in its column
    expect(cover).toContain('Заявка на сертификат дополнительного');
    // cover entries in order
    const at = input.steps.map((s) => cover.indexOf(s.code));
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('each step\'s page carries its code, title, whole instruction and notes (Cyrillic), steps in order', () => {
    let before = 0;
    input.steps.forEach((s, i) => {
      const n = pageOf(guide, s);
      expect(n, s.code).toBeGreaterThan(1);
      expect(n).toBeGreaterThanOrEqual(before);
      before = n;
      const page = guide.pages[n - 1];
      expect(page).toContain(`Шаг ${i + 1} из ${input.steps.length} ${s.code}`);
      expect(page).toContain(norm(s.title));
      // in drawing order (the picture column's note may sit beside the text in reading order)
      const drawn = norm(pdfText(guide.path, n, true));
      for (const para of s.instruction.split('\n')) expect(drawn).toContain(norm(para));
      for (const note of s.notes ?? []) expect(drawn).toContain(note);
      if (s.notes?.length) expect(page).toContain('Обратите внимание:');
    });
    // on a shared page, in step order
    const shared = guide.pages[1];
    expect(shared.indexOf('из 3 Т-1')).toBeGreaterThanOrEqual(0);
    expect(shared.indexOf('из 3 Т-1')).toBeLessThan(shared.indexOf('из 3 Т-2'));
  });

  it('a step without a screenshot gets the framed note instead (once, on its page)', () => {
    const all = guide.pages.join(' ');
    expect(all.split(GUIDE_NO_IMAGE)).toHaveLength(2);
    expect(guide.pages[pageOf(guide, input.steps[1]) - 1]).toContain(GUIDE_NO_IMAGE);
  });

  it('every page has the footer «стр. N из M» and the portal', () => {
    guide.pages.forEach((p, i) => {
      expect(p).toContain(`стр. ${i + 1} из ${guide.pages.length}`);
      expect(p).toContain(PORTAL);
    });
  });

  it('metadata: the title, language ru, creator pfdo-companion', async () => {
    const doc = await PDFDocument.load(readFileSync(guide.path), { updateMetadata: false });
    expect(doc.getTitle()).toBe(input.title);
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(ru)');
    expect(doc.getCreator()).toBe('pfdo-companion');
  });

  it('the long instruction stays inside the text block of its page (pdftotext -bbox), above the footer', () => {
    const H = 841.89;
    const bottomMargin = 20 * (72 / 25.4);
    for (let page = 1; page <= guide.pages.length; page++) {
      const ws = words(guide.path, page);
      expect(ws.length).toBeGreaterThan(10);
      for (const w of ws) {
        const inFooter = w.yMin > H - bottomMargin / 2 - 14;
        expect(inFooter || w.yMax <= H - bottomMargin + 1, `page ${page}: «${w.text}» at ${w.yMax}`).toBe(true);
        expect(w.xMin).toBeGreaterThanOrEqual(18 * (72 / 25.4) - 1);
        expect(w.xMax).toBeLessThanOrEqual(595.28 - 18 * (72 / 25.4) + 1);
      }
    }
    // the last words of the long instruction are on the step's own page
    expect(guide.pages[pageOf(guide, input.steps[2]) - 1]).toContain('приходят с задержкой.');
  });

  it('an extremely long instruction still fits one page with the screenshot shrunk, or flows on without losing text', async () => {
    const huge = { ...input, steps: [{ ...input.steps[0], instruction: `${LONG_INSTRUCTION} ${LONG_INSTRUCTION}` }, input.steps[1]] };
    const b = await build('huge', huge);
    const all = b.pages.join(' ');
    expect(all).toContain(norm(`${LONG_INSTRUCTION} ${LONG_INSTRUCTION}`).slice(-200));
    expect(b.pages.length).toBeGreaterThanOrEqual(3);
    expect(b.pages[0]).toMatch(new RegExp(`Т-2 .*стр\\. ${b.pages.length}`));
    // the text continues on a page headed with its step, the next step follows it
    expect(b.pages[2]).toContain('Т-1 Вход на портал через Госуслуги (продолжение)');
    expect(b.pages.at(-1)).toContain('Шаг 2 из 2 Т-2');
    for (let page = 1; page <= b.pages.length; page++) {
      for (const w of words(b.path, page)) expect(w.yMax, `page ${page}: «${w.text}»`).toBeLessThanOrEqual(841.89 - 8);
    }
  });

  it('throws a RangeError for a malformed date and names the step with unreadable image bytes', async () => {
    await expect(buildGuidePdf({ ...input, generatedOn: '02.12.2026' }, fonts)).rejects.toThrow(RangeError);
    await expect(
      buildGuidePdf({ ...input, steps: [{ code: 'К-7', title: 'Плохой снимок', instruction: 'x', image: { bytes: new Uint8Array([1, 2, 3]), type: 'png' } }] }, fonts),
    ).rejects.toThrow(/К-7/);
  });

  it('without fonts, loads the shipped ones from the extension package', async () => {
    const seen: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        seen.push(url);
        const m = /^chrome-extension:\/\/[^/]+\/(fonts\/[\w-]+\.ttf)$/.exec(url);
        return m ? new Response(readFileSync(resolve(__dirname, '../../../public', m[1]))) : new Response(null, { status: 404 });
      }),
    );
    try {
      const path = writePdf(tmp.dir, 'fetched', await buildGuidePdf({ ...input, steps: input.steps.slice(1, 2) }));
      expect(norm(pdfText(path, 2))).toContain(GUIDE_NO_IMAGE);
      expect(seen.length).toBe(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('many steps: the list runs over two cover pages, and every listed page number is the page of that step', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ code: `К-${i + 1}`, title: `Шаг номер ${i + 1} из длинного списка`, instruction: `Инструкция ${i + 1}.` }));
    const b = await build('many', { ...input, portal: 'cabinet.ruobr.ru', steps: many });
    const cover = `${b.pages[0]} ${b.pages[1]}`;
    expect(b.pages[1]).toContain('К-40');
    expect(b.pages[1]).not.toContain('Инструкция');
    let last = 0;
    many.forEach((s, i) => {
      const m = new RegExp(`${s.code} ${s.title} стр\\. (\\d+)`).exec(cover);
      expect(m, s.code).not.toBeNull();
      const page = Number(m![1]);
      expect(page).toBeGreaterThanOrEqual(Math.max(3, last));
      last = page;
      expect(b.pages[page - 1]).toContain(`Инструкция ${i + 1}.`);
      expect(b.pages[page - 1]).toContain(`стр. ${page} из ${b.pages.length}`);
    });
    expect(last).toBe(b.pages.length);
  });

  it('a portal\'s worth of steps with screenshots and notes: two or three to an A4 page, never split', async () => {
    // As long as the real ones get: a 250-character instruction, two notes of about 200.
    const instruction = 'Нажмите кнопку, обведённую рамкой, и дождитесь, пока портал откроет следующую страницу. '.repeat(3).trim();
    const note = 'Если портал пишет, что данные не найдены: подождите сутки и повторите запрос — сведения из ЕГР ЗАГС приходят с задержкой, а помощник ничего не отправляет.';
    const twelve: GuideSheetStep[] = Array.from({ length: 12 }, (_, i) => ({
      code: `К-${i + 1}`,
      title: `Шаг портала номер ${i + 1}`,
      instruction,
      image: { bytes: png, type: 'png', crop: { left: 0.2, top: 0.3, width: 0.5, height: 0.5 } },
      notes: i % 3 === 0 ? [note, note] : i % 3 === 1 ? [note] : [],
    }));
    const b = await build('twelve', { ...input, portal: 'cabinet.ruobr.ru', steps: twelve });
    expect(b.pages.length).toBeLessThanOrEqual(1 + 6);
    const perPage = b.pages.slice(1).map((p) => (p.match(/Шаг \d+ из 12/g) ?? []).length);
    expect(perPage.reduce((x, y) => x + y, 0)).toBe(12);
    perPage.forEach((n, i) => {
      expect(n, perPage.join(', ')).toBeLessThanOrEqual(3);
      if (i < perPage.length - 1) expect(n, perPage.join(', ')).toBeGreaterThanOrEqual(2);
    });
    // a step is never split: its code, title, instruction and notes are on one page
    for (const s of twelve) {
      const page = b.pages[pageOf(b, s) - 1];
      expect(norm(pdfText(b.path, pageOf(b, s), true))).toContain(norm(instruction));
      for (const n of s.notes ?? []) expect(page).toContain('Обратите внимание:');
    }
  });

  it('no steps: a cover only', async () => {
    const b = await build('empty', { ...input, steps: [] });
    expect(b.pages).toHaveLength(1);
    expect(b.pages[0]).toContain('стр. 1 из 1');
  });
});

describe('guide PDF: rendering (pdftoppm)', () => {
  it('the screenshots are drawn: their colour is on the PNG and JPEG steps\' pages and not on the cover', () => {
    const counts = [1, 2, 3].map((page) => orangePixels(renderRgb(guide.path, page, 40, `colour-${page}`)));
    expect(counts[0]).toBe(0); // cover
    expect(counts[1]).toBeGreaterThan(30); // PNG (and the step without image)
    expect(counts[2]).toBeGreaterThan(30); // JPEG
  });

  it('the picture column has far more ink beside a step with a screenshot than beside the step without one (-r 40)', () => {
    const pages = renderGray(guide.path, 40, tmp.dir, 'ink');
    const H = 841.89;
    const ws = words(guide.path, 2);
    const codeTop = (code: string) => ws.find((w) => w.text === code)!.yMax;
    // The band under each step's header, in the picture column (left half of the text block).
    const band = (code: string) => bandInk(pages[1], 0.1, 0.45, (codeTop(code) + 14) / H, (codeTop(code) + 64) / H);
    const withPng = band('Т-1');
    const without = band('Т-2');
    expect(withPng).toBeGreaterThan(without * 2);
    expect(withPng).toBeGreaterThan(0.1);
  });

  it('a crop prints only that part of the screenshot, filling the picture\'s place', async () => {
    // Cut to the orange button (x 25–55 %, y 70–82 % of the picture): no navy top bar, lots of orange.
    const crop = { left: 0.24, top: 0.68, width: 0.32, height: 0.16 };
    const one = (c?: typeof crop): GuideSheetInput => ({ ...input, steps: [{ ...input.steps[0], image: { bytes: png, type: 'png', crop: c } }] });
    const whole = await build('uncropped', one());
    const cut = await build('cropped', one(crop));
    const navy = (p: RgbPage) => {
      let n = 0;
      for (let i = 0; i < p.data.length; i += 3) if (p.data[i] < 70 && p.data[i + 1] > 30 && p.data[i + 1] < 80 && p.data[i + 2] > 70 && p.data[i + 2] < 120) n++;
      return n;
    };
    const w = renderRgb(whole.path, 2, 40, 'crop-whole');
    const c = renderRgb(cut.path, 2, 40, 'crop-cut');
    expect(navy(w)).toBeGreaterThan(100);
    expect(navy(c)).toBe(0);
    // the button, scaled up to the picture's width, covers several times more of the page
    expect(orangePixels(c)).toBeGreaterThan(orangePixels(w) * 4);
  });

  it('subset fonts render like full fonts on every page (ink ±3 %, pixels) and no page is blank', async () => {
    const full = await build('guide-full', input, false);
    const a = renderGray(guide.path, 50, tmp.dir, 'subset');
    const b = renderGray(full.path, 50, tmp.dir, 'full');
    expect(a).toHaveLength(b.length);
    a.forEach((p, i) => {
      const ia = inkRatio(p);
      const ib = inkRatio(b[i]);
      expect(Math.abs(ia - ib) / ib, `page ${i + 1}: ink ${ia} vs ${ib}`).toBeLessThanOrEqual(0.03);
      let diff = 0;
      for (let k = 0; k < p.data.length; k++) if (Math.abs(p.data[k] - b[i].data[k]) > 64) diff++;
      expect(diff / p.data.length, `page ${i + 1}: pixels differ`).toBeLessThan(0.002);
      expect(ia, `page ${i + 1} ink`).toBeGreaterThan(0.01);
      expect(ia, `page ${i + 1} ink`).toBeLessThan(0.4);
    });
    // the full embedding is much larger: the subset really is a subset
    expect(readFileSync(full.path).length).toBeGreaterThan(readFileSync(guide.path).length * 2);
  });
});

describe('guide PDF: file name and date', () => {
  it('pamyatka_<portal>_<date>.pdf, ASCII only', () => {
    expect(guidePdfFileName('sgo.tvobr.ru', '2026-12-02')).toBe('pamyatka_sgo.tvobr.ru_2026-12-02.pdf');
    expect(guidePdfFileName(' https://Cabinet.RUOBR.ru/login ', '2025-03-05')).toBe('pamyatka_cabinet.ruobr.ru_2025-03-05.pdf');
    expect(guidePdfFileName('госуслуги.рф', '2025-03-05')).toBe('pamyatka_xn--c1aapkosapc.xn--p1ai_2025-03-05.pdf');
    expect(guidePdfFileName('', '2025-03-05')).toBe('pamyatka_2025-03-05.pdf');
    expect(guidePdfFileName('../../etc/passwd', '2025-03-05')).toBe('pamyatka_2025-03-05.pdf');
    expect(guidePdfFileName('sgo.tvobr.ru\\..\\x', '2025-03-05')).not.toMatch(/[\\/]/);
    for (const name of [guidePdfFileName('sgo.tvobr.ru', '2026-12-02'), guidePdfFileName('госуслуги.рф', '2025-03-05')]) expect(name).toMatch(/^[\x20-\x7e]+$/);
  });

  it('rejects a malformed date', () => {
    expect(() => guidePdfFileName('sgo.tvobr.ru', '2026-13-01')).toThrow(RangeError);
    expect(formatGuideDate('2026-12-02')).toBe('02.12.2026');
  });
});
