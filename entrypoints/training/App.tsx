import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { TrainingController, type AutoplayStatus } from '@/utils/training/shell';
import { TRAINING_PORTALS, displayAddress, type TrainingPortal } from '@/utils/training/nav';
import { placeAnnouncement, type AnnounceBox, type AnnouncePlace } from '@/utils/training/announce';
import { DEFAULT_PRESENTATION, loadPresentation, savePresentation, watchPresentation, type Presentation } from '@/utils/guide/presentation';
import { makeGuideSheet } from '@/utils/training/sheet';

const controller = new TrainingController();

/** A visible element's box in its own viewport, or null. */
function boxOf(el: Element | null | undefined): AnnounceBox | null {
  if (!el || (el as HTMLElement).hidden) return null;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
}

/**
 * The auto-advance announcement: what will be done and in how many seconds, with large «Пауза» /
 * «Продолжить» and «Стоп». It sits over the frame right next to the guide's panel (followed every
 * animation frame while auto-advance is on), never on the panel or the outlined control.
 */
function AutoplayCard({ frame, status, paused }: { frame: RefObject<HTMLIFrameElement>; status: AutoplayStatus; paused: boolean }) {
  const card = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<AnnouncePlace | null>(null);
  useEffect(() => {
    let raf = 0;
    let last = '';
    const follow = () => {
      raf = requestAnimationFrame(follow);
      const f = frame.current;
      const c = card.current;
      if (!f || !c) return;
      let doc: Document | null = null;
      try {
        doc = f.contentDocument;
      } catch {
        doc = null;
      }
      // The guide's root is closed; the training frame (the extension's own page) hands it over.
      const root = (f.contentWindow as { pfdoTrainingRoot?: ShadowRoot } | null)?.pfdoTrainingRoot ?? null;
      const panel = boxOf(root?.querySelector('.pfdo-panel')) ?? boxOf(root?.querySelector('.pfdo-fab'));
      const ring = boxOf(root?.querySelector('.pfdo-ring'));
      const view = { width: doc?.documentElement.clientWidth || f.clientWidth, height: doc?.documentElement.clientHeight || f.clientHeight };
      const p = placeAnnouncement({ width: c.offsetWidth, height: c.offsetHeight }, panel, ring, view);
      const key = `${Math.round(p.x)},${Math.round(p.y)},${p.side}`;
      if (key !== last) {
        last = key;
        setPlace(p);
      }
    };
    raf = requestAnimationFrame(follow);
    return () => cancelAnimationFrame(raf);
  }, []);
  const over = status.state === 'done' || status.state === 'stopped';
  return (
    <div
      ref={card}
      class={`autoplay-card is-${status.state}`}
      data-testid="training-autoplay-card"
      data-side={place?.side ?? ''}
      style={place ? { left: `${Math.round(place.x)}px`, top: `${Math.round(place.y)}px` } : { visibility: 'hidden' }}
    >
      <p class="autoplay-text" role="status" data-testid="training-autoplay">
        {status.text || 'Автопоказ включён…'}
      </p>
      <div class="autoplay-buttons">
        {!over && (
          <button type="button" class="big pause" data-testid="training-autoplay-pause" aria-pressed={paused} onClick={() => controller.setAutoplayPaused(!paused)}>
            {paused ? '▶ Продолжить' : '❚❚ Пауза'}
          </button>
        )}
        <button type="button" class="big stop" data-testid="training-autoplay-stop" onClick={() => controller.setAutoplay(false)}>
          {over ? '✕ Закрыть' : '■ Стоп'}
        </button>
      </div>
    </div>
  );
}

/**
 * The live picture of a step (`view=1`): only the replica's frame with its guide, no banner, no
 * controls; the consultant page shows it scaled down and says it is the training copy.
 */
function ViewOnly() {
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => controller.attach(frame.current!), []);
  return (
    <div class="training is-view">
      <div class="stage">
        <iframe ref={frame} class="frame" title={`Учебная копия портала ${TRAINING_PORTALS[controller.portal.value].host}`} data-testid="training-frame" />
      </div>
    </div>
  );
}

/**
 * The training page: the lesson ({@link Lesson}), or with `view=1` the frame alone
 * ({@link ViewOnly}, the consultant page's live picture of a step).
 */
export function App() {
  return controller.view ? <ViewOnly /> : <Lesson />;
}

/**
 * The lesson: the permanent banner, one row of lesson controls (portal, start again, the
 * portal address a parent would see, show a step by code, presentation settings, auto-advance,
 * the printable guide) and the frame with the replica and its guide; the auto-advance
 * announcement sits over the frame next to the guide's panel.
 */
function Lesson() {
  const frame = useRef<HTMLIFrameElement>(null);
  const [pres, setPres] = useState<Presentation>(DEFAULT_PRESENTATION);
  const [code, setCode] = useState('');
  const [pdf, setPdf] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null });
  useEffect(() => {
    controller.attach(frame.current!);
    void loadPresentation().then(setPres);
    return watchPresentation(setPres);
  }, []);
  const portal = controller.portal.value;
  const info = TRAINING_PORTALS[portal];
  const address = displayAddress(portal, controller.virtual.value);
  const set = (patch: Partial<Presentation>) => void savePresentation(patch, pres).then(setPres);
  const onCode = (e: Event) => {
    e.preventDefault();
    controller.notice.value = controller.showCode(code);
  };
  const onPdf = async () => {
    setPdf({ busy: true, message: 'Готовлю памятку…' });
    try {
      const name = await makeGuideSheet(portal);
      setPdf({ busy: false, message: `Памятка сохранена: ${name}` });
    } catch (err) {
      setPdf({ busy: false, message: `Не удалось сделать памятку: ${err instanceof Error ? err.message : String(err)}` });
    }
  };
  const ap = controller.autoplay.value;
  const autoOn = controller.autoOn.value;
  return (
    <div class="training">
      <div class="banner" role="note" data-testid="training-banner">
        <strong>Учебный портал — это не настоящий сайт.</strong> Данные вымышленные (семья Смирновых), ничего никуда не отправляется.
      </div>
      <header class="bar" data-testid="training-toolbar">
        <div class="portals" role="group" aria-label="Портал">
          {(Object.keys(TRAINING_PORTALS) as TrainingPortal[]).map((p) => (
            <button
              key={p}
              type="button"
              class={p === portal ? 'is-on' : ''}
              aria-pressed={p === portal}
              title={TRAINING_PORTALS[p].label}
              data-testid={`training-portal-${p}`}
              onClick={() => controller.start(p)}
            >
              {TRAINING_PORTALS[p].short}
            </button>
          ))}
        </div>
        <button type="button" data-testid="training-restart" onClick={() => controller.start(portal)}>
          Начать заново
        </button>
        <span class="address" title={`Так выглядит адрес на настоящем портале: ${address}`} data-testid="training-address">
          {address}
        </span>
        {controller.stepCode.value && (
          <span class="now" data-testid="training-step">
            Шаг {controller.stepCode.value}
          </span>
        )}
        <form class="code" onSubmit={onCode}>
          <label for="training-code" title="Показать шаг по коду: К-7, Т-3">
            Код шага
          </label>
          <input id="training-code" data-testid="training-code" value={code} placeholder="К-7" size={5} title="Показать шаг по коду: К-7, Т-3" onInput={(e) => setCode((e.target as HTMLInputElement).value)} />
          <button type="submit">Показать</button>
        </form>
        <label class="check" title="Крупный текст и рамка (для проектора)">
          <input type="checkbox" data-testid="training-large" checked={pres.large} onChange={(e) => set({ large: (e.target as HTMLInputElement).checked })} /> Крупно
        </label>
        <label class="check" title="Медленная анимация (для проектора)">
          <input type="checkbox" data-testid="training-slow" checked={pres.slow} onChange={(e) => set({ slow: (e.target as HTMLInputElement).checked })} /> Медленно
        </label>
        <span class="auto">
          <label class="check">
            <input type="checkbox" data-testid="training-auto" checked={autoOn} onChange={(e) => controller.setAutoplay((e.target as HTMLInputElement).checked)} /> Автопоказ
          </label>
          <select
            data-testid="training-pause"
            aria-label="Пауза перед каждым шагом автопоказа"
            title="Пауза перед каждым шагом автопоказа"
            value={String(pres.pauseSeconds)}
            onChange={(e) => set({ pauseSeconds: Number((e.target as HTMLSelectElement).value) })}
          >
            {[2, 3, 5, 8, 10, 15].map((n) => (
              <option key={n} value={String(n)}>
                {n} с
              </option>
            ))}
          </select>
        </span>
        <button type="button" data-testid="training-pdf" title="Памятка для раздачи (PDF) по выбранному порталу" disabled={pdf.busy} onClick={() => void onPdf()}>
          Памятка (PDF)
        </button>
      </header>
      {(controller.notice.value || pdf.message) && (
        <div class="messages">
          {controller.notice.value && (
            <p class="notice" role="alert" data-testid="training-notice">
              {controller.notice.value}
            </p>
          )}
          {pdf.message && (
            <p class="pdf-status" role="status" data-testid="training-pdf-status">
              {pdf.message}
            </p>
          )}
        </div>
      )}
      <div class="stage">
        <iframe ref={frame} class="frame" title={`Учебная копия портала ${info.host}`} data-testid="training-frame" />
        {autoOn && <AutoplayCard frame={frame} status={ap} paused={controller.autoPaused.value} />}
      </div>
    </div>
  );
}
