import { signal, computed } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { FLOWS, searchSteps, variantTexts, type PortalFilter, type SearchHit } from '@/utils/flows/search';
import { troublesFor } from '@/utils/flows/troubles';
import { LiveView } from './LiveView';
import { trainingCodeUrl } from '@/utils/training/nav';
import { stepPosition } from '@/utils/guide/recognise';
import type { Flow, Step } from '@/utils/guide/types';
import { regionOfFlow } from '@/utils/profile/regions';

/** Reads the starting query from the address: `consultant.html#К-7` opens with that step. */
function initialQuery(): string {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return '';
  }
}

const query = signal(initialQuery());
const portal = signal<PortalFilter>('all');
const result = computed(() => searchSteps(query.value, portal.value));


/** Steps of a flow in the order a consultant reads them: the main path, then the problem states. */
function orderedSteps(flow: Flow): Step[] {
  const main = flow.path.map((id) => flow.steps.find((s) => s.id === id)).filter((s): s is Step => !!s);
  return [...main, ...flow.steps.filter((s) => !main.includes(s))];
}

/** DOM id of a step's card. */
const cardId = (stepId: string) => `step-${stepId.replace(/\./g, '-')}`;

/** Scrolls to a step's card and moves the keyboard focus there. */
function goTo(stepId: string, focus = true): void {
  const el = document.getElementById(cardId(stepId));
  if (!el) return;
  el.scrollIntoView({ block: 'start', behavior: 'auto' });
  if (focus) el.focus({ preventScroll: true });
}

/** The instruction(s) the parent sees: one text, or one per variant when they differ. */
function Instruction({ flow, step }: { flow: Flow; step: Step }) {
  const t = step.instruction;
  if (typeof t === 'string' || variantTexts(t).length === 1) {
    return <p class="instruction">{typeof t === 'string' ? t : variantTexts(t)[0]}</p>;
  }
  return (
    <dl class="variants">
      {flow.variants
        .filter((v) => t[v.id])
        .map((v) => (
          <div key={v.id}>
            <dt>{v.label}:</dt>
            <dd class="instruction">{t[v.id]}</dd>
          </div>
        ))}
    </dl>
  );
}

/**
 * One step: big code, title, what the parent reads, the live picture of the parent's screen
 * (the training portal at that step, `LiveView.tsx`), and the usual troubles. The
 * internal step id (`cabinet.email`) is only in `data-step-id`, never shown as text.
 */
function StepCard({ flow, step, hit }: { flow: Flow; step: Step; hit: boolean }) {
  const pos = stepPosition(flow, step.id);
  const troubles = troublesFor(step.id);
  const advice = (step.advice ?? []).map((id) => flow.advice.find((a) => a.id === id)).filter((a) => !!a);
  return (
    <article
      id={cardId(step.id)}
      class={`step${step.problem ? ' is-problem' : ''}${hit ? ' is-hit' : ''}`}
      tabIndex={-1}
      data-testid="consultant-step"
      data-step-id={step.id}
      aria-labelledby={`${cardId(step.id)}-title`}
    >
      <div class="step-text">
        <p class="code-row">
          <span class="code" data-testid="consultant-code">
            {step.code}
          </span>
          <span class="pos">{pos ? `шаг ${pos.index} из ${pos.total}` : step.problem ? 'проблема' : ''}</span>
        </p>
        <h3 id={`${cardId(step.id)}-title`}>{step.title}</h3>
        {/* The internal step id stays in `data-step-id` only: people use the code and the title. */}
        {!step.when && (
          <p class="step-note">
            <span class="badge">выполняется не на сайте</span>
          </p>
        )}
        <h4>Что видит родитель в подсказке</h4>
        <Instruction flow={flow} step={step} />
        {step.lookFor && (
          <p class="lookfor">
            <b>Что обведено рамкой:</b> {step.lookFor}
          </p>
        )}
        {step.checklist && (
          <ul class="checklist">
            {step.checklist.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        )}
        {(troubles.length > 0 || advice.length > 0) && (
          <>
            <h4>Что обычно не так</h4>
            <ul class="troubles">
              {troubles.map((t) => (
                <li key={t.id}>
                  <b>{t.symptom}.</b> {t.cause !== '—' && <span class="cause">{t.cause} </span>}
                  <span class="advice">Совет: {t.advice}</span>
                </li>
              ))}
              {advice.map((a) => (
                <li key={a.id}>
                  <b>
                    {a.code} · {a.title}.
                  </b>{' '}
                  <span class="advice">{a.text}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <figure class="shot">
        <LiveView
          code={step.code}
          label={`Экран родителя на шаге ${step.code} «${step.title}»: страница портала и подсказка помощника${step.lookFor ? `; обведено: ${step.lookFor}` : ''}.`}
        />
        <figcaption>
          Экран родителя (учебная копия портала, вживую).{' '}
          <a href={trainingCodeUrl(step.code)} target="_blank" rel="noopener" data-testid="consultant-training-link">
            Открыть этот шаг на учебном портале
          </a>
        </figcaption>
      </figure>
    </article>
  );
}

/** Compact list of word-search results: code, title, the matching trouble. */
function HitList({ hits }: { hits: SearchHit[] }) {
  return (
    <ol class="hits" data-testid="consultant-hits">
      {hits.map((h) => (
        <li key={h.stepId}>
          <a href={`#${cardId(h.stepId)}`} data-step-id={h.stepId} onClick={(e) => (e.preventDefault(), goTo(h.stepId))}>
            <span class="hit-code">{h.code}</span> {h.title}
          </a>
        </li>
      ))}
    </ol>
  );
}

/**
 * The help-desk page: both portals' steps with codes, the parent's instruction, a picture of
 * the screen and the usual troubles; a search by code («к7», «К-7», «k7», «7») or by the
 * caller's words, updated as one types.
 */
export function App() {
  const input = useRef<HTMLInputElement>(null);
  const r = result.value;
  const hitIds = new Set(r.hits.map((h) => h.stepId));
  const codeTarget = r.kind === 'code' && r.hits.length === 1 ? r.hits[0].stepId : null;

  useEffect(() => {
    input.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && document.activeElement !== input.current) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // A code search scrolls to that step at once (keeping the focus in the search box).
  useEffect(() => {
    if (r.kind === 'code' && r.hits[0]) goTo(r.hits[0].stepId, false);
  }, [query.value, portal.value]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && r.hits[0]) {
      e.preventDefault();
      goTo(r.hits[0].stepId);
    } else if (e.key === 'Escape') {
      query.value = '';
    }
  };

  const status =
    r.kind === 'empty'
      ? 'Все шаги обоих порталов.'
      : r.hits.length === 0
        ? 'Ничего не найдено. Попробуйте другое слово или код шага.'
        : r.kind === 'code'
          ? `Шаг ${r.hits.map((h) => h.code).join(', ')} — показан ниже.`
          : `Найдено шагов: ${r.hits.length}. Enter — перейти к первому.`;

  const filtering = r.kind === 'words';
  const flows = FLOWS.filter((f) => portal.value === 'all' || f.id === portal.value);
  return (
    <div class="page">
      <header class="top">
        <h1>Справка для консультантов</h1>
        <p class="lead">
          Помощник по сертификату дополнительного образования. Родитель называет <b>код шага</b> из подсказки («К-7», «Т-3») — найдите
          его здесь: что он видит, куда нажать и что обычно идёт не так.
        </p>
      </header>
      <div class="search" role="search">
        <label for="q">Код шага или слова звонящего</label>
        <div class="search-row">
          <input
            id="q"
            ref={input}
            type="search"
            data-testid="consultant-search"
            autocomplete="off"
            placeholder="К-7, т3, 7 или «не приходит письмо»"
            value={query.value}
            onInput={(e) => (query.value = (e.currentTarget as HTMLInputElement).value)}
            onKeyDown={onKeyDown}
            aria-describedby="search-status"
          />
          <fieldset class="portal">
            <legend class="visually-hidden">Портал</legend>
            {(
              [
                ['all', 'Оба'],
                ['sgo', 'Тверь (Т)'],
                ['cabinet', 'Кузбасс (К)'],
              ] as const
            ).map(([id, label]) => (
              <label key={id}>
                <input type="radio" name="portal" value={id} checked={portal.value === id} onChange={() => (portal.value = id)} /> {label}
              </label>
            ))}
          </fieldset>
        </div>
        <p id="search-status" class="status" role="status" aria-live="polite" data-testid="consultant-status">
          {status} <span class="keys">«/» — к поиску, Esc — очистить.</span>
        </p>
        {filtering && r.hits.length > 0 && <HitList hits={r.hits} />}
      </div>
      <main>
        {flows.map((flow) => {
          const steps = filtering
            ? r.hits.filter((h) => h.flowId === flow.id).map((h) => flow.steps.find((s) => s.id === h.stepId)!)
            : orderedSteps(flow);
          if (!steps.length) return null;
          return (
            <section key={flow.id} class="flow" aria-labelledby={`flow-${flow.id}`}>
              <h2 id={`flow-${flow.id}`}>
                {regionOfFlow(flow.id).name} — {flow.hosts[0]} <span class="portal-name">{flow.portal}</span>
              </h2>
              {steps.map((s) => (
                <StepCard key={s.id} flow={flow} step={s} hit={s.id === codeTarget || (r.kind === 'code' && hitIds.has(s.id))} />
              ))}
            </section>
          );
        })}
        <section class="report-howto" data-testid="consultant-report">
          <h2>Если помощник ошибся или не узнал страницу: попросите описание страницы</h2>
          <ol>
            <li>Попросите родителя остаться на той странице портала, где помощник ошибся или написал «Не вижу на странице нужного элемента».</li>
            <li>
              В подсказке (панель справа или слева) внизу есть ссылка <b>«Сохранить описание страницы для поддержки»</b>. Если помощник не узнал страницу, та же
              кнопка есть прямо в тексте подсказки.
            </li>
            <li>
              Откроется новая вкладка «Описание страницы для поддержки». Там зелёная строка «Проверено: в файле нет имён, дат, номеров, адресов и e-mail» и картинка
              того, что будет в файле: слова портала и «Аааа» вместо всего остального. Пусть родитель нажмёт <b>«Сохранить файл»</b>.
            </li>
            <li>
              Файл (имя начинается с <code>pfdo-opisanie-</code>, лежит в папке «Загрузки») родитель присылает вам по почте или в чат. Сам помощник ничего не
              отправляет. Передайте файл разработчикам вместе с кодом шага, который назвал родитель.
            </li>
          </ol>
        </section>
      </main>
      <footer class="bottom">
        <p>
          Помощник ничего не отправляет в интернет: сведения для поддержки родитель копирует сам кнопкой «Скопировать сведения для поддержки» в
          подсказке — там нет личных данных, только портал, страница, код шага и версия. Описание страницы (см. выше) тоже без личных данных и тоже
          передаётся только руками родителя.
        </p>
      </footer>
    </div>
  );
}
