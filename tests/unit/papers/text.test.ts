import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { buildPapersPdf, papersFileName } from '@/utils/papers';
import { CONSENT_ITEMS, CONSENT_TITLE, DOC_TITLES, STATEMENT_TITLE } from '@/utils/papers/templates';
import type { PapersInput } from '@/utils/papers/types';
import { ALONE, BLANK, FILLED, FILLED_VALUES, norm, pdfPages, pdfText, requirePoppler, shippedFonts, tempDir, writePdf } from './helpers';

const fonts = await shippedFonts();
const tmp = tempDir();
afterAll(() => tmp.cleanup());

interface Built {
  path: string;
  /** `pdftotext -layout`, per page, whitespace collapsed. */
  pages: string[];
  all: string;
  /** `pdftotext -raw` (content order: a table cell's lines stay together), whole file. */
  raw: string;
}

async function build(name: string, input: PapersInput): Promise<Built> {
  const path = writePdf(tmp.dir, name, await buildPapersPdf(input, fonts));
  const { count } = pdfPages(path);
  const pages = Array.from({ length: count }, (_, i) => norm(pdfText(path, i + 1)));
  return { path, pages, all: pages.join(' '), raw: norm(pdfText(path, undefined, true)) };
}

/** Which document a page belongs to, by its footer («<title> … лист i из n»). */
function docOf(page: string): string {
  const hits = Object.values(DOC_TITLES).filter((t) => page.includes(`${t} лист`));
  if (hits.length !== 1) throw new Error(`page has ${hits.length} document footers: ${page.slice(-200)}`);
  return hits[0];
}

/** Pages grouped by document, in order of appearance. */
function documents(b: Built): { title: string; text: string; pages: number[] }[] {
  const out: { title: string; text: string; pages: number[] }[] = [];
  b.pages.forEach((p, i) => {
    const title = docOf(p);
    const last = out[out.length - 1];
    if (last && last.title === title) {
      last.text += ` ${p}`;
      last.pages.push(i + 1);
    } else out.push({ title, text: p, pages: [i + 1] });
  });
  return out;
}

let filled: Built;
let blank: Built;
let alone: Built;
let blankKuzbass: Built;

// Four PDFs and pdftotext on every page: the default 10 s hook timeout is too short on a loaded 2-core machine.
beforeAll(async () => {
  requirePoppler();
  [filled, blank, alone, blankKuzbass] = await Promise.all([
    build('filled', FILLED),
    build('blank', BLANK),
    build('alone', ALONE),
    build('blank-kuzbass', { region: 'kuzbass' }),
  ]);
}, 120_000);

/** Labels of the bordered tables (checked in content order: -layout interleaves the two columns). */
const TABLE_LABELS = [
  'Фамилия, имя, отчество (при наличии)',
  'Вид, серия и номер документа, удостоверяющего личность',
  'Дата рождения',
  'Место (адрес) проживания',
  'СНИЛС',
  'Контактные данные (телефон, электронная почта)',
];

const STATEMENT_HEADINGS = [
  `${STATEMENT_TITLE} №`,
  'Сведения о ребёнке',
  'которому предоставляется сертификат:',
  'Прошу предоставить сертификат дополнительного образования, предусмотренный для следующей категории детей',
  'Сведения о заявителе',
  'Правилами персонифицированного финансирования дополнительного образования детей',
  'не позднее чем через 20 рабочих дней после соответствующих изменений',
  'Согласие на обработку персональных данных прилагается отдельным документом',
  '(подпись заявителя)',
  '(расшифровка подписи)',
  'Сведения, указанные заявителем в заявлении, подтверждены соответствующими документами',
  'линия отреза',
  'РАСПИСКА В ПОЛУЧЕНИИ ЗАЯВЛЕНИЯ',
];

/** The nine items of 152-ФЗ ст. 9 ч. 4 (domain.md §6), each a labelled line. */
const CONSENT_LABELS = [
  CONSENT_TITLE,
  'Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»',
  'конкретное, предметное, информированное, сознательное и однозначное согласие',
  CONSENT_ITEMS.subject,
  'Фамилия, имя, отчество:',
  'Адрес:',
  'Документ, удостоверяющий личность:',
  '(вид документа, серия, номер, дата выдачи, кем выдан)',
  CONSENT_ITEMS.representative,
  CONSENT_ITEMS.operator,
  'Наименование:',
  CONSENT_ITEMS.purpose,
  CONSENT_ITEMS.list,
  CONSENT_ITEMS.processor,
  CONSENT_ITEMS.actions,
  CONSENT_ITEMS.term,
  'Согласие отзывается письменным заявлением',
  CONSENT_ITEMS.signature,
  '(подпись)',
];

describe('papers PDF: structure and text (pdftotext)', () => {
  it('every page is A4 portrait', () => {
    for (const b of [filled, blank, alone, blankKuzbass]) {
      const { count, sizes } = pdfPages(b.path);
      expect(sizes).toHaveLength(count);
      for (const s of sizes) expect(s).toMatch(/^595\.2\d? x 841\.8\d? pts \(A4\)/);
    }
  });

  it('parent variant: Заявление on one page, then the applicant consent and the child consent, each from a new page', () => {
    const docs = documents(filled);
    expect(docs.map((d) => d.title)).toEqual([DOC_TITLES.statement, DOC_TITLES.applicantConsent, DOC_TITLES.childConsent]);
    expect(docs[0].pages).toEqual([1]);
    // separate documents: no page mixes the statement and a consent, and every consent starts with its title
    for (const p of filled.pages) expect(p.includes(STATEMENT_TITLE) && p.includes(CONSENT_TITLE)).toBe(false);
    for (const d of docs.slice(1)) expect(filled.pages[d.pages[0] - 1].startsWith(CONSENT_TITLE)).toBe(true);
    expect(docs[1].text).toContain('заявителя — родителя ребёнка');
    expect(docs[1].text).not.toContain('ребёнка, даваемое его');
    expect(docs[2].text).toContain('ребёнка, даваемое его родителем');
    // page-level check with pdftotext -f N -l N as well
    const first = docs[2].pages[0];
    expect(norm(pdfText(filled.path, first))).toContain('Субъект персональных данных (ребёнок)');
    expect(norm(pdfText(filled.path, first - 1))).not.toContain('Субъект персональных данных (ребёнок)');
  });

  it('the Заявление carries every heading of domain.md §5 (both regions, filled and blank)', () => {
    for (const b of [filled, blank, blankKuzbass, alone]) {
      const statement = documents(b)[0];
      expect(statement.pages).toEqual([1]);
      for (const h of STATEMENT_HEADINGS) expect(statement.text, h).toContain(h);
      for (const l of TABLE_LABELS) expect(b.raw, l).toContain(l);
    }
    expect(blank.pages[0]).toContain('реестре сертификатов дополнительного образования Тверской области под реестровой записью №');
    expect(blankKuzbass.pages[0]).toContain('Кемеровской области – Кузбасса под реестровой записью №');
    expect(blankKuzbass.pages[0]).toContain('в Кемеровской области – Кузбассе ознакомлен(а)');
    expect(filled.pages[0]).toContain('родителем которого я являюсь');
    expect(filled.pages[0]).toContain('под реестровой записью № 4207000002');
  });

  it('every consent has all nine items of 152-ФЗ ст. 9 ч. 4', () => {
    for (const b of [filled, blank, alone, blankKuzbass]) {
      for (const d of documents(b).slice(1)) {
        for (const label of CONSENT_LABELS) expect(d.text, `${d.title}: ${label}`).toContain(label);
      }
    }
    const child = documents(blank)[2].text;
    expect(child).toContain('Документ, подтверждающий полномочия:');
    expect(child).toContain('(свидетельство о рождении ребёнка');
    expect(child).toContain('Подпись законного представителя субъекта персональных данных');
    expect(documents(blank)[1].text).toContain('Подпись субъекта персональных данных');
  });

  it('the filled PDF shows the values, each in the right document', () => {
    for (const v of FILLED_VALUES) expect(filled.all, v).toContain(v);
    const [statement, own, child] = documents(filled);
    expect(filled.raw).toContain('тел. +7 (905) 123-45-67, эл. почта: anna.ivanova@example.ru');
    expect(statement.text).toContain('Дети в возрасте от 5 до 18 лет');
    expect(own.text).toContain('Иванова Анна Петровна');
    expect(own.text).toContain('32 06 № 114590');
    expect(own.text).not.toContain('Иванов Пётр Сергеевич');
    expect(own.text).toContain('МБУ ДО «Дом детского творчества» г. Киселевска');
    expect(child.text).toContain('Иванов Пётр Сергеевич');
    expect(child.text).toContain('Иванова Анна Петровна');
    // the parent's authority document is the child's birth certificate
    expect(child.text).toMatch(/Документ, подтверждающий полномочия: свидетельство о рождении III-ПО № 537155/);
    expect(child.text).toContain('Иванова А. П.');
  });

  it('the blank PDF has no personal values, only ruled lines with captions', () => {
    for (const v of FILLED_VALUES) expect(blank.all, v).not.toContain(v);
    for (const v of ['Иванов', 'Киселевск', '537155', 'example']) expect(blank.all).not.toContain(v);
    for (const caption of [
      '(фамилия, имя, отчество (при наличии) полностью)',
      '(адрес места жительства)',
      '(категория (группа) сертификата)',
      '(адрес этой организации)',
      '(должность, фамилия и инициалы работника организации)',
    ]) {
      expect(blank.all).toContain(caption);
    }
    expect(documents(blank).map((d) => d.title)).toEqual([DOC_TITLES.statement, DOC_TITLES.applicantConsent, DOC_TITLES.childConsent]);
  });

  it('a child of 14–17 applying alone gets one consent for own data, with an optional parent co-signature', () => {
    const docs = documents(alone);
    expect(docs.map((d) => d.title)).toEqual([DOC_TITLES.statement, DOC_TITLES.childOwnConsent]);
    expect(docs[0].text).toContain('Прошу зарегистрировать меня, ребёнка в возрасте от 14 до 18 лет');
    const consent = docs[1].text;
    expect(consent).toContain('ребёнка в возрасте от 14 до 18 лет, подающего заявление самостоятельно');
    expect(consent).toContain('Представитель субъекта персональных данных: не участвует');
    expect(consent).toContain('Согласие ребёнка поддерживаю');
    expect(consent).toContain('паспорт гражданина РФ серия 28 24 № 654321');
    expect(consent).toContain('Иванов П. С.');
    expect(consent).toContain('Иванова А. П.');
  });

  it('the relation decides the wording; a guardian gets no prefilled authority document', async () => {
    const repr = await build('repr', { ...FILLED, applicant: { ...FILLED.applicant, relation: 'representative' } });
    expect(repr.pages[0]).toContain('законным представителем которого я являюсь');
    const child = documents(repr)[2].text;
    expect(child).toContain('ребёнка, даваемое его законным представителем');
    expect(child).toMatch(/Документ, подтверждающий полномочия: \(документ, подтверждающий полномочия законного представителя/);
    const unknown = await build('unknown', { ...FILLED, applicant: { ...FILLED.applicant, relation: undefined } });
    expect(unknown.pages[0]).toContain('родителем (законным представителем) которого я являюсь');
  });

  it('characters the font lacks print as «?», long values wrap, nothing throws', async () => {
    const odd = await build('odd', {
      region: 'tver',
      child: {
        fullName: 'Петров 😀 Иван',
        address: 'Тверская область, Калининский муниципальный округ, деревня Очень-Длинное-Название-Населённого-Пункта-Без-Пробелов-Для-Проверки-Переноса, дом 1',
      },
      applicant: { email: 'a-very-long-mailbox-name-without-any-spaces-at-all@subdomain.example-long-domain.ru' },
    });
    expect(odd.all).toContain('Петров ? Иван');
    expect(odd.all).toContain('Очень-Длинное');
    // the statement may flow onto a second sheet; its first sheet still ends with the applicant's signature
    expect(documents(odd)[0].pages.length).toBeLessThanOrEqual(2);
    expect(odd.pages[0]).toContain('(подпись заявителя)');
  });

  it('metadata: Russian title, language ru, creator pfdo-companion, no personal data', async () => {
    const doc = await PDFDocument.load(readFileSync(filled.path), { updateMetadata: false });
    expect(doc.getTitle()).toBe('Заявление о предоставлении сертификата дополнительного образования и согласие на обработку персональных данных');
    expect(doc.getCreator()).toBe('pfdo-companion');
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(ru)');
    const meta = [doc.getTitle(), doc.getSubject(), doc.getAuthor(), doc.getKeywords(), doc.getProducer(), doc.getCreator()].join(' ');
    for (const v of ['Иванов', 'Киселевск', '4207000002', '537155']) expect(meta).not.toContain(v);
    const { info } = pdfPages(filled.path);
    expect(info).toMatch(/Creator:\s+pfdo-companion/);
    expect(info).not.toContain('Иванов');
  });

  it('rejects a malformed date with a RangeError', async () => {
    await expect(buildPapersPdf({ region: 'tver', date: '05.03.2025' }, fonts)).rejects.toThrow(RangeError);
    await expect(buildPapersPdf({ region: 'tver', date: '2025-02-30' }, fonts)).rejects.toThrow(RangeError);
  });

  it('without fonts, loads the shipped ones from the extension package (browser.runtime.getURL + fetch)', async () => {
    const seen: string[] = [];
    const fetchStub = vi.fn(async (url: string) => {
      seen.push(url);
      const m = /^chrome-extension:\/\/[^/]+\/(fonts\/[\w-]+\.ttf)$/.exec(url);
      if (!m) return new Response(null, { status: 404 });
      return new Response(readFileSync(resolve(__dirname, '../../../public', m[1])));
    });
    vi.stubGlobal('fetch', fetchStub);
    try {
      const bytes = await buildPapersPdf(BLANK);
      const path = writePdf(tmp.dir, 'fetched', bytes);
      expect(norm(pdfText(path, 1))).toContain(STATEMENT_TITLE);
      expect(seen.sort()).toEqual([
        'chrome-extension://test-extension-id/fonts/DejaVuSerif-Bold.ttf',
        'chrome-extension://test-extension-id/fonts/DejaVuSerif.ttf',
      ]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('papersFileName', () => {
  it('names the file after the child, or as a blank form', () => {
    expect(papersFileName(FILLED)).toBe('Заявление-и-согласия-Иванов.pdf');
    expect(papersFileName({ region: 'tver', child: { fullName: '  Салтыкова-Щедрина Мария ' } })).toBe('Заявление-и-согласия-Салтыкова-Щедрина.pdf');
    expect(papersFileName({ region: 'tver', child: { fullName: 'О\'Коннор/..\\Лиам' } })).toBe('Заявление-и-согласия-ОКоннорЛиам.pdf');
    expect(papersFileName(BLANK)).toBe('Бланк-заявления.pdf');
    expect(papersFileName({ region: 'kuzbass', applicant: { fullName: '  ' }, child: {} })).toBe('Бланк-заявления.pdf');
    expect(papersFileName({ region: 'kuzbass', applicant: { fullName: 'Иванова Анна' } })).toBe('Заявление-и-согласия.pdf');
  });
});
