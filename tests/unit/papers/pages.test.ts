/**
 * Page breaks of the papers (issue 8, item 11): the fewest pages without cramping, and no
 * orphan page — a continuation page never carries only a signature block, or one paragraph with
 * its signature. Checked on the PDFs through `pdftotext` (page by page), and on the layout helper
 * (`flowBlocks`) with blocks of known height.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { buildPapersPdf } from '@/utils/papers';
import { A4_SIZE, DEFAULT_LAYOUT, MeasuringWriter, flowBlocks, pageCapacity, type Block, type PaperWriter } from '@/utils/papers/layout';
import { CONSENT_ITEMS, DOC_TITLES } from '@/utils/papers/templates';
import type { PapersInput } from '@/utils/papers/types';
import { ALONE, FILLED, type PaperDocument, documentsOf, norm, pdfPages, pdfText, requirePoppler, shippedFonts, tempDir, writePdf } from './helpers';

const fonts = await shippedFonts();
const tmp = tempDir();
afterAll(() => tmp.cleanup());
/** Each test builds several PDFs and runs poppler on every page: room for a loaded 2-core machine. */
const PDF_TIMEOUT = 120_000;

const TITLES = Object.values(DOC_TITLES);

async function documents(name: string, input: PapersInput): Promise<{ count: number; docs: PaperDocument[] }> {
  const path = writePdf(tmp.dir, name, await buildPapersPdf(input, fonts));
  const { count } = pdfPages(path);
  const pages = Array.from({ length: count }, (_, i) => norm(pdfText(path, i + 1)));
  return { count, docs: documentsOf(pages, TITLES) };
}

/** Items 1–8 of a consent (152-ФЗ ст. 9 ч. 4), by the first words of their labels. */
const CONTENT_ITEMS = Object.values(CONSENT_ITEMS)
  .filter((l) => l !== CONSENT_ITEMS.signature)
  .map((l) => l.split(' ').slice(0, 3).join(' '));

/** Items 1–8 on a page, not counting the signature block (item 9 and any co-signature after it). */
function contentItems(page: string): string[] {
  const cut = page.indexOf(CONSENT_ITEMS.signature);
  const body = cut >= 0 ? page.slice(0, cut) : page;
  return CONTENT_ITEMS.filter((l) => body.includes(l));
}

/** Every continuation page of every consent has at least two items besides the signature; item 8 sits with item 9. */
function expectNoOrphanPages(docs: PaperDocument[]): void {
  for (const d of docs.slice(1)) {
    d.texts.forEach((text, i) => {
      if (i > 0) expect(contentItems(text).length, `${d.title}, sheet ${i + 1}: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(2);
      if (text.includes(CONSENT_ITEMS.signature)) expect(text, `${d.title}: item 8 with the signature`).toContain(CONSENT_ITEMS.term);
    });
  }
}

/** Long values that push the applicant's consent past one page even at the smallest type. */
const LONG: PapersInput = {
  ...FILLED,
  applicant: {
    ...FILLED.applicant,
    address: `${FILLED.applicant!.address}, корпус 2, строение 3, подъезд 4, этаж 5, вход со двора, домофон 34, Кемеровский муниципальный округ`,
    passport: `${FILLED.applicant!.passport}, выдан повторно взамен утраченного по заявлению от 01.02.2006 Отделом внутренних дел города Киселевска Кемеровской области`,
  },
  operator: {
    name: 'Муниципальное бюджетное учреждение дополнительного образования «Дом детского творчества имени Героя Советского Союза» Киселевского городского округа',
    address: '652700, Кемеровская область – Кузбасс, Киселевский городской округ, г. Киселевск, ул. Унжакова, д. 8а, корпус 1, кабинет 12',
  },
};

beforeAll(() => requirePoppler());

describe('papers PDF: fewest pages, no orphan pages (pdftotext)', { timeout: PDF_TIMEOUT }, () => {
  it('filled and blank, both regions: 4 pages — Заявление 1, applicant consent 1, child consent 2 (was 5)', async () => {
    for (const [name, input] of [
      ['filled-kuzbass', FILLED],
      ['filled-tver', { ...FILLED, region: 'tver' }],
      ['blank-tver', { region: 'tver' }],
      ['blank-kuzbass', { region: 'kuzbass' }],
    ] as const) {
      const { count, docs } = await documents(name, input);
      expect(count, name).toBe(4);
      expect(docs.map((d) => [d.title, d.texts.length]), name).toEqual([
        [DOC_TITLES.statement, 1],
        [DOC_TITLES.applicantConsent, 1],
        [DOC_TITLES.childConsent, 2],
      ]);
      expectNoOrphanPages(docs);
    }
  });

  it('a child applying alone: 3 pages, the consent ends with at least two items, the signature and the co-signature', async () => {
    const { count, docs } = await documents('alone', ALONE);
    expect(count).toBe(3);
    expect(docs.map((d) => d.texts.length)).toEqual([1, 2]);
    expectNoOrphanPages(docs);
    const last = docs[1].texts[1];
    expect(last).toContain('Согласие ребёнка поддерживаю');
  });

  it('long values: a consent that needs two pages moves items to the second page with the signature', async () => {
    const { docs } = await documents('long', LONG);
    expect(docs[1].title).toBe(DOC_TITLES.applicantConsent);
    expect(docs[1].texts.length).toBe(2);
    expectNoOrphanPages(docs);
    const { docs: aloneDocs } = await documents('long-alone', { ...ALONE, child: { ...ALONE.child, address: LONG.applicant!.address }, operator: LONG.operator });
    expectNoOrphanPages(aloneDocs);
  });
});

describe('flowBlocks (layout helper)', () => {
  /** A measuring writer with a fake font (blocks below draw nothing, they only move the cursor). */
  async function writer(): Promise<MeasuringWriter> {
    const font = { widthOfTextAtSize: (t: string, s: number) => t.length * s * 0.5 } as unknown as PDFFont;
    return new MeasuringWriter(await PDFDocument.create(), { regular: font, bold: font });
  }
  /** A block of a fixed height that records the page it lands on. */
  function block(height: number, log: number[], signature = false): Block {
    return {
      signature,
      draw: (w: PaperWriter) => {
        log.push((w as MeasuringWriter).pages);
        w.y -= height;
      },
    };
  }

  it('measures a block from the top of a page; a block taller than a page is Infinity', async () => {
    const w = await writer();
    expect(pageCapacity(DEFAULT_LAYOUT)).toBeCloseTo(A4_SIZE[1] - DEFAULT_LAYOUT.marginTop - DEFAULT_LAYOUT.marginBottom);
    expect(w.heightOf((x) => (x.y -= 123))).toBeCloseTo(123);
    expect(w.heightOf((x) => x.paragraph('слово '.repeat(2000)))).toBe(Number.POSITIVE_INFINITY);
  });

  it('moves the last paragraphs with the signature instead of leaving the signature alone', async () => {
    const w = await writer();
    const log: number[] = [];
    const heights = [300, 300, 150, 40];
    const blocks = [block(300, log), block(300, log), block(150, log), block(40, log, true)];
    w.startDocument('test');
    flowBlocks(w, blocks, heights);
    // greedy would put 300 + 300 + 150 on page 1 and the signature alone on page 2
    expect(log).toEqual([1, 2, 2, 2]);
  });

  it('keeps everything on one page when it fits, and never breaks before the first block', async () => {
    const w = await writer();
    const log: number[] = [];
    w.startDocument('test');
    flowBlocks(w, [block(300, log), block(300, log), block(100, log), block(40, log, true)], [300, 300, 100, 40]);
    expect(log).toEqual([1, 1, 1, 1]);
  });

  it('counts only content blocks in the kept tail (signature and co-signature do not count)', async () => {
    const w = await writer();
    const log: number[] = [];
    const heights = [400, 200, 100, 60, 80];
    w.startDocument('test');
    flowBlocks(w, [block(400, log), block(200, log), block(100, log), block(60, log, true), block(80, log, true)], heights);
    expect(log).toEqual([1, 2, 2, 2, 2]);
  });
});
