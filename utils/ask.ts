import { browser } from 'wxt/browser';
import type { Envelope } from '@/utils/messages';

/**
 * Sends a request to the background and unwraps its answer, an {@link Envelope} sent with
 * `sendResponse` (`utils/background/answer.ts`). Kept apart from the background's code so content
 * scripts and pages carry none of it (no Dexie, no zod).
 * @param message a `Request` (`utils/messages.ts`)
 * @returns the answer's value
 * @throws Error with the background's Russian message; the browser's error when the extension
 *   was reloaded («Extension context invalidated»); «Расширение не ответило» for no answer
 */
export async function ask(message: unknown): Promise<unknown> {
  const answer = (await browser.runtime.sendMessage(message)) as Envelope | undefined;
  if (!answer || typeof answer !== 'object' || !('ok' in answer)) throw new Error('Расширение не ответило');
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}
