import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifySync } from 'vite';
import { defineConfig } from 'wxt';
import { trainingFiles } from './replicas/bundle';
import { writeShippedPaperFonts } from './scripts/paper-fonts';

/**
 * A replica script of the training portal as shipped: minified (whitespace, comments, local
 * names; top-level names stay, the pages' scripts share them), ~30 % smaller gzipped. The source
 * stays readable in `replicas/`, where the tests load it; on any minifier error the file ships as
 * it is, and the build says so (the training portal's size budget then tells how much it cost).
 * @param file its path in the package, for messages
 * @param code the script
 */
function minifyReplicaScript(file: string, code: string): string {
  try {
    const r = minifySync(file, code, { compress: true, mangle: { toplevel: false } });
    if (!r.errors.length) return r.code;
    console.warn(`[pfdo] ${file}: not minified (${r.errors.map((e) => e.message).join('; ')})`);
  } catch (e) {
    console.warn(`[pfdo] ${file}: not minified (${e instanceof Error ? e.message : String(e)})`);
  }
  return code;
}

/**
 * WXT configuration. The manifest asks for the fewest permissions the code uses:
 * `storage` (per-tab guide state and the chosen child), `scripting` (the page description for
 * support, on the user's request, and the fill kit, where a step fills) and host permissions for
 * exactly the two portals. Profiles live in the extension's own IndexedDB.
 */
export default defineConfig({
  manifestVersion: 3,
  ...(process.env.PFDO_OUT_DIR ? { outDir: process.env.PFDO_OUT_DIR } : {}),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ru',
    // `scripting`: to describe a portal page for «Сохранить описание страницы для поддержки», on the
    // user's request (report.html injects page-report.js into that tab), and to bring the fill kit
    // into the guide's own world where a step fills or the support copy is asked (the background
    // injects fill-kit.js; the portal's page cannot see or load it).
    permissions: ['storage', 'scripting'],
    host_permissions: ['https://sgo.tvobr.ru/*', 'https://cabinet.ruobr.ru/*'],
    action: { default_title: '__MSG_extActionTitle__' },
    // Chrome 109 is the last for Windows 7/8; the background answers the way it understands
    // (sendResponse, utils/background/answer.ts) and the code is built for it (see `vite` below).
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '109' }),
    // Extension pages load only the extension's own files and connect nowhere but the extension
    // itself (the papers fetch their fonts from the package).
    content_security_policy: {
      extension_pages: "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'pfdo-companion@pfdo-companion.ru',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // The training portal: the replicas of both portals as the extension's own pages.
    'build:publicAssets': async (wxt, files) => {
      files.push(...trainingFiles().map((f) => (f.relativeDest.endsWith('.js') ? { ...f, contents: minifyReplicaScript(f.relativeDest, f.contents) } : f)));
      // The PDF fonts: the package gets them cut to the papers' characters (scripts/paper-fonts.ts).
      const fonts = await writeShippedPaperFonts(join(wxt.config.wxtDir, 'paper-fonts'));
      for (const f of files) if (f.relativeDest in fonts && 'absoluteSrc' in f) f.absoluteSrc = fonts[f.relativeDest];
    },
  },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    // The oldest browsers supported: Chrome 109 (and Chromium browsers built on it), Firefox 140.
    // PFDO_SOURCEMAP=1 (the bench's bundle report) adds source maps; the shipped build has none.
    // PFDO_NO_MINIFY=1 builds readable code (for profiling: functions keep their names).
    build: { target: ['chrome109', 'firefox140'], sourcemap: process.env.PFDO_SOURCEMAP === '1', ...(process.env.PFDO_NO_MINIFY === '1' ? { minify: false } : {}) },
    // pdf-lib's data for the 14 standard PDF fonts (≈ 110 KB) stays out of the papers' chunk: the
    // papers embed DejaVu Serif, and a standard font asked for throws (utils/papers/no-standard-fonts.ts).
    // The content scripts use no WXT context, whose start announces them to the page (see the file).
    resolve: {
      alias: [
        { find: /^@pdf-lib\/standard-fonts$/, replacement: fileURLToPath(new URL('./utils/papers/no-standard-fonts.ts', import.meta.url)) },
        { find: 'wxt/utils/content-script-context', replacement: join(import.meta.dirname, 'utils/guide/no-context.ts') },
      ],
    },
  }),
});
