import { render } from 'preact';
import { effect } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { Flow } from './types';
import { GuideEngine, type GuideStats, type Send } from './engine';
import { Highlight, RING_PAD, RING_PAD_LARGE } from './highlight';
import { FieldMask } from './mask';
import { DEFAULT_PRESENTATION, loadPresentation, savePresentation, watchPresentation, type Presentation } from './presentation';
import { Panel } from '@/components/guide/Panel';
import { GUIDE_CSS } from '@/components/guide/styles';

/** Tag of the guide's host element (ours, appended to `<html>`; the portal's elements are never modified). */
export const HOST_TAG = 'pfdo-guide';

/** Options of {@link mountGuide}. */
export interface MountOptions {
  /**
   * Presentation settings to start with, before the stored ones are read (e.g. a training page
   * that already has them). Default: {@link DEFAULT_PRESENTATION}.
   */
  presentation?: Presentation;
  /** Read the stored settings and follow their changes (default true; off for isolated tests). */
  watchSettings?: boolean;
}

/**
 * Starts the guide for a flow on the current page: a host element with a shadow root (open, so tests and screen readers can reach it; it holds no personal data)
 * holding the highlight layer, the «Демонстрация» covers and the panel. The host exposes, for
 * tests and help-desk staff: `data-step` (step id or empty), `data-step-code` («К-7»),
 * `data-target` (none | searching | found | missing), `data-hidden`, and the presentation
 * settings (`utils/guide/presentation.ts`) as `data-large`, `data-slow`, `data-mask`
 * ("true"/"false"); the guide's styles follow these attributes. The settings are read at start
 * and followed live (popup, panel switch, other tabs).
 * @param flow the portal's flow
 * @param send messaging to the background (default: `browser.runtime.sendMessage`, errors as rejections)
 * @param options see {@link MountOptions}
 * @returns the engine, for tests
 */
export function mountGuide(flow: Flow, send: Send = sendToBackground, options: MountOptions = {}): GuideEngine {
  document.querySelectorAll(HOST_TAG).forEach((old) => old.remove()); // a previous instance after an extension update
  const host = document.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = GUIDE_CSS;
  const layer = document.createElement('div');
  layer.className = 'pfdo-layer';
  const ui = document.createElement('div');
  root.append(style, layer, ui);

  // Keep the panel clear of the ring: move it to the other side when they would overlap.
  const highlight = new Highlight(layer, (ring) => {
    const panel = ui.firstElementChild as HTMLElement | null;
    if (!panel) return;
    const onLeft = ui.classList.contains('pfdo-left');
    if (!ring) return;
    const p = panel.getBoundingClientRect();
    const overlaps = (a: DOMRect, left: number, right: number) => a.left < right && a.right > left && a.top < p.bottom && a.bottom > p.top;
    const w = p.width;
    const vw = document.documentElement.clientWidth;
    const rightSpot = [vw - 16 - w, vw - 16] as const;
    const leftSpot = [16, 16 + w] as const;
    const [l, r] = onLeft ? leftSpot : rightSpot;
    if (overlaps(ring, l, r)) {
      const [ol, or] = onLeft ? rightSpot : leftSpot;
      if (!overlaps(ring, ol, or)) ui.classList.toggle('pfdo-left', !onLeft);
    }
  });
  const mask = new FieldMask(layer);
  let show: Presentation = options.presentation ?? DEFAULT_PRESENTATION;
  const engine = new GuideEngine(flow, highlight, send, () => update(), document, host);
  /** Reflects the settings on our own host and shadow elements only (never on the portal's). */
  const apply = (p: Presentation) => {
    show = p;
    setAttr(host, 'data-large', String(p.large));
    setAttr(host, 'data-slow', String(p.slow));
    setAttr(host, 'data-mask', String(p.mask));
    highlight.setPadding(p.large ? RING_PAD_LARGE : RING_PAD);
    mask.setEnabled(p.mask);
    update();
  };
  const setMask = (on: boolean) => {
    const before = show;
    apply({ ...show, mask: on }); // at once, even if storage is unreachable (orphaned script)
    savePresentation({ mask: on }, before).catch(() => undefined);
  };
  const update = () => {
    const s = engine.state;
    const step = s.shown.value;
    setAttr(host, 'data-step', s.recognised.value?.id ?? '');
    setAttr(host, 'data-step-code', s.recognised.value?.code ?? '');
    setAttr(host, 'data-shown-step', step?.id ?? '');
    setAttr(host, 'data-target', s.targetState.value);
    setAttr(host, 'data-hidden', String(s.hidden.value));
    if (!host.isConnected) document.documentElement.append(host);
    render(<Panel engine={engine} show={{ mask: show.mask, setMask }} />, ui);
    mask.schedule(); // the page changed: fields may have moved or gone
  };
  // Covers follow the filled fields at once (same task as the fill, before the next paint).
  effect(() => mask.setFields(engine.filled.value));
  apply(show);
  if (options.watchSettings !== false) {
    let changed = false; // a change that arrives while the first read is on its way wins over it
    watchPresentation((p) => {
      changed = true;
      apply(p);
    });
    void loadPresentation().then((p) => changed || apply(p));
  }
  document.documentElement.append(host);
  // Work counters for `npm run bench`, in the content script's own world (invisible to the page).
  (globalThis as { pfdoGuideStats?: GuideStats }).pfdoGuideStats = engine.stats;
  void engine.start();
  return engine;
}

/**
 * `browser.runtime.sendMessage`, always as a promise: once the extension is reloaded or updated,
 * the orphaned content script's call throws «Extension context invalidated» synchronously, which
 * the engine's `send(…).catch(…)` would not catch (an uncaught error on «Скрыть», «Справка»…).
 */
async function sendToBackground(m: Parameters<Send>[0]): Promise<unknown> {
  return browser.runtime.sendMessage(m);
}

function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}
