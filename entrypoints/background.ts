import { browser } from 'wxt/browser';
import { z } from 'zod';
import { handleRequest } from '@/utils/background/handler';

/**
 * Background (service worker in Chrome, event page in Firefox): answers the content
 * scripts' requests. Every message is validated with zod; anything else is rejected.
 * Only messages from this extension's own content scripts and pages are accepted.
 */
export default defineBackground(() => {
  // Extension pages forbid eval; tell zod not to probe for it.
  z.config({ jitless: true });
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    return handleRequest(message, sender.tab?.id);
  });
});
