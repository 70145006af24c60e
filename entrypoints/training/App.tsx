import { useEffect, useRef, useState } from 'preact/hooks';
import { TrainingController } from '@/utils/training/shell';
import { TRAINING_PORTALS, type TrainingPortal } from '@/utils/training/nav';
import { DEFAULT_PRESENTATION, loadPresentation, savePresentation, watchPresentation, type Presentation } from '@/utils/guide/presentation';
import { makeGuideSheet } from '@/utils/training/sheet';

const controller = new TrainingController();

/**
 * The training page: the permanent banner, the lesson controls (portal, start again, show a
 * step by code, presentation settings, auto-advance, the printable guide) and the frame with
 * the replica and its guide.
 */
export function App() {
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
  return (
    <div class="training">
      <div class="banner" role="note" data-testid="training-banner">
        <strong>Учебный портал — это не настоящий сайт.</strong> Данные вымышленные (семья Смирновых), ничего никуда не отправляется.
      </div>
      <header class="bar">
        <div class="row">
          <div class="portals" role="group" aria-label="Портал">
            {(Object.keys(TRAINING_PORTALS) as TrainingPortal[]).map((p) => (
              <button key={p} type="button" class={p === portal ? 'is-on' : ''} aria-pressed={p === portal} data-testid={`training-portal-${p}`} onClick={() => controller.start(p)}>
                {TRAINING_PORTALS[p].label}
              </button>
            ))}
          </div>
          <button type="button" data-testid="training-restart" onClick={() => controller.start(portal)}>
            Начать заново
          </button>
          <span class="address" title="Так выглядит адрес на настоящем портале" data-testid="training-address">
            https://{info.host}
            {controller.virtual.value}
          </span>
          {controller.stepCode.value && (
            <span class="now" data-testid="training-step">
              Шаг {controller.stepCode.value}
            </span>
          )}
        </div>
        <div class="row">
          <form class="code" onSubmit={onCode}>
            <label for="training-code">Показать шаг по коду</label>
            <input id="training-code" data-testid="training-code" value={code} placeholder="К-7" size={6} onInput={(e) => setCode((e.target as HTMLInputElement).value)} />
            <button type="submit">Показать</button>
          </form>
          <label class="check">
            <input type="checkbox" data-testid="training-large" checked={pres.large} onChange={(e) => set({ large: (e.target as HTMLInputElement).checked })} /> Крупный текст и рамка
          </label>
          <label class="check">
            <input type="checkbox" data-testid="training-slow" checked={pres.slow} onChange={(e) => set({ slow: (e.target as HTMLInputElement).checked })} /> Медленная анимация
          </label>
          <label class="check">
            <input type="checkbox" data-testid="training-auto" checked={pres.autoAdvance} onChange={(e) => set({ autoAdvance: (e.target as HTMLInputElement).checked })} /> Автопоказ
          </label>
          <label class="check">
            пауза{' '}
            <select data-testid="training-pause" value={String(pres.pauseSeconds)} onChange={(e) => set({ pauseSeconds: Number((e.target as HTMLSelectElement).value) })}>
              {[2, 3, 5, 8, 10, 15].map((n) => (
                <option key={n} value={String(n)}>
                  {n} с
                </option>
              ))}
            </select>
          </label>
          <button type="button" data-testid="training-pdf" disabled={pdf.busy} onClick={() => void onPdf()}>
            Памятка для раздачи (PDF)
          </button>
        </div>
        {(controller.notice.value || ap.text || pdf.message) && (
          <div class="row messages">
            {controller.notice.value && (
              <p class="notice" role="alert" data-testid="training-notice">
                {controller.notice.value}
              </p>
            )}
            {ap.text && (
              <p class={`autoplay is-${ap.state}`} role="status" data-testid="training-autoplay">
                {ap.text}
              </p>
            )}
            {pdf.message && (
              <p class="pdf-status" role="status" data-testid="training-pdf-status">
                {pdf.message}
              </p>
            )}
          </div>
        )}
      </header>
      <iframe ref={frame} class="frame" title={`Учебная копия портала ${info.host}`} data-testid="training-frame" />
    </div>
  );
}
