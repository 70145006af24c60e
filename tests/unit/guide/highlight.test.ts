// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Highlight } from '@/utils/guide/highlight';

/** A stand-in IntersectionObserver that records its options and lets the test call it back. */
class FakeIO {
  static all: FakeIO[] = [];
  observed: Element[] = [];
  disconnected = false;
  constructor(
    public cb: (entries: Array<{ intersectionRatio: number }>) => void,
    public options: { rootMargin: string; threshold: number; root?: unknown },
  ) {
    FakeIO.all.push(this);
  }
  observe(el: Element) {
    this.observed.push(el);
  }
  disconnect() {
    this.disconnected = true;
  }
  fire(ratio: number) {
    this.cb([{ intersectionRatio: ratio }]);
  }
}

describe('Highlight: the ring follows its target without redrawing on every page change', () => {
  let frames: Array<() => void> = [];
  let box = { top: 100, left: 50, width: 200, height: 40 };
  beforeEach(() => {
    FakeIO.all = [];
    frames = [];
    vi.stubGlobal('IntersectionObserver', FakeIO);
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    Object.defineProperty(document.documentElement, 'clientWidth', { configurable: true, value: 1280 });
    Object.defineProperty(document.documentElement, 'clientHeight', { configurable: true, value: 800 });
  });
  afterEach(() => vi.unstubAllGlobals());

  const setup = () => {
    document.body.innerHTML = '<div id="layer"></div><button id="t">Войти</button>';
    const target = document.getElementById('t')!;
    target.getBoundingClientRect = () => new DOMRect(box.left, box.top, box.width, box.height);
    const draws: DOMRect[] = [];
    const h = new Highlight(document.getElementById('layer')!, (r) => r && draws.push(r));
    return { h, target, draws };
  };
  const runFrames = () => {
    const now = frames;
    frames = [];
    for (const f of now) f();
  };

  it('a target wholly in view: the observer\'s box is the target\'s box; page changes ask for no frame; a move redraws and re-arms', () => {
    box = { top: 100, left: 50, width: 200, height: 40 };
    const { h, target, draws } = setup();
    h.follow(target);
    expect(draws).toHaveLength(1);
    const io = FakeIO.all.at(-1)!;
    expect(io.observed).toEqual([target]);
    expect(io.options.rootMargin).toBe('-100px -1030px -660px -50px');
    expect(io.options.threshold).toBe(1);
    io.fire(1); // the first call says where it is now
    for (let i = 0; i < 100; i++) h.pageChanged();
    expect(frames).toHaveLength(0);
    // The target moves down by 30 px: the observer calls back, one redraw, a new observer at the new place.
    box = { ...box, top: 130 };
    io.fire(0.25);
    runFrames();
    expect(draws.at(-1)!.top).toBe(130 - 6);
    expect(draws).toHaveLength(2);
    expect(io.disconnected).toBe(true);
    expect(FakeIO.all.at(-1)!.options.rootMargin).toBe('-130px -1030px -630px -50px');
  });

  it('a target partly out of view: no observer, every page change redraws (and a redraw that finds the same box changes nothing)', () => {
    box = { top: 780, left: 50, width: 200, height: 40 };
    const { h, target, draws } = setup();
    target.scrollIntoView = () => undefined;
    h.follow(target);
    expect(FakeIO.all.filter((io) => !io.disconnected)).toHaveLength(0);
    h.pageChanged();
    expect(frames).toHaveLength(1);
    runFrames();
    expect(draws).toHaveLength(1); // same box: no second onDraw
  });

  it('a box off by rounding: watched from the ratio it has, once; if that is off again, every page change redraws', () => {
    box = { top: 100.5, left: 50.5, width: 200, height: 40 };
    const { h, target } = setup();
    h.follow(target);
    expect(FakeIO.all.at(-1)!.options).toMatchObject({ threshold: 1, root: document });
    FakeIO.all.at(-1)!.fire(0.98);
    expect(FakeIO.all.at(-1)!.options.threshold).toBe(0.98);
    h.pageChanged();
    expect(frames).toHaveLength(0);
    FakeIO.all.at(-1)!.fire(0.97); // its first call is off again: no third observer, no loop
    expect(FakeIO.all.filter((io) => !io.disconnected)).toHaveLength(0);
    h.pageChanged();
    expect(frames).toHaveLength(1);
  });

  it('clear() stops watching', () => {
    box = { top: 100, left: 50, width: 200, height: 40 };
    const { h, target } = setup();
    h.follow(target);
    const io = FakeIO.all.at(-1)!;
    h.clear();
    expect(io.disconnected).toBe(true);
    h.pageChanged(); // without a target a redraw only keeps the ring hidden
    runFrames();
    expect(FakeIO.all.filter((o) => !o.disconnected)).toHaveLength(0);
  });
});
