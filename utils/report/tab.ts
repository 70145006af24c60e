/**
 * The description page's work (`entrypoints/report/`): describe the portal tab it was opened for,
 * add the guide's state, check the result and prepare the files. Kept apart from the page's view
 * so it can be tested with a stand-in for the browser.
 */
import type { Flow } from '@/utils/guide/types';
import { TARGET_STATES } from '@/utils/guide/types';
import { todayLocal } from '@/utils/profile/dates';
import { auditReport } from './audit';
import { reportToHtml } from './rebuild';
import { flowVocabulary } from './vocabulary';
import { REPORT_FORMAT, type PageReport, type ReportGuide } from './types';

/** The largest file offered for saving (bytes). */
export const MAX_REPORT_BYTES = 2 * 1024 * 1024;
/** How long the description may take before the user is told it failed (ms). */
export const REPORT_TIMEOUT_MS = 5_000;

/** A description ready to show and save. */
export interface MadeReport {
  report: PageReport;
  /** The `.json` file's text. */
  json: string;
  /** Its size in bytes (UTF-8). */
  bytes: number;
  /** What the final check found unmasked (Russian lines); saving is refused unless empty. */
  problems: string[];
  /** The page rebuilt from the description (the preview and the optional `.html` file). */
  html: string;
}

/** The part of the WebExtension API this needs. */
export interface ReportBrowser {
  tabs: { get(tabId: number): Promise<{ url?: string }> };
  scripting: { executeScript(o: { target: { tabId: number }; files: string[] }): Promise<Array<{ result?: unknown }>> };
}

const STEP_ID = /^[a-z]+\.[a-z0-9-]+$/;

/** The guide's state from the page's address (`report:open` in utils/background/handler.ts), checked. */
function guideOf(q: URLSearchParams): ReportGuide {
  const id = (v: string | null) => (v && STEP_ID.test(v) ? v : null);
  const target = q.get('target') ?? '';
  const variant = q.get('variant') ?? '';
  return {
    recognised: id(q.get('recognised')),
    shown: id(q.get('shown')),
    target: (TARGET_STATES as readonly string[]).includes(target) ? target : 'none',
    variant: /^[a-z]{1,20}$/.test(variant) ? variant : 'parent',
  };
}

function timeout<T>(p: Promise<T>, ms: number, text: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(text)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e)),
    );
  });
}

/**
 * Describes the tab named in the page's address and prepares the files.
 * @param q the description page's query: `tab` (tab id) and the guide's state (`recognised`,
 *   `shown`, `target`, `variant`)
 * @param api the browser (`tabs.get`, `scripting.executeScript`)
 * @param flows the portals' flows (the vocabulary of the final check)
 * @returns the description, its JSON, size, check and rebuilt page
 * @throws Error with a Russian message: no tab, not a portal page, the page did not answer in
 *   {@link REPORT_TIMEOUT_MS}, or the file would exceed {@link MAX_REPORT_BYTES}
 */
export async function makeReportForTab(q: URLSearchParams, api: ReportBrowser, flows: readonly Flow[]): Promise<MadeReport> {
  const tabId = Number(q.get('tab'));
  if (!Number.isInteger(tabId) || tabId < 0) throw new Error('Не указана вкладка портала. Откройте описание кнопкой в подсказке на странице портала.');
  let url: string | undefined;
  try {
    url = (await api.tabs.get(tabId)).url;
  } catch {
    throw new Error('Вкладка портала уже закрыта. Откройте страницу снова и нажмите «Сохранить описание страницы для поддержки» в подсказке.');
  }
  let host = '';
  try {
    host = url ? new URL(url).hostname : '';
  } catch {
    host = '';
  }
  const flow = flows.find((f) => f.hosts.includes(host));
  if (!flow) throw new Error('В этой вкладке уже не страница портала. Вернитесь на страницу, где помощник ошибся, и нажмите кнопку снова.');
  let results: Array<{ result?: unknown }>;
  try {
    results = await timeout(
      api.scripting.executeScript({ target: { tabId }, files: ['/page-report.js'] }),
      REPORT_TIMEOUT_MS,
      'Страница не ответила за 5 секунд (возможно, она ещё загружается или очень большая). Подождите и попробуйте снова.',
    );
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('Страница не ответила')) throw e;
    throw new Error('Не удалось прочитать страницу портала: обновите её (F5) и попробуйте снова.');
  }
  const report = results[0]?.result as PageReport | undefined;
  if (!report || report.format !== REPORT_FORMAT) throw new Error('Не удалось описать страницу: обновите её (F5) и попробуйте снова.');
  report.guide = guideOf(q);
  const json = JSON.stringify(report);
  const bytes = new TextEncoder().encode(json).length;
  if (bytes > MAX_REPORT_BYTES) throw new Error(`Описание получилось слишком большим (${Math.ceil(bytes / 1024 / 1024)} МБ, можно не больше 2 МБ). Закройте лишние окна на странице и попробуйте снова.`);
  const problems = auditReport(report, flowVocabulary(flow));
  return { report, json, bytes, problems, html: reportToHtml(report) };
}

/**
 * The file name offered when saving: `pfdo-opisanie-<portal>-<step code or «stranica»>-YYYY-MM-DD.<ext>`.
 * @param report the description
 * @param ext `json` or `html`
 * @param today the date for the name (default now)
 */
export function reportFileName(report: PageReport, ext: 'json' | 'html', today = new Date()): string {
  const step = (report.guide?.shown ?? report.guide?.recognised ?? 'stranica').replace(/^[a-z]+\./, '');
  return `pfdo-opisanie-${report.portal ?? 'portal'}-${step}-${todayLocal(today)}.${ext}`;
}
