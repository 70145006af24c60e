/**
 * Stands in for `@pdf-lib/standard-fonts` in the extension's bundle (a Vite alias in
 * `wxt.config.ts`). pdf-lib imports that package for the 14 standard PDF fonts (Helvetica,
 * Times…): their metrics and encodings, ≈ 110 KB of compressed data unpacked when the module
 * loads. The papers never use a standard font — they embed DejaVu Serif
 * (`utils/papers/embed-font.ts`), because the standard fonts have no Cyrillic — so the bundle gets
 * this module: the font names pdf-lib checks its input against, and an error if a standard font is
 * ever asked for (`doc.embedFont(StandardFonts.Helvetica)`, or a form field's appearance).
 *
 * Tests run against the real package (Vitest does not use the alias); the papers tests check that
 * the built chunk holds neither this data nor fontkit.
 */

/** The 14 standard font names (PDF 32000-1:2008, 9.6.2.2), as `@pdf-lib/standard-fonts` names them. */
export enum FontNames {
  Courier = 'Courier',
  CourierBold = 'Courier-Bold',
  CourierOblique = 'Courier-Oblique',
  CourierBoldOblique = 'Courier-BoldOblique',
  Helvetica = 'Helvetica',
  HelveticaBold = 'Helvetica-Bold',
  HelveticaOblique = 'Helvetica-Oblique',
  HelveticaBoldOblique = 'Helvetica-BoldOblique',
  TimesRoman = 'Times-Roman',
  TimesRomanBold = 'Times-Bold',
  TimesRomanItalic = 'Times-Italic',
  TimesRomanBoldItalic = 'Times-BoldItalic',
  Symbol = 'Symbol',
  ZapfDingbats = 'ZapfDingbats',
}

/** The message of every use. */
export const NO_STANDARD_FONTS =
  'Стандартные шрифты PDF (Helvetica, Times…) в расширение не входят: бумаги печатаются встроенным DejaVu Serif (utils/papers/embed-font.ts)';

function unavailable(): never {
  throw new Error(NO_STANDARD_FONTS);
}

/** `Font.load(name)` of the real package: here it always throws. */
export class Font {
  static load(_name: string): never {
    return unavailable();
  }
}

/** `Encodings.WinAnsi` and the others of the real package: reading any of them throws. */
export const Encodings = {
  get Symbol(): never {
    return unavailable();
  },
  get ZapfDingbats(): never {
    return unavailable();
  },
  get WinAnsi(): never {
    return unavailable();
  },
};
