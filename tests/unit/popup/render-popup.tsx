import { vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';

/**
 * Renders a fresh popup (its state lives in module signals, so the module is loaded anew) into a
 * new element and waits until it has loaded the profile (mocked by the calling test file).
 * @returns the element the popup is rendered into
 */
export async function renderPopup(): Promise<HTMLElement> {
  vi.resetModules();
  const { App, load } = await import('@/entrypoints/popup/App');
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<App />, root));
  await act(async () => {
    await load();
    await new Promise((r) => setTimeout(r, 0));
  });
  return root;
}

/** Unmounts and removes a popup rendered by {@link renderPopup}. */
export function closePopup(root: HTMLElement): void {
  act(() => render(null, root));
  root.remove();
}
