/**
 * Where the auto-advance announcement («Через 5 с: …» with «Пауза» and «Стоп») goes on the
 * training page: right next to the guide's panel, where the audience is already looking, never on
 * the panel or on the outlined control. Pure geometry in the coordinates of the frame's viewport.
 */

/** A rectangle, CSS px. */
export interface AnnounceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Which side of the panel the announcement took (`corner`: no panel to sit by). */
export type AnnounceSide = 'above' | 'below' | 'left' | 'right' | 'corner';

/** The announcement's place: its top left corner and the side of the panel it is on. */
export interface AnnouncePlace {
  x: number;
  y: number;
  side: AnnounceSide;
}

/** Space between the panel and the announcement, px. */
export const ANNOUNCE_GAP = 10;
/** The announcement keeps this far from the frame's edges, px. */
export const ANNOUNCE_MARGIN = 8;

const overlap = (a: AnnounceBox, b: AnnounceBox): number => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
};

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, hi));

/**
 * Places the announcement next to the panel: above it, below it, left of it or right of it (lined
 * up with the panel, or slid along that side just past the ring) — the first of these that lies
 * inside the frame and clear of the outlined control (the ring); when none is clear, the one
 * inside the frame that covers least of the ring. Without a panel
 * (hidden, or not drawn yet): the frame's top right corner, or another corner clear of the ring.
 * @param card the announcement's size
 * @param panel the guide's panel (or its round «show» button) in the frame, null when none
 * @param ring the ring around the control to press, null when none
 * @param view the frame's viewport size
 */
export function placeAnnouncement(
  card: { width: number; height: number },
  panel: AnnounceBox | null,
  ring: AnnounceBox | null,
  view: { width: number; height: number },
): AnnouncePlace {
  const m = ANNOUNCE_MARGIN;
  const maxX = Math.max(m, view.width - card.width - m);
  const maxY = Math.max(m, view.height - card.height - m);
  const inside = (p: AnnouncePlace) => p.x >= m - 0.5 && p.y >= m - 0.5 && p.x <= maxX + 0.5 && p.y <= maxY + 0.5;
  const box = (p: AnnouncePlace): AnnounceBox => ({ x: p.x, y: p.y, width: card.width, height: card.height });
  const ringArea = (p: AnnouncePlace) => (ring ? overlap(box(p), { x: ring.x - 4, y: ring.y - 4, width: ring.width + 8, height: ring.height + 8 }) : 0);
  const pick = (candidates: AnnouncePlace[], avoid: AnnounceBox | null): AnnouncePlace | null => {
    const ok = candidates.filter((p) => inside(p) && (!avoid || overlap(box(p), avoid) === 0));
    return ok.find((p) => ringArea(p) === 0) ?? ok.sort((a, b) => ringArea(a) - ringArea(b))[0] ?? null;
  };
  if (panel) {
    const g = ANNOUNCE_GAP;
    // Lined up with the panel's right edge when the panel is on the right half, else its left edge;
    // then slid along the panel's side to clear the ring (still touching the panel's side).
    const alignX = panel.x + panel.width / 2 > view.width / 2 ? panel.x + panel.width - card.width : panel.x;
    const xs = [alignX, ...(ring ? [ring.x + ring.width + g, ring.x - g - card.width] : [])].map((x) =>
      clamp(clamp(x, panel.x - card.width + 24, panel.x + panel.width - 24), m, maxX),
    );
    const ys = [panel.y, ...(ring ? [ring.y + ring.height + g, ring.y - g - card.height] : []), panel.y + panel.height - card.height].map((y) =>
      clamp(clamp(y, panel.y - card.height + 24, panel.y + panel.height - 24), m, maxY),
    );
    const candidates: AnnouncePlace[] = [
      ...xs.map((x): AnnouncePlace => ({ x, y: panel.y - g - card.height, side: 'above' })),
      ...xs.map((x): AnnouncePlace => ({ x, y: panel.y + panel.height + g, side: 'below' })),
      ...ys.map((y): AnnouncePlace => ({ x: panel.x - g - card.width, y, side: 'left' })),
      ...ys.map((y): AnnouncePlace => ({ x: panel.x + panel.width + g, y, side: 'right' })),
    ];
    const near = pick(candidates, panel);
    if (near) return near;
  }
  const corners: AnnouncePlace[] = [
    { x: maxX, y: m, side: 'corner' },
    { x: m, y: m, side: 'corner' },
    { x: maxX, y: maxY, side: 'corner' },
    { x: m, y: maxY, side: 'corner' },
  ];
  return pick(corners, panel) ?? corners[0];
}
