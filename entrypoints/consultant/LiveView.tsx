import { useEffect, useRef, useState } from 'preact/hooks';
import { trainingViewUrl } from '@/utils/training/nav';

/** The parent's screen the live picture shows, CSS px (the step pictures were taken at this size too). */
export const LIVE_VIEW_SCREEN = { width: 1280, height: 800 } as const;

/** How far outside the window a card's live picture is already loaded (and kept), CSS px. */
const NEAR = '300px 0px';

/** Where the keyboard focus was last outside the live pictures (the search box at first). */
let lastFocus: HTMLElement | null = null;
let guarded = false;

/**
 * Keeps the keyboard focus out of the live pictures: a replica page may focus its own field (an
 * opened dialog does), which would take the focus from the search box while the consultant
 * types; the focus goes back where it was. Installed once.
 */
function guardFocus(): void {
  if (guarded) return;
  guarded = true;
  document.addEventListener('focusin', (e) => {
    if (!(e.target instanceof HTMLIFrameElement)) lastFocus = e.target as HTMLElement;
  });
  // Focus entering a frame blurs this window; the frame is then the active element.
  window.addEventListener('blur', () =>
    setTimeout(() => {
      const a = document.activeElement;
      if (a instanceof HTMLIFrameElement && a.closest('.live')) (lastFocus?.isConnected ? lastFocus : document.body).focus({ preventScroll: true });
    }, 0),
  );
}

/**
 * The live picture of a step: the training portal (the replica pages and the guide shipped in
 * the extension, `training.html#code=…&view=1`) opened at that step on a 1280 × 800 screen and
 * scaled down to the card's width, instead of a shipped screenshot — always the current pages
 * and panel, sharp at any zoom, and no bytes in the package. Only the cards near the window
 * load their page (an IntersectionObserver); a card scrolled far away drops it again, so the
 * page never runs more than a few replicas at once. The picture is inert (no focus, no clicks):
 * the link under it opens the same step on the training portal to click through.
 */
export function LiveView({ code, label }: { code: string; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [scale, setScale] = useState(0);
  useEffect(() => {
    // Every supported browser has both observers; without them (a test's DOM) the card keeps its placeholder.
    if (typeof IntersectionObserver === 'undefined' || typeof ResizeObserver === 'undefined') return;
    guardFocus();
    const el = box.current!;
    const io = new IntersectionObserver((entries) => setNear(entries[entries.length - 1].isIntersecting), { rootMargin: NEAR });
    io.observe(el);
    const fit = () => setScale(el.clientWidth / LIVE_VIEW_SCREEN.width);
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    fit();
    return () => {
      io.disconnect();
      ro.disconnect();
    };
  }, []);
  // `inert` keeps focus and clicks out of the picture (typed as a boolean attribute here).
  const inert = { inert: '' } as Record<string, string>;
  return (
    <div ref={box} class="live" role="img" aria-label={label} data-testid="consultant-live" data-live={near ? 'on' : 'off'}>
      {near && scale > 0 ? (
        <iframe
          src={trainingViewUrl(code)}
          title={label}
          tabIndex={-1}
          {...inert}
          width={LIVE_VIEW_SCREEN.width}
          height={LIVE_VIEW_SCREEN.height}
          style={{ transform: `scale(${scale})` }}
        />
      ) : (
        <span class="live-wait">Экран родителя на шаге {code} появится здесь</span>
      )}
    </div>
  );
}
