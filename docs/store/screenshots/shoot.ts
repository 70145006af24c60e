/**
 * Store screenshots (1280×800) and the small promo tile (440×280) from the built Chrome
 * extension (`npx wxt build` first) on the replicas with the fictional family:
 *
 *   node --import tsx docs/store/screenshots/shoot.ts
 *
 * 01-guide: the guide on a portal step with the outline, after «Заполнить»;
 * 02-popup: the popup (Chrome's 600 px high popup) over a portal page, the guide moved left;
 * 03-consultant: the consultant page searched by code «К-7»;
 * 04-pdf: the first two pages of the statement and consents PDF (pdftoppm).
 * Needs Chromium (as the tests) and poppler-utils; makes no requests outside the replicas.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension, seedProfile, waitForStep } from '../../../tests/support/browser';
import { FAMILY } from '../../../tests/support/family';
import { makePapersFromPopup } from '../../../tests/support/popup';
import { pressPanel, waitForHighlight } from '../../../tests/support/walk';

const OUT = resolve('docs/store/screenshots');
const SIZE = { width: 1280, height: 800 };
const CERT = 'https://cabinet.ruobr.ru/services/dop/certificate/';

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** Renders an HTML composition (images as data URLs, no network) and saves it as a PNG. */
async function compose(page: Page, html: string, file: string, size = SIZE): Promise<void> {
  await page.setViewportSize(size);
  await page.setContent(`<!doctype html><html lang="ru"><head><meta charset="utf-8"><style>
    html,body{margin:0;width:${size.width}px;height:${size.height}px;overflow:hidden;font-family:'DejaVu Sans',Arial,sans-serif}
  </style></head><body>${html}</body></html>`);
  await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
  await page.screenshot({ path: file });
}

async function main(): Promise<void> {
  const b = await launchWithExtension();
  const tmp = mkdtempSync(join(tmpdir(), 'pfdo-store-'));
  try {
    await seedProfile(b, { applicant: FAMILY.applicant, children: [...FAMILY.children], scans: [...FAMILY.scans], activeChildId: 'child-artem' });
    const page = await b.context.newPage();
    await page.setViewportSize(SIZE);

    // 01: Kuzbass, «Получение сертификата ПДО» filled from the profile, the outline on the button.
    await page.goto(`${CERT}?reset=1&state=confirmed&open=certificate&delay=0`);
    await waitForStep(page, 'cabinet.certificate-dialog');
    await waitForHighlight(page);
    await pressPanel(page, 'guide-fill');
    await page.locator('pfdo-guide >> [data-testid=guide-fill-result]').waitFor();
    await waitForHighlight(page);
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(OUT, '01-guide.png') });

    // 02: the popup as Chrome shows it (380 px wide, at most 600 px high) over a Tver portal page
    // (the popup lists the Tver child first), the guide moved to the left edge with «⇄».
    await page.goto('https://sgo.tvobr.ru/angular/school/studentdiary/?delay=0');
    await waitForStep(page, 'sgo.open-settings');
    await waitForHighlight(page);
    await pressPanel(page, 'guide-move');
    await page.waitForTimeout(800);
    await waitForHighlight(page);
    const portal = await page.screenshot();
    const popupPage = await b.context.newPage();
    await popupPage.setViewportSize({ width: 380, height: 600 });
    await popupPage.goto(`chrome-extension://${b.extensionId}/popup.html`);
    await popupPage.getByTestId('make-pdf').first().waitFor();
    await popupPage.waitForTimeout(400);
    const popup = await popupPage.screenshot();
    await popupPage.close();
    await compose(
      page,
      `<img src="${dataUrl(portal)}" style="position:absolute;inset:0;width:1280px;height:800px">
       <div style="position:absolute;inset:0;background:rgba(0,0,0,.18)"></div>
       <img src="${dataUrl(popup)}" style="position:absolute;top:12px;right:24px;width:380px;height:600px;border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.35),0 0 0 1px rgba(0,0,0,.15)">`,
      join(OUT, '02-popup.png'),
    );

    // 03: the consultant page, searched by a step code.
    await page.setViewportSize(SIZE);
    await page.goto(`chrome-extension://${b.extensionId}/consultant.html#${encodeURIComponent('К-7')}`);
    await page.getByTestId('consultant-search').waitFor();
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => Promise.all([...document.images].filter((i) => i.getBoundingClientRect().top < innerHeight).map((i) => i.decode().catch(() => undefined))));
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(OUT, '03-consultant.png') });

    // 04: the statement and the first consent, as printed (pages 1–2 of the PDF from the popup).
    const papers = await makePapersFromPopup(b, tmp);
    const pdf = join(tmp, papers[0].file);
    execFileSync('pdftoppm', ['-r', '110', '-png', '-f', '1', '-l', '2', pdf, join(tmp, 'page')]);
    const pages = readdirSync(tmp)
      .filter((f) => /^page-\d+\.png$/.test(f))
      .sort()
      .map((f) => dataUrl(readFileSync(join(tmp, f))));
    await compose(
      page,
      `<div style="position:absolute;inset:0;background:#525659;display:flex;gap:28px;align-items:center;justify-content:center">
         ${pages.map((src) => `<img src="${src}" style="height:760px;box-shadow:0 4px 16px rgba(0,0,0,.45);background:#fff">`).join('')}
       </div>`,
      join(OUT, '04-pdf.png'),
    );

    // The small promo tile: icon, name, one line of what it does.
    const icon = dataUrl(readFileSync('public/icon/128.png'));
    await compose(
      page,
      `<div style="position:absolute;inset:0;background:#1a5fb4;color:#fff;display:flex;flex-direction:column;justify-content:center;padding:0 28px">
         <div style="display:flex;align-items:center;gap:18px">
           <img src="${icon}" style="width:96px;height:96px;background:#fff;border-radius:20px;padding:6px;box-sizing:border-box">
           <div style="font-size:29px;font-weight:700;line-height:1.15">Сертификат ПФДО: помощник</div>
         </div>
         <div style="margin-top:22px;font-size:18px;line-height:1.35">Подсказка по шагам на sgo.tvobr.ru и cabinet.ruobr.ru, заявление и&nbsp;согласия в&nbsp;PDF</div>
         <div style="margin-top:14px;height:6px;width:120px;border-radius:3px;background:#ff6a00"></div>
       </div>`,
      resolve('docs/store/promo-440x280.png'),
      { width: 440, height: 280 },
    );
    await page.close();
    console.log(`store screenshots written to ${OUT}`);
  } finally {
    await b.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
