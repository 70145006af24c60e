/**
 * Waiting for a page to stop moving before a picture is taken (`scripts/step-images.ts` for the
 * consultant page and the памятка, `scripts/demo.ts`): the guide's ring and panel slide to their
 * places with CSS transitions, the panel fades in, the portals' dialogs scale and fade in. A fixed
 * sleep is either too short on a busy machine or wastes time; instead the boxes of what moves are
 * compared over consecutive animation frames.
 */

/** Options of {@link waitUntilStill}. */
export interface StillOptions {
  /**
   * The guide's shadow root. It is closed, so a page script cannot find it by itself: callers
   * hand it over (`stillInGuide` in tests/support/guide.ts; the training frame's own root).
   */
  root?: ShadowRoot | null;
  /** Consecutive animation frames whose boxes must be the same (default 2: compared over two frames). */
  frames?: number;
  /** Give up after this long, ms (default 5000): the result then says `still: false`. */
  timeout?: number;
}

/** What {@link waitUntilStill} saw. */
export interface StillResult {
  /** The boxes stayed the same and no animation was running. */
  still: boolean;
  /** Animation frames looked at. */
  frames: number;
  /** Time taken, ms. */
  ms: number;
}

/**
 * Resolves once what a screenshot shows has settled: the boxes of the guide's ring, panel and
 * its round «show» button (inside the guide's shadow root) and of every open dialog and modal
 * backdrop are the same over `frames` consecutive animation frames, and no CSS transition or
 * finite animation is running in the page or the guide (endless spinners do not count).
 *
 * Self-contained — no imports, no module variables — so that it can be handed to a page as is
 * (`stillInGuide` in tests/support/guide.ts calls it with the guide's closed root in hand).
 * @param opts frames to compare and the time limit
 */
export function waitUntilStill(opts: StillOptions = {}): Promise<StillResult> {
  const need = Math.max(2, opts.frames ?? 2);
  const timeout = opts.timeout ?? 5000;
  const t0 = performance.now();
  const moving = ['dialog[open]', '[role=dialog]', '[role=alertdialog]', '[aria-modal=true]', '.modal', '.ui.modal', '.dimmer', '.modal-backdrop'].join(',');
  const boxes = (): string => {
    const root = opts.root ?? null;
    const els: Element[] = [...(root ? Array.from(root.querySelectorAll('.pfdo-ring, .pfdo-panel, .pfdo-fab')) : []), ...Array.from(document.querySelectorAll(moving))];
    return els
      .map((el) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        return `${r.x.toFixed(1)},${r.y.toFixed(1)},${r.width.toFixed(1)},${r.height.toFixed(1)},${s.opacity},${s.display}`;
      })
      .join(';');
  };
  const animating = (): boolean => {
    const root = opts.root ?? null;
    const all = [...document.getAnimations(), ...(root && 'getAnimations' in root ? root.getAnimations() : [])];
    return all.some((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity);
  };
  return new Promise((resolve) => {
    let last: string | null = null;
    let same = 1;
    let frames = 0;
    const look = () => {
      frames++;
      const now = boxes();
      const busy = animating();
      same = !busy && now === last ? same + 1 : 1;
      last = busy ? null : now;
      const ms = performance.now() - t0;
      if (same >= need) resolve({ still: true, frames, ms });
      else if (ms >= timeout) resolve({ still: false, frames, ms });
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}
