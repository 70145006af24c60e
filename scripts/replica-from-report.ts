/**
 * `npm run replica:from-report -- FILE [--name NAME] [--expect STEP]` (issue 10): turns a page
 * description a user saved («Сохранить описание страницы для поддержки») into a replica page —
 * `replicas/<portal>/reports/<name>.html` (with the description beside it as `<name>.json`), listed in `replicas/<portal>/reports/index.json` and
 * served at the described path with `?report=<name>` — then opens it in Chromium and prints which
 * step the guide recognises there and what it outlines.
 *
 * The index entry's `expectStep` is what a person says the page is (`--expect`), or, until then,
 * what the guide recognises now: check it, because every suite that runs on the replicas
 * (recognition matrix, markup variations, descriptions' round trip) holds the guide to it.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseReport, reportToHtml } from '../utils/report/rebuild';
import { reportEntries, reportsDir, type ReportEntry } from '../replicas/reports';
import { launchReplicaBrowser } from '../tests/support/variation-bundle';
import { pageBundle } from '../tests/support/matrix-bundle';
import { sgoFlow } from '../utils/flows/sgo';
import { cabinetFlow } from '../utils/flows/cabinet';

const FLOWS = { sgo: sgoFlow, cabinet: cabinetFlow };

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const file = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
  if (!file) {
    console.error('Укажите файл описания: npm run replica:from-report -- pfdo-opisanie-….json [--name имя] [--expect cabinet.email]');
    process.exit(2);
  }
  const report = parseReport(readFileSync(file, 'utf8'));
  const portal = report.portal === 'sgo' || report.portal === 'cabinet' ? report.portal : null;
  if (!portal) throw new Error(`Описание не с портала (${report.host || 'хост неизвестен'}): нужна страница sgo.tvobr.ru или cabinet.ruobr.ru`);
  const flow = FLOWS[portal];
  const name = (arg('name') ?? basename(file).replace(/\.json$/i, ''))
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  if (!name) throw new Error('Имя страницы пустое: задайте --name латиницей');
  const expect = arg('expect');
  if (expect && !flow.steps.some((s) => s.id === expect)) throw new Error(`Нет шага ${expect} в потоке ${portal}`);

  const dir = reportsDir(portal);
  mkdirSync(dir, { recursive: true });
  // The description itself stays beside its page: the page can be rebuilt when the rebuild improves.
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(report)}\n`);
  writeFileSync(join(dir, `${name}.html`), reportToHtml(report, { replica: true }));

  // What the guide sees on the rebuilt page, in Chromium with the replicas' routes.
  const b = await launchReplicaBrowser();
  let matching: string[] = [];
  let outlined: string | null = null;
  try {
    const page = await b.context.newPage();
    await page.goto(`https://${flow.hosts[0]}${report.path}?report=${name}`);
    await page.addScriptTag({ content: pageBundle('tests/report/page.ts') });
    matching = await page.evaluate((f) => (globalThis as any).__pfdoReport.matching(f), portal);
    if (matching.length === 1) outlined = await page.evaluate(([f, s]) => (globalThis as any).__pfdoReport.outline(f, s), [portal, matching[0]] as const);
  } finally {
    await b.close();
  }

  const entries = reportEntries(portal).filter((e) => e.name !== name);
  const entry: ReportEntry = {
    name,
    path: report.path,
    expectStep: expect ?? (matching.length === 1 ? matching[0] : null),
    note: `${basename(file)}; the guide showed ${report.guide?.shown ?? report.guide?.recognised ?? 'no step'} (target ${report.guide?.target ?? '?'})${expect ? '' : '; expectStep not yet confirmed by a person'}`,
  };
  writeFileSync(join(dir, 'index.json'), `${JSON.stringify([...entries, entry], null, 2)}\n`);

  const step = (id: string) => {
    const s = flow.steps.find((x) => x.id === id);
    return s ? `${id} (${s.code} «${s.title}»)` : id;
  };
  console.log(`Страница: replicas/${portal}/reports/${name}.html — https://${flow.hosts[0]}${report.path}?report=${name}`);
  console.log(`В описании: помощник показывал ${report.guide ? step(report.guide.shown ?? report.guide.recognised ?? '—') : '—'}, элемент: ${report.guide?.target ?? '—'}`);
  console.log(`Сейчас помощник узнаёт: ${matching.length ? matching.map(step).join(' и ') : 'ни один шаг'}`);
  if (matching.length === 1) console.log(`Обводит: ${outlined ?? 'ничего (элемент шага не найден)'}`);
  console.log(`В index.json ожидается шаг: ${entry.expectStep ?? 'никакой'}${expect ? '' : ' — проверьте и при необходимости задайте --expect'}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
