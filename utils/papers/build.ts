/**
 * Composes the printable PDF: the Заявление (domain.md §5) followed by the
 * separate consents to personal-data processing (152-ФЗ ст. 9 ч. 4; separate
 * documents since 01.09.2025 under 156-ФЗ, domain.md §6), each starting on a
 * new A4 page. A consent is a list of blocks (one per item of 152-ФЗ ст. 9 ч. 4)
 * laid out on the fewest pages at 12–11 pt, never leaving its signature with
 * fewer than two items on a page (`writeDocument`). Pure: takes font bytes,
 * returns PDF bytes; no browser APIs.
 */
import { PDFDocument, PDFFont } from 'pdf-lib';
import { embedTrueType } from './embed-font';
import { savePaper } from './page-text';
import { parsePaperDate, surnameWithInitials } from './format';
import { MeasuringWriter, PaperWriter, flowBlocks, fontSafeText, setPaperInfo, type Block, type LayoutFonts, type RowItem, type TableRow } from './layout';
import {
  CAPTIONS,
  CATEGORY_REQUEST,
  CONSENT_ACTIONS,
  CONSENT_COSIGN,
  CONSENT_INTRO_OWN,
  CONSENT_ITEMS,
  CONSENT_LIST_APPLICANT,
  CONSENT_NO_REPRESENTATIVE,
  CONSENT_PROCESSOR_CAPTION,
  CONSENT_TERM,
  CONSENT_TITLE,
  DOC_TITLES,
  INSTITUTION_CONFIRMATION,
  STATEMENT_CONSENT_NOTE,
  STATEMENT_TITLE,
  consentIntroChild,
  consentListChild,
  consentPurpose,
  relationGenitive,
  statementAcknowledgement,
  statementDuty,
  statementRequest,
} from './templates';
import { REGIONS } from '@/utils/profile/regions';
import type { PaperFonts, PapersInput } from './types';

/** Options of `renderPapersPdf`. */
export interface RenderOptions {
  /**
   * Embed only the glyphs used (default true: the filled papers ≈ 33 KB) or the whole
   * fonts given (≈ 84 KB with the shipped fonts, which the build already cuts to the
   * papers' characters; ≈ 505 KB with the full DejaVu Serif originals). The full
   * embedding exists for the rendering tests that compare both.
   */
  subset?: boolean;
}

/** Metadata title (no personal data, by design). */
export const PDF_TITLE =
  'Заявление о предоставлении сертификата дополнительного образования и согласие на обработку персональных данных';

const NBSP = '\u00a0';
const PARA_INDENT = 12.5 * (72 / 25.4);

/** Everything the composer needs, with values cleaned and defaults applied. */
interface Prepared {
  region: PapersInput['region'];
  number: string;
  category: string;
  alone: boolean;
  relation: 'parent' | 'representative' | undefined;
  applicant: { fullName: string; address: string; passport: string; contacts: string };
  child: { fullName: string; birthDate: string; document: string; address: string; snils: string };
  /** Item 3 of the consents: the operator's name and address, and the captions under them. */
  operator: { name: string; address: string; nameCaption: string; addressCaption: string };
}

/** Text safe for the embedded font, with «№» kept with its number when a line wraps. */
function makeSanitizer(font: PDFFont): (s: string | undefined) => string {
  const safe = fontSafeText(font);
  return (s) => safe(s).replace(/№ /g, `№${NBSP}`);
}

function prepare(input: PapersInput, clean: (s: string | undefined) => string): Prepared {
  const a = input.applicant ?? {};
  const c = input.child ?? {};
  const o = input.operator ?? {};
  const phone = clean(a.phone);
  const email = clean(a.email);
  const contacts = [phone && `тел. ${phone}`, email && `эл. почта: ${email}`].filter(Boolean).join(', ');
  return {
    region: input.region,
    number: clean(input.certificateNumber),
    category: clean(input.category),
    alone: c.appliesAlone === true,
    relation: a.relation,
    applicant: { fullName: clean(a.fullName), address: clean(a.address), passport: clean(a.passport), contacts },
    child: {
      fullName: clean(c.fullName),
      birthDate: clean(c.birthDate),
      document: clean(c.document),
      address: clean(c.address),
      snils: clean(c.snils),
    },
    operator: operatorOf(input.region, { name: clean(o.name), address: clean(o.address) }, clean),
  };
}

/**
 * Item 3 of the consents (152-ФЗ ст. 9 ч. 4 п. 3): the operator given in the input; else the
 * region's operator when it is known (`REGIONS[region].operator`, `utils/profile/regions.ts`);
 * else blank lines whose captions say which organisation to write in by hand.
 */
function operatorOf(region: PapersInput['region'], given: { name: string; address: string }, clean: (s: string | undefined) => string): Prepared['operator'] {
  const known = REGIONS[region].operator;
  const op = given.name || given.address ? given : { name: clean(known.name), address: clean(known.address) };
  return {
    ...op,
    nameCaption: op.name ? CAPTIONS.operatorName : known.nameHint,
    addressCaption: op.address ? CAPTIONS.operatorAddress : known.addressHint,
  };
}

/**
 * Date items of a signature row: always «___» ________ 20__ г. as ruled blanks. A document is
 * dated by hand on the day it is signed (usually at the institution that activates the
 * certificate), not on the day it is printed; the Kuzbass cabinet's own form leaves the date
 * blank too («_____ 20 ____ года», seed 003, domain.md §5 «date and signature lines»).
 */
function dateItems(size?: number): RowItem[] {
  return [
    { kind: 'text', text: '«', size },
    { kind: 'line', width: 24 },
    { kind: 'text', text: '»', size },
    { kind: 'gap', width: 4 },
    { kind: 'line', width: 78 },
    { kind: 'gap', width: 4 },
    { kind: 'text', text: '20', size },
    { kind: 'line', width: 22 },
    { kind: 'text', text: ' г.', size },
  ];
}

/** Tables of the Заявление: 11 pt, label column 40 %, 17 pt (6 mm) handwriting rows. */
const TABLE = { size: 11, labelRatio: 0.4, rowHeight: 17 };

/** Date on the left, signature and its transcript on the right (152-ФЗ ст. 9 ч. 4 п. 9 for consents). */
function signatureRow(w: PaperWriter, name: string, signatureCaption: string = CAPTIONS.signature): void {
  w.row([
    ...dateItems(),
    { kind: 'flex' },
    { kind: 'line', width: 95, caption: signatureCaption },
    { kind: 'text', text: ' / ' },
    { kind: 'line', width: 150, value: surnameWithInitials(name), caption: CAPTIONS.signatureName },
  ]);
}

function heading(w: PaperWriter, text: string, after = 4): void {
  w.keepTogether(w.paragraphHeight(text, { bold: true }) + 40);
  w.paragraph(text, { bold: true, align: 'left', after });
}

/** The Заявление (domain.md §5): one document, normally one page. */
function statement(w: PaperWriter, p: Prepared): void {
  w.startDocument(DOC_TITLES.statement);
  w.paragraph(`${STATEMENT_TITLE} №${NBSP}__________`, { bold: true, align: 'center', after: 6 });

  const number = p.number ? `${NBSP}${p.number}.` : `${NBSP}____________________.`;
  w.paragraph(statementRequest(p.region, p.relation, p.alone) + number, { indent: PARA_INDENT, after: 4 });

  heading(w, p.alone ? 'Сведения о ребёнке (заявителе), которому предоставляется сертификат:' : 'Сведения о ребёнке, которому предоставляется сертификат:');
  const childRows: TableRow[] = [
    { label: 'Фамилия, имя, отчество (при наличии)', value: p.child.fullName },
    { label: 'Вид, серия и номер документа, удостоверяющего личность', value: p.child.document, minLines: 2 },
    { label: 'Дата рождения', value: p.child.birthDate },
    { label: 'Место (адрес) проживания', value: p.child.address, minLines: 2 },
    { label: 'СНИЛС', value: p.child.snils },
  ];
  w.table(childRows, TABLE);
  w.space(6);

  if (p.category) {
    w.paragraph([{ text: `${CATEGORY_REQUEST} ` }, { text: p.category, bold: true }], { indent: PARA_INDENT, after: 4 });
  } else {
    w.paragraph(CATEGORY_REQUEST, { indent: PARA_INDENT });
    w.row([{ kind: 'flex', line: true, caption: CAPTIONS.category }], { rowHeight: 16 });
  }

  heading(w, 'Сведения о заявителе:');
  const applicantName = p.alone ? p.child.fullName : p.applicant.fullName;
  w.table([
    { label: 'Фамилия, имя, отчество (при наличии)', value: applicantName },
    { label: 'Контактные данные (телефон, электронная почта)', value: p.applicant.contacts },
  ], TABLE);
  w.space(6);

  w.paragraph(statementAcknowledgement(p.region), { indent: PARA_INDENT });
  w.paragraph(statementDuty(p.region), { indent: PARA_INDENT });
  w.paragraph(STATEMENT_CONSENT_NOTE, { indent: PARA_INDENT, after: 2 });
  signatureRow(w, applicantName, '(подпись заявителя)');
  w.space(4);

  // Institution's part (filled by its staff, smaller type): confirmation, then the tear-off receipt.
  const S = { size: 10, rowHeight: 17 };
  w.keepTogether(168);
  w.paragraph([{ text: 'Отметка организации, принявшей заявление. ', bold: true }, { text: INSTITUTION_CONFIRMATION }], { size: 10, align: 'left' });
  w.row([{ kind: 'flex', line: true, caption: CAPTIONS.staff }, { kind: 'gap', width: 10 }, { kind: 'line', width: 90, caption: CAPTIONS.signature }], S);
  w.row([...dateItems(10), { kind: 'flex' }, { kind: 'text', text: 'М. П.', size: 10 }], S);
  w.cutLine('линия отреза');
  w.paragraph('РАСПИСКА В ПОЛУЧЕНИИ ЗАЯВЛЕНИЯ', { bold: true, align: 'center', size: 10 });
  w.paragraph(
    `Заявление о предоставлении сертификата дополнительного образования №${NBSP}________ (реестровая запись №${NBSP}${
      p.number || '________________'
    }) получено от заявителя:`,
    { size: 10, align: 'left' },
  );
  w.row([{ kind: 'flex', line: true, value: applicantName, caption: '(фамилия, имя, отчество заявителя)' }], S);
  w.row(
    [
      ...dateItems(10),
      { kind: 'gap', width: 10 },
      { kind: 'flex', line: true, caption: CAPTIONS.staff },
      { kind: 'gap', width: 10 },
      { kind: 'line', width: 80, caption: CAPTIONS.signature },
    ],
    S,
  );
}

/** Fields of item 1/2: a person's ФИО, address and identity document (152-ФЗ ст. 9 ч. 4 п. 1–2). */
function personFields(w: PaperWriter, person: { fullName: string; address: string; document: string; birthDate?: string }, withBirthDate: boolean): void {
  w.field('Фамилия, имя, отчество:', person.fullName, CAPTIONS.fullName);
  if (withBirthDate) w.field('Дата рождения:', person.birthDate, CAPTIONS.birthDate);
  w.field('Адрес:', person.address, CAPTIONS.address);
  w.field('Документ, удостоверяющий личность:', person.document, CAPTIONS.identity, { blankLines: 2 });
}

/** Space after each item of a consent, pt. */
const ITEM_GAP = 3;

/** A bold item label on its own line; the block it opens keeps it with what follows. */
function label(w: PaperWriter, text: string): void {
  w.paragraph(text, { bold: true, align: 'left' });
}

/** An item that is one paragraph: bold label, then the text run on. */
function itemParagraph(labelText: string, text: string): Block {
  return { draw: (w) => w.paragraph([{ text: `${labelText} `, bold: true }, { text }], { after: ITEM_GAP }) };
}

/** Title, subtitle and the opening sentence of a consent. */
function consentHeader(subtitle: string, intro: string): Block {
  return {
    draw: (w) => {
      w.paragraph(CONSENT_TITLE, { bold: true, align: 'center' });
      w.paragraph(subtitle, { align: 'center', after: 6 });
      w.paragraph(intro, { indent: PARA_INDENT, after: 4 });
    },
  };
}

/** Item 1 or 2 of a consent: a person (152-ФЗ ст. 9 ч. 4 п. 1–2), with extra fields after. */
function personItem(title: string, person: { fullName: string; address: string; document: string; birthDate?: string }, withBirthDate: boolean, extra?: (w: PaperWriter) => void): Block {
  return {
    draw: (w) => {
      label(w, title);
      personFields(w, person, withBirthDate);
      extra?.(w);
      w.space(ITEM_GAP);
    },
  };
}

/** Items 3–8, common to all consents, one block each. */
function consentCommon(p: Prepared, list: string): Block[] {
  return [
    {
      draw: (w) => {
        label(w, `${CONSENT_ITEMS.operator}:`);
        w.field('Наименование:', p.operator.name, p.operator.nameCaption, { blankLines: 2 });
        w.field('Адрес:', p.operator.address, p.operator.addressCaption);
        w.space(ITEM_GAP);
      },
    },
    itemParagraph(CONSENT_ITEMS.purpose, consentPurpose(p.region)),
    itemParagraph(CONSENT_ITEMS.list, list),
    {
      draw: (w) => {
        label(w, `${CONSENT_ITEMS.processor}:`);
        w.row([{ kind: 'flex', line: true, caption: CONSENT_PROCESSOR_CAPTION }]);
        w.space(ITEM_GAP);
      },
    },
    itemParagraph(CONSENT_ITEMS.actions, CONSENT_ACTIONS),
    itemParagraph(CONSENT_ITEMS.term, CONSENT_TERM),
  ];
}

/** Item 9: the signature (152-ФЗ ст. 9 ч. 4 п. 9), with the date left blank. */
function signatureItem(title: string, name: string): Block {
  return {
    signature: true,
    draw: (w) => {
      label(w, title);
      signatureRow(w, name);
    },
  };
}

/** One separate document: its footer title and its blocks. */
interface PaperDoc {
  title: string;
  blocks: Block[];
}

/** Consent (a): the adult applicant's own data. */
function applicantConsent(p: Prepared): PaperDoc {
  return {
    title: DOC_TITLES.applicantConsent,
    blocks: [
      consentHeader(`заявителя — ${relationGenitive(p.relation)} ребёнка`, CONSENT_INTRO_OWN),
      personItem(`${CONSENT_ITEMS.subject} (заявитель):`, { fullName: p.applicant.fullName, address: p.applicant.address, document: p.applicant.passport }, false),
      itemParagraph(`${CONSENT_ITEMS.representative}:`, CONSENT_NO_REPRESENTATIVE),
      ...consentCommon(p, CONSENT_LIST_APPLICANT),
      signatureItem(`${CONSENT_ITEMS.signature} субъекта персональных данных:`, p.applicant.fullName),
    ],
  };
}

/** The authority document of a parent is the child's birth certificate (152-ФЗ ст. 9 ч. 4 п. 2). */
function authorityDocument(p: Prepared): string {
  if (p.relation === 'representative') return '';
  return /^свидетельств/i.test(p.child.document) ? p.child.document : '';
}

/** Consent (b): the child's data, signed by the parent / legal representative. */
function childConsentByParent(p: Prepared): PaperDoc {
  const subtitle = p.relation === 'representative' ? 'ребёнка, даваемое его законным представителем' : 'ребёнка, даваемое его родителем (законным представителем)';
  const who = p.relation === 'parent' ? 'родитель' : p.relation === 'representative' ? 'законный представитель' : 'родитель или иной законный представитель';
  const child = { fullName: p.child.fullName, address: p.child.address, document: p.child.document, birthDate: p.child.birthDate };
  const parent = { fullName: p.applicant.fullName, address: p.applicant.address, document: p.applicant.passport };
  return {
    title: DOC_TITLES.childConsent,
    blocks: [
      consentHeader(subtitle, consentIntroChild(p.relation)),
      personItem(`${CONSENT_ITEMS.subject} (ребёнок):`, child, true),
      personItem(`${CONSENT_ITEMS.representative} (${who}):`, parent, false, (w) =>
        w.field(
          'Документ, подтверждающий полномочия:',
          authorityDocument(p),
          p.relation === 'representative' ? CAPTIONS.authorityRepresentative : CAPTIONS.authorityParent,
          { blankLines: 2 },
        ),
      ),
      ...consentCommon(p, consentListChild(false)),
      signatureItem(`${CONSENT_ITEMS.signature} законного представителя субъекта персональных данных:`, p.applicant.fullName),
    ],
  };
}

/** Consent (b′): a child aged 14–17 applying alone consents for own data; optional parent co-signature. */
function childOwnConsent(p: Prepared): PaperDoc {
  const child = { fullName: p.child.fullName, address: p.child.address, document: p.child.document, birthDate: p.child.birthDate };
  return {
    title: DOC_TITLES.childOwnConsent,
    blocks: [
      consentHeader('ребёнка в возрасте от 14 до 18 лет, подающего заявление самостоятельно', CONSENT_INTRO_OWN),
      personItem(`${CONSENT_ITEMS.subject} (ребёнок — заявитель):`, child, true),
      itemParagraph(`${CONSENT_ITEMS.representative}:`, CONSENT_NO_REPRESENTATIVE),
      ...consentCommon(p, consentListChild(true)),
      signatureItem(`${CONSENT_ITEMS.signature} субъекта персональных данных:`, p.child.fullName),
      {
        signature: true,
        draw: (w) => {
          w.space(6);
          w.paragraph(CONSENT_COSIGN, { size: w.opt.size - 1, align: 'left' });
          w.field('', p.applicant.fullName, '(фамилия, имя, отчество родителя (законного представителя))');
          signatureRow(w, p.applicant.fullName);
        },
      },
    ],
  };
}

/**
 * Body sizes a consent may be set in, largest first. 11 pt is the floor: smaller type would
 * cramp a form that is filled and read by hand (the statement's tables use 11 pt too).
 */
export const CONSENT_BODY_SIZES = [12, 11.5, 11] as const;

/**
 * A stand-in for a font that only measures, caching each text's width (for `MeasuringWriter`,
 * which draws nothing). Same arithmetic as pdf-lib (width at 1000 pt × size / 1000), so the
 * measured layout equals the drawn one.
 */
function measuringFont(font: PDFFont): PDFFont {
  const cache = new Map<string, number>();
  const widthOfTextAtSize = (text: string, size: number): number => {
    let w = cache.get(text);
    if (w === undefined) cache.set(text, (w = font.widthOfTextAtSize(text, 1000)));
    return w * (size / 1000);
  };
  return { widthOfTextAtSize } as unknown as PDFFont;
}

/**
 * Writes one separate document (152-ФЗ ст. 9 ч. 1 as amended by 156-ФЗ: each consent on its own
 * pages) on the fewest pages it can take at a body size from `CONSENT_BODY_SIZES`, choosing the
 * largest size that reaches that count; pages break only between blocks and the last page keeps
 * at least two items with the signature (`flowBlocks`). Returns the writer, whose `finish` draws
 * the footers.
 */
function writeDocument(doc: PDFDocument, fonts: LayoutFonts, d: PaperDoc): PaperWriter {
  const measuring = { regular: measuringFont(fonts.regular), bold: measuringFont(fonts.bold) };
  const plan = (size: number): { size: number; pages: number; heights: number[] } => {
    const m = new MeasuringWriter(doc, measuring, { size });
    const heights = d.blocks.map((b) => m.heightOf(b.draw));
    m.startDocument(d.title);
    flowBlocks(m, d.blocks, heights);
    return { size, pages: m.pages, heights };
  };
  // Fewer pages come only from smaller type: try the largest size, then the smallest, and only
  // when the smallest saves a page, the sizes between (largest first).
  const sizes = [...CONSENT_BODY_SIZES];
  let best = plan(sizes[0]);
  if (best.pages > 1) {
    const smallest = plan(sizes[sizes.length - 1]);
    if (smallest.pages < best.pages) {
      best = smallest;
      for (const size of sizes.slice(1, -1)) {
        const p = plan(size);
        if (p.pages === smallest.pages) {
          best = p;
          break;
        }
      }
    }
  }
  const w = new PaperWriter(doc, fonts, { size: best.size });
  w.startDocument(d.title);
  flowBlocks(w, d.blocks, best.heights);
  return w;
}

/**
 * Builds the PDF from font bytes.
 *
 * Input: `PapersInput` (all optional → blank lines), TrueType bytes with
 * Cyrillic, options (`subset`, default true). Output: PDF bytes, A4 portrait:
 * the Заявление, then — each from a new page — the applicant's consent and the
 * consent for the child's data (or, when `child.appliesAlone`, the child's own
 * consent with an optional parent co-signature). Every date line is blank
 * («___» ________ 20__ г.): the papers are dated by hand when signed (seed 003).
 * Metadata: Russian title, language ru, creator «pfdo-companion»; no personal data.
 *
 * Throws `RangeError` for a malformed `date` (validated, not printed); `Error` «Шрифт не читается: …»
 * for font bytes that are not a TrueType font (`utils/papers/truetype.ts`).
 */
export async function renderPapersPdf(input: PapersInput, fonts: PaperFonts, options: RenderOptions = {}): Promise<Uint8Array> {
  parsePaperDate(input.date); // validate before any work
  const subset = options.subset ?? true;
  const doc = await PDFDocument.create();
  const regular = embedTrueType(doc, fonts.regular, { subset });
  const bold = embedTrueType(doc, fonts.bold, { subset });

  const p = prepare(input, makeSanitizer(regular));
  const layoutFonts = { regular, bold };
  const w = new PaperWriter(doc, layoutFonts);
  statement(w, p);
  const consents = p.alone ? [childOwnConsent(p)] : [applicantConsent(p), childConsentByParent(p)];
  const writers = [w, ...consents.map((d) => writeDocument(doc, layoutFonts, d))];
  for (const x of writers) x.finish();

  setPaperInfo(doc, PDF_TITLE, 'Бланк для печати');
  return savePaper(doc);
}
