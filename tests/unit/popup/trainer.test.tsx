// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Applicant, Child } from '@/utils/profile/schema';
import { APPLICANT, CHILD } from '../profile/fixtures';
import { closePopup, renderPopup } from './render-popup';

vi.mock('@/utils/profile/db', () => ({
  listChildren: async () => [ANNA],
  getApplicant: async () => Applicant.parse(APPLICANT),
}));

const ANNA = Child.parse(CHILD);

let root: HTMLElement;

/** Renders a fresh popup (its state lives in module signals) and loads it. */
async function popup() {
  root = await renderPopup();
  return root;
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  closePopup(root);
});

describe('popup: trainer controls out of the parent’s way', () => {
  it('«Показ на экране» and the training portal are under «Для занятий и показа», closed by default', async () => {
    await popup();
    const trainer = root.querySelector<HTMLDetailsElement>('[data-testid=popup-trainer]')!;
    expect(trainer.tagName).toBe('DETAILS');
    expect(trainer.open).toBe(false);
    expect(trainer.querySelector(':scope > summary')!.textContent).toBe('Для занятий и показа');
    expect(trainer.querySelector('[data-testid=popup-presentation] legend')!.textContent).toBe('Показ на экране');
    expect(trainer.querySelector('[data-testid=open-training]')).not.toBeNull();
    for (const key of ['mask', 'large', 'slow']) {
      const box = trainer.querySelector<HTMLInputElement>(`[data-testid=popup-${key}]`)!;
      expect(box.disabled, key).toBe(false);
      expect(box.dataset.saved, key).toBe('true');
    }
    // The parent's links stay outside it.
    expect(trainer.querySelector('[data-testid=open-consultant], [data-testid=open-options], [data-testid=blank-pdf]')).toBeNull();
  });

  it('a switch focused while the disclosure is closed opens it; focusing the summary does not', async () => {
    await popup();
    const trainer = root.querySelector<HTMLDetailsElement>('[data-testid=popup-trainer]')!;
    act(() => {
      trainer.querySelector('summary')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    });
    expect(trainer.open).toBe(false);
    act(() => {
      trainer.querySelector('[data-testid=popup-mask]')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    });
    expect(trainer.open).toBe(true);
  });

  it('a switch still stores its setting', async () => {
    await popup();
    const box = root.querySelector<HTMLInputElement>('[data-testid=popup-slow]')!;
    await act(async () => {
      box.click();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(box.checked).toBe(true);
    expect(box.dataset.saved).toBe('true');
    expect(((await fakeBrowser.storage.local.get('presentation')).presentation as { slow: boolean }).slow).toBe(true);
  });
});
