/**
 * What the papers leave to be written by hand (issue 8, item 11): the date of signing is never
 * pre-printed, and the personal-data operator (152-ФЗ ст. 9 ч. 4 п. 3) is printed when it is
 * known for the region, else its blank line says which organisation to write in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPapersPdf } from '@/utils/papers';
import { CONSENT_ITEMS, DOC_TITLES } from '@/utils/papers/templates';
import type { PapersInput } from '@/utils/papers/types';
import { papersInputFor } from '@/utils/profile/papers-input';
import { REGIONS } from '@/utils/profile/regions';
import { Applicant, Child } from '@/utils/profile/schema';
import { todayLocal } from '@/utils/profile/dates';
import { APPLICANT, CHILD } from '../profile/fixtures';
import { ALONE, FILLED, type PaperDocument, documentsOf, norm, pdfPages, pdfText, requirePoppler, shippedFonts, tempDir, writePdf } from './helpers';

const fonts = await shippedFonts();
const tmp = tempDir();
afterAll(() => tmp.cleanup());
/** Each test builds several PDFs and runs poppler on every page: room for a loaded 2-core machine. */
const PDF_TIMEOUT = 120_000;
beforeAll(() => requirePoppler());

let n = 0;
async function documents(input: PapersInput): Promise<PaperDocument[]> {
  const path = writePdf(tmp.dir, `doc-${n++}`, await buildPapersPdf(input, fonts));
  const { count } = pdfPages(path);
  return documentsOf(Array.from({ length: count }, (_, i) => norm(pdfText(path, i + 1))), Object.values(DOC_TITLES));
}

/** A blank date as pdftotext shows it: «___» ________ 20__ г. with the rules dropped. */
const BLANK_DATE = '« » 20 г.';

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('the date is written by hand', { timeout: PDF_TIMEOUT }, () => {
  it('a filled PDF with a date prints no date: every date line is «___» ________ 20__ г.', async () => {
    for (const input of [FILLED, ALONE]) {
      const docs = await documents(input);
      const all = docs.map((d) => d.texts.join(' ')).join(' ');
      for (const printed of ['«05» марта 2025 г.', '05.03.2025', 'марта 2025', '2025 г.']) expect(all, printed).not.toContain(printed);
      // the statement: applicant's signature, the institution's mark and the receipt
      expect(count(docs[0].texts.join(' '), BLANK_DATE), 'statement').toBe(3);
      // each consent: its signature (and the optional parent co-signature of a child applying alone)
      for (const d of docs.slice(1)) {
        const text = d.texts.join(' ');
        const signature = text.slice(text.indexOf(CONSENT_ITEMS.signature));
        expect(count(signature, BLANK_DATE), d.title).toBe(input === ALONE ? 2 : 1);
      }
    }
  });

  it("the popup's input (the profile on today's date) prints no date either", async () => {
    const today = todayLocal();
    const [y, m, d] = today.split('-');
    const docs = await documents(papersInputFor(Child.parse(CHILD), Applicant.parse(APPLICANT), { date: today }));
    const all = docs.map((x) => x.texts.join(' ')).join(' ');
    expect(all).not.toContain(`${d}.${m}.${y}`);
    expect(all).not.toContain(`«${d}»`);
    expect(all).not.toContain(`${y} г.`);
    expect(count(all, BLANK_DATE)).toBe(5);
  });
});

describe('the operator of each region (152-ФЗ ст. 9 ч. 4 п. 3)', { timeout: PDF_TIMEOUT }, () => {
  it('where the operator is unknown, every consent has a labelled blank that says what to write, per region', async () => {
    expect(REGIONS.tver.operator.name).toBeUndefined();
    expect(REGIONS.kuzbass.operator.name).toBeUndefined();
    const hints = {
      tver: ['где активируете сертификат', 'школа, детский сад, Дворец творчества детей и молодёжи'],
      kuzbass: ['где активируете сертификат', '«Скачать учреждения» в личном кабинете'],
    };
    for (const region of ['tver', 'kuzbass'] as const) {
      for (const input of [{ region }, { ...FILLED, region, operator: undefined }, { ...ALONE, region, operator: undefined }] as PapersInput[]) {
        const consents = (await documents(input)).slice(1);
        expect(consents.length).toBeGreaterThan(0);
        for (const c of consents) {
          const text = c.texts.join(' ');
          const item3 = text.slice(text.indexOf(CONSENT_ITEMS.operator), text.indexOf(CONSENT_ITEMS.purpose));
          expect(item3, `${region} ${c.title}`).toContain('Наименование:');
          expect(item3).toContain(REGIONS[region].operator.nameHint);
          expect(item3).toContain(REGIONS[region].operator.addressHint);
          for (const h of hints[region]) expect(item3, `${region}: ${h}`).toContain(h);
        }
      }
    }
  });

  it("a region's known operator is printed in every consent; an operator given in the input wins", async () => {
    const saved = { ...REGIONS.tver.operator };
    Object.assign(REGIONS.tver.operator, { name: 'МБУ ДО «Опытный центр» (проверка)', address: '170000, г. Тверь, ул. Проверочная, д. 1' });
    try {
      for (const input of [{ region: 'tver' }, { ...FILLED, region: 'tver', operator: undefined }] as PapersInput[]) {
        for (const c of (await documents(input)).slice(1)) {
          const text = c.texts.join(' ');
          expect(text, c.title).toContain('Наименование: МБУ ДО «Опытный центр» (проверка)');
          expect(text).toContain('Адрес: 170000, г. Тверь, ул. Проверочная, д. 1');
          expect(text).not.toContain(saved.nameHint);
        }
      }
      for (const c of (await documents({ ...FILLED, region: 'tver' })).slice(1)) {
        expect(c.texts.join(' ')).toContain('МБУ ДО «Дом детского творчества» г. Киселевска');
        expect(c.texts.join(' ')).not.toContain('Опытный центр');
      }
    } finally {
      REGIONS.tver.operator = saved;
    }
  });
});
