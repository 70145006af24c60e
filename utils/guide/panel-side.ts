/**
 * The side of the screen the user moved the guide's panel to, remembered per portal in
 * `browser.storage.local` (key `panelSide:<flow id>`, value `left` | `right`; no personal data).
 * Absent means "automatic": the panel takes the side with room (`utils/guide/placement.ts`).
 */
import { browser } from 'wxt/browser';
import type { Side } from './placement';

/** Storage key for a portal's flow id (`sgo`, `cabinet`). */
export const panelSideKey = (flowId: string) => `panelSide:${flowId}`;

/** Reads a stored value: `left`, `right`, or null for anything else. */
export function parseSide(raw: unknown): Side | null {
  return raw === 'left' || raw === 'right' ? raw : null;
}

/** The side chosen for a portal, or null (automatic, or storage unreachable in an orphaned script). */
export async function loadPanelSide(flowId: string): Promise<Side | null> {
  try {
    const key = panelSideKey(flowId);
    return parseSide((await browser.storage.local.get(key))[key]);
  } catch {
    return null;
  }
}

/**
 * Remembers the side for a portal (one key per portal: nothing to merge, the write starts at once).
 * @returns a promise that settles when stored (errors are swallowed: the panel has already moved)
 */
export function savePanelSide(flowId: string, side: Side): Promise<void> {
  try {
    return browser.storage.local.set({ [panelSideKey(flowId)]: side }).catch(() => undefined);
  } catch {
    return Promise.resolve();
  }
}
