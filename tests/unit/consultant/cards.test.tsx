// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { App } from '@/entrypoints/consultant/App';
import { sgoFlow } from '@/utils/flows/sgo';
import { cabinetFlow } from '@/utils/flows/cabinet';

const STEPS = [...sgoFlow.steps, ...cabinetFlow.steps];

let root: HTMLElement;
afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

/** `id` as a whole token of `text` (so `cabinet.email` does not match inside `cabinet.email-missing`). */
const hasToken = (text: string, id: string) => new RegExp(`(^|[^\\w.-])${id.replace(/[.-]/g, '\\$&')}($|[^\\w-])`).test(text);

describe('consultant page: step cards', () => {
  it('show the code and the title people use, never an internal step id as text', () => {
    root = document.createElement('div');
    document.body.append(root);
    act(() => render(<App />, root));
    const cards = [...root.querySelectorAll<HTMLElement>('[data-testid=consultant-step]')];
    expect(cards.map((c) => c.dataset.stepId).sort()).toEqual(STEPS.map((s) => s.id).sort());
    const text = root.textContent ?? '';
    for (const s of STEPS) {
      const card = root.querySelector<HTMLElement>(`[data-step-id="${s.id}"][data-testid=consultant-step]`)!;
      expect(card.querySelector('[data-testid=consultant-code]')!.textContent).toBe(s.code);
      expect(card.querySelector('h3')!.textContent).toBe(s.title);
      expect(hasToken(text, s.id), `${s.id} shown as text`).toBe(false);
    }
    // Nor the ids of advice entries (they show their code, e.g. «К-П1»).
    for (const a of [...sgoFlow.advice, ...cabinetFlow.advice]) expect(hasToken(text, a.id), `${a.id} shown as text`).toBe(false);
    // No `<code>` with an internal id either (the old «step-id» line).
    expect(root.querySelectorAll('.step code')).toHaveLength(0);
  });
});
