import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { waitUntilStill } from '@/utils/training/settle';

/**
 * Pictures are taken once the page has settled (`utils/training/settle.ts`): the ring's and
 * panel's boxes and the dialogs' boxes compared over animation frames, running transitions and
 * animations awaited — not a fixed sleep.
 */

interface FakeEl {
  box: () => { x: number; y: number; width: number; height: number };
  opacity?: () => string;
}

let frame = 0;

/** Stubs the page globals: the guide's ring and panel in its shadow root, a dialog, animations. */
function stubPage(o: { ring: FakeEl; panel: FakeEl; dialogs?: FakeEl[]; animations?: () => Array<{ playState: string; iterations: number }> }) {
  frame = 0;
  const el = (f: FakeEl) => ({ getBoundingClientRect: () => f.box(), __opacity: f.opacity ?? (() => '1') });
  const shadow = {
    querySelectorAll: () => [el(o.ring), el(o.panel)],
    getAnimations: () => [],
  };
  const anims = () => (o.animations?.() ?? []).map((a) => ({ playState: a.playState, effect: { getComputedTiming: () => ({ iterations: a.iterations }) } }));
  vi.stubGlobal('document', {
    querySelectorAll: () => (o.dialogs ?? []).map(el),
    getAnimations: anims,
  });
  vi.stubGlobal('getComputedStyle', (e: { __opacity: () => string }) => ({ opacity: e.__opacity(), display: 'block' }));
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => {
    setTimeout(() => {
      frame++;
      cb();
    }, 1);
    return frame;
  });
  return shadow as unknown as ShadowRoot;
}

const still = (x: number, y: number) => () => ({ x, y, width: 100, height: 40 });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('waitUntilStill', () => {
  it('resolves once the boxes are the same over two frames', async () => {
    const root = stubPage({ ring: { box: still(10, 10) }, panel: { box: still(900, 500) } });
    const r = await waitUntilStill({ root });
    expect(r.still).toBe(true);
    expect(r.frames).toBe(2);
  });

  it('waits while the ring slides (its box changes every frame for a while)', async () => {
    // The ring moves for 12 frames, then stays.
    const root = stubPage({ ring: { box: () => ({ x: Math.min(frame, 12) * 20, y: 100, width: 100, height: 40 }) }, panel: { box: still(900, 500) } });
    const r = await waitUntilStill({ root });
    expect(r.still).toBe(true);
    expect(frame).toBeGreaterThanOrEqual(13);
  });

  it('waits for the panel and for a dialog that scales in', async () => {
    const root = stubPage({
      ring: { box: still(10, 10) },
      panel: { box: () => ({ x: 900, y: 500 - Math.min(frame, 5) * 2, width: 380, height: 300 }) },
      dialogs: [{ box: () => ({ x: 400, y: 200, width: 400 + Math.min(frame, 9) * 4, height: 300 }) }],
    });
    const r = await waitUntilStill({ root });
    expect(r.still).toBe(true);
    expect(frame).toBeGreaterThanOrEqual(10);
  });

  it('a fade (opacity only) or any running finite animation or transition is waited for; endless spinners are not', async () => {
    const root = stubPage({
      ring: { box: still(10, 10) },
      panel: { box: still(900, 500), opacity: () => String(Math.min(frame, 6) / 6) },
      animations: () => [
        { playState: frame < 8 ? 'running' : 'finished', iterations: 1 },
        { playState: 'running', iterations: Infinity },
      ],
    });
    const r = await waitUntilStill({ root });
    expect(r.still).toBe(true);
    expect(frame).toBeGreaterThanOrEqual(9);
  });

  it('gives up after the time limit and says so', async () => {
    const root = stubPage({ ring: { box: () => ({ x: frame, y: 0, width: 10, height: 10 }) }, panel: { box: still(0, 0) } });
    const r = await waitUntilStill({ timeout: 60, root });
    expect(r.still).toBe(false);
    expect(r.ms).toBeGreaterThanOrEqual(60);
  });
});

describe('the picture scripts wait for the page to settle, not for a fixed time', () => {
  const src = (p: string) => readFileSync(resolve(__dirname, '../../..', p), 'utf8');

  it('scripts/step-images.ts: every screenshot after waitUntilStill, no fixed sleeps', () => {
    const s = src('scripts/step-images.ts');
    expect(s).toMatch(/import \{[^}]*stillInGuide[^}]*\} from '\.\.\/tests\/support\/guide'/);
    expect(s).not.toMatch(/waitForTimeout\(/);
    expect(s).toMatch(/await stillInGuide\(page/);
  });

  it('scripts/demo.ts: the step screenshot comes right after waitUntilStill', () => {
    const s = src('scripts/demo.ts');
    expect(s).toMatch(/await stillInGuide\(page[^\n]*\n\s*await page\.screenshot\(/);
  });
});
