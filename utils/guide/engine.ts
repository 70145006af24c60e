import { signal, computed, batch } from './cells';
import type { Flow, Step, FillKey, TargetState } from './types';
import type { FillChild, FillChildrenResponse, FillValuesResponse, Request, TabState } from '@/utils/messages';
import { flowKeys, recognise, recogniseDetailed, stepById } from './recognise';
import { locate, locateOpener } from './locate';
import { Highlight } from './highlight';
import type { FillOutcome, UndoEntry } from './fill';
import { loadKit, type FillKit } from './kit';
import { LOADING_KEYS, pageIsLoading } from './loading';
import { OBSERVE, PageIndex, withIndex } from './page-index';

/** How long the guide looks for a target before saying what to look for instead (ms). */
export const TARGET_TIMEOUT_MS = 4000;

/**
 * How long a step stays shown when the page briefly matches no step on the same URL (a portal
 * re-rendering part of the page after a change) before the panel gives it up (ms).
 */
export const GRACE_MS = 1500;

/**
 * Least time between two recognition passes while the page keeps changing (ms). After a quiet
 * spell a change is handled at once; a burst of changes gets one pass now and one at the end.
 */
export const MIN_PASS_GAP_MS = 100;

/**
 * How long a problem step (an error, «нет кнопки») must be what the page shows before the panel
 * says so (ms): pages render in parts, and a half-rendered page looks like a problem.
 */
export const PROBLEM_DELAY_MS = 2000;

/**
 * The longest the guide waits for a visible loader («Загрузка…», a spinner) to go on one address
 * before it names the step anyway (ms): a page may keep a spinner somewhere for good.
 */
export const LOADER_MAX_WAIT_MS = 8000;

/**
 * Counters of the engine's own work, kept in the content script's isolated world (the page
 * cannot see them); `npm run bench` reads them. Times in ms (`performance.now()` clock).
 */
export interface GuideStats {
  /** Recognition passes run. */
  passes: number;
  /** Batches of DOM changes handled without a pass: they touched nothing the guide looks at (`page-index.ts`). */
  skipped: number;
  /** Time of the passes and of keeping the page model current (every batch of changes). */
  totalMs: number;
  /** The longest pass. */
  maxMs: number;
}

/** Sends a request to the background (the only way content scripts reach stored data). */
export type Send = (req: Request) => Promise<unknown>;

/**
 * The guide's observable state, read by the panel (`components/guide/Panel.tsx`).
 * Holds no personal data except the fill outcomes (field names only).
 */
export class GuideState {
  readonly recognised = signal<Step | null>(null);
  /** Step the user is looking at with back/next; null = the recognised one. */
  readonly viewing = signal<string | null>(null);
  readonly targetState = signal<TargetState>('none');
  /** Index into [target, ...then] of the control being pointed at. */
  readonly thenIndex = signal(0);
  readonly hidden = signal(false);
  readonly variant = signal('parent');
  readonly fillOutcomes = signal<FillOutcome[] | null>(null);
  readonly fillMessage = signal<string | null>(null);
  readonly adviceOpen = signal<string | null>(null);
  /** Becomes true after the first recognition pass found nothing for a while. */
  readonly settled = signal(false);
  /** Steps the page looks like equally (then none is named: «не узнаю страницу»). */
  readonly tied = signal<Step[]>([]);
  /** The page shows a loader: no step is named until it goes (`utils/guide/loading.ts`). */
  readonly loading = signal(false);
  /** The children «Заполнить» may fill for on this portal (names shown only in the panel), or null before asked. */
  readonly fillChildren = signal<FillChild[] | null>(null);
  /** The child «Заполнить» fills for in this tab, or null when the user has to choose. */
  readonly fillChild = signal<string | null>(null);
  /** Why there is no child to fill for (Russian), e.g. no child of the region in the profile. */
  readonly fillChildrenMessage = signal<string | null>(null);
  /** «Заполнить» is in progress (a second press is ignored until it ends). */
  readonly filling = signal(false);
  /** «Скопировать сведения для поддержки»: the text copied and whether the clipboard took it (null = not asked). */
  readonly supportCopy = signal<{ text: string; copied: boolean | null } | null>(null);

  constructor(readonly flow: Flow) {}

  /** The step shown in the panel. */
  readonly shown = computed<Step | null>(() => {
    const v = this.viewing.value;
    return v ? stepById(this.flow, v) : this.recognised.value;
  });
}

/**
 * Runs a flow on the current page: recognises the step from the page on every DOM change
 * (MutationObserver, coalesced to one pass per animation frame; nothing runs while the page
 * is idle), points at the step's control with the highlight and keeps the panel up to date.
 */
export class GuideEngine {
  readonly state: GuideState;
  #observer: MutationObserver | null = null;
  #pending: ReturnType<typeof setTimeout> | null = null;
  #lastPassAt = -Infinity;
  /** See {@link GuideStats}. */
  readonly stats: GuideStats = { passes: 0, skipped: 0, totalMs: 0, maxMs: 0 };
  /** What the locators ask of the page, kept current from the MutationObserver's records. */
  readonly #index: PageIndex;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #grace: ReturnType<typeof setTimeout> | null = null;
  #undo: UndoEntry[] = [];
  /**
   * Form controls «Заполнить» has set and not undone, across steps (for the «Демонстрация»
   * covers, `utils/guide/mask.ts`); controls that left the page are dropped on the next fill.
   */
  readonly filled = signal<readonly Element[]>([]);
  /** Values the last fill put into the page (in this content script only), to mask them in the panel. */
  #filledValues: string[] = [];
  #lastUrl = '';
  /** When the page's address last changed (`performance.now()` ms). */
  #urlSince = 0;
  /** A problem step seen on the page and not shown yet: its id and since when (ms). */
  #pendingProblem: { id: string; since: number } | null = null;
  #problemTimer: ReturnType<typeof setTimeout> | null = null;
  #loaderTimer: ReturnType<typeof setTimeout> | null = null;
  /** The one-off «settled» moment, {@link TARGET_TIMEOUT_MS} after the start. */
  #settle: ReturnType<typeof setTimeout> | null = null;
  /** The children list was asked for on this page. */
  #childrenAsked = false;
  /** Tab-state keys the user has set on this page (they win over the stored state read at start). */
  readonly #touched = new Set<'hidden' | 'variant'>();
  /** Removes the page listeners {@link start} adds (address changes, use of the outlined control). */
  #listening = new AbortController();

  readonly #highlight: Highlight;
  readonly #send: Send;
  readonly #onChange: () => void;
  readonly #doc: Document;

  /**
   * @param flow the portal's flow
   * @param highlight the ring drawer (in our shadow root)
   * @param send messaging to the background
   * @param onChange called after every pass (the host updates `data-step` etc.)
   * @param doc the page's document
   */
  constructor(flow: Flow, highlight: Highlight, send: Send, onChange: () => void, doc: Document = document) {
    this.#highlight = highlight;
    this.#send = send;
    this.#onChange = onChange;
    this.#doc = doc;
    this.state = new GuideState(flow);
    this.#index = new PageIndex(doc);
  }

  /**
   * Starts observing the page; restores the per-tab state (hidden, variant) first. The flow must
   * be whole by now (a portal's content script gets it from the background after construction).
   */
  async start(): Promise<void> {
    // Every word the steps look for, and a loading line's, read from the page in one walk on the first pass.
    this.#index.expect([...flowKeys(this.state.flow), ...LOADING_KEYS]);
    try {
      const st = (await this.#send({ type: 'tab-state:get' })) as TabState | undefined;
      // A choice the user made while the stored state was on its way wins over it.
      if (st) batch(() => {
        if (!this.#touched.has('hidden')) this.state.hidden.value = st.hidden;
        if (!this.#touched.has('variant')) this.state.variant.value = st.variant;
      });
    } catch {
      /* background not reachable (extension reloading): keep defaults */
    }
    this.#observer = new MutationObserver((records) => this.#changed(records));
    this.#observer.observe(this.#doc.documentElement, OBSERVE);
    const win = this.#doc.defaultView!;
    const { signal } = (this.#listening = new AbortController());
    for (const type of ['popstate', 'hashchange', 'pageshow']) win.addEventListener(type, () => this.schedule(), { signal });
    for (const type of ['change', 'click']) this.#doc.addEventListener(type, (e) => this.#used(e), { capture: true, signal });
    this.pass();
    // If nothing is recognised after the late-render window, say so instead of waiting silently.
    this.#settle = setTimeout(() => {
      this.state.settled.value = true;
      this.#onChange();
    }, TARGET_TIMEOUT_MS);
  }

  /** Stops observing and removes the highlight. */
  stop(): void {
    this.#observer?.disconnect();
    this.#listening.abort();
    for (const t of [this.#timer, this.#grace, this.#pending, this.#problemTimer, this.#loaderTimer, this.#settle]) if (t) clearTimeout(t);
    this.#highlight.clear();
  }

  /**
   * Runs a recognition pass for a DOM change: at once after a quiet spell (the MutationObserver
   * has already batched the change's records), else once when {@link MIN_PASS_GAP_MS} has passed
   * since the last pass. Nothing is scheduled while the page does not change.
   */
  schedule(): void {
    if (this.#pending) return;
    const wait = this.#lastPassAt + MIN_PASS_GAP_MS - performance.now();
    if (wait <= 0) return this.pass();
    this.#pending = setTimeout(() => {
      this.#pending = null;
      this.pass();
    }, wait);
  }

  /**
   * Handles a batch of DOM changes: brings the page model up to date and runs a pass (see
   * {@link schedule}) unless the changes touched nothing the guide looks at and the address is
   * the same; then the ring is redrawn only if it cannot tell by itself that its target moved
   * (`Highlight.pageChanged`). No record is about the guide's own host: its attributes are all
   * `data-*`, outside the observer's `attributeFilter`, and the panel lives in its shadow root,
   * which the observer never sees (tests/unit/guide/mount.test.ts).
   */
  #changed(records: MutationRecord[]): void {
    const t0 = performance.now();
    const matters = this.#index.note(records) || (this.#location ??= this.#doc.defaultView!.location).href !== this.#lastUrl;
    const ms = performance.now() - t0;
    this.stats.totalMs += ms;
    if (matters || this.#pending) return this.schedule();
    this.stats.skipped++;
    this.#highlight.pageChanged();
  }

  /** The page's `Location` (the same object for the document's life), read on every batch of changes. */
  #location: Location | null = null;

  /** One recognition pass: which step, which control, what the panel says. */
  pass(): void {
    const t0 = performance.now();
    this.#lastPassAt = t0;
    try {
      const waiting = this.#observer?.takeRecords();
      if (waiting?.length) this.#index.note(waiting);
      // The page as the page model keeps it between passes (page-index.ts).
      withIndex(this.#index, () => this.#recognitionPass());
    } finally {
      const ms = performance.now() - t0;
      this.stats.passes++;
      this.stats.totalMs += ms;
      this.stats.maxMs = Math.max(this.stats.maxMs, ms);
    }
  }

  #recognitionPass(): void {
    const s = this.state;
    const url = this.#doc.defaultView!.location.href;
    const now = performance.now();
    if (url !== this.#lastUrl && this.#lastUrl !== '') this.#urlSince = now;
    const found = recogniseDetailed(s.flow, this.#doc, url);
    let step = found.step;
    if (s.tied.value.length !== found.tied.length || s.tied.value.some((t, i) => t !== found.tied[i])) s.tied.value = found.tied;
    const current = s.recognised.value;
    // A page that says it is loading is no step yet (the half-rendered page misleads), for at
    // most LOADER_MAX_WAIT_MS on one address. Asked only when the step would change.
    if (step?.id !== current?.id && now - this.#urlSince < LOADER_MAX_WAIT_MS && pageIsLoading(this.#doc)) {
      this.#loaderTimer ??= setTimeout(() => {
        this.#loaderTimer = null;
        this.pass();
      }, LOADER_MAX_WAIT_MS - (now - this.#urlSince) + 10);
      s.loading.value = true;
      if (url !== this.#lastUrl) this.#show(null, url);
      this.#point();
      this.#onChange();
      return;
    }
    s.loading.value = false;
    // A problem step is shown only once the page has shown it for PROBLEM_DELAY_MS.
    if (step?.problem && step.id !== current?.id) {
      if (this.#pendingProblem?.id !== step.id) this.#pendingProblem = { id: step.id, since: now };
      const left = PROBLEM_DELAY_MS - (now - this.#pendingProblem.since);
      if (left > 0) {
        this.#problemTimer ??= setTimeout(() => {
          this.#problemTimer = null;
          this.pass();
        }, left + 10);
        step = url === this.#lastUrl ? current : null;
      }
    } else if (!step?.problem) {
      this.#pendingProblem = null;
    }
    if (!step && current && url === this.#lastUrl) {
      // Part of the page is being re-rendered: keep the step for a moment instead of flickering.
      this.#grace ??= setTimeout(() => {
        this.#grace = null;
        if (!recognise(s.flow, this.#doc, this.#doc.defaultView!.location.href)) {
          s.recognised.value = null;
          this.pass();
        }
      }, GRACE_MS);
      this.#point();
      this.#onChange();
      return;
    }
    if (this.#grace) {
      clearTimeout(this.#grace);
      this.#grace = null;
    }
    if (step?.id !== current?.id || url !== this.#lastUrl) this.#show(step, url);
    if (s.shown.value?.fill && !this.#childrenAsked) void this.loadChildren();
    this.#point();
    this.#onChange();
  }

  /** Shows a (new) recognised step; a change of step resets what belonged to the old one. */
  #show(step: Step | null, url: string): void {
    const s = this.state;
    const changedStep = step?.id !== s.recognised.value?.id;
    batch(() => {
      s.recognised.value = step;
      if (changedStep) {
        s.viewing.value = null;
        s.thenIndex.value = 0;
        s.targetState.value = 'none';
        s.fillOutcomes.value = null;
        s.fillMessage.value = null;
        s.adviceOpen.value = null;
        this.#undo = [];
      }
    });
    this.#lastUrl = url;
  }

  /** Highlights the shown step's current control, or starts the one-shot "not found" timer. */
  #point(): void {
    const s = this.state;
    const step = s.shown.value;
    const targets = step ? [step.target, ...(step.then ?? [])].filter(Boolean) : [];
    if (!step || !targets.length || s.hidden.value) {
      this.#highlight.clear();
      this.#setTarget('none');
      return;
    }
    const idx = Math.min(s.thenIndex.value, targets.length - 1);
    const el = locate(targets[idx], this.#doc);
    if (el) {
      this.#highlight.follow(el);
      this.#setTarget('found');
      return;
    }
    // Hidden in a closed menu, tab or block: outline what opens it (issue 9 §5).
    const via = locateOpener(targets[idx], this.#doc);
    if (via) {
      this.#highlight.follow(via.opener);
      this.#setTarget('opener');
      return;
    }
    this.#highlight.clear();
    if (s.targetState.value === 'missing') return;
    this.#setTarget('searching');
    this.#timer ??= setTimeout(() => {
      this.#timer = null;
      if (s.targetState.value === 'searching') {
        s.targetState.value = 'missing';
        this.#onChange();
      }
    }, TARGET_TIMEOUT_MS);
  }

  #setTarget(t: TargetState): void {
    if (t !== 'searching' && this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    this.state.targetState.value = t;
  }

  /** A click or change on the highlighted control moves the pointer to the step's next control. */
  #used(e: Event): void {
    const cur = this.#highlight.current;
    const t = e.target as Node | null;
    if (!cur || !t || !(cur === t || cur.contains(t))) return;
    const step = this.state.shown.value;
    if (!step?.then?.length) return;
    if (e.type === 'click' && (cur.tagName === 'SELECT' || cur.tagName === 'INPUT')) return;
    if (this.state.thenIndex.value < step.then.length) {
      this.state.thenIndex.value++;
      this.schedule();
    }
  }

  /** Shows the previous / next step of the main path in the panel (preview; the page decides the real step). */
  go(delta: -1 | 1): void {
    const s = this.state;
    const path = s.flow.path;
    const from = s.shown.value?.id;
    let i = from ? path.indexOf(from) : -1;
    if (i < 0) i = delta > 0 ? -1 : path.length;
    const next = path[Math.max(0, Math.min(path.length - 1, i + delta))];
    batch(() => {
      s.viewing.value = next === s.recognised.value?.id ? null : next;
      s.thenIndex.value = 0;
      s.targetState.value = 'none';
    });
    this.#point();
    this.#onChange();
  }

  /** Returns the panel to the step recognised on the page. */
  backToCurrent(): void {
    this.state.viewing.value = null;
    this.pass();
  }

  /** Hides or shows the panel and highlight; remembered for this tab across reloads. */
  setHidden(hidden: boolean): void {
    this.#touched.add('hidden');
    this.state.hidden.value = hidden;
    void this.#send({ type: 'tab-state:set', state: { hidden } }).catch(() => undefined);
    this.pass();
  }

  /** Chooses the flow variant (parent / pupil); remembered for this tab. */
  setVariant(variant: string): void {
    this.#touched.add('variant');
    this.state.variant.value = variant;
    void this.#send({ type: 'tab-state:set', state: { variant } }).catch(() => undefined);
    this.#onChange();
  }

  /**
   * Asks which children «Заполнить» may fill for here and which one is chosen for this tab
   * (`fill:children`; the background answers for the sender's portal only), and the fill kit with
   * them. Once per page, when a step that fills is first shown (or on «Заполнить»).
   * @returns false when the background did not answer or the kit did not come (e.g. the
   *   extension was reloaded)
   */
  async loadChildren(): Promise<boolean> {
    this.#childrenAsked = true;
    const s = this.state;
    try {
      // The kit comes with the list: the panel's «Заполняю для» is its part (kit.ts).
      const [answer] = await Promise.all([this.#send({ type: 'fill:children' }), this.#loadKit()]);
      const res = answer as FillChildrenResponse;
      batch(() => {
        s.fillChildren.value = res.children;
        s.fillChild.value = res.chosen;
        s.fillChildrenMessage.value = res.ok ? null : (res.message ?? null);
      });
      return true;
    } catch {
      this.#childrenAsked = false; // background not reachable: ask again on the next pass or press
      return false;
    } finally {
      this.#onChange();
    }
  }

  /**
   * Chooses the child «Заполнить» fills for in this tab (remembered for the tab).
   * @param childId one of {@link GuideState.fillChildren}
   */
  chooseChild(childId: string): void {
    const s = this.state;
    if (!s.fillChildren.value?.some((c) => c.id === childId)) return;
    batch(() => {
      s.fillChild.value = childId;
      s.fillMessage.value = null;
    });
    void this.#send({ type: 'tab-state:set', state: { childId } }).catch(() => undefined);
    this.#onChange();
  }

  /**
   * «Заполнить»: asks the background for exactly the values this step needs, for the chosen
   * child, then fills the visible fields. Only runs on the user's click; a press while a fill is
   * in progress is ignored. A second fill adds to the undo log without replacing it, so
   * «Отменить заполнение» returns to the values before the first fill. An error thrown by the
   * page while fields are set undoes this fill's changes and says so.
   */
  async fill(): Promise<void> {
    const s = this.state;
    const step = s.shown.value;
    if (!step?.fill?.length || this.#fillBusy) return;
    this.#fillBusy = true;
    s.filling.value = true;
    try {
      await this.#fillNow(step);
    } finally {
      this.#fillBusy = false;
      s.filling.value = false;
      this.#onChange();
    }
  }

  #fillBusy = false;

  /** The fill kit (`./kit.ts`) once loaded: null before a step that fills or a support copy. */
  kit: FillKit | null = null;

  /**
   * Where the fill kit comes from: by default the background injects it into this world
   * (`fill:kit`); the training portal and tests give it directly.
   */
  kitSource: () => Promise<FillKit> = () => loadKit(this.#send);

  /** The kit, asked from {@link kitSource} the first time. @throws as `kitSource` */
  async #loadKit(): Promise<FillKit> {
    return (this.kit ??= await this.kitSource());
  }

  async #fillNow(step: Step): Promise<void> {
    const s = this.state;
    const say = (message: string) =>
      batch(() => {
        s.fillOutcomes.value = null;
        s.fillMessage.value = message;
      });
    const keys = [...new Set(step.fill!.map((f) => f.value))] as FillKey[];
    let res: FillValuesResponse;
    try {
      if (!s.fillChild.value && !(await this.loadChildren())) throw new Error('unreachable');
      const childId = s.fillChild.value;
      if (!childId) {
        // The «Заполняю для» line already says why when there is no child of the region.
        if (s.fillChildrenMessage.value) s.fillMessage.value = null;
        else say((s.fillChildren.value?.length ? s.flow.panel?.chooseChild : s.flow.panel?.noProfile) ?? '');
        return;
      }
      // The values and, if it has not come with the children, the kit (asked together: one wait, not two).
      const [values] = await Promise.all([this.#send({ type: 'fill:values', childId, keys }), this.#loadKit()]);
      res = values as FillValuesResponse;
    } catch {
      say(s.flow.panel?.reloadToFill ?? '');
      return;
    }
    if (!res?.ok) {
      say(res?.message ?? s.flow.panel?.noProfile ?? '');
      return;
    }
    const done = this.kit!.fillStep(step.fill!, res, this.#doc, this.#undo, this.#filledValues, this.filled.value);
    if (!done) {
      say(s.flow.panel?.fillError ?? '');
      this.schedule();
      return;
    }
    this.#filledValues = done.values;
    batch(() => {
      this.filled.value = done.filled;
      s.fillOutcomes.value = done.outcomes;
      s.fillMessage.value = null;
      // Everything filled: point straight at the step's last control (the button to press next).
      if (done.outcomes.every((o) => o.status === 'filled')) s.thenIndex.value = step.then?.length ?? 0;
    });
    this.schedule();
  }

  /** Puts back what «Заполнить» changed (the values before the first fill of this step). */
  undoFill(): void {
    // Something to undo means a fill ran, so the kit is there.
    const kit = this.kit;
    if (!kit) return;
    const still = kit.undoStep(this.#undo, this.filled.value);
    this.#undo = [];
    this.#filledValues = [];
    batch(() => {
      this.filled.value = still;
      this.state.fillOutcomes.value = null;
    });
    this.schedule();
  }

  /**
   * The text of «Скопировать сведения для поддержки»: the background writes it from the guide's
   * state (step ids, target state, variant, field names and statuses — no personal data) and the
   * page's address it knows from the sender (`support:text`, utils/guide/support.ts).
   * @returns the text, or a short Russian line when the background cannot answer (extension updated)
   */
  async supportText(): Promise<string> {
    const s = this.state;
    try {
      const text = await this.#send({
        type: 'support:text',
        ...this.#guideState(),
        fillOutcomes: s.fillOutcomes.value?.map((o) => ({ name: o.name, status: o.status })) ?? null,
      });
      if (typeof text === 'string') return text;
    } catch {
      // fall through
    }
    return `${s.flow.panel?.noSupport ?? ''}${s.recognised.value?.code ?? s.flow.panel?.noStep ?? ''}.`;
  }

  /**
   * «Скопировать сведения для поддержки»: the copy itself comes with the kit
   * (`components/guide/SupportCopy.tsx`; there already on a step that fills, else asked on this
   * first press). When the kit cannot come (the extension was updated while the page is open),
   * {@link GuideState.supportCopy} holds what {@link supportText} says then, not copied.
   * @param safe masks personal values while «Демонстрация» is on
   */
  async copySupport(safe: (text: string) => string): Promise<void> {
    let kit: FillKit;
    try {
      kit = await this.#loadKit();
    } catch {
      this.state.supportCopy.value = { text: await this.supportText(), copied: null };
      return;
    }
    await kit.copySupport(this, safe);
  }

  /**
   * Whether the panel offers «Сохранить описание страницы для поддержки» (on the portals; not on
   * the training portal, whose pages are the extension's own). Set by `mountGuide`.
   */
  canReport = true;

  /**
   * «Сохранить описание страницы для поддержки»: asks the background to open the description page
   * (`report.html`) for this tab, with the guide's state (step ids only). That page describes the
   * portal page, shows what will be in the file and saves it only when the user says so.
   */
  openReport(): void {
    void this.#send({ type: 'report:open', ...this.#guideState() }).catch(() => undefined);
  }

  /** The guide's state as `support:text` and `report:open` carry it (step ids only; `GUIDE_STATE` in utils/messages.ts). */
  #guideState() {
    const s = this.state;
    return { recognised: s.recognised.value?.id ?? null, shown: s.shown.value?.id ?? null, targetState: s.targetState.value, variant: s.variant.value };
  }

  /** «Справка для консультанта»: asks the background to open the help-desk page in a new tab. */
  openConsultant(): void {
    void this.#send({ type: 'open-consultant' }).catch(() => undefined);
  }

  /**
   * The children's names and the values the fills put into the page, so the panel can mask them
   * while «Демонстрация» is on (see `redactValues` in `utils/guide/mask.ts`). Includes the date
   * as shown in a date input and the scan's file name (`fillStep` in ./fill.ts).
   */
  get personalValues(): readonly string[] {
    return [...(this.state.fillChildren.value ?? []).map((c) => c.label), ...this.#filledValues];
  }

  /** The page element the guide points at now (outlined), or null. Read-only: never modified. */
  get pointedAt(): Element | null {
    return this.#highlight.current;
  }

  /** Whether there is something to undo. */
  get canUndo(): boolean {
    return this.#undo.length > 0;
  }
}
