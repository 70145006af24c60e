import 'fake-indexeddb/auto';
import { describe, it, expect, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRequest } from '@/utils/background/handler';
import { saveApplicant, saveChild, saveScan, deleteAllData } from '@/utils/profile/db';
import { FAMILY, SCAN_PNG_BASE64 } from '../../support/family';

beforeEach(async () => {
  fakeBrowser.reset();
  await deleteAllData();
});

async function seed() {
  await saveApplicant(FAMILY.applicant);
  for (const c of FAMILY.children) await saveChild(c);
}

describe('background request handler', () => {
  it('rejects anything that is not a known request (zod)', async () => {
    for (const bad of [null, 'fill', { type: 'fill:values' }, { type: 'fill:values', portal: 'x', keys: [] }, { type: 'profile:read' }, { type: 'fill:values', portal: 'sgo', keys: ['password'] }]) {
      await expect(handleRequest(bad, 1)).rejects.toThrow('Неверный запрос');
    }
  });

  it('keeps per-tab guide state (hidden, variant) apart for each tab', async () => {
    await handleRequest({ type: 'tab-state:set', state: { hidden: true } }, 7);
    expect(await handleRequest({ type: 'tab-state:get' }, 7)).toEqual({ hidden: true, variant: 'parent' });
    expect(await handleRequest({ type: 'tab-state:get' }, 8)).toEqual({ hidden: false, variant: 'parent' });
  });

  it('a tab-state patch changes only the keys it carries (hiding keeps the variant and back)', async () => {
    await handleRequest({ type: 'tab-state:set', state: { variant: 'pupil' } }, 9);
    await handleRequest({ type: 'tab-state:set', state: { hidden: true } }, 9);
    expect(await handleRequest({ type: 'tab-state:get' }, 9)).toEqual({ hidden: true, variant: 'pupil' });
    await handleRequest({ type: 'tab-state:set', state: { variant: 'parent' } }, 9);
    expect(await handleRequest({ type: 'tab-state:get' }, 9)).toEqual({ hidden: true, variant: 'parent' });
  });

  it('patches sent at once to the same tab all land (no read-modify-write race)', async () => {
    await Promise.all([
      handleRequest({ type: 'tab-state:set', state: { hidden: true } }, 11),
      handleRequest({ type: 'tab-state:set', state: { variant: 'pupil' } }, 11),
    ]);
    expect(await handleRequest({ type: 'tab-state:get' }, 11)).toEqual({ hidden: true, variant: 'pupil' });
  });

  it('answers only the keys asked for, for the child of the portal’s region', async () => {
    await seed();
    const res = (await handleRequest({ type: 'fill:values', portal: 'cabinet', keys: ['documentSeries', 'email'] }, 1)) as any;
    expect(res).toEqual({ ok: true, values: { documentSeries: 'III-ПО', email: FAMILY.applicant.email } });
    const tver = (await handleRequest({ type: 'fill:values', portal: 'sgo', keys: ['childName'] }, 1)) as any;
    expect(tver.values).toEqual({ childName: 'Смирнова Дарья Игоревна' });
  });

  it('prefers the child chosen in the popup when it is of the region', async () => {
    await seed();
    await fakeBrowser.storage.local.set({ activeChildId: 'child-artem' });
    const res = (await handleRequest({ type: 'fill:values', portal: 'cabinet', keys: ['childName'] }, 1)) as any;
    expect(res.values.childName).toBe('Смирнов Артём Андреевич');
  });

  it('sends the stored scan only when a file field asks for it', async () => {
    await seed();
    const bytes = Uint8Array.from(atob(SCAN_PNG_BASE64), (c) => c.charCodeAt(0));
    await saveScan('child-artem', new Blob([bytes], { type: 'image/png' }), 'svid.png');
    const without = (await handleRequest({ type: 'fill:values', portal: 'cabinet', keys: ['documentNumber'] }, 1)) as any;
    expect(without.scan).toBeUndefined();
    const withScan = (await handleRequest({ type: 'fill:values', portal: 'cabinet', keys: ['documentScan'] }, 1)) as any;
    expect(withScan.scan).toEqual({ name: 'svid.png', type: 'image/png', base64: SCAN_PNG_BASE64 });
  });

  it('says in Russian what to do when there is no child of the region', async () => {
    const res = (await handleRequest({ type: 'fill:values', portal: 'sgo', keys: ['childName'] }, 1)) as any;
    expect(res.ok).toBe(false);
    expect(res.message).toMatch(/Тверская область/);
  });
});
