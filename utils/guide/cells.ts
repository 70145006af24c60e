/**
 * The guide's observable state in the content script: `signal`, `computed`, `effect` and `batch`
 * with the meaning and the `.value` API of @preact/signals-core, in a fraction of its size.
 *
 * Why our own (issue 11): the content script is loaded into every portal page, and signals-core
 * was 1.6 KB of its 18.5 KB gzipped, for a handful of state fields and three effects (the panel's
 * render, the «Демонстрация» covers, the training portal's watchers). What is left out: no
 * `peek`/`subscribe`, computed values are not cached (each read recomputes: the guide's one
 * computed is a lookup), and effects run in the order they were scheduled. Extension pages
 * (popup, options, the training portal's own UI) keep @preact/signals with Preact.
 *
 * Semantics kept: an effect runs at once, records every cell it reads (through computed values
 * too), and runs again synchronously after any of them is set to a different value (`Object.is`);
 * sets inside {@link batch} or inside an effect run their effects once, after the outermost ends.
 */

/** A running effect: its function and the cells it read on its last run. */
interface Effect {
  fn: () => void;
  deps: Set<Cell<unknown>>;
  alive: boolean;
}

/** The effect reading cells now (they become its dependencies), or null. */
let current: Effect | null = null;
/** Depth of {@link batch} calls and effect flushes: effects wait while it is above zero. */
let depth = 0;
/** Effects to run when the depth is back to zero. */
const queued = new Set<Effect>();

/** How many rounds of effects setting cells one flush allows before calling it a cycle (as signals-core). */
const MAX_ROUNDS = 100;

/** An observable value (as signals-core's `Signal`): read and set through `.value`. */
export class Cell<T> {
  #v: T;
  readonly #subs = new Set<Effect>();

  /** @param v the first value */
  constructor(v: T) {
    this.#v = v;
  }

  /** The value; read inside an effect, makes the effect depend on this cell. */
  get value(): T {
    if (current) {
      this.#subs.add(current);
      current.deps.add(this as Cell<unknown>);
    }
    return this.#v;
  }

  /** Sets the value; a different one runs the effects that read this cell (now, or at the end of the batch). */
  set value(v: T) {
    if (Object.is(v, this.#v)) return;
    this.#v = v;
    for (const e of this.#subs) queued.add(e);
    if (!depth) flush();
  }

  /** Forgets an effect that no longer reads this cell. */
  drop(e: Effect): void {
    this.#subs.delete(e);
  }
}

/** A read-only value computed from cells (recomputed on each read; reads inside it are tracked). */
export interface Computed<T> {
  readonly value: T;
}

/** A new cell (as signals-core's `signal`). */
export const signal = <T>(v: T): Cell<T> => new Cell(v);

/** A value computed from cells on each read (as signals-core's `computed`, without its cache). */
export const computed = <T>(f: () => T): Computed<T> => ({
  get value() {
    return f();
  },
});

function run(e: Effect): void {
  for (const d of e.deps) d.drop(e);
  e.deps.clear();
  const outer = current;
  current = e;
  try {
    e.fn();
  } finally {
    current = outer;
  }
}

function flush(): void {
  depth++;
  try {
    for (let round = 0; queued.size; round++) {
      if (round >= MAX_ROUNDS) {
        queued.clear();
        throw new Error('Cycle detected');
      }
      const now = [...queued];
      queued.clear();
      for (const e of now) if (e.alive) run(e);
    }
  } finally {
    depth--;
  }
}

/**
 * Runs `fn` now and again whenever a cell it read changes (as signals-core's `effect`).
 * @returns a function that stops it
 */
export function effect(fn: () => void): () => void {
  const e: Effect = { fn, deps: new Set(), alive: true };
  depth++;
  try {
    run(e);
  } finally {
    depth--;
  }
  if (!depth) flush();
  return () => {
    e.alive = false;
    for (const d of e.deps) d.drop(e);
    e.deps.clear();
  };
}

/** Runs `fn`; the effects of the cells it sets run once, when it ends (as signals-core's `batch`). */
export function batch<T>(fn: () => T): T {
  depth++;
  try {
    return fn();
  } finally {
    if (!--depth) flush();
  }
}
