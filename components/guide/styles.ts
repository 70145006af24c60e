/** Styles of the guide, applied inside its shadow root (the portal's CSS cannot reach them). */
export const GUIDE_CSS = `
:host { all: initial; --pfdo-s: 1; --pfdo-t: 1; }
/* «Крупный текст и рамка»: panel text ×1.35 (sizes below are in em of the panel), thicker ring. */
:host([data-large="true"]) { --pfdo-s: 1.35; }
/* «Медленная анимация»: every transition and animation 3× slower. */
:host([data-slow="true"]) { --pfdo-t: 3; }
* { box-sizing: border-box; }
.pfdo-layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; }
.pfdo-ring { position: fixed; border: 4px solid #ff6a00; border-radius: 8px;
  box-shadow: 0 0 0 4px rgba(255,106,0,.25), 0 0 0 9999px rgba(0,0,0,.08);
  transition: top calc(.15s * var(--pfdo-t)) ease, left calc(.15s * var(--pfdo-t)) ease,
    width calc(.15s * var(--pfdo-t)) ease, height calc(.15s * var(--pfdo-t)) ease; pointer-events: none; }
:host([data-large="true"]) .pfdo-ring { border-width: 8px; border-radius: 12px;
  box-shadow: 0 0 0 6px rgba(255,106,0,.3), 0 0 0 9999px rgba(0,0,0,.08); }
.pfdo-ring[hidden] { display: none; }
.pfdo-panel, .pfdo-fab { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; pointer-events: auto;
  font: calc(16px * var(--pfdo-s))/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1f;
  animation: pfdo-in calc(.18s * var(--pfdo-t)) ease-out; }
@keyframes pfdo-in { from { opacity: 0; transform: translateY(8px); } }
@media (prefers-reduced-motion: reduce) { .pfdo-panel, .pfdo-fab { animation: none; } }
.pfdo-panel { width: calc(360px * var(--pfdo-s)); max-width: calc(100vw - 32px); max-height: calc(100vh - 32px); overflow: auto;
  background: #fff; border: 2px solid #1a5fb4; border-radius: 12px; box-shadow: 0 8px 28px rgba(0,0,0,.25); }
/* The host places the panel (inline left/top/bottom/width/max-height, utils/guide/placement.ts). */
.pfdo-left .pfdo-fab { right: auto; left: 16px; }
.pfdo-panel.is-dragging { transition: none; opacity: .92; box-shadow: 0 12px 36px rgba(0,0,0,.35); }
.pfdo-panel.is-problem { border-color: #c01c28; }
.pfdo-head { display: flex; align-items: center; justify-content: space-between; padding: 8px 12px;
  gap: 8px; background: #1a5fb4; color: #fff; font-weight: 600; font-size: .875em; cursor: grab; touch-action: none; user-select: none; }
.pfdo-head-tools { display: flex; align-items: center; gap: 2px; }
.pfdo-head-title { display: flex; align-items: center; flex-wrap: wrap; gap: 4px 8px; }
.pfdo-badge { display: inline-block; padding: 1px 8px; border-radius: 10px; background: #ffbe6f; color: #1b1b1f;
  font-size: .9em; font-weight: 700; }
.is-problem .pfdo-head { background: #c01c28; }
.pfdo-icon { all: unset; cursor: pointer; padding: 2px 8px; border-radius: 6px; font-size: 1.15em; color: #fff; }
.pfdo-icon:focus-visible, button:focus-visible, select:focus-visible { outline: 3px solid #ffbe6f; outline-offset: 2px; }
.pfdo-body { padding: 12px 14px 4px; }
.pfdo-code-row { display: flex; align-items: baseline; gap: 10px; }
.pfdo-code { font-size: 2em; line-height: 1.1; font-weight: 800; color: #1a5fb4; letter-spacing: .02em; }
.is-problem .pfdo-code { color: #c01c28; }
.pfdo-pos { color: #555; font-size: .875em; }
.pfdo-title { font-size: 1.125em; margin: 4px 0 6px; }
.pfdo-text { margin: 0 0 8px; }
.pfdo-hint { margin: 0 0 8px; color: #26a269; font-size: .875em; }
.pfdo-note { margin: 0 0 8px; color: #555; font-size: .875em; }
.pfdo-missing { margin: 0 0 8px; padding: 8px; background: #fff3cd; border-radius: 8px; font-size: .9375em; }
.pfdo-check { margin: 0 0 8px; padding-left: 20px; }
.pfdo-fill { margin: 6px 0 8px; display: flex; flex-wrap: wrap; gap: 6px; }
.pfdo-filled { width: 100%; margin: 4px 0; padding-left: 20px; font-size: .875em; }
.pfdo-filled .is-filled { color: #26a269; } .pfdo-filled .is-skipped, .pfdo-filled .is-not-found { color: #c64600; }
.pfdo-primary, .pfdo-secondary { font: inherit; font-size: .9375em; cursor: pointer; border-radius: 8px; padding: 7px 12px; }
.pfdo-primary { background: #26a269; color: #fff; border: 0; font-weight: 600; }
.pfdo-secondary { background: #fff; color: #1a5fb4; border: 1px solid #1a5fb4; }
.pfdo-secondary:disabled { opacity: .4; cursor: default; }
.pfdo-link { all: unset; cursor: pointer; color: #1a5fb4; text-decoration: underline; font-size: .9375em; margin-right: 12px; }
.pfdo-advice { background: #f0f4fa; border-radius: 8px; padding: 8px 10px; margin: 6px 0 8px; font-size: .9375em; }
.pfdo-advice p { margin: 4px 0 0; }
.pfdo-foot { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; justify-content: space-between; padding: 8px 12px 12px; }
.pfdo-foot .pfdo-secondary { white-space: nowrap; }
.pfdo-variant { font: inherit; font-size: 1em; flex: 1 1 auto; min-width: 0; max-width: calc(170px * var(--pfdo-s)); padding: 4px; border-radius: 6px; border: 1px solid #999; background: #fff; color: #1b1b1f; }
.pfdo-fab { cursor: pointer; border: 0; border-radius: 24px; padding: 10px 16px; background: #1a5fb4; color: #fff; font-weight: 700;
  box-shadow: 0 4px 14px rgba(0,0,0,.3); }
.pfdo-fill-for { width: 100%; font-size: .875em; color: #1b1b1f; }
.pfdo-fill-for select { font: inherit; max-width: 100%; padding: 2px 4px; border-radius: 6px; border: 1px solid #999; background: #fff; color: #1b1b1f; }
.pfdo-primary:disabled { opacity: .6; cursor: progress; }
.pfdo-variant-label { display: flex; align-items: center; gap: 4px; flex: 1 1 calc(150px * var(--pfdo-s)); min-width: 0; font-size: .8125em; color: #333; }
.pfdo-variant-label span { white-space: nowrap; }
/* The bar: the panel in one line where the whole panel would cover the control or its dialog. */
.pfdo-bar { overflow: hidden auto; }
.pfdo-bar-row { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; padding: 6px 8px 6px 12px; cursor: grab; touch-action: none; }
.pfdo-bar .pfdo-code { font-size: 1.5em; }
.pfdo-bar-words { flex: 1 1 140px; min-width: 0; display: flex; flex-direction: column; }
.pfdo-bar .pfdo-title { font-size: .9375em; margin: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.pfdo-bar-text { font-size: .875em; line-height: 1.35; overflow: hidden; color: #333;
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2; }
.pfdo-bar-tools { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-left: auto; max-width: 100%; }
.pfdo-bar .pfdo-icon { color: #1a5fb4; }
.pfdo-bar .pfdo-primary, .pfdo-bar .pfdo-secondary { padding: 5px 10px; }
.pfdo-bar-line { margin: 0 12px 8px; }
.pfdo-filled.pfdo-bar-line { display: flex; flex-wrap: wrap; gap: 2px 14px; width: auto; padding-left: 0; list-style: none; }
.pfdo-filled.pfdo-bar-line li { min-width: 0; overflow-wrap: anywhere; }
/* Help-desk row: support text and the consultant page. */
.pfdo-support { padding: 0 12px 10px; border-top: 1px solid #e3e3e8; }
.pfdo-support-row { display: flex; flex-wrap: wrap; gap: 4px 0; padding-top: 8px; }
.pfdo-support .pfdo-link { font-size: .8125em; }
.pfdo-support .pfdo-note { margin: 6px 0 0; }
.pfdo-support-text { display: block; width: 100%; margin-top: 6px; font: .75em/1.35 ui-monospace, monospace; color: #1b1b1f;
  border: 1px solid #999; border-radius: 6px; padding: 6px; resize: vertical; background: #fafafa; }
/* «Демонстрация»: the switch in the panel and the covers over filled fields. */
.pfdo-demo { display: flex; align-items: center; gap: 6px; padding: 8px 0 0; font-size: .8125em; color: #1b1b1f; cursor: pointer; }
.pfdo-demo input { margin: 0; width: 1.1em; height: 1.1em; accent-color: #1a5fb4; cursor: pointer; }
.pfdo-demo input:focus-visible { outline: 3px solid #ffbe6f; outline-offset: 2px; }
.pfdo-masks { position: fixed; inset: 0; pointer-events: none; }
/* No transition on covers: they must never lag behind their field. The background alone (without
   backdrop-filter support) already hides the text; the stripes break up any remaining shapes. */
.pfdo-cover { position: fixed; pointer-events: none; overflow: hidden; border-radius: 4px;
  display: flex; align-items: center; justify-content: flex-end; padding: 0 6px;
  background: repeating-linear-gradient(135deg, rgba(210,214,224,.95) 0 6px, rgba(228,231,238,.95) 6px 12px);
  -webkit-backdrop-filter: blur(10px); backdrop-filter: blur(10px); box-shadow: inset 0 0 0 1px rgba(26,95,180,.35); }
.pfdo-cover[hidden] { display: none; }
.pfdo-cover-label { font: 600 calc(11px * var(--pfdo-s))/1.2 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: #3d3d45; background: rgba(255,255,255,.9); border-radius: 4px; padding: 1px 5px; white-space: nowrap; }
`;
