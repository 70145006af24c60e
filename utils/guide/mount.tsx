import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { Flow } from './types';
import { GuideEngine, type GuideStats, type Send } from './engine';
import { Highlight } from './highlight';
import { Panel } from '@/components/guide/Panel';
import { GUIDE_CSS } from '@/components/guide/styles';

/** Tag of the guide's host element (ours, appended to `<html>`; the portal's elements are never modified). */
export const HOST_TAG = 'pfdo-guide';

/**
 * Starts the guide for a flow on the current page: a host element with a shadow root (open, so tests and screen readers can reach it; it holds no personal data)
 * holding the highlight layer and the panel. The host exposes, for tests and help-desk staff:
 * `data-step` (step id or empty), `data-step-code` («К-7»), `data-target` (none | searching |
 * found | missing), `data-hidden`.
 * @param flow the portal's flow
 * @param send messaging to the background (default: `browser.runtime.sendMessage`, errors as rejections)
 * @returns the engine, for tests
 */
export function mountGuide(flow: Flow, send: Send = sendToBackground): GuideEngine {
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
  const engine = new GuideEngine(flow, highlight, send, () => update(), document, host);
  const update = () => {
    const s = engine.state;
    const step = s.shown.value;
    setAttr(host, 'data-step', s.recognised.value?.id ?? '');
    setAttr(host, 'data-step-code', s.recognised.value?.code ?? '');
    setAttr(host, 'data-shown-step', step?.id ?? '');
    setAttr(host, 'data-target', s.targetState.value);
    setAttr(host, 'data-hidden', String(s.hidden.value));
    if (!host.isConnected) document.documentElement.append(host);
    render(<Panel engine={engine} />, ui);
  };
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
