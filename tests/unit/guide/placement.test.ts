import { describe, it, expect } from 'vitest';
import { candidates, fits, intersects, panelSizes, union, EDGE, type Box, type Candidate } from '@/utils/guide/placement';

/**
 * Where the panel goes (`utils/guide/placement.ts`): the candidates are tried in order and the
 * first whose rendered box stays clear wins. These tests play the host's part with a panel box
 * computed from the candidate (natural height given), so every scenario can be stated exactly.
 */

const box = (left: number, top: number, right: number, bottom: number): Box => ({ left, top, right, bottom });

/** The panel box a candidate gives for a panel of natural height `h` (the host measures this). */
function panelBox(c: Candidate, vh: number, h: number): Box {
  const height = Math.min(h, c.maxHeight);
  const top = c.top ?? vh - (c.bottom ?? EDGE) - height;
  return { left: c.left, top, right: c.left + c.width, bottom: top + height };
}

/** Plays the host: first candidate whose box fits. */
function choose(vw: number, vh: number, clear: Box[], scale = 1, chosen: 'left' | 'right' | null = null, heights = { full: 520, bar: 70 }) {
  const list = candidates({ width: vw, height: vh }, clear, panelSizes(scale), chosen);
  for (const c of list) {
    const b = panelBox(c, vh, c.mode === 'full' ? heights.full : heights.bar);
    if (fits(b, clear, c)) return { c, b };
  }
  throw new Error('no candidate fits');
}

describe('panel placement', () => {
  it('with nothing to keep clear: the whole panel at the bottom right', () => {
    const { c } = choose(1280, 720, []);
    expect(c).toMatchObject({ mode: 'full', side: 'right', edge: 'bottom' });
  });

  it('a control at the bottom right: the whole panel above it on the same side', () => {
    const ring = box(900, 600, 1200, 640);
    const { c, b } = choose(1366, 768, [ring]);
    expect(c).toMatchObject({ mode: 'full', side: 'right', edge: 'top' });
    expect(b.bottom).toBeLessThanOrEqual(ring.top);
  });

  it('a control in the bottom right corner: the whole panel goes to the left side', () => {
    const ring = box(1000, 200, 1350, 760);
    const { c, b } = choose(1366, 768, [ring]);
    expect(c).toMatchObject({ mode: 'full', side: 'left' });
    expect(intersects(b, ring)).toBe(false);
  });

  it('a control high on the right: the whole panel stays right, below it', () => {
    const ring = box(900, 100, 1200, 140);
    const { c, b } = choose(1366, 768, [ring]);
    expect(c).toMatchObject({ mode: 'full', side: 'right', edge: 'bottom' });
    expect(b.top).toBeGreaterThanOrEqual(ring.bottom);
  });

  it('a centred dialog with 256 px on each side (1280×720): a narrow whole panel beside it', () => {
    const ring = box(295, 176, 985, 226);
    const dialog = box(280, 43, 1000, 636);
    const { c, b } = choose(1280, 720, [ring, dialog]);
    expect(c.mode).toBe('full');
    expect(c.width).toBeGreaterThanOrEqual(250);
    expect(intersects(b, dialog)).toBe(false);
  });

  it('the same dialog with «Крупный текст»: no room for the whole panel → the bar, clear of the dialog', () => {
    const ring = box(290, 170, 990, 232);
    const dialog = box(280, 43, 1000, 636);
    const { c, b } = choose(1280, 720, [ring, dialog], 1.35, null, { full: 700, bar: 260 });
    expect(c).toMatchObject({ mode: 'bar', side: 'right' });
    expect(c.width).toBeLessThanOrEqual(1280 - 1000 - 10 - EDGE);
    expect(intersects(b, dialog)).toBe(false);
    expect(intersects(b, ring)).toBe(false);
  });

  it('a full-width block low on the page: the whole panel above it, shortened', () => {
    const ring = box(360, 486, 920, 536);
    const block = box(65, 438, 1215, 595);
    const { c, b } = choose(1280, 720, [ring, block]);
    expect(c).toMatchObject({ mode: 'full', edge: 'top' });
    expect(b.bottom).toBeLessThanOrEqual(block.top);
  });

  it('the user\'s side comes first: left chosen → the bar on the left, not the whole panel on the right', () => {
    const ring = box(240, 300, 900, 340);
    const dialog = box(220, 40, 1000, 690);
    expect(choose(1280, 720, [ring, dialog]).c).toMatchObject({ mode: 'full', side: 'right' });
    const { c, b } = choose(1280, 720, [ring, dialog], 1, 'left', { full: 520, bar: 200 });
    expect(c).toMatchObject({ mode: 'bar', side: 'left' });
    expect(intersects(b, dialog)).toBe(false);
  });

  it('no room on the chosen side at all: the other side is used', () => {
    const ring = box(40, 300, 700, 340);
    const dialog = box(20, 40, 900, 700);
    expect(choose(1280, 720, [ring, dialog], 1, 'left').c.side).toBe('right');
  });

  it('no free place anywhere: the last resort keeps clear of the control, in the corner away from it', () => {
    const ring = box(100, 600, 400, 650);
    const dialog = box(0, 0, 1280, 720);
    const { c, b } = choose(1280, 720, [ring, dialog]);
    expect(c.clearsAll).toBe(false);
    expect(c).toMatchObject({ mode: 'bar', side: 'right', edge: 'top' });
    expect(intersects(b, ring)).toBe(false);
  });

  it('union and intersects', () => {
    expect(union([box(0, 0, 10, 10), box(5, 20, 30, 25)])).toEqual(box(0, 0, 30, 25));
    expect(union([])).toBeNull();
    expect(intersects(box(0, 0, 10, 10), box(10, 0, 20, 10))).toBe(false);
    expect(intersects(box(0, 0, 10, 10), box(9, 9, 20, 20))).toBe(true);
  });
});
