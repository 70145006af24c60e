import { describe, it, expect, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { handleRequest, type SenderInfo } from '@/utils/background/handler';

beforeEach(() => fakeBrowser.reset());

const PORTAL: SenderInfo = { tabId: 3, url: 'https://cabinet.ruobr.ru/', tabUrl: 'https://cabinet.ruobr.ru/', frameId: 0, extensionPage: false };

describe('open-consultant', () => {
  it('opens the extension’s consultant page in a new tab', async () => {
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    expect(await handleRequest({ type: 'open-consultant' }, PORTAL)).toBe(true);
    expect(create).toHaveBeenCalledWith({ url: browser.runtime.getURL('/consultant.html') });
    expect(String(create.mock.calls[0][0].url)).toMatch(/consultant\.html$/);
  });

  it('rejects unknown message types', async () => {
    await expect(handleRequest({ type: 'open-consultant-now' }, PORTAL)).rejects.toThrow('Неверный запрос');
  });
});
