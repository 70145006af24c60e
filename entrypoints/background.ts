import { browser } from 'wxt/browser';
import { answerMessage } from '@/utils/background/answer';

/**
 * Background (service worker in Chrome, event page in Firefox): answers the content
 * scripts' and the popup's requests (`utils/background/handler.ts`). Every message is
 * validated with zod; the portal a request is about comes from its sender, never from the
 * message. Answers go through `sendResponse` (`utils/background/answer.ts`), which every
 * supported browser understands.
 */
export default defineBackground({
  // An ES module built with the extension pages: the profile code (Dexie, zod, the schemas) is
  // one shared chunk that the background, the popup and the options page all load, not a second
  // copy inside background.js. Module service workers: Chrome 91+, Firefox 112+.
  type: 'module',
  main() {
    browser.runtime.onMessage.addListener(answerMessage as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  },
});
