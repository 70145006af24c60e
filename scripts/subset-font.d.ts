/** Types of npm `subset-font` (the package ships none): the options this project uses. */
declare module 'subset-font' {
  interface SubsetFontOptions {
    /** Output format; 'truetype' for a TTF. */
    targetFormat?: 'truetype' | 'woff' | 'woff2' | 'sfnt';
    /** Drop TrueType hinting instructions. */
    noHinting?: boolean;
    /** OpenType layout features to keep (default: all). */
    keepFeatures?: readonly string[];
    /** Tables to leave out, four-character tags. */
    dropTables?: readonly string[];
    /** Name table ids to keep. */
    preserveNameIds?: readonly number[];
  }
  /** Cuts `font` to the glyphs of the characters of `text` (harfbuzz hb-subset). */
  export default function subsetFont(font: Buffer, text: string, options?: SubsetFontOptions): Promise<Buffer>;
}
