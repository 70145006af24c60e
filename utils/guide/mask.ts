/**
 * «Демонстрация» (screen-sharing on the real portals): blur covers over the fields the extension
 * filled, drawn in our own shadow root like the highlight ring. The portal's elements are only
 * read (their rectangles), never modified. Covers let clicks through and carry a small «скрыто».
 */

/** Extra margin of a cover around its field (px), so anti-aliased text edges stay hidden too. */
export const COVER_PAD = 2;

/** Text of the small label on every cover. */
export const COVER_LABEL = 'скрыто';

/**
 * Covers filled fields while enabled. It keeps the set of filled fields while disabled too, so
 * switching «Демонстрация» on after a fill covers what is already filled. Covers follow their
 * fields on scroll, resize and layout changes (at most one redraw per animation frame; the host
 * also calls {@link FieldMask.schedule} after each DOM change) and have no transitions: they must
 * never lag behind a field and uncover it. A field that leaves the page is forgotten; a field
 * that is hidden (e.g. its dialog is closed) has its cover hidden.
 */
export class FieldMask {
  private readonly box: HTMLElement;
  private readonly covers = new Map<Element, HTMLElement>();
  private fields: Element[] = [];
  private on = false;
  private frame = 0;
  private listening: Window | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private observed: Element[] = [];
  private readonly onMove = () => this.schedule();

  /** @param layer element inside our shadow root (fixed, full viewport) that receives the covers */
  constructor(layer: HTMLElement) {
    this.box = layer.ownerDocument.createElement('div');
    this.box.className = 'pfdo-masks';
    layer.prepend(this.box); // under the ring: the ring stays visible around a covered field
  }

  /**
   * Shows or removes the covers; drawn at once (same task as the change, before the next paint).
   * @param on «Демонстрация» on
   */
  setEnabled(on: boolean): void {
    if (on === this.on) return;
    this.on = on;
    this.draw();
  }

  /**
   * Sets the fields the extension has filled (replaces the previous list) and redraws at once,
   * so a value filled while «Демонстрация» is on is covered before it is ever painted.
   * @param fields portal form controls (only read)
   */
  setFields(fields: readonly Element[]): void {
    this.fields = [...new Set(fields)];
    this.draw();
  }

  /** Redraws on the next animation frame (coalesces bursts of scroll events). */
  schedule(): void {
    if (this.frame || (!this.covers.size && !(this.on && this.fields.length))) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Places, adds and removes covers to match the fields and the switch. */
  private draw(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.fields = this.fields.filter((f) => f.isConnected);
    const wanted = this.on ? this.fields : [];
    for (const [field, cover] of this.covers) {
      if (!wanted.includes(field)) {
        cover.remove();
        this.covers.delete(field);
      }
    }
    for (const field of wanted) {
      let cover = this.covers.get(field);
      if (!cover) {
        cover = this.makeCover();
        this.covers.set(field, cover);
      }
      place(cover, field);
    }
    this.watch(wanted);
  }

  private makeCover(): HTMLElement {
    const doc = this.box.ownerDocument;
    const cover = doc.createElement('div');
    cover.className = 'pfdo-cover';
    cover.setAttribute('data-testid', 'guide-cover');
    cover.setAttribute('aria-hidden', 'true');
    const label = doc.createElement('span');
    label.className = 'pfdo-cover-label';
    label.textContent = COVER_LABEL;
    cover.append(label);
    this.box.append(cover);
    return cover;
  }

  /** Listens for scroll/resize and observes the covered fields' sizes only while there are covers. */
  private watch(fields: Element[]): void {
    const win = this.box.ownerDocument.defaultView;
    if (fields.length && win && !this.listening) {
      win.addEventListener('scroll', this.onMove, { capture: true, passive: true });
      win.addEventListener('resize', this.onMove, { passive: true });
      this.listening = win;
    } else if (!fields.length && this.listening) {
      this.listening.removeEventListener('scroll', this.onMove, { capture: true });
      this.listening.removeEventListener('resize', this.onMove);
      this.listening = null;
    }
    // Re-observe only when the list changes: observing fires a first callback (a redraw).
    if (fields.length === this.observed.length && fields.every((f, i) => f === this.observed[i])) return;
    this.observed = [...fields];
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    if (fields.length && typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(this.onMove);
      for (const f of fields) this.resizeObserver.observe(f);
    }
  }
}

/** Puts a cover over its field's rectangle (viewport px), or hides it when the field is not rendered. */
function place(cover: HTMLElement, field: Element): void {
  const r = field.getBoundingClientRect();
  const hide = r.width === 0 && r.height === 0;
  if (cover.hidden !== hide) cover.hidden = hide;
  if (hide) return;
  Object.assign(cover.style, {
    top: `${r.top - COVER_PAD}px`,
    left: `${r.left - COVER_PAD}px`,
    width: `${r.width + COVER_PAD * 2}px`,
    height: `${r.height + COVER_PAD * 2}px`,
  });
}

/** What replaces a personal value in the panel while «Демонстрация» is on. */
export const MASKED = '•••';

/**
 * Replaces every occurrence of the given values in a text (case-insensitive) with {@link MASKED}:
 * the panel runs its dynamic strings (fill messages, reasons, support text) through this while
 * «Демонстрация» is on, as a guard in case one of them ever quotes a profile value.
 * Values shorter than 3 characters are ignored (they would mask ordinary words).
 * @param text text to show
 * @param values personal values (e.g. what the last fill put into the page)
 */
export function redactValues(text: string, values: readonly string[]): string {
  const list = [...new Set(values.map((v) => v.trim()).filter((v) => v.length >= 3))].sort((a, b) => b.length - a.length);
  if (!list.length || !text) return text;
  const re = new RegExp(list.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  return text.replace(re, MASKED);
}
