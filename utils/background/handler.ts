import { browser } from 'wxt/browser';
import { Request, TabState, type FillValuesResponse } from '@/utils/messages';
import { getApplicant, getChild, getScan, listChildren } from '@/utils/profile/db';
import { fillValuesFor } from '@/utils/profile/fill-values';
import { regionOfFlow } from '@/utils/profile/regions';

const TAB_KEY = (tabId: number) => `tab:${tabId}`;
/** Scans above this are not sent to a page (10 MB, the stored limit). */
const MAX_SCAN = 10 * 1024 * 1024;

/**
 * Handles one request from a content script or extension page.
 * @param message untrusted message; validated with {@link Request}
 * @param tabId the sender's tab (content scripts), for per-tab state
 * @returns the answer; rejects with an Error for invalid messages
 */
export async function handleRequest(message: unknown, tabId: number | undefined): Promise<unknown> {
  const parsed = Request.safeParse(message);
  if (!parsed.success) throw new Error('Неверный запрос к расширению');
  const req = parsed.data;
  switch (req.type) {
    case 'tab-state:get':
      return readTabState(tabId);
    case 'tab-state:set': {
      const patch = req.state;
      return inTabOrder(tabId, async () => {
        const next = TabState.parse({ ...(await readTabState(tabId)), ...patch });
        if (tabId !== undefined) await browser.storage.session.set({ [TAB_KEY(tabId)]: next });
        return next;
      });
    }
    case 'fill:values':
      return fillValues(req.portal, req.keys);
    case 'open-options':
      await browser.runtime.openOptionsPage();
      return true;
    case 'open-consultant':
      await browser.tabs.create({ url: browser.runtime.getURL('/consultant.html') });
      return true;
  }
}

/** The last tab-state write queued for each tab. */
const tabQueues = new Map<number | undefined, Promise<unknown>>();

/**
 * Runs read-modify-write patches of one tab's state one after another: two patches sent at
 * once (the panel hidden and the variant changed) both land instead of the later one writing
 * over the earlier with the state it read before.
 */
function inTabOrder<T>(tabId: number | undefined, job: () => Promise<T>): Promise<T> {
  const prev = tabQueues.get(tabId) ?? Promise.resolve();
  const run = prev.then(job, job);
  const tail = run.catch(() => undefined);
  tabQueues.set(tabId, tail);
  void tail.then(() => tabQueues.get(tabId) === tail && tabQueues.delete(tabId));
  return run;
}

async function readTabState(tabId: number | undefined): Promise<TabState> {
  if (tabId === undefined) return TabState.parse({});
  const got = await browser.storage.session.get(TAB_KEY(tabId));
  const st = TabState.safeParse(got[TAB_KEY(tabId)] ?? {});
  return st.success ? st.data : TabState.parse({});
}

/**
 * Values for a portal's form: the child chosen in the popup (`activeChildId`) if it belongs to
 * the portal's region, else the first child of that region; only the keys asked for.
 */
async function fillValues(portal: 'sgo' | 'cabinet', keys: string[]): Promise<FillValuesResponse> {
  const { id: region, name: regionName } = regionOfFlow(portal);
  const { activeChildId } = await browser.storage.local.get('activeChildId');
  const active = typeof activeChildId === 'string' ? await getChild(activeChildId) : undefined;
  const child = active?.region === region ? active : (await listChildren()).find((c) => c.region === region);
  if (!child) {
    return {
      ok: false,
      values: {},
      message: `В профиле нет ребёнка из региона «${regionName}». Откройте меню расширения и добавьте или исправьте профиль ребёнка.`,
    };
  }
  const all = fillValuesFor(child, await getApplicant()) as Record<string, string | undefined>;
  const values: Record<string, string> = {};
  for (const k of keys) if (all[k]) values[k] = all[k]!;
  const res: FillValuesResponse = { ok: true, values };
  if (keys.includes('documentScan')) {
    const scan = await getScan(child.id);
    if (scan && scan.blob.size <= MAX_SCAN) {
      const bytes = new Uint8Array(await scan.blob.arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      res.scan = { name: scan.name, type: scan.type, base64: btoa(bin) };
    }
  }
  return res;
}
