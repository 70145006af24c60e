/**
 * The illustrated guide («памятка») as a printable A4 PDF: a short cover (title,
 * portal, the «training material» notice, the list of steps with page numbers),
 * then the steps of the certificate flow, two or three to an A4 page: each with
 * its code in a frame, the title, the picture of the portal at that step (cut to
 * the outlined control and its surroundings when a crop is given; thin border)
 * on the left and the instruction with an optional bulleted list of notes on the
 * right — and a footer «<portal> … стр. N из M».
 *
 * Pure: takes font and image bytes, returns PDF bytes; no DOM, no browser APIs
 * (only `buildGuidePdf` without `fonts` fetches the shipped fonts). Uses the
 * papers' `PaperWriter` for wrapping and page flow.
 *
 * pdf-lib is large: import this module dynamically (`await import('@/utils/papers/guide-pdf')`)
 * from extension pages, never from content scripts.
 */
import { PDFDocument, type PDFFont, type PDFImage, type PDFPage, clip, endPath, popGraphicsState, pushGraphicsState, rectangle, rgb } from 'pdf-lib';
import { embedTrueType } from './embed-font';
import { loadPaperFonts } from './fonts';
import { cleanText, parsePaperDate } from './format';
import { A4_SIZE, PT_PER_MM, PaperWriter, fontSafeText, setPaperInfo } from './layout';
import { drawPageText, savePaper } from './page-text';
import type { PaperFonts } from './types';

/** The part of a picture to print, in fractions of its width and height (0–1, from the top left). */
export interface GuideImageCrop {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One step of the guide. */
export interface GuideSheetStep {
  /** Step code, e.g. «Т-3», «К-7». */
  code: string;
  /** Step title. */
  title: string;
  /** The instruction the parent sees (Russian, may be long; line breaks start new paragraphs). */
  instruction: string;
  /**
   * Screenshot of the portal at this step, PNG or JPEG bytes, and optionally the part of it to
   * print (the outlined control with some context); absent → a framed note «Этот шаг
   * выполняется не на сайте».
   */
  image?: { bytes: Uint8Array; type: 'png' | 'jpeg'; crop?: GuideImageCrop };
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
const GUIDE_NO_IMAGE_HINT = 'Снимка экрана нет — действуйте по инструкции.';
const NOTES_HEADING = 'Обратите внимание:';

const MARGIN = { left: 18 * PT_PER_MM, right: 18 * PT_PER_MM, top: 15 * PT_PER_MM, bottom: 20 * PT_PER_MM };
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);
const LIGHT = rgb(0.72, 0.72, 0.72);
const FOOTER_SIZE = 9;
/** Height of the page's text block (between the margins). */
const BLOCK_HEIGHT = A4_SIZE[1] - MARGIN.top - MARGIN.bottom;
/** Instruction sizes tried in turn until the step takes at most half a page (so that a page holds two or three). */
const TEXT_SIZES = [11, 10.5, 10, 9.5, 9];
/** Width of the picture column, pt (≈ 88 mm); the instruction takes the rest of the line. */
export const GUIDE_PICTURE_WIDTH = 250;
/** A picture is never taller than this, pt (tall portrait shots are drawn narrower). */
const MAX_PICTURE_HEIGHT = 190;
const COLUMN_GAP = 14;
/** Space between two steps on one page, pt (a hairline in its middle). */
const STEP_GAP = 22;
/** Step header: a framed code and the title beside it. */
const HEADER = { codeSize: 17, codePad: 5, titleSize: 13, gap: 10, after: 8 };
/** Frame of a step without a screenshot. */
const NO_IMAGE_BOX_HEIGHT = 70;
const BULLET_INDENT = 12;

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

/**
 * A usable crop (inside the picture, not degenerate), or undefined for the whole picture.
 * @param c fractions of the picture's width and height
 */
export function normaliseCrop(c: GuideImageCrop | undefined): GuideImageCrop | undefined {
  if (!c || ![c.left, c.top, c.width, c.height].every((v) => typeof v === 'number' && Number.isFinite(v))) return undefined;
  const left = Math.min(Math.max(c.left, 0), 1);
  const top = Math.min(Math.max(c.top, 0), 1);
  const width = Math.min(c.width, 1 - left);
  const height = Math.min(c.height, 1 - top);
  if (width < 0.02 || height < 0.02) return undefined;
  if (left === 0 && top === 0 && width === 1 && height === 1) return undefined;
  return { left, top, width, height };
}

/** A step with its texts cleaned. */
interface PreparedStep {
  code: string;
  title: string;
  paragraphs: string[];
  notes: string[];
  image?: PDFImage;
  crop?: GuideImageCrop;
}

/** Sizes of a step, decided before drawing so that the step is never split between pages. */
interface StepPlan {
  size: number;
  pictureWidth: number;
  pictureHeight: number;
  /** Height of the whole step (header, picture beside the text). */
  height: number;
  /** Text too long for a page beside the picture: picture above, text below, continued on further pages. */
  stacked: boolean;
  /** The notes go across the whole width under the picture and the instruction. */
  notesBelow: boolean;
}

class GuideComposer {
  readonly w: PaperWriter;
  readonly clean: (s: string | undefined) => string;
  /** Steps drawn on the current page so far. */
  private onPage = 0;

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

  /** Width of the text column beside the picture. */
  get textWidth(): number {
    return this.w.width - GUIDE_PICTURE_WIDTH - COLUMN_GAP;
  }

  /** Height of the instruction at a text size in a column. */
  instructionHeight(s: PreparedStep, size: number, width: number): number {
    return s.paragraphs.reduce((h, p) => h + this.w.paragraphHeight(p, { size, width }) + size * 0.4, 0);
  }

  /** Height of the notes (heading and bullets, one size smaller) in a column; 0 without notes. */
  notesHeight(s: PreparedStep, size: number, width: number): number {
    if (!s.notes.length) return 0;
    const w = this.w;
    const ns = size - 1;
    let h = 6 + w.paragraphHeight(NOTES_HEADING, { bold: true, size: ns, width }) + 2;
    for (const n of s.notes) h += w.paragraphHeight(n, { size: ns, width: width - BULLET_INDENT }) + 2;
    return h;
  }

  /**
   * Height of a step at a text size: the instruction and the notes beside the picture, or — when
   * shorter — the instruction beside it and the notes across the whole width under both.
   */
  stepHeight(s: PreparedStep, size: number, pictureHeight: number): { height: number; notesBelow: boolean } {
    const header = this.headerHeight(s);
    const instruction = this.instructionHeight(s, size, this.textWidth);
    const beside = header + Math.max(pictureHeight, instruction + this.notesHeight(s, size, this.textWidth));
    if (!s.notes.length) return { height: beside, notesBelow: false };
    const below = header + Math.max(pictureHeight, instruction) + this.notesHeight(s, size, this.w.width);
    return below < beside ? { height: below, notesBelow: true } : { height: beside, notesBelow: false };
  }

  /** Printed size of the picture (its crop): the column's width, or narrower for tall pictures. */
  pictureSize(s: PreparedStep): { width: number; height: number } {
    if (!s.image) return { width: GUIDE_PICTURE_WIDTH, height: NO_IMAGE_BOX_HEIGHT };
    const c = s.crop ?? { left: 0, top: 0, width: 1, height: 1 };
    const cw = s.image.width * c.width;
    const ch = s.image.height * c.height;
    let width = GUIDE_PICTURE_WIDTH;
    let height = (width * ch) / cw;
    if (height > MAX_PICTURE_HEIGHT) {
      width *= MAX_PICTURE_HEIGHT / height;
      height = MAX_PICTURE_HEIGHT;
    }
    return { width, height };
  }

  /**
   * Sizes for a step: the largest text size with which it takes at most half a page (two or three
   * steps to a page), else a page of its own.
   */
  plan(s: PreparedStep): StepPlan {
    const pic = this.pictureSize(s);
    const at = (size: number): StepPlan => ({ size, pictureWidth: pic.width, pictureHeight: pic.height, stacked: false, ...this.stepHeight(s, size, pic.height) });
    // Half a page first (two or three steps to a page), else a page of its own.
    for (const limit of [(BLOCK_HEIGHT - STEP_GAP) / 2, BLOCK_HEIGHT]) {
      const size = TEXT_SIZES.find((z) => at(z).height <= limit);
      if (size !== undefined) return at(size);
    }
    // Absurdly long text: smallest type, the picture above it, the text flows onto continuation pages.
    return { size: TEXT_SIZES[TEXT_SIZES.length - 1], pictureWidth: pic.width, pictureHeight: pic.height, height: BLOCK_HEIGHT, stacked: true, notesBelow: false };
  }

  header(s: PreparedStep, index: number, total: number): void {
    const w = this.w;
    const top = w.y;
    const boxW = this.codeBoxWidth(s.code);
    const boxH = HEADER.codeSize + 2 * HEADER.codePad;
    w.page.drawRectangle({ x: w.left, y: top - boxH, width: boxW, height: boxH, borderColor: BLACK, borderWidth: 1.4 });
    drawPageText(w.page, s.code, {
      x: w.left + HEADER.codePad,
      y: top - boxH + HEADER.codePad + HEADER.codeSize * 0.24,
      size: HEADER.codeSize,
      font: this.bold,
      color: BLACK,
    });
    const x = w.left + boxW + HEADER.gap;
    const width = w.right - x;
    drawPageText(w.page, `Шаг ${index + 1} из ${total}`, { x, y: top - 8, size: 8.5, font: this.regular, color: GREY });
    w.y = top - 11;
    w.paragraph(s.title, { bold: true, size: HEADER.titleSize, align: 'left', x, width });
    w.y = Math.min(w.y, top - boxH) - HEADER.after;
  }

  /** Draws the picture (only its crop, scaled to `width` × `height`) with its top left corner at (x, top). */
  picture(image: PDFImage, crop: GuideImageCrop | undefined, x: number, top: number, width: number, height: number): void {
    const page = this.w.page;
    const c = crop ?? { left: 0, top: 0, width: 1, height: 1 };
    const fullW = width / c.width;
    const fullH = height / c.height;
    page.pushOperators(pushGraphicsState(), rectangle(x, top - height, width, height), clip(), endPath());
    page.drawImage(image, { x: x - c.left * fullW, y: top - fullH * (1 - c.top), width: fullW, height: fullH });
    page.pushOperators(popGraphicsState());
    page.drawRectangle({ x, y: top - height, width, height, borderColor: GREY, borderWidth: 0.6 });
  }

  /** The framed note of a step without a screenshot, its top left corner at (x, top). */
  noImage(x: number, top: number, width: number): void {
    const w = this.w;
    const y = top - NO_IMAGE_BOX_HEIGHT;
    w.page.drawRectangle({ x, y, width, height: NO_IMAGE_BOX_HEIGHT, borderColor: GREY, borderWidth: 0.8, borderDashArray: [5, 3], color: rgb(0.96, 0.96, 0.96) });
    const saved = w.y;
    w.y = top - 14;
    w.paragraph(GUIDE_NO_IMAGE, { bold: true, size: 11, align: 'center', x: x + 6, width: width - 12, after: 4 });
    w.paragraph(GUIDE_NO_IMAGE_HINT, { size: 9, align: 'center', x: x + 6, width: width - 12 });
    w.y = saved;
  }

  /** The instruction and the notes in a column starting at the cursor. */
  text(s: PreparedStep, size: number, x: number, width: number): void {
    this.instruction(s, size, x, width);
    this.notes(s, size, x, width);
  }

  /** The instruction in a column starting at the cursor. */
  instruction(s: PreparedStep, size: number, x: number, width: number): void {
    for (const p of s.paragraphs) this.w.paragraph(p, { size, align: 'left', x, width, after: size * 0.4 });
  }

  /** The notes (heading and bullets, one size smaller) in a column starting at the cursor. */
  notes(s: PreparedStep, size: number, x: number, width: number): void {
    const w = this.w;
    if (!s.notes.length) return;
    const ns = size - 1;
    w.space(6);
    // keep the heading with the first note
    w.keepTogether(
      w.paragraphHeight(NOTES_HEADING, { bold: true, size: ns, width }) + 2 + w.paragraphHeight(s.notes[0], { size: ns, width: width - BULLET_INDENT }),
    );
    w.paragraph(NOTES_HEADING, { bold: true, size: ns, align: 'left', x, width, after: 2 });
    for (const n of s.notes) {
      w.ensure(ns * w.opt.lineHeight);
      drawPageText(w.page, '•', { x: x + 2, y: w.y - ns, size: ns, font: this.bold, color: BLACK });
      w.paragraph(n, { size: ns, align: 'left', x: x + BULLET_INDENT, width: width - BULLET_INDENT, after: 2 });
    }
  }

  /** Starts a new page for the steps. */
  private newPage(): void {
    this.w.newPage();
    this.onPage = 0;
  }

  /**
   * Which steps share a page: consecutive steps whose heights (and the gaps between them) fit the
   * page. Chooses the fewest pages, then the fewest pages with a lone step, then the most evenly
   * filled pages. A step too long for any page (stacked) gets pages of its own.
   * @returns for each step, whether it starts a new page
   */
  paginate(plans: StepPlan[]): boolean[] {
    const n = plans.length;
    type Cost = { pages: number; lone: number; uneven: number; next: number };
    const better = (a: Cost, b: Cost) => a.pages - b.pages || a.lone - b.lone || a.uneven - b.uneven;
    const best: Cost[] = new Array(n + 1);
    best[n] = { pages: 0, lone: 0, uneven: 0, next: n };
    for (let i = n - 1; i >= 0; i--) {
      let used = -STEP_GAP;
      for (let j = i + 1; j <= n; j++) {
        const p = plans[j - 1];
        used += p.height + STEP_GAP;
        if (j > i + 1 && (p.stacked || plans[i].stacked || used > BLOCK_HEIGHT)) break;
        const free = Math.max(0, BLOCK_HEIGHT - used) / BLOCK_HEIGHT;
        const c: Cost = { pages: best[j].pages + 1, lone: best[j].lone + (j === i + 1 && n > 1 ? 1 : 0), uneven: best[j].uneven + free * free, next: j };
        if (!best[i] || better(c, best[i]) < 0) best[i] = c;
      }
    }
    const starts = new Array<boolean>(n).fill(false);
    for (let i = 0; i < n; i = best[i].next) starts[i] = true;
    return starts;
  }

  /**
   * Draws one step: on a new page, or below the steps already on the page (a hairline between
   * them); never split, unless its text is too long for any page.
   * @returns the index of the page it starts on
   */
  step(s: PreparedStep, index: number, total: number, plan: StepPlan, newPage: boolean): number {
    const w = this.w;
    // (The last test only guards against a measuring slip: `paginate` made the groups fit.)
    if (newPage || this.onPage === 0 || plan.stacked || w.remaining < plan.height + STEP_GAP - 0.5) {
      this.newPage();
    } else {
      w.y -= STEP_GAP / 2;
      w.page.drawLine({ start: { x: w.left, y: w.y }, end: { x: w.right, y: w.y }, thickness: 0.6, color: LIGHT });
      w.y -= STEP_GAP / 2;
    }
    const first = this.doc.getPageCount() - 1;
    this.header(s, index, total);
    const top = w.y;
    if (s.image) this.picture(s.image, s.crop, w.left, top, plan.pictureWidth, plan.pictureHeight);
    else this.noImage(w.left, top, plan.pictureWidth);
    if (plan.stacked) {
      w.y = top - plan.pictureHeight - COLUMN_GAP;
      // The text continues on a page headed «<code> … (продолжение)».
      w.onNewPage = (page) => {
        const label = `${s.code} ${s.title}`;
        const text = `${label.length > 70 ? `${label.slice(0, 69)}…` : label} (продолжение)`;
        drawPageText(page, text, { x: w.left, y: w.y - 10, size: 10, font: this.bold, color: GREY });
        w.hline(w.left, w.right, w.y - 15, { thickness: 0.4 });
        w.y -= 26;
      };
      this.text(s, plan.size, w.left, w.width);
      w.onNewPage = undefined;
    } else if (plan.notesBelow) {
      this.instruction(s, plan.size, w.left + GUIDE_PICTURE_WIDTH + COLUMN_GAP, this.textWidth);
      w.y = Math.min(w.y, top - plan.pictureHeight);
      this.notes(s, plan.size, w.left, w.width);
    } else {
      this.text(s, plan.size, w.left + GUIDE_PICTURE_WIDTH + COLUMN_GAP, this.textWidth);
      w.y = Math.min(w.y, top - plan.pictureHeight);
    }
    this.onPage++;
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
      drawPageText(w.page, s.code, { x: w.left, y: top - 4 - size, size, font: this.bold, color: BLACK });
      entries.push({ page: w.page, baseline: top - 4 - size });
      w.y = top - 4;
      w.paragraph(s.title, { size, align: 'left', x: w.left + codeW, width: titleW });
      w.y = top - h;
      w.page.drawLine({ start: { x: w.left, y: w.y }, end: { x: w.right, y: w.y }, thickness: 0.4, color: LIGHT });
    }
    return (stepPage) =>
      entries.forEach((e, i) => {
        const text = `стр. ${stepPage(i)}`;
        drawPageText(e.page, text, { x: w.right - w.measure(text, false, size), y: e.baseline, size, font: this.regular, color: BLACK });
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
      drawPageText(page, left, { x: w.left, y, size: FOOTER_SIZE, font: this.regular, color: GREY });
      const right = `стр. ${i + 1} из ${pages.length}`;
      drawPageText(page, right, { x: w.right - w.measure(right, false, FOOTER_SIZE), y, size: FOOTER_SIZE, font: this.regular, color: BLACK });
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
  const subset = options.subset ?? true;
  const regular = embedTrueType(doc, fonts.regular, { subset });
  const bold = embedTrueType(doc, fonts.bold, { subset });
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
      crop: normaliseCrop(s.image?.crop),
    });
  }

  // Steps first (their page indices are then known), then the cover, moved to the front.
  const plans = steps.map((s) => c.plan(s));
  const breaks = c.paginate(plans);
  const firstPages = steps.map((s, i) => c.step(s, i, steps.length, plans[i], breaks[i]));
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
  return savePaper(doc);
}

/**
 * Builds the printable guide («памятка»).
 *
 * Input: cover title, portal host, steps (code, title, instruction, optional
 * PNG/JPEG screenshot, optional notes) and the date `YYYY-MM-DD`. `fonts`:
 * TrueType bytes (regular + bold, Cyrillic); when omitted the shipped DejaVu
 * Serif is fetched from the extension package. Output: PDF bytes, A4 portrait,
 * cover + the steps, two or three to a page (a step is never split between
 * pages, except one whose text cannot fit a page even in 9 pt type: it
 * continues on a further page), subset-embedded fonts, title metadata, lang ru.
 *
 * Errors: `RangeError` for a malformed `generatedOn`; `Error` naming the step
 * for unreadable image bytes; `Error` when the fonts cannot be loaded or parsed.
 */
export async function buildGuidePdf(input: GuideSheetInput, fonts?: PaperFonts): Promise<Uint8Array> {
  formatGuideDate(input.generatedOn);
  return renderGuidePdf(input, fonts ?? (await loadPaperFonts()));
}
