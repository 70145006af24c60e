/**
 * Auto-advance for trainers: on the training portal only, after a pause the guide performs the
 * shown step itself — «Заполнить» where the step has a form, then a click on the outlined
 * control, as a person following the highlight would. Never runs on a real portal: it refuses
 * to start outside an extension page, and only the training portal's script imports it.
 */
import { effect } from '@/utils/guide/cells';
import type { GuideEngine } from '@/utils/guide/engine';
import { HOST_TAG } from '@/utils/guide/mount';

/** What auto-advance does on a step besides "fill, then click the outlined control". */
export type SpecialAction =
  /** Open another page of the training portal (e.g. the mailbox with the confirmation letter). */
  | { kind: 'open'; url: string; say: string }
  /** Show the next step in the panel (a step done away from the site) and finish. */
  | { kind: 'next-and-finish'; say: string };

/** Steps with a special action, by step id. */
export const SPECIAL_STEPS: Record<string, SpecialAction> = {
  'cabinet.check-mail': { kind: 'open', url: '/replica/mail/', say: 'открываем почту с письмом-подтверждением' },
  'sgo.done': { kind: 'next-and-finish', say: 'показываем, что делать дальше' },
  'cabinet.certificate': { kind: 'next-and-finish', say: 'показываем, что делать дальше' },
};

/** Pages of the training portal that are not portal steps, with the control to press there. */
export const PAGE_ACTIONS: Array<{ path: RegExp; selector: string; say: string }> = [
  { path: /^\/replica\/mail\/?$/, selector: '#confirm-link', say: 'переходим по ссылке из письма' },
];

/** How soon auto-advance looks at the page again when there was nothing to do (ms). */
export const RETRY_MS = 500;

/** How long a problem step must stay recognised before auto-advance says it stopped (ms). */
export const PROBLEM_CONFIRM_MS = 1500;

/** The same action is tried at most this many times on one page before auto-advance gives up. */
export const MAX_REPEATS = 3;

/** What auto-advance is doing, for the training page's announcement. */
export type AutoplayState = 'waiting' | 'paused' | 'done' | 'stopped' | 'idle';

/** Where auto-advance reports what it is about to do (the training page's announcement). */
export interface AutoplayHost {
  /**
   * @param text Russian status, e.g. «Через 5 с: Войдите через Госуслуги», or '' to clear
   * @param state `waiting` (countdown), `paused` (the trainer pressed «Пауза»), `done` (flow
   *   finished), `stopped` (needs the trainer), `idle`
   */
  status(text: string, state: AutoplayState): void;
  /** Opens a virtual address of the same portal. */
  navigate(url: string): void;
}

/** Settings auto-advance reads on every decision. */
export interface AutoplaySettings {
  /** Switched on by the trainer on the training page (never read from storage). */
  autoAdvance: boolean;
  /** «Пауза» pressed: nothing is planned or done until it is released. */
  paused?: boolean;
  pauseSeconds: number;
}

type Planned = { key: string; say: string; run: () => void | Promise<void> };

/**
 * Watches the guide and performs each step after the pause while `autoAdvance` is on.
 * @throws Error when started outside an extension page (a real portal)
 */
export class Autoplay {
  private timer: ReturnType<typeof setInterval> | null = null;
  /** A later look at the page when there was nothing to do (see {@link tick}). */
  private retry: ReturnType<typeof setTimeout> | null = null;
  private planned: Planned | null = null;
  private left = 0;
  private repeats = new Map<string, number>();
  private filledFor: string | null = null;
  private finished = false;
  private dispose: (() => void) | null = null;

  constructor(
    private engine: GuideEngine,
    private host: AutoplayHost,
    private settings: () => AutoplaySettings,
    private doc: Document = document,
  ) {
    if (!/^(chrome|moz)-extension:$/.test(doc.defaultView!.location.protocol)) {
      throw new Error('Автопоказ работает только на учебном портале');
    }
  }

  /** Starts watching the guide's state. */
  start(): void {
    const s = this.engine.state;
    this.dispose = effect(() => {
      // Dependencies: a new step, the control found, a fill done, the panel browsing.
      void s.recognised.value;
      void s.targetState.value;
      void s.fillOutcomes.value;
      void s.viewing.value;
      queueMicrotask(() => this.tick());
    });
  }

  /** Stops watching and cancels a pending action. */
  stop(): void {
    this.cancel();
    this.dispose?.();
    this.dispose = null;
  }

  /** Re-reads the settings (call when they change: on/off, «Пауза», the pause length). */
  settingsChanged(): void {
    this.cancel();
    this.tick();
  }

  private cancel(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.planned = null;
  }

  /** Decides the next action and starts its countdown (does nothing while one is pending). */
  tick(): void {
    const cfg = this.settings();
    if (!cfg.autoAdvance) {
      this.cancel();
      this.host.status('', 'idle');
      return;
    }
    if (this.finished) {
      this.host.status('Автопоказ: все шаги показаны.', 'done');
      return;
    }
    if (cfg.paused) {
      // Nothing runs; the trainer still sees what comes next when they press «Продолжить».
      this.cancel();
      const next = this.plan();
      this.host.status(next ? `Пауза. Дальше: ${next.say}` : 'Автопоказ на паузе.', 'paused');
      return;
    }
    const plan = this.plan();
    if (!plan) {
      // Nothing to do on what the page shows now: a countdown planned for an earlier state
      // (e.g. a step recognised while the page was still rendering) must not fire. Look again
      // shortly: the outline may still be moving to its control, which no signal reports.
      this.cancel();
      this.retry = setTimeout(() => {
        this.retry = null;
        this.tick();
      }, RETRY_MS);
      return;
    }
    if (this.planned?.key === plan.key) return;
    const n = this.repeats.get(plan.key) ?? 0;
    if (n >= MAX_REPEATS) {
      this.cancel();
      this.host.status('Автопоказ остановлен: шаг не получается выполнить автоматически. Сделайте его сами.', 'stopped');
      return;
    }
    this.cancel();
    this.planned = plan;
    this.left = cfg.pauseSeconds;
    this.host.status(`Через ${this.left} с: ${plan.say}`, 'waiting');
    this.timer = setInterval(() => {
      this.left--;
      if (this.left > 0) {
        this.host.status(`Через ${this.left} с: ${plan.say}`, 'waiting');
        return;
      }
      const p = this.planned;
      this.cancel();
      const now = this.settings();
      if (!p || !now.autoAdvance || now.paused) return;
      this.repeats.set(p.key, (this.repeats.get(p.key) ?? 0) + 1);
      this.host.status(`Выполняется: ${p.say}`, 'waiting');
      void Promise.resolve(p.run()).finally(() => setTimeout(() => this.tick(), 600));
    }, 1000);
  }

  /** The action for the current page and step, or null when there is nothing to do yet. */
  private plan(): Planned | null {
    const loc = this.doc.defaultView!.location;
    const s = this.engine.state;
    for (const a of PAGE_ACTIONS) {
      if (!a.path.test(loc.pathname)) continue;
      const el = this.doc.querySelector(a.selector);
      if (!el) return null;
      return { key: `page:${loc.pathname}`, say: a.say, run: () => press(el) };
    }
    const step = s.recognised.value;
    if (!step || s.viewing.value) return null;
    if (step.problem) {
      // Said only when the problem stays: a page still rendering can look like one for a moment.
      const id = step.id;
      setTimeout(() => {
        const now = this.settings();
        if (this.engine.state.recognised.value?.id === id && now.autoAdvance && !now.paused) {
          this.host.status(`Автопоказ остановлен: на странице ошибка (${step.code}). Посмотрите совет в подсказке.`, 'stopped');
        }
      }, PROBLEM_CONFIRM_MS);
      return null;
    }
    const special = SPECIAL_STEPS[step.id];
    if (special?.kind === 'open') {
      return { key: `open:${step.id}`, say: special.say, run: () => this.host.navigate(special.url) };
    }
    if (special?.kind === 'next-and-finish') {
      return {
        key: `next:${step.id}`,
        say: special.say,
        run: () => {
          this.engine.go(1);
          this.finished = true;
        },
      };
    }
    const pageKey = `${step.id}@${loc.pathname}${loc.search}`;
    if (step.fill && !s.fillOutcomes.value && this.filledFor !== pageKey) {
      return {
        key: `fill:${pageKey}`,
        say: 'нажимаем «Заполнить из профиля» (данные учебной семьи)',
        run: async () => {
          this.filledFor = pageKey;
          await this.engine.fill();
        },
      };
    }
    if (s.targetState.value !== 'found') return null;
    const target = this.outlined();
    if (!target) return null;
    return { key: `click:${pageKey}:${s.thenIndex.value}`, say: `${step.code} «${step.title}» — нажимаем то, что обведено рамкой`, run: () => press(this.outlined() ?? target) };
  }

  /** The page element under the centre of the control the guide outlines, as a person would click it. */
  private outlined(): Element | null {
    const target = this.engine.pointedAt;
    if (!target || !target.isConnected) return null;
    const r = target.getBoundingClientRect();
    if (!r.width || !r.height) return null;
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const view = this.doc.defaultView!;
    if (x < 0 || y < 0 || x > view.innerWidth || y > view.innerHeight) {
      // The outlined control is out of sight (the frame is lower than a browser window): bring
      // it into view as a person would scroll; the next look finds it under the ring.
      view.scrollBy({ left: x < 0 || x > view.innerWidth ? x - view.innerWidth / 2 : 0, top: y - view.innerHeight / 2, behavior: 'instant' });
      return null;
    }
    const host = this.doc.querySelector(HOST_TAG);
    return this.doc.elementsFromPoint(x, y).find((el) => el !== host && !host?.contains(el) && el !== this.doc.documentElement && el !== this.doc.body) ?? null;
  }
}

/** A full mouse click on an element (pointer and mouse events, then `click`). */
function press(el: Element): void {
  const r = el.getBoundingClientRect();
  const init = { bubbles: true, cancelable: true, composed: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, button: 0 };
  el.dispatchEvent(new PointerEvent('pointerdown', init));
  el.dispatchEvent(new MouseEvent('mousedown', init));
  el.dispatchEvent(new PointerEvent('pointerup', init));
  el.dispatchEvent(new MouseEvent('mouseup', init));
  (el as HTMLElement).click?.();
}
