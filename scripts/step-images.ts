/**
 * Pictures for the printable guide (the training page's «Памятка (PDF)»): for every step of both
 * main paths, with the training family's profile stored (so the panel reads as a parent's with a
 * profile), opens one replica page whose `expectStep` is that step (GET, `delay=0` and the fewest
 * variant parameters preferred), waits until the built extension's guide shows the step and its
 * highlight, waits until nothing moves any more (the ring's and the panel's transitions, the
 * portals' dialog animations: boxes compared over animation frames, `utils/training/settle.ts`),
 * takes a 1280×800 screenshot, cuts it to the part around the guide's ring
 * (`utils/training/pictures.ts`) and lets Chromium scale that to 400×250 (the whole screen to
 * 640×400 for a step without a ring) and encode it (WebP, `public/steps/<step-id>.webp`, see
 * `utils/flows/images.ts`). Steps without a page of their own (the activation visit) are shot on
 * the certificate page with the step opened by the panel's «Далее». The crops are recorded in
 * `utils/training/step-crops.json`; pictures of steps no longer on a main path are removed. The
 * consultant page needs no pictures: it shows the training portal live.
 *
 * Run after `npx wxt build`:  node --import tsx scripts/step-images.ts [--only=<step-id>,…]
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension, replicaReady, seedProfile, waitForStep, type ExtensionBrowser } from '../tests/support/browser';
import { pressPanel, waitForHighlight } from '../tests/support/walk';
import { pages as sgoPages } from '../replicas/sgo/pages';
import { pages as cabinetPages } from '../replicas/cabinet/pages';
import type { ReplicaPage } from '../replicas/types';
import { VIA_NEXT, pickPage } from '../utils/training/nav';
import { FLOWS } from '../utils/flows/search';
import { STEP_IMAGE_MIME, STEP_IMAGE_QUALITY, STEP_IMAGE_SIZE, STEP_SCREEN_IMAGE_SIZE, stepImageFile } from '../utils/flows/images';
import { FAMILY } from '../utils/training/family';
import { inGuide, stillInGuide } from '../tests/support/guide';
import { SCREENSHOT_SIZE, STEP_CROPS_FILE, cropAroundRing, parseStepCrops, type PictureCrop, type PictureRect } from '../utils/training/pictures';

const OUT = 'public';
const { width: WIDTH, height: HEIGHT } = SCREENSHOT_SIZE;

/**
 * Cuts a part of a 1280×800 PNG, scales it to {@link STEP_IMAGE_SIZE} (the whole screenshot to
 * {@link STEP_SCREEN_IMAGE_SIZE}) in Chromium itself and encodes it (WebP through a canvas).
 * @param crop the part to keep, fractions of the screenshot (the whole screenshot when absent)
 */
async function cutAndScale(b: ExtensionBrowser, png: Buffer, crop: PictureCrop | undefined): Promise<Buffer> {
  const page = await b.context.newPage();
  try {
    const c = crop ?? { left: 0, top: 0, width: 1, height: 1 };
    const size = crop ? STEP_IMAGE_SIZE : STEP_SCREEN_IMAGE_SIZE;
    const dataUrl = await page.evaluate(
      async ({ src, c, w, h, W, H, type, q }) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = w;
        canvas.height = h;
        const ctx = canvas.getContext('2d')!;
        ctx.imageSmoothingEnabled = true;
        ctx.imageSmoothingQuality = 'high';
        ctx.drawImage(img, c.left * W, c.top * H, c.width * W, c.height * H, 0, 0, w, h);
        return canvas.toDataURL(type, q);
      },
      { src: `data:image/png;base64,${png.toString('base64')}`, c, w: size.width, h: size.height, W: WIDTH, H: HEIGHT, type: STEP_IMAGE_MIME, q: STEP_IMAGE_QUALITY },
    );
    return plainWebp(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
  } finally {
    await page.close();
  }
}

/**
 * The simple WebP file of a picture: only its image data (`VP8 ` chunk), without the colour
 * profile Chromium's encoder adds (~460 bytes of sRGB per picture; browsers and the guide's
 * canvas assume sRGB anyway). A file without a plain `VP8 ` chunk (alpha, lossless) is kept.
 */
function plainWebp(file: Buffer): Buffer {
  for (let i = 12; i + 8 <= file.length; ) {
    const size = file.readUInt32LE(i + 4);
    if (file.toString('ascii', i, i + 4) === 'VP8 ') {
      const chunk = file.subarray(i, i + 8 + size + (size & 1));
      const head = Buffer.alloc(12);
      head.write('RIFF', 0, 'ascii');
      head.writeUInt32LE(4 + chunk.length, 4);
      head.write('WEBP', 8, 'ascii');
      return Buffer.concat([head, chunk]);
    }
    i += 8 + size + (size & 1);
  }
  return file;
}

/** Waits until the ring, the panel and any dialog have stopped moving (warns when they never do). */
async function settle(page: Page, what: string): Promise<void> {
  const r = await stillInGuide(page, { timeout: 5000 });
  if (!r.still) console.warn(`  ${what}: страница не успокоилась за ${Math.round(r.ms)} мс, снимок как есть`);
}

/** The guide's ring (viewport px) when it is shown, else null. */
function ringBox(page: Page): Promise<PictureRect | null> {
  return inGuide<PictureRect | null>(
    page,
    `const ring = root.querySelector('.pfdo-ring'); if (!ring || ring.hidden) return null;
     const r = ring.getBoundingClientRect(); return r.width > 0 && r.height > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;`,
  );
}

/** Opens a page, waits for the step and its highlight (when the step has a control). */
async function open(page: Page, p: ReplicaPage): Promise<void> {
  await page.goto(p.url);
  await replicaReady(page).catch(() => undefined);
  await waitForStep(page, p.expectStep!);
  await waitForHighlight(page, 5000).catch(() => undefined);
  await settle(page, p.name);
}

async function main(): Promise<number> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
  const all = [...sgoPages, ...cabinetPages];
  mkdirSync(join(OUT, 'steps'), { recursive: true });
  const cropsFile = STEP_CROPS_FILE;
  const crops: Record<string, PictureCrop> = existsSync(cropsFile) ? parseStepCrops(JSON.parse(readFileSync(cropsFile, 'utf8'))) : {};
  const b = await launchWithExtension();
  const failures: string[] = [];
  const wanted = new Set(FLOWS.flatMap((f) => f.path));
  try {
    await seedProfile(b, { applicant: FAMILY.applicant, children: [...FAMILY.children], activeChildId: FAMILY.children[0].id });
    for (const flow of FLOWS) {
      for (const step of flow.steps) {
        if (!wanted.has(step.id) || (only && !only.includes(step.id))) continue;
        const via = VIA_NEXT[step.id];
        const p = pickPage(all, via ?? step.id);
        if (!p) {
          failures.push(`${step.id}: нет страницы копии портала`);
          continue;
        }
        const page = await b.context.newPage();
        try {
          await page.setViewportSize({ width: WIDTH, height: HEIGHT });
          await open(page, p);
          if (via) {
            await pressPanel(page, 'guide-next');
            await page.locator(`pfdo-guide[data-shown-step="${step.id}"]`).waitFor({ state: 'attached', timeout: 5000 });
            await settle(page, `${p.name} → «Далее»`);
          }
          const ring = await ringBox(page);
          if (ring) crops[step.id] = cropAroundRing(ring, { width: WIDTH, height: HEIGHT });
          else delete crops[step.id];
          const png = await page.screenshot({ type: 'png' });
          const out = await cutAndScale(b, png, crops[step.id]);
          const file = join(OUT, stepImageFile(step.id));
          writeFileSync(file, out);
          console.log(`${step.code.padEnd(5)} ${step.id.padEnd(28)} ${p.name.padEnd(36)} ${(out.length / 1024).toFixed(1)} KB`);
        } catch (err) {
          failures.push(`${step.id}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
        } finally {
          await page.close();
        }
      }
    }
  } finally {
    await b.close();
  }
  const sorted = Object.fromEntries(Object.entries(crops).filter(([id]) => wanted.has(id)).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(cropsFile, `${JSON.stringify(sorted, null, 2)}\n`);
  const dir = join(OUT, 'steps');
  // Pictures of steps that are no longer on a main path (the consultant page needs none).
  for (const f of readdirSync(dir)) if (!FLOWS.some((fl) => fl.path.some((id) => stepImageFile(id) === `steps/${f}`))) rmSync(join(dir, f));
  const total = readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  console.log(`Всего: ${(total / 1024).toFixed(0)} KB в ${dir}`);
  for (const f of failures) console.error(`ОШИБКА ${f}`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
