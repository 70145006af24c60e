import 'fake-indexeddb/auto';
import { describe, it, expect, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { handleRequest, portalOfSender, type SenderInfo } from '@/utils/background/handler';
import { answerMessage } from '@/utils/background/answer';
import { saveApplicant, saveChild, saveScan, deleteAllData } from '@/utils/profile/db';
import { FAMILY, SCAN_PNG_BASE64 } from '../../support/family';
import { sgoFlow } from '@/utils/flows/sgo';
import { cabinetFlow } from '@/utils/flows/cabinet';
import type { FlowAnswer } from '@/utils/guide/types';
import { flowFromWire } from '@/utils/guide/wire';

beforeEach(async () => {
  fakeBrowser.reset();
  await deleteAllData();
});

async function seed() {
  await saveApplicant(FAMILY.applicant);
  for (const c of FAMILY.children) await saveChild(c);
}

/** A content script on a portal page in tab `tabId`. */
const onPortal = (host: 'cabinet.ruobr.ru' | 'sgo.tvobr.ru', tabId = 1): SenderInfo => ({
  tabId,
  url: `https://${host}/services/dop/certificate/`,
  tabUrl: `https://${host}/services/dop/certificate/`,
  frameId: 0,
  extensionPage: false,
});
const CABINET = onPortal('cabinet.ruobr.ru');
const SGO = onPortal('sgo.tvobr.ru');
const tab = (tabId: number): SenderInfo => ({ ...CABINET, tabId });

describe('background request handler', () => {
  it('rejects anything that is not a known request (zod), and the kinds nothing sends', async () => {
    for (const bad of [
      null,
      'fill',
      { type: 'fill:values' },
      { type: 'fill:values', childId: 'x', keys: ['password'] },
      { type: 'profile:read' },
      { type: 'open-options' },
    ]) {
      await expect(handleRequest(bad, CABINET)).rejects.toThrow('Неверный запрос');
    }
  });

  it('support text: written for the sender’s portal and address (query dropped, numbers masked); from elsewhere refused', async () => {
    vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '1.2.3' });
    const req = { type: 'support:text', recognised: 'cabinet.email', shown: 'cabinet.email', targetState: 'opener', variant: 'parent', fillOutcomes: [{ name: 'Электронная почта', status: 'failed' }] };
    const sender = { ...CABINET, url: 'https://cabinet.ruobr.ru/services/dop/certificate/4207000002/?email=ivanova%40mail.ru' };
    const text = (await handleRequest(req, sender)) as string;
    expect(text).toContain('К-7 (cabinet.email)');
    expect(text).toContain('Версия расширения: 1.2.3');
    expect(text).toContain('Нужный элемент: спрятан в меню');
    expect(text).toContain('«Заполнить»: Электронная почта — не получилось');
    expect(text).not.toContain('ivanova');
    expect(text).not.toContain('4207000002');
    // A step id of the other portal is not a step here; a popup or a foreign page gets nothing.
    expect(await handleRequest({ ...req, recognised: 'sgo.login', shown: null }, sender)).toContain('Шаг на странице: не распознан');
    await expect(handleRequest(req, { extensionPage: true })).rejects.toThrow();
    await expect(handleRequest({ ...req, targetState: 'nonsense' }, sender)).rejects.toThrow('Неверный запрос');
  });

  it('the flow and the guide’s style sheet: the sender’s portal flow only (the message names no portal); from elsewhere refused', async () => {
    const sgo = (await handleRequest({ type: 'flow:get' }, SGO)) as FlowAnswer;
    const cabinet = (await handleRequest({ type: 'flow:get' }, CABINET)) as FlowAnswer;
    expect(flowFromWire(sgo.flow)).toEqual(sgoFlow);
    expect(flowFromWire(cabinet.flow)).toEqual(cabinetFlow);
    // With the flow, the guide's style sheet (the content script carries neither).
    expect(sgo.css).toContain('.pfdo-panel');
    expect(cabinet.css).toBe(sgo.css);
    await expect(handleRequest({ type: 'flow:get' }, { extensionPage: true })).rejects.toThrow();
    await expect(handleRequest({ type: 'flow:get' }, { ...SGO, frameId: 3 })).rejects.toThrow();
  });

  it('keeps per-tab guide state (hidden, variant) apart for each tab', async () => {
    await handleRequest({ type: 'tab-state:set', state: { hidden: true } }, tab(7));
    expect(await handleRequest({ type: 'tab-state:get' }, tab(7))).toEqual({ hidden: true, variant: 'parent' });
    expect(await handleRequest({ type: 'tab-state:get' }, tab(8))).toEqual({ hidden: false, variant: 'parent' });
  });

  it('a tab-state patch changes only the keys it carries (hiding keeps the variant and back)', async () => {
    await handleRequest({ type: 'tab-state:set', state: { variant: 'pupil' } }, tab(9));
    await handleRequest({ type: 'tab-state:set', state: { hidden: true } }, tab(9));
    expect(await handleRequest({ type: 'tab-state:get' }, tab(9))).toEqual({ hidden: true, variant: 'pupil' });
    await handleRequest({ type: 'tab-state:set', state: { variant: 'parent' } }, tab(9));
    expect(await handleRequest({ type: 'tab-state:get' }, tab(9))).toEqual({ hidden: true, variant: 'parent' });
  });

  it('patches sent at once to the same tab all land (no read-modify-write race)', async () => {
    await Promise.all([
      handleRequest({ type: 'tab-state:set', state: { hidden: true } }, tab(11)),
      handleRequest({ type: 'tab-state:set', state: { variant: 'pupil' } }, tab(11)),
    ]);
    expect(await handleRequest({ type: 'tab-state:get' }, tab(11))).toEqual({ hidden: true, variant: 'pupil' });
  });

  it('answers only the keys asked for, for the given child of the portal’s region', async () => {
    await seed();
    const res = (await handleRequest({ type: 'fill:values', childId: 'child-artem', keys: ['documentSeries', 'email'] }, CABINET)) as any;
    expect(res).toEqual({ ok: true, values: { documentSeries: 'III-ПО', email: FAMILY.applicant.email } });
    const tver = (await handleRequest({ type: 'fill:values', childId: 'child-darya', keys: ['childName'] }, SGO)) as any;
    expect(tver.values).toEqual({ childName: 'Смирнова Дарья Игоревна' });
  });

  it('the portal comes from the sender, not the message: a Tver child is never filled on the Kuzbass cabinet', async () => {
    await seed();
    const res = (await handleRequest({ type: 'fill:values', childId: 'child-darya', keys: ['childName'] }, CABINET)) as any;
    expect(res.ok).toBe(false);
    expect(res.values).toEqual({});
    // A `portal` field in the message changes nothing (unknown keys are dropped by the schema).
    const forged = (await handleRequest({ type: 'fill:values', portal: 'sgo', childId: 'child-darya', keys: ['childName'] }, CABINET)) as any;
    expect(forged.ok).toBe(false);
  });

  it('fill requests are refused from anything but a portal page’s top frame', async () => {
    await seed();
    const ask = (s: SenderInfo) => handleRequest({ type: 'fill:values', childId: 'child-artem', keys: ['childName'] }, s);
    await expect(ask({ ...CABINET, url: 'https://evil.example/', tabUrl: 'https://evil.example/' })).rejects.toThrow('не со страницы портала');
    await expect(ask({ ...CABINET, frameId: 3 })).rejects.toThrow('не со страницы портала');
    await expect(ask({ ...CABINET, tabUrl: 'https://evil.example/' })).rejects.toThrow('не со страницы портала');
    await expect(ask({ extensionPage: true, url: 'chrome-extension://id/popup.html' })).rejects.toThrow('не со страницы портала');
    expect(portalOfSender(CABINET)).toBe('cabinet');
    expect(portalOfSender({ ...SGO, tabUrl: undefined })).toBe('sgo');
  });

  it('lists the region’s children and the one chosen for the tab (the only child is chosen by itself)', async () => {
    await seed();
    const one = (await handleRequest({ type: 'fill:children' }, CABINET)) as any;
    expect(one).toEqual({ ok: true, children: [{ id: 'child-artem', label: 'Смирнов Артём' }], chosen: 'child-artem' });
    // Two children in Kuzbass: nobody is chosen until the user chooses, per tab.
    await saveChild({ ...FAMILY.children.find((c) => c.id === 'child-artem')!, id: 'child-ivan', name: { lastName: 'Смирнов', firstName: 'Иван', middleName: 'Андреевич' } });
    const two = (await handleRequest({ type: 'fill:children' }, CABINET)) as any;
    expect(two.children.map((c: { id: string }) => c.id).sort()).toEqual(['child-artem', 'child-ivan']);
    expect(two.chosen).toBeNull();
    await handleRequest({ type: 'tab-state:set', state: { childId: 'child-ivan' } }, CABINET);
    expect(((await handleRequest({ type: 'fill:children' }, CABINET)) as any).chosen).toBe('child-ivan');
    expect(((await handleRequest({ type: 'fill:children' }, tab(2))) as any).chosen).toBeNull(); // another tab
  });

  it('«Открыть подсказку» in the popup opens the portal with that child chosen in the new tab only', async () => {
    await seed();
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({ id: 42 } as never);
    const popup: SenderInfo = { extensionPage: true, url: browser.runtime.getURL('/popup.html') };
    expect(await handleRequest({ type: 'open-guide', childId: 'child-artem' }, popup)).toBe(true);
    expect(create).toHaveBeenCalledWith({ url: 'https://cabinet.ruobr.ru/login/' });
    expect(((await handleRequest({ type: 'tab-state:get' }, tab(42))) as any).childId).toBe('child-artem');
    // Only extension pages may ask for it.
    await expect(handleRequest({ type: 'open-guide', childId: 'child-artem' }, CABINET)).rejects.toThrow('Неверный запрос');
  });

  it('sends the stored scan only when a file field asks for it', async () => {
    await seed();
    const bytes = Uint8Array.from(atob(SCAN_PNG_BASE64), (c) => c.charCodeAt(0));
    await saveScan('child-artem', new Blob([bytes], { type: 'image/png' }), 'svid.png');
    const without = (await handleRequest({ type: 'fill:values', childId: 'child-artem', keys: ['documentNumber'] }, CABINET)) as any;
    expect(without.scan).toBeUndefined();
    const withScan = (await handleRequest({ type: 'fill:values', childId: 'child-artem', keys: ['documentScan'] }, CABINET)) as any;
    expect(withScan.scan).toEqual({ name: 'svid.png', type: 'image/png', base64: SCAN_PNG_BASE64 });
  });

  it('an SVG is not a scan: it is neither stored nor sent to a page', async () => {
    await seed();
    const svg = new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], { type: 'image/svg+xml' });
    await expect(saveScan('child-artem', svg, 'x.svg')).rejects.toThrow();
  });

  it('says in Russian what to do when there is no child of the region', async () => {
    const res = (await handleRequest({ type: 'fill:children' }, SGO)) as any;
    expect(res.ok).toBe(false);
    expect(res.message).toMatch(/Тверская область/);
    const values = (await handleRequest({ type: 'fill:values', childId: 'nobody', keys: ['childName'] }, SGO)) as any;
    expect(values.ok).toBe(false);
    expect(values.message).toMatch(/Выберите ребёнка/);
  });
});

describe('background answers (every supported browser)', () => {
  it('answers through sendResponse and keeps the channel open (Chrome before 144 ignores a returned Promise)', async () => {
    await seed();
    const sendResponse = vi.fn();
    const sender = { id: browser.runtime.id, url: CABINET.url, frameId: 0, tab: { id: 1, url: CABINET.tabUrl } };
    const kept = answerMessage({ type: 'fill:values', childId: 'child-artem', keys: ['documentNumber'] }, sender, sendResponse);
    expect(kept).toBe(true); // `true`, not a Promise
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledOnce());
    expect(sendResponse.mock.calls[0][0]).toEqual({ ok: true, value: { ok: true, values: { documentNumber: '537155' } } });
  });

  it('an error is answered too (with its Russian message), not left hanging', async () => {
    const sendResponse = vi.fn();
    expect(answerMessage({ type: 'nope' }, { id: browser.runtime.id, tab: { id: 1 } }, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledOnce());
    expect(sendResponse.mock.calls[0][0]).toEqual({ ok: false, error: 'Неверный запрос к расширению' });
  });

  it('messages of other extensions are not answered', () => {
    const sendResponse = vi.fn();
    expect(answerMessage({ type: 'tab-state:get' }, { id: 'other-extension' }, sendResponse)).toBe(false);
    expect(sendResponse).not.toHaveBeenCalled();
  });
});
