/**
 * Where the guide's panel goes so that it never hides what the user must see: the outlined
 * control and the dialog or form that holds it (`utils/guide/holder.ts` finds those boxes).
 * Pure geometry, no DOM: the host (`utils/guide/mount.tsx`) tries the candidates in order,
 * renders each, measures the real box and keeps the first that stays clear.
 */

/** A rectangle in viewport CSS px (as `getBoundingClientRect`). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A side of the screen the panel sits on. */
export type Side = 'left' | 'right';

/** How the panel is shown: the whole panel, or a compact bar (code, one-line instruction, expand). */
export type PanelMode = 'full' | 'bar';

/** One place to try. */
export interface Candidate {
  mode: PanelMode;
  side: Side;
  /** Which edge of the free area the panel is pinned to. */
  edge: 'top' | 'bottom';
  /** Panel position and limits (viewport px). `maxHeight` bounds the panel; its content scrolls inside. */
  left: number;
  top?: number;
  bottom?: number;
  width: number;
  maxHeight: number;
  /** False for the last resort, which only keeps clear of the control itself. */
  clearsAll: boolean;
}

/** Sizes the placement works with (CSS px, already multiplied by the text scale). */
export interface PanelSizes {
  /** Preferred width of the whole panel. */
  fullWidth: number;
  /** Narrowest the whole panel may be (a column beside a dialog). */
  fullMinWidth: number;
  /** Lowest the whole panel may be (its content scrolls inside; code, title and instruction stay). */
  fullMinHeight: number;
  /** Preferred width of the bar. */
  barWidth: number;
  /** Narrowest bar. */
  barMinWidth: number;
  /** Least free height a bar needs. */
  barMinHeight: number;
}

/** Gap kept between the panel and the screen edge (px). */
export const EDGE = 16;
/** Gap kept between the panel and a box it must not cover (px). */
export const GAP = 10;

/**
 * The default sizes for a text scale.
 * @param scale 1, or 1.35 for «Крупный текст и рамка»
 */
export function panelSizes(scale: number): PanelSizes {
  return {
    fullWidth: 360 * scale,
    fullMinWidth: 250 * scale,
    fullMinHeight: 260 * scale,
    barWidth: 720 * scale,
    barMinWidth: 180 * scale,
    barMinHeight: 56 * scale,
  };
}

/** Whether two boxes overlap (touching edges do not count). */
export function intersects(a: Box, b: Box): boolean {
  return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
}

/** The smallest box holding all the given boxes, or null for none. */
export function union(boxes: readonly Box[]): Box | null {
  if (!boxes.length) return null;
  return boxes.reduce((u, b) => ({
    left: Math.min(u.left, b.left),
    top: Math.min(u.top, b.top),
    right: Math.max(u.right, b.right),
    bottom: Math.max(u.bottom, b.bottom),
  }));
}

/**
 * The places to try, best first.
 *
 * The boxes to keep clear are reduced to their union U (the control lies inside or next to its
 * dialog). Four free areas surround U: the strips to its left and right (full height) and above
 * and below it (full width). For the preferred side: the whole panel in the side strip, then in
 * the strip below or above (pinned to that side), then the bar below/above/in the side strip;
 * then the same on the other side. With no side chosen by the user, the right side comes first
 * (as before), and a whole panel on either side comes before a bar. The last candidate is the
 * bar in the corner away from the control, clear of the control alone.
 * @param viewport inner size of the window (px)
 * @param clear boxes that must stay visible, the control first (may be empty: no target)
 * @param sizes see {@link panelSizes}
 * @param chosen the side the user chose for this portal, or null
 */
export function candidates(viewport: { width: number; height: number }, clear: readonly Box[], sizes: PanelSizes, chosen: Side | null): Candidate[] {
  const vw = viewport.width;
  const vh = viewport.height;
  const sides: Side[] = chosen === 'left' ? ['left', 'right'] : ['right', 'left'];
  const u = union(clear);
  const fullW = Math.min(sizes.fullWidth, vw - 2 * EDGE);
  if (!u) {
    return [{ mode: 'full', side: sides[0], edge: 'bottom', ...atSide(sides[0], fullW, vw), bottom: EDGE, width: fullW, maxHeight: vh - 2 * EDGE, clearsAll: true }];
  }
  // Free strips around U (inside the screen edges, a gap away from U).
  const leftW = u.left - GAP - EDGE;
  const rightW = vw - EDGE - (u.right + GAP);
  const aboveH = u.top - GAP - EDGE;
  const belowH = vh - EDGE - (u.bottom + GAP);

  const full = (side: Side): Candidate[] => {
    const out: Candidate[] = [];
    const sideW = side === 'left' ? leftW : rightW;
    if (sideW >= sizes.fullMinWidth) {
      const w = Math.min(sizes.fullWidth, sideW);
      out.push({ mode: 'full', side, edge: 'bottom', ...atSide(side, w, vw), bottom: EDGE, width: w, maxHeight: vh - 2 * EDGE, clearsAll: true });
    }
    for (const edge of ['bottom', 'top'] as const) {
      const h = edge === 'bottom' ? belowH : aboveH;
      if (h >= sizes.fullMinHeight && fullW >= sizes.fullMinWidth) {
        out.push({ mode: 'full', side, edge, ...atSide(side, fullW, vw), ...(edge === 'bottom' ? { bottom: EDGE } : { top: EDGE }), width: fullW, maxHeight: h, clearsAll: true });
      }
    }
    return out;
  };
  const bar = (side: Side): Candidate[] => {
    const out: Candidate[] = [];
    const barW = Math.min(sizes.barWidth, vw - 2 * EDGE);
    // Below or above U: the edge away from the control first.
    const control = clear[0];
    const controlLow = control ? (control.top + control.bottom) / 2 > vh / 2 : false;
    for (const edge of controlLow ? (['top', 'bottom'] as const) : (['bottom', 'top'] as const)) {
      const h = edge === 'bottom' ? belowH : aboveH;
      if (h >= sizes.barMinHeight && barW >= sizes.barMinWidth) {
        out.push({ mode: 'bar', side, edge, ...atSide(side, barW, vw), ...(edge === 'bottom' ? { bottom: EDGE } : { top: EDGE }), width: barW, maxHeight: h, clearsAll: true });
      }
    }
    const sideW = side === 'left' ? leftW : rightW;
    if (sideW >= sizes.barMinWidth) {
      const w = Math.min(sizes.barWidth, sideW);
      out.push({ mode: 'bar', side, edge: 'bottom', ...atSide(side, w, vw), bottom: EDGE, width: w, maxHeight: vh - 2 * EDGE, clearsAll: true });
    }
    return out;
  };
  const list = chosen ? [...full(sides[0]), ...bar(sides[0]), ...full(sides[1]), ...bar(sides[1])] : [...full(sides[0]), ...full(sides[1]), ...bar(sides[0]), ...bar(sides[1])];
  // Last resort: the bar in the corner away from the control (clear of the control only).
  const control = clear[0] ?? u;
  const away: Side = (control.left + control.right) / 2 > vw / 2 ? 'left' : 'right';
  const edge = (control.top + control.bottom) / 2 > vh / 2 ? 'top' : 'bottom';
  const barW = Math.min(sizes.barWidth, vw - 2 * EDGE);
  list.push({ mode: 'bar', side: chosen ?? away, edge, ...atSide(chosen ?? away, barW, vw), ...(edge === 'bottom' ? { bottom: EDGE } : { top: EDGE }), width: barW, maxHeight: vh - 2 * EDGE, clearsAll: false });
  return list;
}

function atSide(side: Side, width: number, vw: number): { left: number } {
  return { left: side === 'left' ? EDGE : vw - EDGE - width };
}

/**
 * Whether a panel box is acceptable for a candidate: clear of every box to keep clear, or, for
 * the last resort, of the control alone.
 * @param panel the panel's real box after rendering
 * @param clear boxes to keep clear, the control first
 * @param c the candidate tried
 */
export function fits(panel: Box, clear: readonly Box[], c: Candidate): boolean {
  const inScreen = panel.left >= -1 && panel.top >= -1;
  const must = c.clearsAll ? clear : clear.slice(0, 1);
  return inScreen && !must.some((b) => intersects(panel, b));
}
