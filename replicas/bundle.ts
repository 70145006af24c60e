/**
 * The replicas as files of the extension's training portal (build time, Node). Every file of
 * `replicas/<portal>/` goes to `training/<portal>/` with:
 * - `/replica-assets/` (the replica server's asset prefix) rewritten to `/training/<portal>/`;
 * - in each portal page: `data-training-portal` on `<html>`, `training/boot.js` as the first
 *   script (virtual address, navigation) and the guide (`/training-guide.js`) at the end.
 * Plus `training/boot.js` itself. Called from the `build:publicAssets` hook in wxt.config.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The portals whose replicas are shipped (folder names under `replicas/`). */
export const TRAINING_PORTAL_DIRS = ['sgo', 'cabinet'] as const;

/** A file to add to the build: path inside the extension and its contents. */
export interface TrainingFile {
  relativeDest: string;
  contents: string;
}

/** Files that are not portal pages (documents a page links to or downloads): no boot, no guide. */
const NOT_PAGES = /(^|\/)(zayavlenie\.html|files\/.*)$/;
/** Source files that are not part of a replica (the Node side and its notes; pages rebuilt from users' page descriptions, which are tests only). */
const SKIP = /\.(ts|md)$|(^|\/)reports\//;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/**
 * Turns one replica page into a training page (see the module comment).
 * @param html the replica page's HTML
 * @param portal `sgo` | `cabinet`
 * @throws Error when the page has no `<head>` or `</body>` to attach the scripts to
 */
export function toTrainingPage(html: string, portal: string): string {
  let out = html.replaceAll('/replica-assets/', `/training/${portal}/`);
  if (!/<head>/.test(out) || !/<\/body>/.test(out)) throw new Error(`replica page without <head> or </body> (${portal})`);
  out = out.replace(/<html\b/, `<html data-training-portal="${portal}"`);
  out = out.replace('<head>', '<head>\n<script src="/training/boot.js"></script>');
  out = out.replace('</body>', '<script src="/training-guide.js"></script>\n</body>');
  return out;
}

/**
 * Every file of the training portal.
 * @returns files with paths like `training/cabinet/dop.html`, `training/boot.js`
 */
export function trainingFiles(): TrainingFile[] {
  const files: TrainingFile[] = [{ relativeDest: 'training/boot.js', contents: readFileSync(join(here, 'training-boot.js'), 'utf8') }];
  for (const portal of TRAINING_PORTAL_DIRS) {
    const dir = join(here, portal);
    for (const abs of walk(dir)) {
      const rel = relative(dir, abs).split('\\').join('/');
      if (SKIP.test(rel)) continue;
      let contents = readFileSync(abs, 'utf8');
      if (/\.html$/.test(rel) && !NOT_PAGES.test(rel)) contents = toTrainingPage(contents, portal);
      else contents = contents.replaceAll('/replica-assets/', `/training/${portal}/`);
      files.push({ relativeDest: `training/${portal}/${rel}`, contents });
    }
  }
  return files;
}
