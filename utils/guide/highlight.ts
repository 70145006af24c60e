/** Default gap between the target and the ring's outer edge (px). */
export const RING_PAD = 6;

/** Gap for the thicker ring of «Крупный текст и рамка» (px): the ring still clears the target. */
export const RING_PAD_LARGE = 10;

/**
 * The highlight: a ring drawn in our own shadow root over the target control. It never
 * touches the portal's elements (no classes, no attributes) and follows the target on
 * scroll, resize and layout changes, redrawing at most once per animation frame.
 */
export class Highlight {
  #box: HTMLElement;
  #target: Element | null = null;
  #frame = 0;
  #pad = RING_PAD;
  /** The last drawn ring (`top,left,width,height` with the gap), '' when none: a redraw that would draw the same does nothing. */
  #drawn = '';
  #resizeObserver: ResizeObserver | null = null;
  /**
   * Watches the drawn target for moves ({@link watchMoves}); null while not armed (no target,
   * target not wholly in the viewport, or no IntersectionObserver).
   */
  #moveObserver: IntersectionObserver | null = null;
  readonly #onMove = () => this.schedule();

  readonly #onDraw: (ring: DOMRect | null) => void;

  /**
   * @param layer element inside our shadow root that receives the ring
   * @param onDraw called with the ring's final rectangle (viewport px, not the box mid-transition) after each redraw, e.g. to keep the panel clear of it
   */
  constructor(layer: HTMLElement, onDraw: (ring: DOMRect | null) => void = () => undefined) {
    this.#onDraw = onDraw;
    this.#box = layer.ownerDocument.createElement('div');
    this.#box.className = 'pfdo-ring';
    this.#box.hidden = true;
    layer.append(this.#box);
  }

  /**
   * Sets the gap between the target and the ring's outer edge, e.g. wider for the thicker ring
   * of «Крупный текст и рамка», and redraws.
   * @param px gap in CSS px ({@link RING_PAD} by default)
   */
  setPadding(px: number): void {
    if (px === this.#pad) return;
    this.#pad = px;
    if (this.#target) this.#draw();
  }

  /** The element currently highlighted, if any. */
  get current(): Element | null {
    return this.#target;
  }

  /**
   * Draws the ring around an element and keeps it there; scrolls it into view the first time.
   * @param el target control (a portal element; only read, never modified)
   */
  follow(el: Element): void {
    if (this.#target === el) return this.schedule();
    this.clear();
    this.#target = el;
    const win = el.ownerDocument.defaultView!;
    win.addEventListener('scroll', this.#onMove, { capture: true, passive: true });
    win.addEventListener('resize', this.#onMove, { passive: true });
    if (typeof ResizeObserver !== 'undefined') {
      this.#resizeObserver = new ResizeObserver(this.#onMove);
      this.#resizeObserver.observe(el);
    }
    const r = el.getBoundingClientRect();
    if (r.bottom < 0 || r.top > win.innerHeight) el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.#draw();
  }

  /** Removes the ring and every listener it added. */
  clear(): void {
    if (this.#target) {
      const win = this.#target.ownerDocument.defaultView!;
      win.removeEventListener('scroll', this.#onMove, { capture: true });
      win.removeEventListener('resize', this.#onMove);
    }
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
    this.#unwatchMoves();
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#target = null;
    this.#box.hidden = true;
    this.#drawn = '';
    this.#onDraw(null);
  }

  /**
   * The page changed somewhere (a DOM change that needed no recognition pass): redraws only if
   * the ring cannot tell by itself whether its target moved — while the target is wholly in view
   * the move observer says so, after the browser's own layout, at no cost for changes that move
   * nothing.
   */
  pageChanged(): void {
    if (!this.#moveObserver) this.schedule();
  }

  /**
   * Redraws on the next animation frame (coalesces bursts of scroll events and page changes); a
   * redraw where the target has not moved or changed size changes nothing and calls no `onDraw`.
   */
  schedule(): void {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#draw();
    });
  }

  #draw(): void {
    const el = this.#target;
    if (!el || !el.isConnected) {
      this.#box.hidden = true;
      this.#drawn = '';
      this.#onDraw(null);
      return;
    }
    const r = el.getBoundingClientRect();
    const pad = this.#pad;
    // Most changes of a page move nothing: then the ring, and the panel placed around it, stay.
    const at = `${r.top},${r.left},${r.width},${r.height},${pad}`;
    if (at === this.#drawn) return;
    this.#drawn = at;
    this.#watchMoves(el, r);
    Object.assign(this.#box.style, {
      top: `${r.top - pad}px`,
      left: `${r.left - pad}px`,
      width: `${r.width + pad * 2}px`,
      height: `${r.height + pad * 2}px`,
    });
    this.#box.hidden = r.width === 0 && r.height === 0;
    // The ring's final box (its own box may still be moving in its transition).
    this.#onDraw(this.#box.hidden ? null : new DOMRect(r.left - pad, r.top - pad, r.width + pad * 2, r.height + pad * 2));
  }

  /**
   * Arms an IntersectionObserver whose root box is the target's own box: any move (or growth) of
   * the target by a pixel takes part of it out of that box, and the observer calls back after the
   * browser has laid the page out; the redraw then arms it again at the new place. Size changes
   * come from the ResizeObserver, scrolling from the scroll listener. Not armed when the target
   * is not wholly in the viewport (the margins would be wrong): then every page change redraws.
   * The technique is Floating UI's `autoUpdate({ layoutShift })`.
   * @param el the target
   * @param r its box as just drawn (viewport px)
   */
  #watchMoves(el: Element, r: DOMRect): void {
    this.#unwatchMoves();
    const root = el.ownerDocument.documentElement;
    const win = el.ownerDocument.defaultView!;
    const vw = root.clientWidth || win.innerWidth;
    const vh = root.clientHeight || win.innerHeight;
    if (typeof IntersectionObserver === 'undefined' || r.width < 1 || r.height < 1 || r.top < 0 || r.left < 0 || r.bottom > vh || r.right > vw) return;
    const margin = [r.top, vw - r.right, vh - r.bottom, r.left].map((x) => `${-Math.floor(x)}px`).join(' ');
    const arm = (threshold: number, retry: boolean) => {
      let first = true;
      const io = new IntersectionObserver(
        (entries) => {
          const ratio = entries[entries.length - 1].intersectionRatio;
          if (first) {
            first = false;
            if (ratio === threshold) return;
            this.#unwatchMoves();
            // Rounding left the box a little off: once, watch for a change from what it is now.
            if (retry && ratio > 0) arm(ratio, false);
            return;
          }
          if (ratio !== threshold) {
            this.#drawn = ''; // draw again in full and arm again, even if the box looks the same (the viewport may have changed)
            this.schedule();
          }
        },
        // The document as the root: in a frame (the training portal) the margins are the frame's.
        { root: el.ownerDocument, rootMargin: margin, threshold },
      );
      io.observe(el);
      this.#moveObserver = io;
    };
    try {
      arm(1, true);
    } catch {
      this.#moveObserver = null; // a root or margin the browser refuses: redraw on every change instead
    }
  }

  #unwatchMoves(): void {
    this.#moveObserver?.disconnect();
    this.#moveObserver = null;
  }
}
