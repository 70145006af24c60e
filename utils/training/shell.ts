/**
 * The training page's controller: which portal and virtual address the frame shows, the
 * browser history of the lesson (`training.html#portal=…&vp=…`), going to a step by its code,
 * and the auto-advance status. The frame's pages reach it as `window.pfdoTraining`
 * ({@link TrainingShell}); the UI is `entrypoints/training/App.tsx`.
 */
import { signal } from '@preact/signals';
import type { GuideEngine } from '@/utils/guide/engine';
import { FLOWS, searchSteps } from '@/utils/flows/search';
import type { TrainingShell } from './guide';
import type { AutoplayState } from './autoplay';
import {
  TRAINING_PORTALS,
  VIA_NEXT,
  parseTrainingHash,
  placeOfStep,
  resolveTraining,
  trainingHash,
  type TrainingPortal,
} from './nav';

/** Auto-advance status, announced next to the guide's panel. */
export interface AutoplayStatus {
  text: string;
  state: AutoplayState;
}

/** Controller of the training page (one per page). */
export class TrainingController implements TrainingShell {
  readonly portal = signal<TrainingPortal>('sgo');
  /** Virtual address shown in the frame, e.g. `/services/dop/`. */
  readonly virtual = signal('/');
  /** A Russian message for the trainer (unknown page, unknown code), or null. */
  readonly notice = signal<string | null>(null);
  readonly autoplay = signal<AutoplayStatus>({ text: '', state: 'idle' });
  /**
   * Auto-advance switched on by the trainer. Lives only as long as this page: it is never
   * stored, so a reload, a new training tab or stored settings never turn it on.
   */
  readonly autoOn = signal(false);
  /** «Пауза» pressed while auto-advance is on. */
  readonly autoPaused = signal(false);
  private autoplayWatchers = new Set<() => void>();
  /** Code of the step the guide recognises in the frame («К-5»), '' when none. */
  readonly stepCode = signal('');
  private frame: HTMLIFrameElement | null = null;
  /**
   * The live picture of a step (`training.html#code=…&view=1`, the consultant page): the frame
   * alone, and no history entries in the page holding it. Fixed for the page's life (false
   * outside a page).
   */
  readonly view = !!parseTrainingHash(globalThis.location?.hash ?? '').view;
  private pendingNext: { prev: string; step: string } | null = null;
  private engine: GuideEngine | null = null;

  /**
   * Connects the frame and shows what the page's hash asks for (a step code, a page, or the start).
   * @param frame the `<iframe>` the replica pages load in
   */
  attach(frame: HTMLIFrameElement): void {
    this.frame = frame;
    (window as { pfdoTraining?: TrainingShell }).pfdoTraining = this;
    window.addEventListener('popstate', () => this.fromHash(false));
    this.fromHash(true);
  }

  private fromHash(first: boolean): void {
    const h = parseTrainingHash(location.hash);
    if (h.code) {
      const msg = this.showCode(h.code);
      if (msg) this.notice.value = msg;
      return;
    }
    const portal = h.portal ?? 'sgo';
    const r = resolveTraining(portal, h.vp ?? TRAINING_PORTALS[portal].start);
    if (r) this.load(portal, r.virtual, r.src, first ? 'replace' : 'none');
  }

  /** {@inheritDoc TrainingShell.navigate} */
  navigate(portal: TrainingPortal, url: string, opts: { replace?: boolean; method?: 'POST' } = {}): void {
    const r = resolveTraining(portal, url);
    if (!r) {
      this.notice.value = `Этой страницы нет на учебном портале (${url.split('?')[0]}). Вернитесь назад или начните заново.`;
      return;
    }
    this.notice.value = null;
    this.load(portal, r.virtual, r.src, opts.replace ? 'replace' : 'push');
  }

  /**
   * Starts a lesson from the portal's first page with a fresh fictional session.
   * @param portal `sgo` | `cabinet`
   */
  start(portal: TrainingPortal): void {
    this.pendingNext = null;
    this.navigate(portal, TRAINING_PORTALS[portal].start);
  }

  /**
   * Shows a step by its code on the replica (the operator's «show me К-7»).
   * @param code what was typed: «К-7», «к7», «Т-П1»
   * @returns null when shown, else a Russian message (unknown code, step without a page)
   */
  showCode(code: string): string | null {
    const found = searchSteps(code, 'all');
    const hits = found.kind === 'code' ? found.hits : [];
    const hit = hits.find((h) => h.flowId === this.portal.value) ?? hits[0];
    if (!hit) return `Нет шага с кодом «${code.trim()}». Коды выглядят так: Т-3, К-7, К-П1.`;
    const place = placeOfStep(hit.stepId);
    if (!place) return `Шаг ${hit.code} не показывается на странице портала.`;
    this.pendingNext = place.viaNext ? { prev: VIA_NEXT[hit.stepId], step: hit.stepId } : null;
    this.notice.value = null;
    const r = resolveTraining(place.portal, place.virtual)!;
    this.load(place.portal, r.virtual, r.src, 'push');
    return null;
  }

  /** {@inheritDoc TrainingShell.frameReady} */
  frameReady(_portal: TrainingPortal, engine: GuideEngine): void {
    this.engine = engine;
  }

  /** {@inheritDoc TrainingShell.stepChanged} */
  stepChanged(portal: TrainingPortal, stepId: string | null, code: string): void {
    this.stepCode.value = code;
    const want = this.pendingNext;
    if (!want || stepId !== want.prev) return;
    this.pendingNext = null;
    const engine = this.engine;
    const path = FLOWS.find((f) => f.id === portal)?.path ?? [];
    // Outside the frame's effect that reported the step: the engine changes its own signals.
    if (engine && path.indexOf(want.step) === path.indexOf(want.prev) + 1) setTimeout(() => engine.go(1), 0);
  }

  /** {@inheritDoc TrainingShell.autoplayStatus} */
  autoplayStatus(text: string, state: AutoplayStatus['state']): void {
    // A late report from a frame after «Стоп» must not bring the announcement back.
    this.autoplay.value = this.autoOn.value ? { text, state } : { text: '', state: 'idle' };
  }

  /** {@inheritDoc TrainingShell.autoplayWanted} */
  autoplayWanted(): { on: boolean; paused: boolean } {
    return { on: this.autoOn.value, paused: this.autoOn.value && this.autoPaused.value };
  }

  /** {@inheritDoc TrainingShell.watchAutoplay} */
  watchAutoplay(onChange: () => void): () => void {
    this.autoplayWatchers.add(onChange);
    return () => this.autoplayWatchers.delete(onChange);
  }

  /**
   * Switches auto-advance on or off for this page («Автопоказ», «Стоп»); always unpaused.
   * @param on true to start
   */
  setAutoplay(on: boolean): void {
    this.autoOn.value = on;
    this.autoPaused.value = false;
    if (!on) this.autoplay.value = { text: '', state: 'idle' };
    this.tellAutoplay();
  }

  /**
   * «Пауза» / «Продолжить» while auto-advance is on.
   * @param paused true to hold, false to go on
   */
  setAutoplayPaused(paused: boolean): void {
    if (!this.autoOn.value) return;
    this.autoPaused.value = paused;
    this.tellAutoplay();
  }

  private tellAutoplay(): void {
    for (const f of [...this.autoplayWatchers]) {
      try {
        f();
      } catch {
        this.autoplayWatchers.delete(f); // a frame's page that went away without saying so
      }
    }
  }

  private load(portal: TrainingPortal, virtual: string, src: string, history: 'push' | 'replace' | 'none'): void {
    this.portal.value = portal;
    this.virtual.value = virtual;
    this.stepCode.value = '';
    const hash = trainingHash(portal, virtual);
    if (this.view) history = 'none';
    if (history === 'push' && location.hash !== hash) window.history.pushState(null, '', hash);
    else if (history === 'replace') window.history.replaceState(null, '', hash);
    this.frame?.contentWindow?.location.replace(src);
  }
}
