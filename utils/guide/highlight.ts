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
  private box: HTMLElement;
  private target: Element | null = null;
  private frame = 0;
  private pad = RING_PAD;
  /** The last drawn ring (`top,left,width,height` with the gap), '' when none: a redraw that would draw the same does nothing. */
  private drawn = '';
  private resizeObserver: ResizeObserver | null = null;
  private readonly onMove = () => this.schedule();

  /**
   * @param layer element inside our shadow root that receives the ring
   * @param onDraw called with the ring's final rectangle (viewport px, not the box mid-transition) after each redraw, e.g. to keep the panel clear of it
   */
  constructor(
    layer: HTMLElement,
    private onDraw: (ring: DOMRect | null) => void = () => undefined,
  ) {
    this.box = layer.ownerDocument.createElement('div');
    this.box.className = 'pfdo-ring';
    this.box.hidden = true;
    layer.append(this.box);
  }

  /**
   * Sets the gap between the target and the ring's outer edge, e.g. wider for the thicker ring
   * of «Крупный текст и рамка», and redraws.
   * @param px gap in CSS px ({@link RING_PAD} by default)
   */
  setPadding(px: number): void {
    if (px === this.pad) return;
    this.pad = px;
    if (this.target) this.draw();
  }

  /** The element currently highlighted, if any. */
  get current(): Element | null {
    return this.target;
  }

  /**
   * Draws the ring around an element and keeps it there; scrolls it into view the first time.
   * @param el target control (a portal element; only read, never modified)
   */
  follow(el: Element): void {
    if (this.target === el) return this.schedule();
    this.clear();
    this.target = el;
    const win = el.ownerDocument.defaultView!;
    win.addEventListener('scroll', this.onMove, { capture: true, passive: true });
    win.addEventListener('resize', this.onMove, { passive: true });
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(this.onMove);
      this.resizeObserver.observe(el);
    }
    const r = el.getBoundingClientRect();
    if (r.bottom < 0 || r.top > win.innerHeight) el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.draw();
  }

  /** Removes the ring and every listener it added. */
  clear(): void {
    if (this.target) {
      const win = this.target.ownerDocument.defaultView!;
      win.removeEventListener('scroll', this.onMove, { capture: true });
      win.removeEventListener('resize', this.onMove);
    }
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.target = null;
    this.box.hidden = true;
    this.drawn = '';
    this.onDraw(null);
  }

  /**
   * Redraws on the next animation frame (coalesces bursts of scroll events and page changes); a
   * redraw where the target has not moved or changed size changes nothing and calls no `onDraw`.
   */
  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const el = this.target;
    if (!el || !el.isConnected) {
      this.box.hidden = true;
      this.drawn = '';
      this.onDraw(null);
      return;
    }
    const r = el.getBoundingClientRect();
    const pad = this.pad;
    // Most changes of a page move nothing: then the ring, and the panel placed around it, stay.
    const at = `${r.top},${r.left},${r.width},${r.height},${pad}`;
    if (at === this.drawn) return;
    this.drawn = at;
    Object.assign(this.box.style, {
      top: `${r.top - pad}px`,
      left: `${r.left - pad}px`,
      width: `${r.width + pad * 2}px`,
      height: `${r.height + pad * 2}px`,
    });
    this.box.hidden = r.width === 0 && r.height === 0;
    // The ring's final box (its own box may still be moving in its transition).
    this.onDraw(this.box.hidden ? null : new DOMRect(r.left - pad, r.top - pad, r.width + pad * 2, r.height + pad * 2));
  }
}
