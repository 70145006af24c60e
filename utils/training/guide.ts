/**
 * The guide inside a training portal page (loaded by `entrypoints/training-guide.ts`): the
 * portal's flow on the replica, answered from the fictional family, with auto-advance, and
 * connected to the training page around the frame (`TrainingShell`).
 */
import { effect } from '@/utils/guide/cells';
import { browser } from 'wxt/browser';
import { sgoFlow } from '@/utils/flows/sgo';
import { cabinetFlow } from '@/utils/flows/cabinet';
import { mountGuide } from '@/utils/guide/mount';
import { FILL_KIT } from '@/utils/guide/fill-kit';
import GUIDE_CSS from '@/components/guide/guide.css?inline';
import type { GuideEngine } from '@/utils/guide/engine';
import { loadPresentation, watchPresentation, DEFAULT_PRESENTATION, type Presentation } from '@/utils/guide/presentation';
import { Autoplay, type AutoplayState } from './autoplay';
import { trainingSend } from './send';
import type { TrainingPortal } from './nav';

/** What the training page offers to the frame (set as `window.pfdoTraining` on the training page). */
export interface TrainingShell {
  /** Loads a virtual address of a portal in the frame (`opts.replace`: no new history entry). */
  navigate(portal: TrainingPortal, url: string, opts: { replace?: boolean; method?: 'POST' }): void;
  /** A replica page has mounted its guide. */
  frameReady(portal: TrainingPortal, engine: GuideEngine): void;
  /**
   * The step recognised in the frame changed (reported from the frame's own signals: the
   * training page's copy of @preact/signals cannot track the frame's).
   */
  stepChanged(portal: TrainingPortal, stepId: string | null, code: string): void;
  /** Auto-advance status for the training page's announcement. */
  autoplayStatus(text: string, state: AutoplayState): void;
  /**
   * Whether the trainer has switched auto-advance on, and paused it. Kept by the training page
   * only, never stored: every training page starts with auto-advance off.
   */
  autoplayWanted(): { on: boolean; paused: boolean };
  /**
   * Calls `onChange` when the trainer switches auto-advance on or off, pauses or resumes it.
   * @returns a function that stops watching (called when the frame's page goes away)
   */
  watchAutoplay(onChange: () => void): () => void;
}

/** The training page around this frame, or null (the page was opened on its own). */
export function trainingShell(): TrainingShell | null {
  try {
    return (window.parent !== window && (window.parent as { pfdoTraining?: TrainingShell }).pfdoTraining) || null;
  } catch {
    return null;
  }
}

/**
 * Mounts the guide on the replica page this script runs in.
 * @returns the engine, or null when the page is not a training portal page
 */
export function startTrainingGuide(): GuideEngine | null {
  const portal = document.documentElement.getAttribute('data-training-portal') as TrainingPortal | null;
  const shell = trainingShell();
  if ((portal !== 'sgo' && portal !== 'cabinet') || !shell) return null;
  const flow = portal === 'sgo' ? sgoFlow : cabinetFlow;
  const open = (path: string) => window.open(browser.runtime.getURL(path as '/consultant.html'), '_blank', 'noopener');
  // The training page is the extension's own: its frame may hold the panel's root (for its tests).
  const engine = mountGuide(flow, trainingSend(open, portal), {
    onRoot: (root) => ((window as { pfdoTrainingRoot?: ShadowRoot }).pfdoTrainingRoot = root),
    // The description is made of a portal page in its own tab; the training pages are ours.
    pageReport: false,
    css: GUIDE_CSS,
    // The training pages are the extension's own (no injection there): the kit comes bundled.
    kit: FILL_KIT,
  });
  let settings: Presentation = DEFAULT_PRESENTATION;
  // On/off and «Пауза» come from the training page only; the stored settings give the pause length
  // (a stored `autoAdvance` is ignored: auto-advance never comes back on by itself).
  const autoplay = new Autoplay(
    engine,
    { status: (t, st) => shell.autoplayStatus(t, st), navigate: (url) => shell.navigate(portal, url, {}) },
    () => {
      const wanted = shell.autoplayWanted();
      return { autoAdvance: wanted.on, paused: wanted.paused, pauseSeconds: settings.pauseSeconds };
    },
  );
  void loadPresentation().then((p) => {
    settings = p;
    autoplay.start();
  });
  watchPresentation((p) => {
    const paceChanged = p.pauseSeconds !== settings.pauseSeconds;
    settings = p;
    if (paceChanged) autoplay.settingsChanged();
  });
  const unwatch = shell.watchAutoplay(() => autoplay.settingsChanged());
  window.addEventListener('pagehide', () => {
    unwatch();
    autoplay.stop();
  });
  (window as { pfdoTrainingEngine?: GuideEngine }).pfdoTrainingEngine = engine;
  shell.frameReady(portal, engine);
  effect(() => {
    const step = engine.state.recognised.value;
    shell.stepChanged(portal, step?.id ?? null, step?.code ?? '');
  });
  return engine;
}
