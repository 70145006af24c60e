/**
 * Loads the fonts shipped in the extension package (`public/fonts/`, DejaVu
 * Serif, licence in `public/fonts/LICENSE-DejaVu.txt`; the build ships them cut
 * to the characters the papers print, `scripts/paper-fonts.ts`). The URL is the
 * extension's own (`chrome-extension://…/fonts/…`), not the network.
 */
import { browser } from 'wxt/browser';
import type { PaperFonts } from './types';

/** Paths of the shipped fonts inside the extension package. */
export const FONT_PATHS = {
  regular: '/fonts/DejaVuSerif.ttf',
  bold: '/fonts/DejaVuSerif-Bold.ttf',
} as const;

let cached: Promise<PaperFonts> | null = null;

async function fetchBytes(path: string): Promise<Uint8Array> {
  // getURL is typed with the generated list of public paths; the fonts are in public/.
  const url = (browser.runtime.getURL as (p: string) => string)(path);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Не удалось загрузить шрифт ${path}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * Fetches regular and bold DejaVu Serif from the extension package once per
 * page and caches the bytes. Throws an `Error` with a Russian message when a
 * file is missing (a broken build); a failed load is not cached.
 */
export function loadPaperFonts(): Promise<PaperFonts> {
  if (!cached) {
    cached = Promise.all([fetchBytes(FONT_PATHS.regular), fetchBytes(FONT_PATHS.bold)]).then(([regular, bold]) => ({ regular, bold }));
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}
