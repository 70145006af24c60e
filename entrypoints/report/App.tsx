import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FLOWS } from '@/utils/flows/search';
import { downloadBlob } from '@/utils/download';
import { makeReportForTab, reportFileName, type MadeReport, type ReportBrowser } from '@/utils/report/tab';

/** The browser's tabs and scripting, as `makeReportForTab` asks for them. */
const API: ReportBrowser = {
  tabs: { get: (tabId) => browser.tabs.get(tabId) },
  scripting: { executeScript: (o) => browser.scripting.executeScript(o as Parameters<typeof browser.scripting.executeScript>[0]) as Promise<Array<{ result?: unknown }>> },
};

/** Step id → «К-5 Документ ребёнка» for the facts list. */
function stepName(id: string | null | undefined): string {
  if (!id) return 'не узнал страницу';
  for (const f of FLOWS) {
    const s = f.steps.find((x) => x.id === id);
    if (s) return `${s.code} «${s.title}»`;
  }
  return id;
}

type Phase = { kind: 'making' } | { kind: 'error'; text: string } | { kind: 'ready'; made: MadeReport };

/**
 * «Описание страницы для поддержки» (report.html?tab=…): describes the portal tab without
 * personal data (utils/report/), checks the description, shows exactly what the file will hold
 * (the page as it is rebuilt from the file, and the file itself) and saves it only on the user's
 * click. Nothing is sent anywhere.
 */
export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'making' });
  const [withHtml, setWithHtml] = useState(false);
  const [saved, setSaved] = useState<string[] | null>(null);

  useEffect(() => {
    makeReportForTab(new URLSearchParams(location.search), API, FLOWS).then(
      (made) => setPhase({ kind: 'ready', made }),
      (e: unknown) => setPhase({ kind: 'error', text: e instanceof Error ? e.message : String(e) }),
    );
  }, []);

  const save = () => {
    if (phase.kind !== 'ready') return;
    const { made } = phase;
    const names = [reportFileName(made.report, 'json')];
    downloadBlob(new Blob([made.json], { type: 'application/json' }), names[0]);
    if (withHtml) {
      names.push(reportFileName(made.report, 'html'));
      downloadBlob(new Blob([made.html], { type: 'text/html' }), names[1]);
    }
    setSaved(names);
  };

  return (
    <main class="page">
      <h1>Описание страницы для поддержки</h1>
      <p class="lead">
        Помощник ошибся на странице портала или не нашёл нужное? Это описание страницы поможет разработчикам научить его. В нём только устройство страницы — кнопки,
        поля и слова самого портала. Файл никуда не отправляется: вы сохраняете его и сами решаете, кому передать (консультанту поддержки по почте или в чате).
      </p>
      {phase.kind === 'making' && <p data-testid="report-status">Описываю страницу…</p>}
      {phase.kind === 'error' && (
        <p class="check is-problem" role="alert" data-testid="report-error">
          {phase.text}
        </p>
      )}
      {phase.kind === 'ready' && <Ready made={phase.made} withHtml={withHtml} setWithHtml={setWithHtml} save={save} saved={saved} />}
    </main>
  );
}

function Ready({ made, withHtml, setWithHtml, save, saved }: { made: MadeReport; withHtml: boolean; setWithHtml: (v: boolean) => void; save: () => void; saved: string[] | null }) {
  const r = made.report;
  const clean = made.problems.length === 0;
  return (
    <>
      <dl class="facts" data-testid="report-facts">
        <dt>Портал</dt>
        <dd>{r.host || '—'}</dd>
        <dt>Страница</dt>
        <dd>{r.path}</dd>
        <dt>Помощник показывал</dt>
        <dd>{r.guide ? `${stepName(r.guide.shown ?? r.guide.recognised)}${r.guide.target === 'missing' ? ', не нашёл нужный элемент' : ''}` : '—'}</dd>
        <dt>Описано</dt>
        <dd>
          {r.made.described} элементов страницы из {r.made.elements}, за {r.made.ms} мс; размер файла {Math.ceil(made.bytes / 1024)} КБ
        </dd>
      </dl>
      {r.made.truncated && (
        <p class="warn" data-testid="report-truncated">
          {r.made.truncated === 'time'
            ? 'Страница описывалась слишком долго, поэтому описана только её часть.'
            : r.made.truncated === 'size'
              ? 'Описание всей страницы было бы больше 2 МБ, поэтому описана только её часть.'
              : 'Страница очень большая, поэтому описана только её часть.'}{' '}
          Для поддержки этого обычно достаточно.
        </p>
      )}
      {clean ? (
        <div class="check" data-testid="report-check">
          <b>Проверено: в файле нет имён, дат, номеров, адресов и e-mail.</b> Остались только слова самого портала («Получить сертификат», «Сохранить»…). Все другие тексты
          и значения полей заменены на «Аааа», все цифры — на «0»; пароли, адреса ссылок после «?», картинки и скрипты в файл не попадают.
        </div>
      ) : (
        <div class="check is-problem" role="alert" data-testid="report-check">
          <b>Описание не сохранено: проверка нашла в нём то, что может быть личными данными.</b> Сообщите об этом поддержке без файла.
          <ul>
            {made.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <h2>Так выглядит страница в файле</h2>
      <p class="note">Это всё, что увидит поддержка: устройство страницы, слова портала и «Аааа» вместо всего остального.</p>
      <iframe class="preview" title="Страница так, как она описана в файле" sandbox="" srcdoc={made.html} data-testid="report-preview" />
      <div class="actions">
        <button type="button" class="primary" data-testid="report-save" disabled={!clean} onClick={save}>
          Сохранить файл
        </button>
        <label>
          <input type="checkbox" data-testid="report-with-html" checked={withHtml} onChange={(e) => setWithHtml((e.currentTarget as HTMLInputElement).checked)} /> также
          сохранить страницу для просмотра (.html)
        </label>
      </div>
      {saved && (
        <p class="saved" role="status" data-testid="report-saved">
          Сохранено в папку «Загрузки»: {saved.join(', ')}. Передайте файл консультанту поддержки — по почте или в чате. Сам файл никуда не отправлялся.
        </p>
      )}
      <details>
        <summary>Показать файл целиком (для специалистов)</summary>
        <pre data-testid="report-json">{made.json.length > 300_000 ? `${made.json.slice(0, 300_000)}\n… (показано начало)` : made.json}</pre>
      </details>
    </>
  );
}
