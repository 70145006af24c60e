import { effect } from './cells';
import type { Flow, FlowAnswer } from './types';
import { flowFromWire } from './wire';
import { GuideEngine, type GuideStats, type Send } from './engine';
import { Highlight, RING_PAD, RING_PAD_LARGE } from './highlight';
import type { FieldMask } from './mask';
import type { FillKit } from './kit';
import { DEFAULT_PRESENTATION, loadPresentation, savePresentation, watchPresentation, type Presentation } from './presentation';
import { renderLive, type PanelLayout } from '@/components/guide/Panel';
import { candidates, fits, panelSizes, type Box, type Candidate, type PanelMode, type Side } from './placement';
import { holderOf } from './holder';
import { loadPanelSide, savePanelSide } from './panel-side';
import { ask } from '@/utils/ask';

import { HOST_TAG } from './host-tag';

export { HOST_TAG };

/** Options of {@link mountGuide}. */
export interface MountOptions {
  /**
   * Presentation settings to start with, before the stored ones are read (e.g. a training page
   * that already has them). Default: {@link DEFAULT_PRESENTATION}.
   */
  presentation?: Presentation;
  /** Read the stored settings and follow their changes (default true; off for isolated tests). */
  watchSettings?: boolean;
  /**
   * Receives the guide's closed shadow root. Only for the training portal, whose pages are the
   * extension's own (never a portal page): it hands the root to its frame for its tests.
   */
  onRoot?: (root: ShadowRoot) => void;
  /** Offer «Сохранить описание страницы для поддержки» (default true; the training portal turns it off). */
  pageReport?: boolean;
  /**
   * The guide's style sheet (`components/guide/guide.css`) for a flow given to {@link mountGuide}
   * (training portal). A portal's content script does not carry it: it comes with the flow
   * (`flow:get`), and the guide stays out of sight until then.
   */
  css?: string;
  /**
   * The fill kit, bundled (training portal, tests). Without it, the background injects it when a
   * step that fills is first shown or on «Скопировать сведения для поддержки» (`utils/guide/kit.ts`).
   */
  kit?: FillKit;
}

/** The guide's style until its style sheet has come: nothing of it shows (no unstyled panel on the portal's page). */
const UNSTYLED = ':host{display:none!important}';

/**
 * Starts the guide for a flow on the current page: a host element with a closed shadow root (the
 * page's scripts can neither press its buttons nor read it; every panel action also requires a
 * trusted, user-made event)
 * holding the highlight layer, the «Демонстрация» covers and the panel. The host exposes, for
 * tests and help-desk staff: `data-step` (step id or empty), `data-step-code` («К-7»),
 * `data-target` (none | searching | found | missing), `data-hidden`, and the presentation
 * settings (`utils/guide/presentation.ts`) as `data-large`, `data-slow`, `data-mask`
 * ("true"/"false"); the guide's styles follow these attributes. The settings are read at start
 * and followed live (popup, panel switch, other tabs).
 * @param given the portal's flow (training portal, tests), or null (a portal's content script): then
 *   the flow of the sender's portal and the style sheet are asked from the background
 *   (`flow:get`) before the guide starts; if it does not answer, the guide does not start and
 *   stays out of sight
 * @param send messaging to the background (default: `browser.runtime.sendMessage`, errors as rejections)
 * @param options see {@link MountOptions}
 * @returns the engine, for tests
 */
export function mountGuide(given: Flow | null = null, send: Send = sendToBackground, options: MountOptions = {}): GuideEngine {
  // Without a flow given, an empty one the background's answer is put into (same object: the
  // engine and the panel hold it).
  const flow: Flow = given ?? { id: '', portal: '', hosts: [], path: [], steps: [], advice: [], variants: [], panel: {} };
  document.querySelectorAll(HOST_TAG).forEach((old) => old.remove()); // a previous instance after an extension update
  const host = document.createElement(HOST_TAG);
  // Closed: the page's scripts cannot reach the panel's buttons or read what it shows. Our own
  // code keeps `root`; tests reach it through the browser's automation protocol.
  const root = host.attachShadow({ mode: 'closed' });
  options.onRoot?.(root);
  const style = document.createElement('style');
  style.textContent = options.css ?? UNSTYLED;
  const layer = document.createElement('div');
  layer.className = 'pfdo-layer';
  const ui = document.createElement('div');
  root.append(style, layer, ui);
  // Every panel action needs a user-made (trusted) event: an event a script made up is stopped
  // at the shadow root, before any of the panel's handlers sees it.
  for (const type of ['click', 'dblclick', 'auxclick', 'change', 'input', 'submit', 'keydown', 'keyup', 'pointerdown', 'pointerup', 'mousedown', 'mouseup']) {
    root.addEventListener(
      type,
      (e) => {
        if (!e.isTrusted) {
          e.stopImmediatePropagation();
          e.preventDefault();
        }
      },
      true,
    );
  }

  // Keep the panel clear of the ring and of the dialog or form holding the control: every draw
  // of the ring (move, scroll, resize) places the panel again.
  let ring: DOMRect | null = null;
  const highlight = new Highlight(layer, (r) => {
    ring = r;
    place();
  });
  let show: Presentation = options.presentation ?? DEFAULT_PRESENTATION;
  const engine = new GuideEngine(flow, highlight, send, () => update(), document);
  engine.canReport = options.pageReport ?? true;
  const kit = options.kit;
  if (kit) engine.kitSource = async () => kit;
  // The «Демонстрация» covers come with the fill kit: there is nothing to cover before a fill.
  let mask: FieldMask | null = null;
  /** Reflects the settings on our own host and shadow elements only (never on the portal's). */
  const apply = (p: Presentation) => {
    show = p;
    setAttr(host, 'data-large', String(p.large));
    setAttr(host, 'data-slow', String(p.slow));
    setAttr(host, 'data-mask', String(p.mask));
    highlight.setPadding(p.large ? RING_PAD_LARGE : RING_PAD);
    mask?.setEnabled(p.mask);
    update();
  };
  const setMask = (on: boolean) => {
    const before = show;
    apply({ ...show, mask: on }); // at once, even if storage is unreachable (orphaned script)
    savePresentation({ mask: on }, before).catch(() => undefined);
  };
  // Placement (utils/guide/placement.ts): the side the user chose for this portal (null =
  // automatic), the mode and side in use, and whether the user opened the whole panel from the bar.
  let chosenSide: Side | null = null;
  let mode: PanelMode = 'full';
  let side: Side = 'right';
  let expanded = false;
  let expandedFor: string | null = null;
  let dragging = false;
  const layout = (): PanelLayout => ({
    mode,
    side,
    expanded,
    moveSide: () => chooseSide(side === 'left' ? 'right' : 'left'),
    setExpanded: (on) => {
      expanded = on;
      expandedFor = engine.state.shown.value?.id ?? null;
      renderPanel();
      place();
    },
    startDrag,
  });
  const chooseSide = (next: Side) => {
    chosenSide = next;
    side = next;
    void savePanelSide(flow.id, next);
    renderPanel();
    place();
  };
  // Rendered live once everything it reads is set up (below); until then there is nothing to draw.
  let live: ReturnType<typeof renderLive> | null = null;
  const renderPanel = () => live?.refresh();
  /** The panel element (or the «? Помощник» button while hidden). */
  const panelEl = () => ui.firstElementChild as HTMLElement | null;
  /** Puts a candidate's position on the panel (inline styles on our own element). */
  const put = (el: HTMLElement, c: Candidate) => {
    Object.assign(el.style, {
      left: `${c.left}px`,
      right: 'auto',
      top: c.top !== undefined ? `${c.top}px` : 'auto',
      bottom: c.bottom !== undefined ? `${c.bottom}px` : 'auto',
      width: `${c.width}px`,
      maxWidth: `${c.width}px`,
      maxHeight: `${c.maxHeight}px`,
    });
  };
  /**
   * Tries the placement candidates in order: renders each, measures the panel's real box and
   * keeps the first that covers neither the control nor its dialog/form (the last candidate only
   * keeps clear of the control). Runs after every render and every draw of the ring.
   */
  const place = () => {
    if (dragging) return;
    const el = panelEl();
    if (!el) return;
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = window.innerHeight;
    const sizes = panelSizes(show.large ? 1.35 : 1);
    if (engine.state.hidden.value) {
      ui.classList.toggle('pfdo-left', side === 'left');
      return;
    }
    const clear: Box[] = [];
    const target = highlight.current;
    if (ring && target) {
      clear.push(ring);
      const holder = holderOf(target);
      if (holder) clear.push(holder.getBoundingClientRect());
    }
    if (expanded && expandedFor !== (engine.state.shown.value?.id ?? null)) expanded = false;
    const list = expanded
      ? candidates({ width: vw, height: vh }, [], sizes, chosenSide ?? side).map((c) => ({ ...c, side: chosenSide ?? side }))
      : candidates({ width: vw, height: vh }, clear, sizes, chosenSide);
    for (const c of list) {
      if (c.mode !== mode || c.side !== side) {
        mode = c.mode;
        side = c.side;
        renderPanel();
      }
      const now = panelEl();
      if (!now) return;
      put(now, c);
      // A bar must show all it holds (its head row and the fill list); the whole panel may scroll.
      const whole = c.mode === 'full' || now.scrollHeight <= now.clientHeight + 1;
      if (expanded || (whole && fits(now.getBoundingClientRect(), clear, c))) break;
    }
    setAttr(host, 'data-panel-mode', expanded ? 'full' : mode);
    setAttr(host, 'data-panel-side', side);
    listShownAt = engine.kit?.showFillList(panelEl(), `${mode}|${side}`, listShownAt) ?? '';
  };
  /** Where the list of filled fields was last brought into sight (see `showFillList`; the kit's, as the list). */
  let listShownAt = '';
  /**
   * Drags the panel by its header: it follows the pointer sideways; on release it goes to the
   * side its centre is on, and that side is remembered for this portal.
   */
  function startDrag(e: PointerEvent): void {
    const el = panelEl();
    if (!el || !e.isTrusted || e.button !== 0 || (e.target as Element).closest('button, select, input, a, label')) return;
    const startX = e.clientX;
    const startLeft = el.getBoundingClientRect().left;
    const vw = document.documentElement.clientWidth || window.innerWidth;
    let moved = false;
    dragging = true;
    el.classList.add('is-dragging');
    const onMove = (m: PointerEvent) => {
      if (!m.isTrusted) return;
      const dx = m.clientX - startX;
      if (Math.abs(dx) > 4) moved = true;
      el.style.left = `${Math.max(0, Math.min(vw - el.offsetWidth, startLeft + dx))}px`;
    };
    const onUp = (u: PointerEvent) => {
      if (!u.isTrusted) return;
      window.removeEventListener('pointermove', onMove, true);
      window.removeEventListener('pointerup', onUp, true);
      window.removeEventListener('pointercancel', onUp, true);
      dragging = false;
      el.classList.remove('is-dragging');
      if (!moved) return place();
      const r = el.getBoundingClientRect();
      chooseSide((r.left + r.right) / 2 < vw / 2 ? 'left' : 'right');
    };
    window.addEventListener('pointermove', onMove, true);
    window.addEventListener('pointerup', onUp, true);
    window.addEventListener('pointercancel', onUp, true);
    e.preventDefault();
  }
  const onResize = () => place();
  window.addEventListener('resize', onResize, { passive: true });
  let unwatch = () => {};
  /**
   * Another instance of the guide has taken the page (the content script injected again after an
   * extension update removes the hosts before it; this one lives on, orphaned): this one stops
   * instead of putting its host back beside the new one.
   */
  const retire = () => {
    engine.stop();
    live?.stop();
    stopCovers();
    window.removeEventListener('resize', onResize);
    unwatch();
  };
  const start = () => {
    void loadPanelSide(flow.id).then((stored) => {
      if (stored && chosenSide === null) {
        chosenSide = stored;
        place();
      }
    });
    void engine.start();
  };

  const update = () => {
    const s = engine.state;
    const step = s.shown.value;
    setAttr(host, 'data-step', s.recognised.value?.id ?? '');
    setAttr(host, 'data-step-code', s.recognised.value?.code ?? '');
    setAttr(host, 'data-shown-step', step?.id ?? '');
    setAttr(host, 'data-target', s.targetState.value);
    setAttr(host, 'data-hidden', String(s.hidden.value));
    if (!host.isConnected) {
      // Removed by the page (put back), or by a newer instance of the guide (then this one stops).
      if (document.querySelector(HOST_TAG)) return retire();
      document.documentElement.append(host);
    }
    renderPanel();
    place();
    mask?.schedule(); // the page changed: fields may have moved or gone
  };
  live = renderLive(ui, () => ({ engine, show: { mask: show.mask, setMask }, layout: layout() }));
  // Covers follow the filled fields at once (same task as the fill, before the next paint). Fields
  // are only ever filled by the kit, so it is there when the first ones come.
  const stopCovers = effect(() => {
    const fields = engine.filled.value;
    if (!mask && fields.length && engine.kit) {
      mask = new engine.kit.FieldMask(layer);
      mask.setEnabled(show.mask);
    }
    mask?.setFields(fields);
  });
  apply(show);
  if (options.watchSettings !== false) {
    let changed = false; // a change that arrives while the first read is on its way wins over it
    unwatch = watchPresentation((p) => {
      changed = true;
      apply(p);
    });
    void loadPresentation().then((p) => changed || apply(p));
  }
  document.documentElement.append(host);
  // Work counters for `npm run bench`, in the content script's own world (invisible to the page).
  (globalThis as { pfdoGuideStats?: GuideStats }).pfdoGuideStats = engine.stats;
  if (given) start();
  else
    void send({ type: 'flow:get' }).then((answer) => {
      const { flow: text, css } = answer as FlowAnswer;
      Object.assign(flow, flowFromWire(text));
      style.textContent = css;
      start();
    }, () => undefined /* no flow (extension reloading): nothing starts, nothing shows */);
  return engine;
}

/**
 * Sends a request to the background and unwraps its answer (`utils/background/answer.ts`),
 * always as a promise: once the extension is reloaded or updated, the orphaned content script's
 * call throws «Extension context invalidated» synchronously, which the engine's
 * `send(…).catch(…)` would not catch (an uncaught error on «Скрыть», «Справка»…).
 */
async function sendToBackground(m: Parameters<Send>[0]): Promise<unknown> {
  return ask(m);
}

function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}
