import { describe, expect, it } from 'vitest';
import { ANNOUNCE_GAP, ANNOUNCE_MARGIN, placeAnnouncement, type AnnounceBox } from '@/utils/training/announce';

/** Where the auto-advance announcement goes (`utils/training/announce.ts`): next to the guide's panel. */

const VIEW = { width: 1366, height: 660 };
const CARD = { width: 380, height: 120 };

const overlaps = (a: AnnounceBox, b: AnnounceBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** Shortest distance between two boxes (0 when they touch or overlap). */
const distance = (a: AnnounceBox, b: AnnounceBox) => {
  const dx = Math.max(0, b.x - (a.x + a.width), a.x - (b.x + b.width));
  const dy = Math.max(0, b.y - (a.y + a.height), a.y - (b.y + b.height));
  return Math.hypot(dx, dy);
};
const cardAt = (p: { x: number; y: number }): AnnounceBox => ({ ...p, ...CARD });
const inside = (b: AnnounceBox) =>
  b.x >= ANNOUNCE_MARGIN - 0.5 && b.y >= ANNOUNCE_MARGIN - 0.5 && b.x + b.width <= VIEW.width - ANNOUNCE_MARGIN + 0.5 && b.y + b.height <= VIEW.height - ANNOUNCE_MARGIN + 0.5;

describe('placeAnnouncement', () => {
  it('panel at the bottom right: right above it, lined up with its right edge', () => {
    const panel = { x: 966, y: 300, width: 380, height: 340 };
    const p = placeAnnouncement(CARD, panel, { x: 100, y: 100, width: 200, height: 40 }, VIEW);
    expect(p.side).toBe('above');
    expect(p.y + CARD.height + ANNOUNCE_GAP).toBeCloseTo(panel.y);
    expect(p.x + CARD.width).toBeCloseTo(panel.x + panel.width);
    expect(distance(cardAt(p), panel)).toBeLessThanOrEqual(ANNOUNCE_GAP + 0.5);
  });

  it('no room above a tall panel: below it, else beside it; always next to the panel', () => {
    const tall = { x: 966, y: 20, width: 380, height: 620 };
    const p = placeAnnouncement(CARD, tall, null, VIEW);
    expect(p.side).toBe('left');
    expect(distance(cardAt(p), tall)).toBeLessThanOrEqual(ANNOUNCE_GAP + 0.5);
    const topPanel = { x: 20, y: 10, width: 380, height: 200 };
    const q = placeAnnouncement(CARD, topPanel, null, VIEW);
    expect(q.side).toBe('below');
    expect(distance(cardAt(q), topPanel)).toBeLessThanOrEqual(ANNOUNCE_GAP + 0.5);
  });

  it('never covers the outlined control when another side next to the panel is clear', () => {
    const panel = { x: 966, y: 300, width: 380, height: 340 };
    const ring = { x: 1000, y: 160, width: 200, height: 60 }; // just above the panel
    const p = placeAnnouncement(CARD, panel, ring, VIEW);
    expect(overlaps(cardAt(p), ring)).toBe(false);
    expect(overlaps(cardAt(p), panel)).toBe(false);
    expect(distance(cardAt(p), panel)).toBeLessThanOrEqual(ANNOUNCE_GAP + 0.5);
  });

  it('stays inside the frame and off the panel for panels anywhere', () => {
    for (let x = 0; x <= VIEW.width - 300; x += 130) {
      for (let y = 0; y <= VIEW.height - 160; y += 70) {
        const panel = { x, y, width: 300, height: 160 };
        const p = placeAnnouncement(CARD, panel, null, VIEW);
        expect(inside(cardAt(p)), JSON.stringify({ panel, p })).toBe(true);
        expect(overlaps(cardAt(p), panel), JSON.stringify({ panel, p })).toBe(false);
        expect(distance(cardAt(p), panel), JSON.stringify({ panel, p })).toBeLessThanOrEqual(ANNOUNCE_GAP + 0.5);
      }
    }
  });

  it('without a panel: a corner of the frame clear of the ring', () => {
    expect(placeAnnouncement(CARD, null, null, VIEW)).toEqual({ x: VIEW.width - CARD.width - ANNOUNCE_MARGIN, y: ANNOUNCE_MARGIN, side: 'corner' });
    const ring = { x: 1100, y: 20, width: 200, height: 60 };
    const p = placeAnnouncement(CARD, null, ring, VIEW);
    expect(p.side).toBe('corner');
    expect(overlaps(cardAt(p), ring)).toBe(false);
  });
});

describe('placeAnnouncement: a tall panel beside a wide outlined field (К-5 at 1366×768)', () => {
  it('slides along the panel\'s side to clear the field, still touching the panel', () => {
    const view = { width: 1366, height: 693 };
    const card = { width: 380, height: 148 };
    const panel = { x: 1053, y: 16, width: 297, height: 661 };
    const ring = { x: 338, y: 161, width: 690, height: 41 };
    const p = placeAnnouncement(card, panel, ring, view);
    const box = { ...p, ...card };
    expect(overlaps(box, ring)).toBe(false);
    expect(overlaps(box, panel)).toBe(false);
    expect(distance(box, panel)).toBeLessThanOrEqual(ANNOUNCE_GAP + 0.5);
    expect(p.side).toBe('left');
  });
});
