import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signal } from '@/utils/guide/cells';
import type { GuideEngine } from '@/utils/guide/engine';
import type { Step } from '@/utils/guide/types';
import { Autoplay, type AutoplaySettings, type AutoplayState } from '@/utils/training/autoplay';
import { TrainingController } from '@/utils/training/shell';

/**
 * Auto-advance (`utils/training/autoplay.ts`) and its switch on the training page
 * (`utils/training/shell.ts`): off until the trainer turns it on, never from storage; «Пауза»
 * holds it, «Стоп» ends it.
 */

const FORM_STEP = { id: 'cabinet.document-form', code: 'К-5', title: 'Документ ребёнка', instruction: 'x', fill: [{ key: 'documentSeries' }] } as unknown as Step;

/** A guide engine showing a step with a form (auto-advance's first action there: «Заполнить»). */
function fakeEngine() {
  const state = {
    recognised: signal<Step | null>(FORM_STEP),
    targetState: signal('found'),
    fillOutcomes: signal<unknown[] | null>(null),
    viewing: signal<string | null>(null),
    thenIndex: signal(0),
  };
  const fill = vi.fn(async () => {
    state.fillOutcomes.value = [{ name: 'Серия', status: 'filled' }];
  });
  return { engine: { state, fill, go: vi.fn() } as unknown as GuideEngine, fill };
}

/** A training page document (extension protocol) with no guide host in it. */
const DOC = {
  defaultView: { location: { protocol: 'chrome-extension:', pathname: '/services/dop/', search: '' } },
  querySelector: () => null,
} as unknown as Document;

describe('Autoplay: «Пауза» and «Стоп»', () => {
  let statuses: Array<{ text: string; state: AutoplayState }>;
  let settings: AutoplaySettings;
  let fill: ReturnType<typeof vi.fn>;
  let autoplay: Autoplay;
  const last = () => statuses.at(-1)!;

  beforeEach(() => {
    vi.useFakeTimers();
    statuses = [];
    settings = { autoAdvance: true, paused: false, pauseSeconds: 2 };
    const fake = fakeEngine();
    fill = fake.fill;
    autoplay = new Autoplay(fake.engine, { status: (text, state) => statuses.push({ text, state }), navigate: vi.fn() }, () => settings, DOC);
  });
  afterEach(() => {
    autoplay.stop();
    vi.useRealTimers();
  });

  it('counts down and then acts', async () => {
    autoplay.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toEqual({ text: 'Через 2 с: нажимаем «Заполнить из профиля» (данные учебной семьи)', state: 'waiting' });
    await vi.advanceTimersByTimeAsync(2100);
    expect(fill).toHaveBeenCalledTimes(1);
  });

  it('«Пауза» holds the countdown and says what comes next; «Продолжить» counts down again', async () => {
    autoplay.start();
    await vi.advanceTimersByTimeAsync(1000);
    settings = { ...settings, paused: true };
    autoplay.settingsChanged();
    expect(last()).toEqual({ text: 'Пауза. Дальше: нажимаем «Заполнить из профиля» (данные учебной семьи)', state: 'paused' });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(fill).not.toHaveBeenCalled();
    expect(last().state).toBe('paused');

    settings = { ...settings, paused: false };
    autoplay.settingsChanged();
    expect(last()).toEqual({ text: 'Через 2 с: нажимаем «Заполнить из профиля» (данные учебной семьи)', state: 'waiting' });
    await vi.advanceTimersByTimeAsync(2100);
    expect(fill).toHaveBeenCalledTimes(1);
  });

  it('«Стоп» clears the announcement and nothing happens afterwards', async () => {
    autoplay.start();
    await vi.advanceTimersByTimeAsync(1000);
    settings = { ...settings, autoAdvance: false };
    autoplay.settingsChanged();
    expect(last()).toEqual({ text: '', state: 'idle' });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(fill).not.toHaveBeenCalled();
    expect(last()).toEqual({ text: '', state: 'idle' });
  });

  it('off from the start: says nothing, does nothing', async () => {
    settings = { autoAdvance: false, pauseSeconds: 2 };
    autoplay.start();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(fill).not.toHaveBeenCalled();
    expect(statuses.every((s) => s.state === 'idle' && s.text === '')).toBe(true);
  });
});

describe('TrainingController: the «Автопоказ» switch lives on the page only', () => {
  it('a new training page starts with auto-advance off and not paused', () => {
    const c = new TrainingController();
    expect(c.autoOn.value).toBe(false);
    expect(c.autoplayWanted()).toEqual({ on: false, paused: false });
  });

  it('on, pause, resume, stop: watchers (the frame) hear each change; a stopped watcher does not', () => {
    const c = new TrainingController();
    const heard: Array<{ on: boolean; paused: boolean }> = [];
    const unwatch = c.watchAutoplay(() => heard.push(c.autoplayWanted()));
    c.setAutoplay(true);
    c.setAutoplayPaused(true);
    c.setAutoplayPaused(false);
    c.setAutoplay(false);
    expect(heard).toEqual([
      { on: true, paused: false },
      { on: true, paused: true },
      { on: true, paused: false },
      { on: false, paused: false },
    ]);
    unwatch();
    c.setAutoplay(true);
    expect(heard).toHaveLength(4);
  });

  it('«Пауза» does nothing while auto-advance is off; switching on again starts unpaused', () => {
    const c = new TrainingController();
    c.setAutoplayPaused(true);
    expect(c.autoplayWanted()).toEqual({ on: false, paused: false });
    c.setAutoplay(true);
    c.setAutoplayPaused(true);
    c.setAutoplay(false);
    c.setAutoplay(true);
    expect(c.autoplayWanted()).toEqual({ on: true, paused: false });
  });

  it('after «Стоп» a late status from the frame does not bring the announcement back', () => {
    const c = new TrainingController();
    c.setAutoplay(true);
    c.autoplayStatus('Через 3 с: нажимаем то, что обведено', 'waiting');
    expect(c.autoplay.value.text).toMatch(/^Через 3 с/);
    c.setAutoplay(false);
    expect(c.autoplay.value).toEqual({ text: '', state: 'idle' });
    c.autoplayStatus('Выполняется: нажимаем то, что обведено', 'waiting');
    expect(c.autoplay.value).toEqual({ text: '', state: 'idle' });
  });

  it('a watcher from a frame that went away (throws) is dropped, the others still hear', () => {
    const c = new TrainingController();
    const ok = vi.fn();
    c.watchAutoplay(() => {
      throw new TypeError("can't access dead object");
    });
    c.watchAutoplay(ok);
    c.setAutoplay(true);
    c.setAutoplay(false);
    expect(ok).toHaveBeenCalledTimes(2);
  });
});
