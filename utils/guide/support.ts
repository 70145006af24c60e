/**
 * «Скопировать сведения для поддержки»: a plain Russian text a parent pastes into a support
 * chat or reads out by phone. Only technical facts about the guide — never personal data:
 * no query string or fragment of the page address, long digit runs in the path (certificate
 * numbers) masked, no field values, no page text.
 */
import type { Flow, Step } from './types';
import type { Request } from '@/utils/messages';
import type { TargetState } from './types';
import type { FillOutcome } from './fill';

/** What the support text is built from (everything the caller gives is already non-personal, except `url`, which is reduced to its path). */
export interface SupportFacts {
  flow: Flow;
  /** Step recognised on the page, or null. */
  recognised: Step | null;
  /** Step shown in the panel (differs when the parent browsed with «Назад»/«Далее»). */
  shown: Step | null;
  targetState: TargetState;
  /** Flow variant id (`parent` / `pupil`). */
  variant: string;
  /** The page's address; only its host and masked path are used. */
  url: string;
  /** Outcome of «Заполнить» (only field names and statuses are used). */
  fillOutcomes?: readonly FillOutcome[] | null;
  /** Extension version from the manifest. */
  version: string;
  /** `navigator.userAgent`; reduced to brand and version. */
  userAgent: string;
  now: Date;
}

const TARGET_TEXT: Record<TargetState, string> = {
  found: 'найден и обведён рамкой',
  opener: 'спрятан в меню или закрытом разделе — обведено то, что его открывает',
  missing: 'НЕ найден на странице',
  searching: 'ещё ищется',
  none: 'на этом шаге не нужен',
};

/** Russian words for a fill outcome's status (the panel and the support text say the same). */
export const FILL_TEXT: Record<FillOutcome['status'], string> = {
  filled: 'заполнено',
  skipped: 'пропущено',
  'not-found': 'не нашёл поле — впишите вручную',
  failed: 'не получилось — впишите вручную',
  'no-value': 'нет в профиле',
};

/**
 * Browser brand and version from a user agent string, e.g. «Яндекс Браузер 24.1»,
 * «Edge 120», «Firefox 140», «Chrome 131» (major.minor at most; the rest is dropped).
 * @param ua `navigator.userAgent`
 */
export function browserBrand(ua: string): string {
  const known: Array<[RegExp, string]> = [
    [/YaBrowser\/(\d+(?:\.\d+)?)/, 'Яндекс Браузер'],
    [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
    [/OPR\/(\d+)/, 'Opera'],
    [/Firefox\/(\d+)/, 'Firefox'],
    [/Chrom(?:e|ium)\/(\d+)/, 'Chrome'],
    [/Version\/(\d+(?:\.\d+)?).*Safari\//, 'Safari'],
  ];
  for (const [re, name] of known) {
    const m = re.exec(ua);
    if (m) return `${name} ${m[1]}`;
  }
  return 'неизвестный браузер';
}

/**
 * The page address for support: host and path only; query and fragment dropped, runs of five or
 * more digits (certificate and request numbers) replaced with «…».
 * @param url the page's full address
 */
export function safePath(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname.replace(/\d{5,}/g, '…')}`;
  } catch {
    return '—';
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local date and time with the UTC offset, e.g. «22.11.2026 08:40 (UTC+03:00)». */
function stamp(d: Date): string {
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())} (UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)})`;
}

/**
 * Builds the support text. Contains no personal data: see the module comment.
 * @param f the facts (see {@link SupportFacts})
 * @returns plain Russian text, one fact per line
 */
export function supportText(f: SupportFacts): string {
  const stepLine = (s: Step | null) => (s ? `${s.code} (${s.id}) — ${s.title}` : 'не распознан');
  const variant = f.flow.variants.find((v) => v.id === f.variant)?.label ?? '—';
  const lines = [
    'Сведения для поддержки (помощник «Сертификат дополнительного образования»)',
    `Портал: ${f.flow.portal}`,
    `Страница: ${safePath(f.url)}`,
    `Шаг на странице: ${stepLine(f.recognised)}`,
  ];
  if (f.shown && f.shown.id !== f.recognised?.id) lines.push(`В подсказке открыт шаг: ${stepLine(f.shown)}`);
  const step = f.shown ?? f.recognised;
  if (step) {
    lines.push(`Нужный элемент: ${step.target || step.then?.length ? TARGET_TEXT[f.targetState] : 'на этом шаге не нужен'}`);
    if (step.lookFor) lines.push(`Что искать: ${step.lookFor}`);
  }
  if (f.fillOutcomes?.length) lines.push(`«Заполнить»: ${f.fillOutcomes.map((o) => `${o.name} — ${FILL_TEXT[o.status]}`).join('; ')}`);
  lines.push(
    `Вариант: ${variant}`,
    `Версия расширения: ${f.version}`,
    `Браузер: ${browserBrand(f.userAgent)}`,
    `Дата и время: ${stamp(f.now)}`,
    'Личные данные в эти сведения не входят.',
  );
  return lines.join('\n');
}

/** What the guide sends for the support text: its state by step ids (`support:text` in utils/messages.ts). */
export type SupportRequest = Extract<Request, { type: 'support:text' }>;

/**
 * The support text for a guide's request, as the background (and the training portal) answers it.
 * Unknown step ids count as «не распознан».
 * @param flow the flow of the sender's portal (from the sender, never from the message)
 * @param req the guide's state
 * @param env the sender frame's address, the extension version, the browser's user agent, now
 */
export function supportTextFor(flow: Flow, req: SupportRequest, env: { url: string; version: string; userAgent: string; now: Date }): string {
  const step = (id: string | null) => (id ? (flow.steps.find((s) => s.id === id) ?? null) : null);
  return supportText({ flow, recognised: step(req.recognised), shown: step(req.shown), targetState: req.targetState, variant: req.variant, fillOutcomes: req.fillOutcomes, ...env });
}
