import { browser } from 'wxt/browser';
import type { Envelope } from '@/utils/messages';
import { handleRequest, type SenderInfo } from './handler';

/** The parts of `runtime.MessageSender` the background reads. */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/**
 * The `runtime.onMessage` listener. It answers through `sendResponse` and returns `true` (keep
 * the channel open), the form every supported browser understands: Chrome takes a Promise
 * returned by a listener only from version 144, so Chrome 109 (Windows 7/8), older Yandex
 * Browser and Edge would otherwise leave every request unanswered. The answer is an
 * {@link Envelope}: `{ ok: true, value }` or `{ ok: false, error }` (Russian message).
 * Messages from other extensions are not answered (returns false).
 * @param message the request (validated by `handleRequest`)
 * @param sender the browser's sender
 * @param sendResponse the browser's callback
 */
export function answerMessage(message: unknown, sender: MessageSenderLike, sendResponse: (answer: Envelope) => void): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const base = browser.runtime.getURL('/');
  const info: SenderInfo = {
    tabId: sender.tab?.id,
    tabUrl: sender.tab?.url,
    url: sender.url,
    frameId: sender.frameId,
    extensionPage: !!sender.url && sender.url.startsWith(base),
  };
  handleRequest(message, info).then(
    (value) => sendResponse({ ok: true, value }),
    (err: unknown) => sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
  return true;
}
