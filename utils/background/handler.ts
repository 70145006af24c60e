import { browser } from 'wxt/browser';
import { Request, TabState, type FillChild, type FillChildrenResponse, type FillValuesResponse } from '@/utils/messages';
import { getApplicant, getChild, getScan, listChildren } from '@/utils/profile/db';
import { fillValuesFor } from '@/utils/profile/fill-values';
import { REGIONS, regionOfFlow } from '@/utils/profile/regions';
import { isScanType, type Child } from '@/utils/profile/schema';
import { sgoFlow } from '@/utils/flows/sgo';
import { cabinetFlow } from '@/utils/flows/cabinet';
import { supportTextFor } from '@/utils/guide/support';
import type { FlowAnswer } from '@/utils/guide/types';
import { flowToWire } from '@/utils/guide/wire';
import GUIDE_CSS from '@/components/guide/guide.css?inline';

const TAB_KEY = (tabId: number) => `tab:${tabId}`;
/** Scans above this are not sent to a page (10 MB, the stored limit). */
const MAX_SCAN = 10 * 1024 * 1024;

/** Who sent a request, as the browser reports it (`runtime.MessageSender`), reduced to what the handler uses. */
export interface SenderInfo {
  /** The sender's tab (content scripts); absent for the popup and other extension pages without a tab. */
  tabId?: number;
  /** URL of the frame that sent the message (`sender.url`). */
  url?: string;
  /** URL of the sender's tab (`sender.tab.url`). */
  tabUrl?: string;
  /** The frame (0 = the tab's top frame). */
  frameId?: number;
  /** True when one of this extension's own pages (popup, options…) sent it, not a content script. */
  extensionPage: boolean;
}

/** The portal flows by host name. */
const PORTAL_OF_HOST = new Map<string, 'sgo' | 'cabinet'>([
  ...sgoFlow.hosts.map((h) => [h, 'sgo'] as const),
  ...cabinetFlow.hosts.map((h) => [h, 'cabinet'] as const),
]);

function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
}

/**
 * The portal a content script may ask about: the one its own frame is on, which must be the
 * tab's top frame on the same portal. Never taken from the message.
 * @returns `sgo` | `cabinet`, or null when the sender is not a guide on a portal page
 */
export function portalOfSender(sender: SenderInfo): 'sgo' | 'cabinet' | null {
  if (sender.extensionPage || sender.tabId === undefined || (sender.frameId ?? 0) !== 0) return null;
  const host = hostOf(sender.url);
  const portal = host ? PORTAL_OF_HOST.get(host) : undefined;
  if (!portal) return null;
  // The tab's own address, when the browser gives it, must be the same portal.
  const tabHost = hostOf(sender.tabUrl);
  if (sender.tabUrl !== undefined && tabHost !== host) return null;
  return portal;
}

/**
 * Handles one request from a content script or extension page.
 * @param message untrusted message; validated with {@link Request}
 * @param sender who sent it ({@link SenderInfo}); the portal, the tab and the rights come from here
 * @returns the answer; rejects with an Error (Russian message) for invalid or unauthorised requests
 */
export async function handleRequest(message: unknown, sender: SenderInfo): Promise<unknown> {
  const parsed = Request.safeParse(message);
  if (!parsed.success) throw new Error('Неверный запрос к расширению');
  const req = parsed.data;
  const tabId = sender.tabId;
  switch (req.type) {
    case 'tab-state:get':
      return readTabState(tabId);
    case 'flow:get':
      return { flow: wireFlow(mustBePortal(sender)), css: GUIDE_CSS } satisfies FlowAnswer;
    case 'tab-state:set': {
      const patch = req.state;
      return inTabOrder(tabId, async () => {
        const next = TabState.parse({ ...(await readTabState(tabId)), ...patch });
        if (tabId !== undefined) await browser.storage.session.set({ [TAB_KEY(tabId)]: next });
        return next;
      });
    }
    case 'fill:children':
      return fillChildren(mustBePortal(sender), await readTabState(tabId));
    case 'fill:values':
      return fillValues(mustBePortal(sender), req.childId, req.keys);
    case 'fill:kit':
      mustBePortal(sender);
      // Into the guide's own world (the default ISOLATED one), the sender's frame only.
      await browser.scripting.executeScript({ target: { tabId: tabId!, frameIds: [sender.frameId ?? 0] }, files: ['/fill-kit.js'] });
      return true;
    case 'open-consultant':
      await browser.tabs.create({ url: browser.runtime.getURL('/consultant.html') });
      return true;
    case 'support:text': {
      const flow = mustBePortal(sender) === 'sgo' ? sgoFlow : cabinetFlow;
      return supportTextFor(flow, req, { url: sender.url ?? '', version: browser.runtime.getManifest().version, userAgent: globalThis.navigator?.userAgent ?? '', now: new Date() });
    }
    case 'report:open': {
      mustBePortal(sender);
      const q = new URLSearchParams({ tab: String(sender.tabId), recognised: req.recognised ?? '', shown: req.shown ?? '', target: req.targetState, variant: req.variant });
      await browser.tabs.create({ url: `${browser.runtime.getURL('/report.html')}?${q}` });
      return true;
    }
    case 'open-guide': {
      if (!sender.extensionPage) throw new Error('Неверный запрос к расширению');
      const child = await getChild(req.childId);
      if (!child) throw new Error('Ребёнок не найден в профиле');
      const tab = await browser.tabs.create({ url: REGIONS[child.region].portalUrl });
      if (tab.id !== undefined) {
        const id = tab.id;
        await inTabOrder(id, async () => {
          const next = TabState.parse({ ...(await readTabState(id)), childId: child.id });
          await browser.storage.session.set({ [TAB_KEY(id)]: next });
        });
      }
      return true;
    }
  }
}

/** Each portal's flow as JSON text, written once per service worker's life. */
const wired = new Map<'sgo' | 'cabinet', string>();
function wireFlow(portal: 'sgo' | 'cabinet'): string {
  let text = wired.get(portal);
  if (!text) wired.set(portal, (text = flowToWire(portal === 'sgo' ? sgoFlow : cabinetFlow)));
  return text;
}

function mustBePortal(sender: SenderInfo): 'sgo' | 'cabinet' {
  const portal = portalOfSender(sender);
  if (!portal) throw new Error('Запрос не со страницы портала');
  return portal;
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

/** «Фамилия Имя» of a child, as the panel names it. */
function labelOf(c: Child): string {
  return `${c.name.lastName} ${c.name.firstName}`;
}

/**
 * The children «Заполнить» may fill for on a portal (those of its region) and the one chosen
 * for this tab: the tab's choice (panel, or «Открыть подсказку» in the popup) if still in the
 * list, else the only child of the region, else none (the panel asks).
 */
async function fillChildren(portal: 'sgo' | 'cabinet', tab: TabState): Promise<FillChildrenResponse> {
  const { id: region, name: regionName } = regionOfFlow(portal);
  const list = (await listChildren()).filter((c) => c.region === region);
  if (!list.length) {
    return {
      ok: false,
      children: [],
      chosen: null,
      message: `В профиле нет ребёнка из региона «${regionName}». Откройте меню расширения и добавьте или исправьте профиль ребёнка.`,
    };
  }
  const children: FillChild[] = list.map((c) => ({ id: c.id, label: labelOf(c) }));
  const chosen = list.find((c) => c.id === tab.childId)?.id ?? (list.length === 1 ? list[0].id : null);
  return { ok: true, children, chosen };
}

/**
 * Values for a portal's form: the given child's, only if the child belongs to the portal's
 * region; only the keys asked for; the scan only when a file field asks and its type is one of
 * `SCAN_TYPES`.
 */
async function fillValues(portal: 'sgo' | 'cabinet', childId: string, keys: string[]): Promise<FillValuesResponse> {
  const { id: region, name: regionName } = regionOfFlow(portal);
  const child = await getChild(childId);
  if (!child || child.region !== region) {
    return { ok: false, values: {}, message: `Выберите ребёнка из региона «${regionName}» в подсказке («Заполняю для»).` };
  }
  const all = fillValuesFor(child, await getApplicant()) as Record<string, string | undefined>;
  const values: Record<string, string> = {};
  for (const k of keys) if (all[k]) values[k] = all[k]!;
  const res: FillValuesResponse = { ok: true, values };
  if (keys.includes('documentScan')) {
    const scan = await getScan(child.id);
    if (scan && scan.blob.size <= MAX_SCAN && isScanType(scan.type)) {
      const bytes = new Uint8Array(await scan.blob.arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      res.scan = { name: scan.name, type: scan.type, base64: btoa(bin) };
    }
  }
  return res;
}
