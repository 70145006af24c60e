/**
 * Presentation settings for trainers and screen-sharing: larger text and highlight, slower
 * animations, the «Демонстрация» mask on real portals, and auto-advance (training pages only).
 * Kept in `browser.storage.local` under {@link PRESENTATION_KEY}; holds no personal data.
 */
import { browser } from 'wxt/browser';

/** Key of the settings object in `browser.storage.local`. */
export const PRESENTATION_KEY = 'presentation';

/**
 * The settings. Unknown or broken stored values fall back to the defaults field by field
 * ({@link parsePresentation}; plain code, not zod, so the content scripts stay small).
 */
export interface Presentation {
  /** Panel text ×1.35 and a thicker highlight ring (for a projector). */
  large: boolean;
  /** Ring and panel transitions 3× slower, so a room can follow the movement. */
  slow: boolean;
  /** «Демонстрация»: blur every value the extension fills and keep child data out of the panel. */
  mask: boolean;
  /** On the training portal only: perform each step after `pauseSeconds`. */
  autoAdvance: boolean;
  /** Pause before an automatic step, whole seconds 2–30. */
  pauseSeconds: number;
}

/** The defaults: everything off, 5 s pause. */
export const DEFAULT_PRESENTATION: Presentation = { large: false, slow: false, mask: false, autoAdvance: false, pauseSeconds: 5 };

/**
 * Parses a stored value (anything) into settings, field by field: a field of the wrong type or
 * out of range gets its default, unknown keys are dropped; never throws.
 * @param raw value read from storage (object, undefined or garbage)
 */
export function parsePresentation(raw: unknown): Presentation {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const flag = (v: unknown) => (typeof v === 'boolean' ? v : false);
  const p = o.pauseSeconds;
  return {
    large: flag(o.large),
    slow: flag(o.slow),
    mask: flag(o.mask),
    autoAdvance: flag(o.autoAdvance),
    pauseSeconds: typeof p === 'number' && Number.isInteger(p) && p >= 2 && p <= 30 ? p : DEFAULT_PRESENTATION.pauseSeconds,
  };
}

/** Reads the settings from `browser.storage.local` (defaults when absent or unreadable). */
export async function loadPresentation(): Promise<Presentation> {
  try {
    const got = await browser.storage.local.get(PRESENTATION_KEY);
    return parsePresentation(got[PRESENTATION_KEY]);
  } catch {
    return DEFAULT_PRESENTATION; // orphaned content script after an extension update
  }
}

/**
 * Changes some settings and stores the result.
 *
 * With `current` (the settings this page already holds, kept live by {@link watchPresentation}),
 * the write is issued in the same task as the call, with no read first: a popup that closes right
 * after the click (the browser closes it on any click outside) still stores the change. Without
 * it, the stored settings are read first (a page that has not loaded them).
 * @param patch fields to change
 * @param current the full settings the caller holds, if it holds them
 * @returns the stored settings
 */
export async function savePresentation(patch: Partial<Presentation>, current?: Presentation): Promise<Presentation> {
  // With `current`, nothing is awaited before the write (`??` does not evaluate its right side).
  const next = parsePresentation({ ...(current ?? (await loadPresentation())), ...patch });
  await browser.storage.local.set({ [PRESENTATION_KEY]: next });
  return next;
}

/**
 * Calls `onChange` whenever the settings change in any extension page or tab.
 * @returns a function that stops watching
 */
export function watchPresentation(onChange: (p: Presentation) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && PRESENTATION_KEY in changes) onChange(parsePresentation(changes[PRESENTATION_KEY].newValue));
  };
  try {
    browser.storage.onChanged.addListener(listener);
  } catch {
    return () => undefined;
  }
  return () => {
    try {
      browser.storage.onChanged.removeListener(listener);
    } catch {
      /* orphaned */
    }
  };
}
