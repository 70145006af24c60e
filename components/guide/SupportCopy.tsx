/** @jsxImportSource @/components/guide */
import type { Child } from './jsx-runtime';
import type { GuideEngine } from '@/utils/guide/engine';

/**
 * «Скопировать сведения для поддержки» (part of the fill kit, `utils/guide/kit.ts`: there already
 * on a step that fills, else loaded on the first press). The text the background writes from the
 * guide's state goes to the clipboard, with the personal values masked while «Демонстрация» is
 * on; the result is kept in the guide's state (`supportCopy`) for {@link supportStatus}.
 * @param engine the guide
 * @param safe masks personal values while «Демонстрация» is on
 */
export async function copySupport(engine: GuideEngine, safe: (text: string) => string): Promise<void> {
  const set = (c: { text: string; copied: boolean | null }) => (engine.state.supportCopy.value = c);
  const text = safe(await engine.supportText());
  set({ text, copied: null });
  try {
    await navigator.clipboard.writeText(text);
    set({ text, copied: true });
  } catch {
    set({ text, copied: false });
  }
}

/** Selects the support text when its field appears (one stable ref: called on mount only). */
const selectOnMount = (el: HTMLTextAreaElement | null) => {
  if (el) {
    el.focus();
    el.select();
  }
};

/**
 * What the panel says after «Скопировать сведения для поддержки»: copied; or, when the clipboard
 * is refused, the text shown selected in a read-only field so the parent can copy it by hand.
 * @returns the description (`./jsx-runtime.ts`), or null before a copy
 */
export function supportStatus(engine: GuideEngine): Child {
  const copy = engine.state.supportCopy.value;
  const w = engine.state.flow.panel ?? {};
  if (!copy || copy.copied === null) return null;
  return [
    <p class="pfdo-note" role="status" data-testid="guide-support-status">
      {copy.copied ? w.copied : w.copyFailed}
    </p>,
    !copy.copied && <textarea class="pfdo-support-text" ref={selectOnMount} readOnly rows={6} data-testid="guide-support-text" aria-label={w.supportText} value={copy.text} />,
  ];
}
