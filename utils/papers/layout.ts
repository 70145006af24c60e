/**
 * A tiny flow-layout writer on top of pdf-lib for printed A4 forms: justified
 * paragraphs with bold/regular runs, ruled fill-in lines with small captions,
 * bordered two-column tables, signature rows, cut lines, page breaks and
 * per-document footers («лист 1 из 2»).
 *
 * Units are PDF points (1/72 inch). The cursor `y` is the top of the free
 * space on the current page and moves down. All text is measured with
 * `PDFFont.widthOfTextAtSize`, so wrapping matches what is drawn.
 *
 * pdf-lib may be imported only from `utils/papers/**` (it is large; the popup
 * loads this module dynamically, content scripts never do).
 */
import { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';
import { cleanText } from './format';
import { drawPageText } from './page-text';

/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;
/** A4 portrait in points (210 × 297 mm). */
export const A4_SIZE: [number, number] = [595.28, 841.89];

/** The two faces every paper uses. */
export interface LayoutFonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** A piece of paragraph text in one face. */
export interface Run {
  text: string;
  bold?: boolean;
}

/** Page geometry and type sizes; defaults follow the brief (20 mm left, 10 mm right, 12 pt body). */
export interface LayoutOptions {
  marginLeft: number;
  marginRight: number;
  marginTop: number;
  marginBottom: number;
  /** Body text size, pt. */
  size: number;
  /** Line pitch as a multiple of the size. */
  lineHeight: number;
  /** Caption size under ruled lines, pt. */
  captionSize: number;
  /** Height of one handwriting row (ruled line), pt. */
  rowHeight: number;
}

/** Defaults: margins left/right/top/bottom 20/10/12/12 mm, 12 pt body, 1.15 line pitch, 7.5 pt captions, 20 pt (7 mm) writing rows. */
export const DEFAULT_LAYOUT: LayoutOptions = {
  marginLeft: 20 * PT_PER_MM,
  marginRight: 10 * PT_PER_MM,
  marginTop: 12 * PT_PER_MM,
  marginBottom: 12 * PT_PER_MM,
  size: 12,
  lineHeight: 1.15,
  captionSize: 7.5,
  rowHeight: 20,
};

/** One element of an inline row (see `PaperWriter.row`). */
export type RowItem =
  /** Text printed on the baseline. */
  | { kind: 'text'; text: string; bold?: boolean; size?: number }
  /** A ruled line of fixed width, optional value written on it and caption under it. */
  | { kind: 'line'; width: number; value?: string; caption?: string }
  /** Empty horizontal space of fixed width. */
  | { kind: 'gap'; width: number }
  /** Takes the remaining width (shared equally between several); ruled when `line` is true. */
  | { kind: 'flex'; line?: boolean; value?: string; caption?: string; minWidth?: number };

/** A row of a bordered two-column table; an empty value leaves `minLines` of writing space. */
export interface TableRow {
  label: string;
  value?: string;
  minLines?: number;
}

const BLACK = rgb(0, 0, 0);
const RULE = 0.6;

interface Token {
  pieces: { text: string; font: PDFFont }[];
  width: number;
}

interface Section {
  title: string;
  pages: PDFPage[];
}

/**
 * Stateful writer: create one per PDF, call `startDocument` for each separate
 * document (Заявление, each Согласие — 152-ФЗ ст. 9 ч. 1 as amended by 156-ФЗ
 * requires a consent to be a separate document, so each starts on a new page),
 * then `finish()` to draw the footers.
 */
export class PaperWriter {
  readonly opt: LayoutOptions;
  page!: PDFPage;
  /** Top of the free space on the current page. */
  y = 0;
  /**
   * Called after every new page (explicit or by a page break inside a flow), with
   * the cursor at the top; it may draw a running header and move `y` down.
   */
  onNewPage: ((page: PDFPage) => void) | undefined = undefined;
  private sections: Section[] = [];

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: LayoutFonts,
    options: Partial<LayoutOptions> = {},
  ) {
    this.opt = { ...DEFAULT_LAYOUT, ...options };
  }

  /** Left edge of the text block. */
  get left(): number {
    return this.opt.marginLeft;
  }
  /** Right edge of the text block. */
  get right(): number {
    return A4_SIZE[0] - this.opt.marginRight;
  }
  /** Width of the text block. */
  get width(): number {
    return this.right - this.left;
  }
  /** Line pitch of body text. */
  get leading(): number {
    return this.opt.size * this.opt.lineHeight;
  }

  /** Starts a separate document on a new page; `title` is printed in the footer of its pages. */
  startDocument(title: string): void {
    this.sections.push({ title, pages: [] });
    this.newPage();
  }

  /** Adds an A4 page to the current document and resets the cursor. */
  newPage(): void {
    this.page = this.doc.addPage(A4_SIZE);
    this.y = A4_SIZE[1] - this.opt.marginTop;
    if (this.sections.length === 0) this.sections.push({ title: '', pages: [] });
    this.sections[this.sections.length - 1].pages.push(this.page);
    this.onNewPage?.(this.page);
  }

  /** Breaks the page when less than `height` points remain. */
  ensure(height: number): void {
    if (this.y - height < this.opt.marginBottom) this.newPage();
  }

  /** Vertical space (dropped at the top of a page). */
  space(height: number): void {
    if (this.y >= A4_SIZE[1] - this.opt.marginTop - 0.01) return;
    this.y -= height;
  }

  /** Points left on the current page. */
  get remaining(): number {
    return this.y - this.opt.marginBottom;
  }

  /** Width of a text in a face at a size. */
  measure(text: string, bold = false, size = this.opt.size): number {
    return (bold ? this.fonts.bold : this.fonts.regular).widthOfTextAtSize(text, size);
  }

  /**
   * Wraps runs into lines no wider than `width` (greedy, by spaces; a word longer
   * than the line is cut by characters). Returns the lines as token lists.
   */
  private wrap(runs: Run[], width: number, size: number, firstIndent = 0): Token[][] {
    const tokens: Token[] = [];
    let cur: Token | null = null;
    for (const run of runs) {
      const font = run.bold ? this.fonts.bold : this.fonts.regular;
      const parts = run.text.split(' ');
      parts.forEach((part, i) => {
        if (i > 0 && cur) {
          tokens.push(cur);
          cur = null;
        }
        if (!part) return;
        if (!cur) cur = { pieces: [], width: 0 };
        cur.pieces.push({ text: part, font });
        cur.width += font.widthOfTextAtSize(part, size);
      });
    }
    if (cur) tokens.push(cur);

    const space = this.fonts.regular.widthOfTextAtSize(' ', size);
    const lines: Token[][] = [];
    let line: Token[] = [];
    let lineWidth = 0;
    const avail = () => width - (lines.length === 0 ? firstIndent : 0);
    for (const token of tokens) {
      for (const t of this.splitLong(token, avail(), width, size)) {
        const add = line.length ? space + t.width : t.width;
        if (line.length && lineWidth + add > avail() + 0.01) {
          lines.push(line);
          line = [t];
          lineWidth = t.width;
        } else {
          line.push(t);
          lineWidth += add;
        }
      }
    }
    if (line.length) lines.push(line);
    return lines;
  }

  /** Cuts a token wider than a full line into line-sized pieces (e-mails, long numbers). */
  private splitLong(token: Token, _avail: number, full: number, size: number): Token[] {
    if (token.width <= full) return [token];
    const out: Token[] = [];
    let acc: Token = { pieces: [], width: 0 };
    for (const piece of token.pieces) {
      for (const ch of Array.from(piece.text)) {
        const w = piece.font.widthOfTextAtSize(ch, size);
        if (acc.width + w > full && acc.width > 0) {
          out.push(acc);
          acc = { pieces: [], width: 0 };
        }
        const last = acc.pieces[acc.pieces.length - 1];
        if (last && last.font === piece.font) last.text += ch;
        else acc.pieces.push({ text: ch, font: piece.font });
        acc.width += w;
      }
    }
    if (acc.pieces.length) out.push(acc);
    return out;
  }

  /** Draws one wrapped line starting at x on a baseline; `extra` is added to every gap (justification). */
  private drawTokens(line: Token[], x: number, baseline: number, size: number, extra = 0): void {
    const space = this.fonts.regular.widthOfTextAtSize(' ', size);
    let cx = x;
    line.forEach((token, i) => {
      if (i > 0) cx += space + extra;
      for (const piece of token.pieces) {
        drawPageText(this.page, piece.text, { x: cx, y: baseline, size, font: piece.font, color: BLACK });
        cx += piece.font.widthOfTextAtSize(piece.text, size);
      }
    });
  }

  /**
   * A paragraph of runs. `align`: 'justify' (default; last line left), 'left',
   * 'center'. `indent`: first-line indent, pt. Lines flow over page breaks.
   */
  paragraph(
    content: string | Run[],
    o: { size?: number; bold?: boolean; align?: 'justify' | 'left' | 'center'; indent?: number; after?: number; x?: number; width?: number } = {},
  ): void {
    const size = o.size ?? this.opt.size;
    const runs = typeof content === 'string' ? [{ text: content, bold: o.bold }] : content;
    const x0 = o.x ?? this.left;
    const width = o.width ?? this.right - x0;
    const indent = o.indent ?? 0;
    const leading = size * this.opt.lineHeight;
    const lines = this.wrap(runs, width, size, indent);
    const space = this.fonts.regular.widthOfTextAtSize(' ', size);
    lines.forEach((line, i) => {
      this.ensure(leading);
      const baseline = this.y - size;
      const lineIndent = i === 0 ? indent : 0;
      const natural = line.reduce((s, t) => s + t.width, 0) + space * (line.length - 1);
      const avail = width - lineIndent;
      if ((o.align ?? 'justify') === 'center') {
        this.drawTokens(line, x0 + (width - natural) / 2, baseline, size);
      } else if ((o.align ?? 'justify') === 'justify' && i < lines.length - 1 && line.length > 1) {
        const extra = (avail - natural) / (line.length - 1);
        this.drawTokens(line, x0 + lineIndent, baseline, size, extra < space * 5 ? extra : 0);
      } else {
        this.drawTokens(line, x0 + lineIndent, baseline, size);
      }
      this.y -= leading;
    });
    this.y -= o.after ?? 0;
  }

  /** Height a paragraph would take (for keeping blocks together). */
  paragraphHeight(content: string | Run[], o: { size?: number; bold?: boolean; indent?: number; width?: number } = {}): number {
    const size = o.size ?? this.opt.size;
    const runs = typeof content === 'string' ? [{ text: content, bold: o.bold }] : content;
    return this.wrap(runs, o.width ?? this.width, size, o.indent ?? 0).length * size * this.opt.lineHeight;
  }

  /** Draws a horizontal rule. */
  hline(x1: number, x2: number, y: number, o: { thickness?: number; dash?: number[] } = {}): void {
    this.page.drawLine({
      start: { x: x1, y },
      end: { x: x2, y },
      thickness: o.thickness ?? RULE,
      color: BLACK,
      dashArray: o.dash,
    });
  }

  /**
   * One handwriting row: items laid out left to right on a common baseline.
   * Ruled items get their value written on the line and their caption (small,
   * in parentheses as given) centered under it. Consumes `rowHeight` plus the
   * caption band when any item has a caption. A value longer than its line is
   * shrunk down to 7 pt, then cut with «…» (use `field` for long values: it wraps).
   */
  row(items: RowItem[], o: { x?: number; width?: number; size?: number; rowHeight?: number } = {}): void {
    const size = o.size ?? this.opt.size;
    const rowHeight = o.rowHeight ?? this.opt.rowHeight;
    const x0 = o.x ?? this.left;
    const width = o.width ?? this.right - x0;
    const hasCaption = items.some((it) => (it.kind === 'line' || it.kind === 'flex') && it.caption);
    const height = rowHeight + (hasCaption ? this.opt.captionSize + 2 : 0);
    this.ensure(height);

    const fixedWidth = (it: RowItem): number =>
      it.kind === 'text' ? this.measure(it.text, it.bold, it.size ?? size) : it.kind === 'flex' ? 0 : it.width;
    const fixed = items.reduce((s, it) => s + fixedWidth(it), 0);
    const flexCount = items.filter((it) => it.kind === 'flex').length;
    const flexWidth = flexCount ? Math.max(0, (width - fixed) / flexCount) : 0;

    const baseline = this.y - rowHeight + 5;
    const ruleY = baseline - 2.5;
    let x = x0;
    for (const it of items) {
      const w = it.kind === 'flex' ? Math.max(flexWidth, it.minWidth ?? 0) : fixedWidth(it);
      if (it.kind === 'text') {
        const font = it.bold ? this.fonts.bold : this.fonts.regular;
        drawPageText(this.page, it.text, { x, y: baseline, size: it.size ?? size, font, color: BLACK });
      } else if (it.kind === 'line' || (it.kind === 'flex' && it.line)) {
        this.hline(x, x + w, ruleY);
        if (it.value) {
          let s = size;
          let text = it.value;
          while (s > 7 && this.measure(text, false, s) > w - 4) s -= 0.5;
          // Still too long (absurd input): cut with an ellipsis rather than overprint the neighbours.
          while (text.length > 1 && this.measure(text, false, s) > w - 4) text = `${text.slice(0, -2)}…`;
          drawPageText(this.page, text, { x: x + 2, y: baseline, size: s, font: this.fonts.regular, color: BLACK });
        }
        if (it.caption) {
          // Centered under its line, shrunk to fit the text block, never past the margins.
          let cs = this.opt.captionSize;
          while (cs > 5.5 && this.measure(it.caption, false, cs) > this.right - x0) cs -= 0.25;
          const cw = this.measure(it.caption, false, cs);
          const cx = Math.min(Math.max(x + (w - cw) / 2, x0), this.right - cw);
          drawPageText(this.page, it.caption, {
            x: cx,
            y: ruleY - cs - 0.5,
            size: cs,
            font: this.fonts.regular,
            color: BLACK,
          });
        }
      }
      x += w;
    }
    this.y -= height;
  }

  /**
   * A labelled fill-in field: «Label: value» on ruled lines. The value wraps
   * over as many full-width lines as it needs; when absent, `blankLines` empty
   * ruled lines are drawn. The caption goes under the last line. A label wider
   * than 55 % of the block stands on its own line(s) above the rules.
   */
  field(label: string, value: string | undefined, caption?: string, o: { blankLines?: number; bold?: boolean; x?: number } = {}): void {
    const size = this.opt.size;
    const x0 = o.x ?? this.left;
    const width = this.right - x0;
    const labelText = label ? `${label} ` : '';
    let labelWidth = labelText ? this.measure(labelText, o.bold) : 0;
    const rows: { first: boolean; value: string }[] = [];
    const minFirst = width * 0.45;
    const ownLine = labelWidth > width - minFirst;
    if (ownLine) {
      this.keepTogether(this.paragraphHeight(label, { bold: o.bold, width }) + this.opt.rowHeight);
      this.paragraph(label, { bold: o.bold, align: 'left', x: x0, width });
      labelWidth = 0;
    }
    const firstWidth = width - labelWidth - 2;
    if (value) {
      const lines = this.wrap([{ text: value }], width - 4, size, width - firstWidth);
      lines.forEach((line, i) => rows.push({ first: i === 0, value: line.map((t) => t.pieces.map((p) => p.text).join('')).join(' ') }));
    } else {
      const n = Math.max(1, o.blankLines ?? 1);
      for (let i = 0; i < n; i++) rows.push({ first: i === 0, value: '' });
    }
    if (!ownLine) this.keepTogether(this.opt.rowHeight * Math.min(rows.length, 2) + (caption ? this.opt.captionSize + 2 : 0));
    rows.forEach((r, i) => {
      const last = i === rows.length - 1;
      const lineItem: RowItem = { kind: 'flex', line: true, value: r.value, caption: last ? caption : undefined };
      if (i === 0 && labelText && !ownLine) this.row([{ kind: 'text', text: labelText, bold: o.bold }, lineItem], { x: x0 });
      else this.row([lineItem], { x: x0 });
    });
  }

  /** Starts a new page unless `height` points remain (keeps a heading with what follows). */
  keepTogether(height: number): void {
    this.ensure(height);
  }

  /**
   * A bordered two-column table (label | value). Empty values leave `minLines`
   * (default 1) rows of writing space. A row is never split over pages.
   */
  table(rows: TableRow[], o: { labelRatio?: number; size?: number; rowHeight?: number } = {}): void {
    const size = o.size ?? this.opt.size;
    const pad = 3;
    const leading = size * this.opt.lineHeight;
    const labelW = this.width * (o.labelRatio ?? 0.42);
    const valueW = this.width - labelW;
    const xMid = this.left + labelW;
    let top = this.y;
    let first = true;
    for (const r of rows) {
      const labelLines = this.wrap([{ text: r.label }], labelW - 2 * pad, size);
      const valueLines = r.value ? this.wrap([{ text: r.value }], valueW - 2 * pad, size) : [];
      const writeRows = Math.max(valueLines.length, r.value ? 0 : r.minLines ?? 1);
      const h = Math.max(labelLines.length * leading, writeRows * (r.value ? leading : o.rowHeight ?? this.opt.rowHeight)) + 2 * pad;
      if (this.y - h < this.opt.marginBottom) {
        this.newPage();
        top = this.y;
        first = true;
      }
      if (first) this.hline(this.left, this.right, top);
      first = false;
      let by = this.y - pad - size;
      for (const line of labelLines) {
        this.drawTokens(line, this.left + pad, by, size);
        by -= leading;
      }
      by = this.y - pad - size;
      for (const line of valueLines) {
        this.drawTokens(line, xMid + pad, by, size);
        by -= leading;
      }
      const bottom = this.y - h;
      this.hline(this.left, this.right, bottom);
      for (const x of [this.left, xMid, this.right]) {
        this.page.drawLine({ start: { x, y: this.y }, end: { x, y: bottom }, thickness: RULE, color: BLACK });
      }
      this.y = bottom;
    }
  }

  /** A dashed cut line across the page (with a small label in the middle). */
  cutLine(label: string): void {
    this.ensure(14);
    const y = this.y - 7;
    const cs = this.opt.captionSize;
    const lw = this.measure(label, false, cs) + 8;
    const mid = (this.left + this.right) / 2;
    this.hline(this.left, mid - lw / 2, y, { dash: [4, 3] });
    this.hline(mid + lw / 2, this.right, y, { dash: [4, 3] });
    drawPageText(this.page, label, { x: mid - lw / 2 + 4, y: y - cs / 3, size: cs, font: this.fonts.regular, color: BLACK });
    this.y -= 14;
  }

  /** Draws «<document title> — лист i из n» at the foot of every page of every document. */
  finish(): void {
    const cs = this.opt.captionSize;
    const y = this.opt.marginBottom / 2;
    for (const s of this.sections) {
      s.pages.forEach((page, i) => {
        const right = `лист ${i + 1} из ${s.pages.length}`;
        const rw = this.measure(right, false, cs);
        if (s.title) drawPageText(page, s.title, { x: this.left, y, size: cs, font: this.fonts.regular, color: BLACK });
        drawPageText(page, right, { x: this.right - rw, y, size: cs, font: this.fonts.regular, color: BLACK });
      });
    }
  }

  /** Page count of each document so far, in order (for tests and callers that report them). */
  documentPages(): { title: string; pages: number }[] {
    return this.sections.map((s) => ({ title: s.title, pages: s.pages.length }));
  }
}

/**
 * A cleaner for text drawn with `font`: whitespace normalised (`cleanText`) and every character
 * the embedded font cannot draw replaced with «?», so nothing prints as an empty box.
 * @param font the embedded font the text is drawn with
 * @returns `(text) => cleaned text` ('' for undefined)
 */
export function fontSafeText(font: PDFFont): (s: string | undefined) => string {
  const supported = new Set(font.getCharacterSet());
  return (s) =>
    Array.from(cleanText(s))
      .map((ch) => (supported.has(ch.codePointAt(0)!) ? ch : '?'))
      .join('');
}

/**
 * Sets the document information of a PDF made by the project: title (shown in the window title
 * bar), subject, language ru, creator and producer; no author, no keywords.
 * @param doc the document
 * @param title e.g. «Заявление и согласия»
 * @param subject one line about the contents
 */
export function setPaperInfo(doc: PDFDocument, title: string, subject: string): void {
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setSubject(subject);
  doc.setLanguage('ru');
  doc.setCreator('pfdo-companion');
  doc.setProducer('pfdo-companion (pdf-lib)');
  doc.setAuthor('');
  doc.setKeywords([]);
}

/** A page stand-in for `MeasuringWriter`: every drawing call does nothing. */
const NO_PAGE = {
  drawText: () => undefined,
  drawLine: () => undefined,
  drawRectangle: () => undefined,
  drawImage: () => undefined,
} as unknown as PDFPage;

/**
 * A `PaperWriter` that draws nothing and adds no pages to the PDF: it runs the same layout code
 * to learn in advance how tall a block is and how many pages a document needs, so that page
 * breaks can be chosen before anything is drawn (see `flowBlocks`). Its pages live only in
 * `pages` (the count of the current document); `finish` and the footers are not used.
 */
export class MeasuringWriter extends PaperWriter {
  /** Pages the current document has taken so far. */
  pages = 0;

  /** Starts counting a new document (no footer title is kept). */
  override startDocument(_title: string): void {
    this.pages = 0;
    this.newPage();
  }

  /** Moves to the top of a fresh (imaginary) page. */
  override newPage(): void {
    this.page = NO_PAGE;
    this.y = A4_SIZE[1] - this.opt.marginTop;
    this.pages++;
    this.onNewPage?.(this.page);
  }

  /**
   * Height `draw` takes when it starts at the top of an empty page, in points; `Infinity`
   * when it does not fit on one page (it would break the page itself).
   * @param draw writes one block with this writer
   */
  heightOf(draw: (w: PaperWriter) => void): number {
    this.newPage();
    const pages = this.pages;
    const top = this.y;
    draw(this);
    return this.pages === pages ? top - this.y : Number.POSITIVE_INFINITY;
  }
}

/** A part of a document that is never split over two pages (unless it is taller than a page). */
export interface Block {
  /** Writes the block at the cursor. It must not begin with `space` (dropped at a page top). */
  draw: (w: PaperWriter) => void;
  /**
   * A signature block (a date and signature row, with its heading): it does not count as
   * content when the tail of a document is kept together (see `flowBlocks`).
   */
  signature?: boolean;
}

/** Height of the writable area of a page (A4 minus the top and bottom margins). */
export function pageCapacity(opt: LayoutOptions): number {
  return A4_SIZE[1] - opt.marginTop - opt.marginBottom;
}

/**
 * Writes blocks, breaking pages only between them (a block is moved whole to the next page when
 * it does not fit), and keeps the tail of the document together: the last blocks holding
 * `tailContent` content (non-signature) blocks, with every signature block among or after them,
 * go to one page — so a continuation page never carries a lone signature line or a single
 * paragraph with its signature. A block taller than a page flows over the break as usual; a tail
 * taller than a page is not kept together.
 * @param w the writer (real or `MeasuringWriter`), with a document started
 * @param blocks the blocks in order
 * @param heights each block's height from `MeasuringWriter.heightOf` at the same options
 * @param tailContent content blocks kept with the final signature (default 2)
 */
export function flowBlocks(w: PaperWriter, blocks: Block[], heights: number[], tailContent = 2): void {
  const capacity = pageCapacity(w.opt);
  const top = A4_SIZE[1] - w.opt.marginTop;
  let tail = blocks.length;
  for (let seen = 0; tail > 0 && seen < tailContent; ) if (!blocks[--tail].signature) seen++;
  const tailHeight = heights.slice(tail).reduce((s, h) => s + h, 0);
  blocks.forEach((b, i) => {
    const atTop = w.y >= top - 0.01;
    const keepTail = i === tail && tail > 0 && tailHeight <= capacity && tailHeight > w.remaining;
    const wholeBlock = heights[i] <= capacity && heights[i] > w.remaining;
    if (!atTop && (keepTail || wholeBlock)) w.newPage();
    b.draw(w);
  });
}
