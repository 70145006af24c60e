/** @jsxImportSource @/components/guide */
import { effect, signal } from '@/utils/guide/cells';
import { render } from './jsx-runtime';
import type { GuideEngine } from '@/utils/guide/engine';
import { stepPosition, textForVariant } from '@/utils/guide/recognise';
import { redactValues } from '@/utils/guide/mask';
import type { PanelMode, Side } from '@/utils/guide/placement';
import type { PanelWords } from './words';

/** What the panel needs to know about the presentation settings (`utils/guide/presentation.ts`). */
export interface PanelShow {
  /** «Демонстрация» on: badge in the header, personal values masked in every dynamic text. */
  mask: boolean;
  /** Turns «Демонстрация» on or off (stores the setting for every tab). */
  setMask?: (on: boolean) => void;
}

/**
 * Where the panel is and how it is shown (set by the host, `utils/guide/mount.tsx`, from
 * `utils/guide/placement.ts`), and the user's controls over it.
 */
export interface PanelLayout {
  /** `full`, or `bar` when there is no room beside the outlined control and its dialog. */
  mode: PanelMode;
  /** The side of the screen the panel is on now. */
  side: Side;
  /** The user opened the whole panel from the bar (shown even where it covers the page). */
  expanded: boolean;
  /** Moves the panel to the other side (remembered for this portal). */
  moveSide(): void;
  /** «Развернуть» / «Свернуть». */
  setExpanded(on: boolean): void;
  /** Starts dragging the panel by its header (pointer down on the header). */
  startDrag(e: PointerEvent): void;
}

/** Layout for hosts that place nothing (unit tests, the training page's defaults). */
export const STATIC_LAYOUT: PanelLayout = { mode: 'full', side: 'right', expanded: false, moveSide() {}, setExpanded() {}, startDrag() {} };

/** «Сохранить описание страницы для поддержки»: opens the page that makes the file (see `GuideEngine.openReport`). */
function ReportButton({ engine }: { engine: GuideEngine }) {
  return engine.canReport ? (
    <button type="button" class="pfdo-link" data-testid="guide-report" onClick={() => engine.openReport()}>
      {engine.state.flow.panel?.report}
    </button>
  ) : null;
}

/** Offered where the guide does not know the page or does not find the control: the description helps support teach it. */
function ReportOffer({ engine }: { engine: GuideEngine }) {
  return engine.canReport ? (
    <p class="pfdo-note" data-testid="guide-report-offer">
      {engine.state.flow.panel?.reportOffer}
      <ReportButton engine={engine} />
    </p>
  ) : null;
}

/**
 * «Скопировать сведения для поддержки» and «Справка для консультанта». The copy and what is said
 * after it come with the panel's kit (`./SupportCopy.tsx`); when the kit cannot come (the
 * extension was updated while the page is open), the panel says so in the guide's own words.
 */
function SupportRow({ engine, show, safe }: { engine: GuideEngine; show: PanelShow; safe: (text: string) => string }) {
  const copy = engine.state.supportCopy.value;
  const w = engine.state.flow.panel ?? {};
  return (
    <div class="pfdo-support">
      <div class="pfdo-support-row">
        <button type="button" class="pfdo-link" data-testid="guide-support-copy" onClick={() => void engine.copySupport(safe)}>
          {w.supportCopy}
        </button>
        <button type="button" class="pfdo-link" data-testid="guide-consultant" onClick={() => engine.openConsultant()}>
          {w.consultant}
        </button>
        <ReportButton engine={engine} />
      </div>
      {show.setMask && (
        <label class="pfdo-demo" title={w.demoTitle}>
          <input type="checkbox" data-testid="guide-mask" checked={show.mask} onChange={(e: Event) => show.setMask!((e.currentTarget as HTMLInputElement).checked)} />
          {w.demoSwitch}
        </label>
      )}
      {engine.kit ? engine.kit.supportStatus(engine) : copy && <p class="pfdo-note" role="status" data-testid="guide-support-status">{copy.text}</p>}
    </div>
  );
}

/**
 * The guide's panel (rendered inside the guide's shadow root): step code, «шаг N из M»,
 * title, instruction, what was not found, «Заполнить»/«Отменить», advice, back/next, hide,
 * and the «Демонстрация» switch. All text is rendered as text nodes, never as HTML.
 * While «Демонстрация» is on, the header shows a badge and every text that is not the flow's
 * own (fill messages and reasons, the support text) has the filled values masked.
 * When the host has no room for the whole panel beside the outlined control and its dialog, it
 * shows the bar ({@link PanelBar}) instead.
 * @param show presentation settings the panel reflects (default: «Демонстрация» off, no switch)
 * @param layout where the panel is and the user's controls over it (default: whole panel, no moving)
 */
export function Panel({ engine, show = { mask: false }, layout = STATIC_LAYOUT }: { engine: GuideEngine; show?: PanelShow; layout?: PanelLayout }) {
  const s = engine.state;
  const flow = s.flow;
  const w = flow.panel ?? {};
  const safe = (text: string) => (show.mask ? redactValues(text, engine.personalValues) : text);
  if (s.hidden.value) {
    return (
      <button class="pfdo-fab" type="button" data-testid="guide-show" onClick={() => engine.setHidden(false)} title={w.show}>
        {w.fab}
        {show.mask && (
          <>
            {' '}
            <span class="pfdo-badge">{w.demo}</span>
          </>
        )}
      </button>
    );
  }
  const step = s.shown.value;
  const recognisedId = s.recognised.value?.id;
  const viewingOther = !!s.viewing.value && s.viewing.value !== recognisedId;
  const pos = step ? stepPosition(flow, step.id) : null;
  const variant = s.variant.value;
  const advice = (step?.advice ?? []).map((id) => flow.advice.find((a) => a.id === id)).filter(Boolean);
  const openAdvice = flow.advice.find((a) => a.id === s.adviceOpen.value);
  if (layout.mode === 'bar' && !layout.expanded && step) {
    return <PanelBar engine={engine} show={show} layout={layout} safe={safe} />;
  }
  return (
    <section
      class={`pfdo-panel${step?.problem ? ' is-problem' : ''}`}
      role="dialog"
      aria-label={w.name}
      data-testid="guide-panel"
      data-mode="full"
      data-side={layout.side}
    >
      <header class="pfdo-head" onPointerDown={(e: PointerEvent) => layout.startDrag(e)} title={w.dragTitle}>
        <span class="pfdo-head-title">
          <span class="pfdo-brand">{w.brand}</span>
          {show.mask && (
            <span class="pfdo-badge" data-testid="guide-mask-badge" title={w.maskTitle}>
              {w.demo}
            </span>
          )}
        </span>
        <span class="pfdo-head-tools">
          {layout.expanded && (
            <button class="pfdo-icon" type="button" data-testid="guide-collapse" onClick={() => layout.setExpanded(false)} title={w.collapse} aria-label={w.collapse}>
              ▁
            </button>
          )}
          <MoveButton layout={layout} w={w} />
          <HideButton engine={engine} />
        </span>
      </header>
      {step ? (
        <div class="pfdo-body">
          <div class="pfdo-code-row">
            <span class="pfdo-code" data-testid="guide-code">{step.code}</span>
            <span class="pfdo-pos">{pos ? [w.step1, pos.index, w.step2, pos.total] : step.problem ? w.attention : ''}</span>
          </div>
          <h2 class="pfdo-title">{step.title}</h2>
          {viewingOther && (
            <p class="pfdo-note">
              {step.when ? w.otherStep : w.offSite}
              {w.pageStep}
              {s.recognised.value?.code ?? '—'}.
            </p>
          )}
          <p class="pfdo-text" data-testid="guide-instruction">{textForVariant(step.instruction, variant)}</p>
          {s.targetState.value === 'found' && <p class="pfdo-hint">{w.found}</p>}
          {s.targetState.value === 'opener' && (
            <p class="pfdo-hint" data-testid="guide-opener">
              {w.opener}
            </p>
          )}
          {s.targetState.value === 'missing' && (
            <p class="pfdo-missing" data-testid="guide-missing">
              {w.missing1}
              {step.lookFor ?? w.lookFor}
              {w.missing2}
            </p>
          )}
          {s.targetState.value === 'missing' && <ReportOffer engine={engine} />}
          {step.checklist && (
            <ul class="pfdo-check">
              {step.checklist.map((c) => (
                <li>{c}</li>
              ))}
            </ul>
          )}
          {step.fill && !viewingOther && (
            <div class="pfdo-fill">
              {engine.kit?.fillFor(engine, show.mask, false)}
              <button class="pfdo-primary" type="button" data-testid="guide-fill" onClick={() => void engine.fill()} disabled={s.filling.value}>
                {s.filling.value ? w.filling : w.fillButton}
              </button>
              {engine.kit?.fillResult(engine, safe, false)}
              {s.fillMessage.value && <p class="pfdo-missing">{safe(s.fillMessage.value)}</p>}
            </div>
          )}
          {advice.length > 0 && (
            <div class="pfdo-advice-list">
              {advice.map((a) => (
                <button type="button" class="pfdo-link" onClick={() => (s.adviceOpen.value = s.adviceOpen.value === a!.id ? null : a!.id)}>
                  {a!.title}?
                </button>
              ))}
            </div>
          )}
          {openAdvice && (
            <div class="pfdo-advice" data-testid="guide-advice">
              <b>
                {openAdvice.code} · {openAdvice.title}
              </b>
              <p>{openAdvice.text}</p>
            </div>
          )}
        </div>
      ) : (
        <div class="pfdo-body">
          {s.tied.value.length > 1 && !s.loading.value && (
            <p class="pfdo-missing" data-testid="guide-tied">
              {w.tied1}
              {s.tied.value.map((t) => `«${t.code} ${t.title}»`).join(w.tiedAnd)}
              {w.tied2}
              {s.tied.value.map((t) => t.lookFor ?? t.title).join(w.tiedOr)}
              {w.tied3}
            </p>
          )}
          <p class="pfdo-text" data-testid="guide-instruction">
            {s.settled.value && !s.loading.value
              ? [w.notStep1, flow.portal, w.notStep2]
              : w.waiting}
          </p>
          {s.settled.value && !s.loading.value && <ReportOffer engine={engine} />}
        </div>
      )}
      <footer class="pfdo-foot">
        <button type="button" class="pfdo-secondary" data-testid="guide-back" onClick={() => engine.go(-1)} disabled={pos?.index === 1}>
          {w.back}
        </button>
        {viewingOther ? (
          <button type="button" class="pfdo-secondary" data-testid="guide-current" onClick={() => engine.backToCurrent()}>
            {w.current}
          </button>
        ) : (
          flow.variants.length > 1 && (
            <label class="pfdo-variant-label">
              <span>{w.who}</span>
              <select class="pfdo-variant" data-testid="guide-variant" value={variant} onChange={(e: Event) => engine.setVariant((e.target as HTMLSelectElement).value)}>
                {flow.variants.map((v) => (
                  <option value={v.id}>
                    {v.label}
                  </option>
                ))}
              </select>
            </label>
          )
        )}
        <button type="button" class="pfdo-secondary" data-testid="guide-next" onClick={() => engine.go(1)} disabled={pos?.index === pos?.total}>
          {w.next}
        </button>
      </footer>
      <SupportRow engine={engine} show={show} safe={safe} />
    </section>
  );
}

/** The «✕» button: hides the panel and the ring (remembered for this tab). */
function HideButton({ engine }: { engine: GuideEngine }) {
  const hide = engine.state.flow.panel?.hide;
  return (
    <button class="pfdo-icon" type="button" data-testid="guide-hide" onClick={() => engine.setHidden(true)} title={hide} aria-label={hide}>
      ✕
    </button>
  );
}

/** The «⇄» button: moves the panel to the other side of the screen (remembered for this portal). */
function MoveButton({ layout, w }: { layout: PanelLayout; w: Partial<PanelWords> }) {
  const title = `${w.move ?? ''}${(layout.side === 'left' ? w.right : w.left) ?? ''}`;
  return (
    <button class="pfdo-icon" type="button" data-testid="guide-move" onClick={() => layout.moveSide()} title={title} aria-label={title}>
      ⇄
    </button>
  );
}

/**
 * The compact bar shown where the whole panel would cover the outlined control or its dialog:
 * the step's code and title, the instruction in one line (whole text on hover and for screen
 * readers), «Заполнить» where the step fills, «Развернуть», move and hide; after a fill, the
 * list of filled fields in a line, and a short note when the control is not found.
 */
function PanelBar({ engine, show, layout, safe }: { engine: GuideEngine; show: PanelShow; layout: PanelLayout; safe: (t: string) => string }) {
  const s = engine.state;
  const w = s.flow.panel ?? {};
  const step = s.shown.value!;
  const text = textForVariant(step.instruction, s.variant.value);
  const viewingOther = !!s.viewing.value && s.viewing.value !== s.recognised.value?.id;
  return (
    <section
      class={`pfdo-panel pfdo-bar${step.problem ? ' is-problem' : ''}`}
      role="dialog"
      aria-label={w.name}
      data-testid="guide-panel"
      data-mode="bar"
      data-side={layout.side}
    >
      <div class="pfdo-bar-row" onPointerDown={(e: PointerEvent) => (e.target === e.currentTarget ? layout.startDrag(e) : undefined)}>
        <span class="pfdo-code" data-testid="guide-code">{step.code}</span>
        <span class="pfdo-bar-words">
          <b class="pfdo-title">{step.title}</b>
          {show.mask && <span class="pfdo-badge" data-testid="guide-mask-badge">{w.demo}</span>}
          <span class="pfdo-bar-text" data-testid="guide-instruction" title={text}>
            {text}
          </span>
        </span>
        <span class="pfdo-bar-tools">
          {step.fill && !viewingOther && (
            <button class="pfdo-primary" type="button" data-testid="guide-fill" onClick={() => void engine.fill()} disabled={s.filling.value}>
              {s.filling.value ? w.filling : w.fillShort}
            </button>
          )}
          <button class="pfdo-secondary" type="button" data-testid="guide-expand" onClick={() => layout.setExpanded(true)} title={w.expandTitle}>
            {w.expand}
          </button>
          <MoveButton layout={layout} w={w} />
          <HideButton engine={engine} />
        </span>
      </div>
      {step.fill && !viewingOther && engine.kit?.fillFor(engine, show.mask, true)}
      {s.targetState.value === 'opener' && (
        <p class="pfdo-bar-line" data-testid="guide-opener">
          {w.opener}
        </p>
      )}
      {s.targetState.value === 'missing' && (
        <p class="pfdo-bar-line pfdo-missing" data-testid="guide-missing">
          {w.missingBar}
          {step.lookFor ?? w.lookFor}.
        </p>
      )}
      {s.fillMessage.value && <p class="pfdo-bar-line pfdo-missing">{safe(s.fillMessage.value)}</p>}
      {engine.kit?.fillResult(engine, safe, true)}
    </section>
  );
}

/** What {@link Panel} is rendered with. */
export interface PanelProps {
  engine: GuideEngine;
  show?: PanelShow;
  layout?: PanelLayout;
}

/**
 * Renders the panel into `root` and keeps it current: again whenever a signal it read changes
 * (a click in the panel, a fill, a new step) and whenever the host calls `refresh()` (its layout
 * or settings, which are not signals, changed). One effect instead of @preact/signals' component
 * integration and hooks; the DOM is written by the panel's own small renderer
 * (`./jsx-runtime.ts`), not Preact: the content script carries neither.
 * @param props read on every render
 * @returns `refresh()` to render now, `stop()` to stop following the signals (the panel stays)
 */
export function renderLive(root: Element, props: () => PanelProps): { refresh(): void; stop(): void } {
  const renders = signal(0);
  const stop = effect(() => {
    void renders.value;
    render(root, <Panel {...props()} />);
  });
  return {
    refresh: () => {
      renders.value++;
    },
    stop,
  };
}
