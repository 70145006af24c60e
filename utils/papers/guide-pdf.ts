/**
 * The illustrated guide («памятка») as a printable A4 PDF: a short cover (title,
 * portal, the «training material» notice, the list of steps with page numbers),
 * then one step of the certificate flow per page — big step code, title, the
 * portal screenshot scaled to the text width (thin border), the instruction and
 * an optional bulleted list of notes — and a footer «<portal> … стр. N из M».
 *
 * Pure: takes font and image bytes, returns PDF bytes; no DOM, no browser APIs
 * (only `buildGuidePdf` without `fonts` fetches the shipped fonts). Uses the
 * papers' `PaperWriter` for wrapping and page flow.
 *
 * pdf-lib is large: import this module dynamically (`await import('@/utils/papers/guide-pdf')`)
 * from extension pages, never from content scripts.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFImage, type PDFPage, rgb } from 'pdf-lib';
import { loadPaperFonts } from './fonts';
import { cleanText, parsePaperDate } from './format';
import { A4_SIZE, PT_PER_MM, PaperWriter, fontSafeText, setPaperInfo } from './layout';
import type { PaperFonts } from './types';

/** One step of the guide, printed on its own page. */
export interface GuideSheetStep {
  /** Step code, e.g. «Т-3», «К-7». */
  code: string;
  /** Step title. */
  title: string;
  /** The instruction the parent sees (Russian, may be long; line breaks start new paragraphs). */
  instruction: string;
  /** Screenshot of the portal at this step, PNG or JPEG bytes; absent → a framed note «Этот шаг выполняется не на сайте». */
  image?: { bytes: Uint8Array; type: 'png' | 'jpeg' };
  /** Optional extra lines, e.g. what usually goes wrong and the advice (printed as a bulleted list). */
  notes?: string[];
}

/** Everything the guide is built from. */
export interface GuideSheetInput {
  /** Cover title and PDF title metadata. */
  title: string;
  /** Portal host, e.g. 'sgo.tvobr.ru' (cover and footers). */
  portal: string;
  steps: GuideSheetStep[];
  /** `YYYY-MM-DD`, printed as ДД.ММ.ГГГГ. */
  generatedOn: string;
}

/** Options of `renderGuidePdf`. */
export interface GuideRenderOptions {
  /** Embed only the glyphs used (default true) or the whole fonts (for the rendering test). */
  subset?: boolean;
}

/** Printed on the cover. */
export const GUIDE_NOTICE = 'Учебный материал. Данные на снимках вымышленные.';
/** Printed in the frame of a step without a screenshot. */
export const GUIDE_NO_IMAGE = 'Этот шаг выполняется не на сайте';
const GUIDE_NO_IMAGE_HINT = 'Снимка экрана для него нет — действуйте по инструкции ниже.';
const NOTES_HEADING = 'Обратите внимание:';

const MARGIN = { left: 18 * PT_PER_MM, right: 18 * PT_PER_MM, top: 15 * PT_PER_MM, bottom: 20 * PT_PER_MM };
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);
const LIGHT = rgb(0.72, 0.72, 0.72);
const FOOTER_SIZE = 9;
/** Instruction sizes tried in turn until the step fits its page with a useful screenshot. */
const TEXT_SIZES = [12, 11.5, 11, 10.5, 10, 9.5, 9];
/** The screenshot is never shrunk below this height to make room for text (unless it is smaller itself). */
const MIN_IMAGE_HEIGHT = 150;
/** …except at the smallest text size, where it may go down to this. */
const LAST_RESORT_IMAGE_HEIGHT = 60;
/** A screenshot never takes more than this share of the page's text block height (tall portrait shots). */
const MAX_IMAGE_SHARE = 0.62;

/** ДД.ММ.ГГГГ from `YYYY-MM-DD`; throws `RangeError` like `parsePaperDate`. */
export function formatGuideDate(value: string): string {
  const d = parsePaperDate(value);
  if (!d) throw new RangeError('Дата составления памятки обязательна (ГГГГ-ММ-ДД)');
  return `${d.day}.${value.trim().slice(5, 7)}.${d.year}`;
}

/** Host name reduced to ASCII file-name characters (IDN → punycode). */
function asciiHost(portal: string): string {
  let host = cleanText(portal).toLowerCase().replace(/^[a-z]+:\/\//, '').split(/[/?#\s]/)[0] ?? '';
  if (/[^\x00-\x7f]/.test(host)) {
    try {
      host = new URL(`http://${host}`).hostname;
    } catch {
      /* keep and strip below */
    }
  }
  return host.replace(/[^a-z0-9.-]/g, '').replace(/^[.-]+|[.-]+$/g, '').slice(0, 60);
}

/**
 * Download name of the guide: `pamyatka_<portal>_<YYYY-MM-DD>.pdf`, ASCII only
 * (an IDN portal becomes punycode; an empty portal is left out:
 * `pamyatka_<date>.pdf`). Throws `RangeError` for a malformed date.
 */
export function guidePdfFileName(portal: string, generatedOn: string): string {
  formatGuideDate(generatedOn);
  const host = asciiHost(portal);
  return host ? `pamyatka_${host}_${generatedOn.trim()}.pdf` : `pamyatka_${generatedOn.trim()}.pdf`;
}

/** A step with its texts cleaned. */
interface PreparedStep {
  code: string;
  title: string;
  paragraphs: string[];
  notes: string[];
  image?: PDFImage;
}

/** Sizes of a step page, decided before drawing so that the step fits one page. */
interface StepPlan {
  size: number;
  imageWidth: number;
  imageHeight: number;
}

/** Step header: a framed code and the title beside it. */
const HEADER = { codeSize: 26, codePad: 7, titleSize: 16, gap: 12, after: 14 };
/** Frame of a step without a screenshot. */
const NO_IMAGE_BOX_HEIGHT = 58;
const IMAGE_GAP = 14;
const BULLET_INDENT = 14;

class GuideComposer {
  readonly w: PaperWriter;
  readonly clean: (s: string | undefined) => string;

  constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.w = new PaperWriter(doc, { regular, bold }, {
      marginLeft: MARGIN.left,
      marginRight: MARGIN.right,
      marginTop: MARGIN.top,
      marginBottom: MARGIN.bottom,
      size: 12,
      lineHeight: 1.3,
    });
    this.clean = fontSafeText(regular);
  }

  /** Width of the framed code box. */
  codeBoxWidth(code: string): number {
    return this.w.measure(code, true, HEADER.codeSize) + 2 * HEADER.codePad;
  }

  headerHeight(s: PreparedStep): number {
    const box = HEADER.codeSize + 2 * HEADER.codePad;
    const titleWidth = this.w.width - this.codeBoxWidth(s.code) - HEADER.gap;
    const title = this.w.paragraphHeight(s.title, { bold: true, size: HEADER.titleSize, width: titleWidth });
    return Math.max(box, title + 11) + HEADER.after;
  }

  /** Height of the instruction and notes at a text size. */
  textHeight(s: PreparedStep, size: number): number {
    const w = this.w;
    let h = 0;
    for (const p of s.paragraphs) h += w.paragraphHeight(p, { size, width: w.width }) + size * 0.4;
    if (s.notes.length) {
      const ns = size - 1;
      h += 6 + w.paragraphHeight(NOTES_HEADING, { bold: true, size: ns, width: w.width }) + 2;
      for (const n of s.notes) h += w.paragraphHeight(n, { size: ns, width: w.width - BULLET_INDENT }) + 2;
    }
    return h;
  }

  plan(s: PreparedStep): StepPlan {
    const free = A4_SIZE[1] - MARGIN.top - MARGIN.bottom - this.headerHeight(s) - IMAGE_GAP;
    let naturalW = 0;
    let naturalH = NO_IMAGE_BOX_HEIGHT;
    if (s.image) {
      // Scale to the text width, keep the aspect ratio; tall shots are capped in height (and so narrower).
      naturalW = this.w.width;
      naturalH = (naturalW * s.image.height) / s.image.width;
      const cap = (A4_SIZE[1] - MARGIN.top - MARGIN.bottom) * MAX_IMAGE_SHARE;
      if (naturalH > cap) {
        naturalW *= cap / naturalH;
        naturalH = cap;
      }
    }
    const fit = (size: number, h: number): StepPlan => {
      const height = Math.max(0, h);
      return { size, imageHeight: height, imageWidth: naturalH > 0 ? (naturalW * height) / naturalH : 0 };
    };
    if (!s.image) return { size: this.pickSize(s, free - naturalH), imageWidth: 0, imageHeight: naturalH };
    for (const size of TEXT_SIZES) {
      const room = free - this.textHeight(s, size);
      if (room >= Math.min(naturalH, MIN_IMAGE_HEIGHT)) return fit(size, Math.min(naturalH, room));
    }
    // Absurdly long text: smallest type, small screenshot; the text then flows onto a continuation page.
    const size = TEXT_SIZES[TEXT_SIZES.length - 1];
    const room = free - this.textHeight(s, size);
    return fit(size, Math.min(naturalH, Math.max(room, LAST_RESORT_IMAGE_HEIGHT)));
  }

  /** Largest text size whose text fits `room` (steps without a screenshot). */
  pickSize(s: PreparedStep, room: number): number {
    return TEXT_SIZES.find((size) => this.textHeight(s, size) <= room) ?? TEXT_SIZES[TEXT_SIZES.length - 1];
  }

  header(s: PreparedStep, index: number, total: number): void {
    const w = this.w;
    const top = w.y;
    const boxW = this.codeBoxWidth(s.code);
    const boxH = HEADER.codeSize + 2 * HEADER.codePad;
    w.page.drawRectangle({ x: w.left, y: top - boxH, width: boxW, height: boxH, borderColor: BLACK, borderWidth: 1.6 });
    w.page.drawText(s.code, {
      x: w.left + HEADER.codePad,
      y: top - boxH + HEADER.codePad + HEADER.codeSize * 0.24,
      size: HEADER.codeSize,
      font: this.bold,
      color: BLACK,
    });
    const x = w.left + boxW + HEADER.gap;
    const width = w.right - x;
    w.page.drawText(`Шаг ${index + 1} из ${total}`, { x, y: top - 8, size: 9, font: this.regular, color: GREY });
    w.y = top - 11;
    w.paragraph(s.title, { bold: true, size: HEADER.titleSize, align: 'left', x, width });
    w.y = Math.min(w.y, top - boxH) - HEADER.after;
  }

  screenshot(image: PDFImage, plan: StepPlan): void {
    const w = this.w;
    const x = w.left + (w.width - plan.imageWidth) / 2;
    const y = w.y - plan.imageHeight;
    w.page.drawImage(image, { x, y, width: plan.imageWidth, height: plan.imageHeight });
    w.page.drawRectangle({ x, y, width: plan.imageWidth, height: plan.imageHeight, borderColor: GREY, borderWidth: 0.6 });
    w.y = y - IMAGE_GAP;
  }

  noImage(): void {
    const w = this.w;
    const y = w.y - NO_IMAGE_BOX_HEIGHT;
    w.page.drawRectangle({
      x: w.left,
      y,
      width: w.width,
      height: NO_IMAGE_BOX_HEIGHT,
      borderColor: GREY,
      borderWidth: 0.8,
      borderDashArray: [5, 3],
      color: rgb(0.96, 0.96, 0.96),
    });
    const t1 = w.measure(GUIDE_NO_IMAGE, true, 13);
    const t2 = w.measure(GUIDE_NO_IMAGE_HINT, false, 10);
    const mid = w.left + w.width / 2;
    w.page.drawText(GUIDE_NO_IMAGE, { x: mid - t1 / 2, y: y + NO_IMAGE_BOX_HEIGHT - 24, size: 13, font: this.bold, color: BLACK });
    w.page.drawText(GUIDE_NO_IMAGE_HINT, { x: mid - t2 / 2, y: y + 14, size: 10, font: this.regular, color: GREY });
    w.y = y - IMAGE_GAP;
  }

  text(s: PreparedStep, size: number): void {
    const w = this.w;
    for (const p of s.paragraphs) w.paragraph(p, { size, align: 'left', after: size * 0.4 });
    if (!s.notes.length) return;
    const ns = size - 1;
    w.space(6);
    // keep the heading with the first note
    w.keepTogether(
      w.paragraphHeight(NOTES_HEADING, { bold: true, size: ns }) + 2 + w.paragraphHeight(s.notes[0], { size: ns, width: w.width - BULLET_INDENT }),
    );
    w.paragraph(NOTES_HEADING, { bold: true, size: ns, align: 'left', after: 2 });
    for (const n of s.notes) {
      w.ensure(ns * w.opt.lineHeight);
      w.page.drawText('•', { x: w.left + 3, y: w.y - ns, size: ns, font: this.bold, color: BLACK });
      w.paragraph(n, { size: ns, align: 'left', x: w.left + BULLET_INDENT, width: w.width - BULLET_INDENT, after: 2 });
    }
  }

  /** Draws one step; returns the index of its first page. */
  step(s: PreparedStep, index: number, total: number): number {
    const w = this.w;
    w.newPage();
    const first = this.doc.getPageCount() - 1;
    const plan = this.plan(s);
    this.header(s, index, total);
    if (s.image) this.screenshot(s.image, plan);
    else this.noImage();
    // A text too long even for the smallest type continues on a page headed «<code> (продолжение)».
    w.onNewPage = (page) => {
      const label = `${s.code} ${s.title}`;
      const text = `${label.length > 70 ? `${label.slice(0, 69)}…` : label} (продолжение)`;
      page.drawText(text, { x: w.left, y: w.y - 10, size: 10, font: this.bold, color: GREY });
      w.hline(w.left, w.right, w.y - 15, { thickness: 0.4 });
      w.y -= 26;
    };
    this.text(s, plan.size);
    w.onNewPage = undefined;
    return first;
  }

  /**
   * The cover, appended after the steps (moved to the front later). Page
   * numbers are drawn by the returned callback once the cover's length is known.
   */
  cover(title: string, portal: string, date: string, steps: PreparedStep[]): (stepPage: (i: number) => number) => void {
    const w = this.w;
    w.newPage();
    w.paragraph('ПАМЯТКА ДЛЯ РОДИТЕЛЕЙ', { bold: true, size: 10, align: 'left', after: 8 });
    w.paragraph(title || 'Памятка', { bold: true, size: 20, align: 'left', after: 10 });
    if (portal) w.paragraph([{ text: 'Портал: ' }, { text: portal, bold: true }], { size: 13, align: 'left', after: 2 });
    w.paragraph(`Составлено ${date}`, { size: 11, align: 'left', after: 12 });

    // The notice, framed.
    const pad = 8;
    const noticeH = w.paragraphHeight(GUIDE_NOTICE, { bold: true, size: 11, width: w.width - 2 * pad }) + 2 * pad;
    w.page.drawRectangle({ x: w.left, y: w.y - noticeH, width: w.width, height: noticeH, borderColor: BLACK, borderWidth: 1 });
    w.y -= pad;
    w.paragraph(GUIDE_NOTICE, { bold: true, size: 11, align: 'left', x: w.left + pad, width: w.width - 2 * pad });
    w.y -= pad + 22;

    w.paragraph('Шаги', { bold: true, size: 14, align: 'left', after: 4 });
    w.hline(w.left, w.right, w.y, { thickness: 0.8 });
    w.y -= 4;

    const size = 12;
    const codeW = Math.max(...steps.map((s) => w.measure(s.code, true, size)), 0) + 14;
    const pageW = w.measure('стр. 999', false, size) + 12;
    const titleW = w.width - codeW - pageW;
    const entries: { page: PDFPage; baseline: number }[] = [];
    for (const s of steps) {
      const h = w.paragraphHeight(s.title, { size, width: titleW }) + 8;
      w.ensure(h);
      const top = w.y;
      w.page.drawText(s.code, { x: w.left, y: top - 4 - size, size, font: this.bold, color: BLACK });
      entries.push({ page: w.page, baseline: top - 4 - size });
      w.y = top - 4;
      w.paragraph(s.title, { size, align: 'left', x: w.left + codeW, width: titleW });
      w.y = top - h;
      w.page.drawLine({ start: { x: w.left, y: w.y }, end: { x: w.right, y: w.y }, thickness: 0.4, color: LIGHT });
    }
    return (stepPage) =>
      entries.forEach((e, i) => {
        const text = `стр. ${stepPage(i)}`;
        e.page.drawText(text, { x: w.right - w.measure(text, false, size), y: e.baseline, size, font: this.regular, color: BLACK });
      });
  }

  /** «<portal>» on the left, «стр. N из M» on the right, a hairline above. */
  footers(portal: string): void {
    const pages = this.doc.getPages();
    const w = this.w;
    const y = MARGIN.bottom / 2;
    pages.forEach((page, i) => {
      page.drawLine({ start: { x: w.left, y: y + FOOTER_SIZE + 4 }, end: { x: w.right, y: y + FOOTER_SIZE + 4 }, thickness: 0.4, color: LIGHT });
      const left = portal ? `Памятка · ${portal}` : 'Памятка';
      page.drawText(left, { x: w.left, y, size: FOOTER_SIZE, font: this.regular, color: GREY });
      const right = `стр. ${i + 1} из ${pages.length}`;
      page.drawText(right, { x: w.right - w.measure(right, false, FOOTER_SIZE), y, size: FOOTER_SIZE, font: this.regular, color: BLACK });
    });
  }
}

async function embedImage(doc: PDFDocument, step: GuideSheetStep, cache: Map<Uint8Array, PDFImage>): Promise<PDFImage | undefined> {
  const img = step.image;
  if (!img || !img.bytes || img.bytes.length === 0) return undefined;
  const hit = cache.get(img.bytes);
  if (hit) return hit;
  let embedded: PDFImage;
  try {
    embedded = img.type === 'jpeg' ? await doc.embedJpg(img.bytes) : await doc.embedPng(img.bytes);
  } catch (e) {
    throw new Error(`Шаг ${step.code}: не удалось прочитать снимок экрана (${img.type.toUpperCase()}): ${(e as Error).message}`);
  }
  cache.set(img.bytes, embedded);
  return embedded;
}

/**
 * Builds the guide from font bytes (pure). See `buildGuidePdf`.
 * `options.subset` (default true) embeds only the glyphs used.
 */
export async function renderGuidePdf(input: GuideSheetInput, fonts: PaperFonts, options: GuideRenderOptions = {}): Promise<Uint8Array> {
  const date = formatGuideDate(input.generatedOn); // validate before any work
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const subset = options.subset ?? true;
  const regular = await doc.embedFont(fonts.regular, { subset });
  const bold = await doc.embedFont(fonts.bold, { subset });
  const c = new GuideComposer(doc, regular, bold);
  const clean = c.clean;

  const cache = new Map<Uint8Array, PDFImage>();
  const steps: PreparedStep[] = [];
  for (const s of input.steps) {
    steps.push({
      code: clean(s.code) || '—',
      title: clean(s.title),
      paragraphs: (s.instruction ?? '').split(/\n+/).map(clean).filter(Boolean),
      notes: (s.notes ?? []).map(clean).filter(Boolean),
      image: await embedImage(doc, s, cache),
    });
  }

  // Steps first (their page indices are then known), then the cover, moved to the front.
  const firstPages = steps.map((s, i) => c.step(s, i, steps.length));
  const coverStart = doc.getPageCount();
  const title = clean(input.title);
  const portal = clean(input.portal);
  const drawNumbers = c.cover(title, portal, date, steps);
  const coverPages = doc.getPages().slice(coverStart);
  drawNumbers((i) => coverPages.length + firstPages[i] + 1);
  coverPages.forEach((page, k) => {
    doc.removePage(coverStart + k);
    doc.insertPage(k, page);
  });
  c.footers(portal);

  setPaperInfo(doc, title || 'Памятка', portal ? `Памятка по получению сертификата дополнительного образования: ${portal}` : 'Памятка');
  return doc.save();
}

/**
 * Builds the printable guide («памятка»).
 *
 * Input: cover title, portal host, steps (code, title, instruction, optional
 * PNG/JPEG screenshot, optional notes) and the date `YYYY-MM-DD`. `fonts`:
 * TrueType bytes (regular + bold, Cyrillic); when omitted the shipped DejaVu
 * Serif is fetched from the extension package. Output: PDF bytes, A4 portrait,
 * cover + one page per step (a step whose text cannot fit even in 9 pt type
 * continues on a further page), subset-embedded fonts, title metadata, lang ru.
 *
 * Errors: `RangeError` for a malformed `generatedOn`; `Error` naming the step
 * for unreadable image bytes; `Error` when the fonts cannot be loaded or parsed.
 */
export async function buildGuidePdf(input: GuideSheetInput, fonts?: PaperFonts): Promise<Uint8Array> {
  formatGuideDate(input.generatedOn);
  return renderGuidePdf(input, fonts ?? (await loadPaperFonts()));
}
