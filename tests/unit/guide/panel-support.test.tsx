// @vitest-environment jsdom
import { describe, it, expect, beforeEach, vi } from 'vitest';
import { renderLive } from '@/components/guide/Panel';
import { GuideEngine } from '@/utils/guide/engine';
import { cabinetFlow } from '@/utils/flows/cabinet';
import type { Highlight } from '@/utils/guide/highlight';
import { supportTextFor } from '@/utils/guide/support';
import type { Request } from '@/utils/messages';
import { FILL_KIT } from '@/utils/guide/fill-kit';

const highlight = { clear() {}, follow() {}, current: null } as unknown as Highlight;

/** Answers like the background: the support text from the guide's state and this page's address. */
const background = async (m: Request): Promise<unknown> =>
  m.type === 'support:text' ? supportTextFor(cabinetFlow, m, { url: location.href, version: '1.0.0', userAgent: navigator.userAgent, now: new Date() }) : undefined;

function setup(send = vi.fn(background), kit = true) {
  const engine = new GuideEngine(cabinetFlow, highlight, send, () => undefined, document);
  // The copy comes with the fill kit (utils/guide/kit.ts), injected on the first press here.
  if (kit) engine.kitSource = async () => FILL_KIT;
  engine.state.recognised.value = cabinetFlow.steps.find((s) => s.id === 'cabinet.email')!;
  engine.state.targetState.value = 'missing';
  const root = document.createElement('div');
  document.body.append(root);
  renderLive(root, () => ({ engine }));
  return { engine, root, send };
}

const click = async (el: Element | null) => {
  (el as HTMLElement).click();
  await new Promise((r) => setTimeout(r, 0));
};

beforeEach(() => {
  document.body.innerHTML = '';
  window.history.replaceState(null, '', '/services/dop/certificate/4207000002/?email=ivanova%40mail.ru');
});

describe('panel: support text and the consultant page', () => {
  it('copies the support text to the clipboard', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { root } = setup();
    await click(root.querySelector('[data-testid=guide-support-copy]'));
    expect(writeText).toHaveBeenCalledOnce();
    const text = writeText.mock.calls[0][0];
    expect(text).toContain('К-7 (cabinet.email)');
    expect(text).toContain('Нужный элемент: НЕ найден');
    expect(text).toContain('Что искать: окно с полем для адреса электронной почты');
    expect(text).not.toContain('ivanova');
    expect(text).not.toContain('4207000002');
    expect(root.querySelector('[data-testid=guide-support-status]')?.textContent).toContain('скопированы');
    expect(root.querySelector('[data-testid=guide-support-text]')).toBeNull();
  });

  it('when the clipboard is refused, shows the text selected in a read-only field', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }, configurable: true });
    const { root } = setup();
    await click(root.querySelector('[data-testid=guide-support-copy]'));
    const area = root.querySelector('[data-testid=guide-support-text]') as HTMLTextAreaElement;
    expect(area).not.toBeNull();
    expect(area.readOnly).toBe(true);
    expect(area.value).toContain('К-7 (cabinet.email)');
    expect(area.selectionStart).toBe(0);
    expect(area.selectionEnd).toBe(area.value.length);
    expect(root.querySelector('[data-testid=guide-support-status]')?.textContent).toContain('Ctrl+C');
  });

  it('when the kit cannot come (extension updated while the page is open), the panel says to reload and copies nothing', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { root } = setup(
      vi.fn(async () => {
        throw new Error('Extension context invalidated.');
      }),
      false,
    );
    await click(root.querySelector('[data-testid=guide-support-copy]'));
    await new Promise((r) => setTimeout(r, 0));
    expect(writeText).not.toHaveBeenCalled();
    expect(root.querySelector('[data-testid=guide-support-status]')?.textContent).toBe(`${cabinetFlow.panel!.noSupport}К-7.`);
  });

  it('«Справка для консультанта» asks the background to open the page', async () => {
    const { root, send } = setup();
    await click(root.querySelector('[data-testid=guide-consultant]'));
    expect(send).toHaveBeenCalledWith({ type: 'open-consultant' });
  });
});
