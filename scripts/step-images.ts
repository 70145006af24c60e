/**
 * Pictures of the parent's screen for the consultant page: for every step of both flows, opens
 * one replica page whose `expectStep` is that step (GET, `delay=0` and the fewest variant
 * parameters preferred), waits until the built extension's guide shows the step and its
 * highlight, waits until nothing moves any more (the ring's and the panel's transitions, the
 * portals' dialog animations: boxes compared over animation frames, `utils/training/settle.ts`),
 * takes a 1280×800 screenshot and lets Chromium downscale it to 640×400 (WebP,
 * `public/steps/<step-id>.webp`, see `utils/flows/images.ts`). Steps without a page of their own
 * (the activation visit) are shot on the certificate page with the step opened by the panel's
 * «Далее». The part of each picture around the guide's ring, which the printable guide prints, is
 * written to `public/steps/crops.json` (`utils/training/pictures.ts`).
 *
 * Run after `npx wxt build`:  node --import tsx scripts/step-images.ts [--only=<step-id>,…]
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension, replicaReady, waitForStep, type ExtensionBrowser } from '../tests/support/browser';
import { pressPanel, waitForHighlight } from '../tests/support/walk';
import { pages as sgoPages } from '../replicas/sgo/pages';
import { pages as cabinetPages } from '../replicas/cabinet/pages';
import type { ReplicaPage } from '../replicas/types';
import { VIA_NEXT, pickPage } from '../utils/training/nav';
import { FLOWS } from '../utils/flows/search';
import { STEP_IMAGE_MIME, STEP_IMAGE_QUALITY, stepImageFile } from '../utils/flows/images';
import { inGuide, stillInGuide } from '../tests/support/guide';
import { STEP_CROPS_FILE, cropAroundRing, parseStepCrops, type PictureCrop, type PictureRect } from '../utils/training/pictures';

const OUT = 'public';
const WIDTH = 1280;
const HEIGHT = 800;

/** Downscales a PNG to 640×400 in Chromium itself and encodes it (JPEG or WebP through a canvas). */
async function downscale(b: ExtensionBrowser, png: Buffer): Promise<Buffer> {
  const page = await b.context.newPage();
  try {
    await page.setViewportSize({ width: WIDTH / 2, height: HEIGHT / 2 });
    const dataUrl = await page.evaluate(
      async ({ src, w, h, type, q }) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = w;
        c.height = h;
        const ctx = c.getContext('2d')!;
        ctx.imageSmoothingEnabled = true;
        ctx.imageSmoothingQuality = 'high';
        ctx.drawImage(img, 0, 0, w, h);
        return c.toDataURL(type, q);
      },
      { src: `data:image/png;base64,${png.toString('base64')}`, w: WIDTH / 2, h: HEIGHT / 2, type: STEP_IMAGE_MIME, q: STEP_IMAGE_QUALITY },
    );
    return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  } finally {
    await page.close();
  }
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
  const cropsFile = join(OUT, STEP_CROPS_FILE);
  const crops: Record<string, PictureCrop> = existsSync(cropsFile) ? parseStepCrops(JSON.parse(readFileSync(cropsFile, 'utf8'))) : {};
  const b = await launchWithExtension();
  const failures: string[] = [];
  try {
    for (const flow of FLOWS) {
      for (const step of flow.steps) {
        if (only && !only.includes(step.id)) continue;
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
          const out = await downscale(b, png);
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
  const sorted = Object.fromEntries(Object.entries(crops).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(cropsFile, `${JSON.stringify(sorted, null, 2)}\n`);
  const dir = join(OUT, 'steps');
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
