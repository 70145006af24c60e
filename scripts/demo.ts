/**
 * `npm run demo` — the main job, end to end: builds the extension, launches Chromium with it
 * (headless unless `--headed`), serves the replicas at the real host names, stores a fictional
 * family in the extension's profile, walks both flows as a parent would (following the
 * highlights, pressing «Заполнить»), makes the PDFs from the popup and the printable guides
 * («памятки») from the training portal, and writes `demo-output/`: a screenshot per step, the
 * PDFs (and their pages as PNG), and `index.html` — an illustrated
 * guide like the parents' instructions. Exits 0 only if every step was recognised and every
 * target found.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, seedProfile } from '../tests/support/browser';
import { ensureSystem } from './system';
import { walkCabinet, walkSgo, type WalkShot } from '../tests/support/walk';
import { FAMILY } from '../tests/support/family';
import { makeGuideSheetsFromTraining, makePapersFromPopup } from '../tests/support/popup';
import { stillInGuide } from '../tests/support/guide';

const OUT = 'demo-output';
const headed = process.argv.includes('--headed');
const skipBuild = process.argv.includes('--no-build');

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

async function main(): Promise<number> {
  const t0 = Date.now();
  // The demo needs Chromium only (Debian's package; installed here when run as root).
  if (!ensureSystem('demo')) return 1;
  if (!skipBuild) {
    console.log('Сборка расширения (wxt build)…');
    execSync('npx wxt build', { stdio: 'inherit' });
  }
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  const b = await launchWithExtension({ headed });
  const shots: WalkShot[] = [];
  const failures: string[] = [];
  let n = 0;
  const onStep = async (page: import('@playwright/test').Page, shot: WalkShot) => {
    n++;
    const file = `${String(n).padStart(2, '0')}-${shot.stepId.replace(/\./g, '-')}${shot.note ? '-after' : ''}.png`;
    // After the ring's and panel's transitions and any dialog's animation (boxes compared over frames).
    await stillInGuide(page, { timeout: 5000 });
    await page.screenshot({ path: join(OUT, file) });
    const target = await page.locator('pfdo-guide').getAttribute('data-target');
    if (target === 'missing') failures.push(`${shot.code} ${shot.stepId}: элемент не найден`);
    shots.push({ ...shot, file });
    console.log(`  ${shot.code.padEnd(5)} ${shot.title}${shot.note ? ` — ${shot.note}` : ''}`);
  };

  try {
    await seedProfile(b, { applicant: FAMILY.applicant, children: [...FAMILY.children], scans: [...FAMILY.scans], activeChildId: 'child-darya' });
    console.log('\nТверская область, sgo.tvobr.ru:');
    const tver = await b.context.newPage();
    await walkSgo(tver, 'https://sgo.tvobr.ru/?reset=1&children=2&delay=500', onStep);
    await tver.close();

    await seedProfile(b, { applicant: FAMILY.applicant, children: [...FAMILY.children], scans: [...FAMILY.scans], activeChildId: 'child-artem' });
    console.log('\nКузбасс, cabinet.ruobr.ru:');
    const kuz = await b.context.newPage();
    await walkCabinet(kuz, 'https://cabinet.ruobr.ru/?reset=1&delay=500', onStep);
    await kuz.close();

    console.log('\nДокументы (меню расширения):');
    const papers = await makePapersFromPopup(b, OUT);
    for (const p of papers) console.log(`  ${p.file} (${Math.round(p.bytes / 1024)} КБ)`);
    if (existsSync('/usr/bin/pdftoppm')) {
      for (const p of papers) spawnSync('pdftoppm', ['-r', '60', '-png', join(OUT, p.file), join(OUT, p.file.replace(/\.pdf$/, ''))]);
    }
    console.log('\nПамятки для занятий (учебный портал расширения):');
    const sheets = await makeGuideSheetsFromTraining(b, OUT);
    for (const p of sheets) console.log(`  ${p.file} (${Math.round(p.bytes / 1024)} КБ)`);
    if (existsSync('/usr/bin/pdftoppm')) {
      for (const p of sheets) spawnSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '3', join(OUT, p.file), join(OUT, p.file.replace(/\.pdf$/, ''))]);
    }
    writeIndex(shots, papers.map((p) => p.file), sheets.map((p) => p.file));
    if (papers.length < 2) failures.push('PDF не создан');
    if (sheets.length < 2) failures.push('памятка PDF не создана');
  } catch (e) {
    failures.push(String(e instanceof Error ? e.message : e).split('\n')[0]);
  } finally {
    await b.close();
  }

  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  console.log(`\nШагов пройдено: ${shots.length}; снимки и PDF — в ${OUT}/ (откройте ${OUT}/index.html). Время: ${secs} с.`);
  if (failures.length) {
    console.log(`Ошибки (${failures.length}):\n - ${failures.join('\n - ')}`);
    return 1;
  }
  console.log('Все шаги распознаны, все нужные элементы найдены.');
  return 0;
}

function writeIndex(shots: WalkShot[], pdfs: string[], sheets: string[]): void {
  const section = (flow: string, title: string) =>
    `<h2>${esc(title)}</h2>\n` +
    shots
      .filter((s) => s.flow === flow)
      .map(
        (s) => `<figure>
  <figcaption><span class="code">${esc(s.code)}</span> <b>${esc(s.title)}</b>${s.note ? ` <i>(${esc(s.note)})</i>` : ''}<br>${esc(s.instruction)}</figcaption>
  <img src="${esc(s.file!)}" alt="${esc(s.code + ' ' + s.title)}" loading="lazy">
</figure>`,
      )
      .join('\n');
  const pagesOf = (files: string[]) => readdirSync(OUT).filter((f) => /\.png$/.test(f) && files.some((p) => f.startsWith(p.replace(/\.pdf$/, ''))));
  const pages = pagesOf(pdfs);
  const sheetPages = pagesOf(sheets);
  const html = `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Как получить сертификат дополнительного образования — иллюстрированная инструкция</title>
<style>
body{font:17px/1.5 system-ui,Arial,sans-serif;max-width:1100px;margin:24px auto;padding:0 16px;color:#1b1b1f}
h1{font-size:26px} h2{margin-top:40px;border-bottom:2px solid #1a5fb4}
figure{margin:24px 0;padding:12px;border:1px solid #ddd;border-radius:10px}
figcaption{margin-bottom:10px} .code{display:inline-block;background:#1a5fb4;color:#fff;font-weight:700;border-radius:6px;padding:0 8px}
img{max-width:100%;border:1px solid #ccc} .pdfs img{max-width:32%;margin:4px;vertical-align:top}
</style></head><body>
<h1>Сертификат дополнительного образования: шаг за шагом</h1>
<p>Снимки сделаны помощником на учебных копиях порталов (данные вымышленные). Оранжевая рамка показывает, куда нажать; рядом, не закрывая нужное, — подсказка помощника с кодом шага, который можно назвать оператору поддержки.</p>
${section('sgo', 'Тверская область: «Сетевой город. Образование»')}
${section('cabinet', 'Кузбасс: «Личный кабинет граждан Кемеровской области»')}
<h2>Заявление и согласия</h2>
<p>${pdfs.map((p) => `<a href="${esc(p)}">${esc(p)}</a>`).join(' · ')}</p>
<div class="pdfs">${pages.map((p) => `<img src="${esc(p)}" alt="${esc(p)}">`).join('')}</div>
<h2>Памятки для занятий</h2>
<p>Сделаны кнопкой «Памятка (PDF)» на учебном портале расширения: по 2–3 шага на странице. ${sheets.map((p) => `<a href="${esc(p)}">${esc(p)}</a>`).join(' · ')}</p>
<div class="pdfs">${sheetPages.map((p) => `<img src="${esc(p)}" alt="${esc(p)}">`).join('')}</div>
</body></html>`;
  writeFileSync(join(OUT, 'index.html'), html);
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
