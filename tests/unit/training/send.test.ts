import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FAMILY, SCAN_PNG_BASE64 } from '@/utils/training/family';
import { tabStateOf, trainingFillValues, trainingSend } from '@/utils/training/send';
import { FILL_KEYS } from '@/utils/guide/types';
import { Applicant, Child } from '@/utils/profile/schema';
import { TabState } from '@/utils/messages';

/** The guide's messaging on the training portal (`utils/training/send.ts`): the fictional family only. */

const ALL_KEYS = FILL_KEYS;

const [ARTEM, DARYA] = FAMILY.children;

describe('the family and the panel state without zod', () => {
  it('the family is in the schemas\' output form (send.ts uses it without parsing)', () => {
    expect(Applicant.parse(FAMILY.applicant)).toEqual(FAMILY.applicant);
    for (const c of FAMILY.children) expect(Child.parse(c)).toEqual(c);
  });

  it('tabStateOf agrees with TabState', () => {
    for (const raw of [{}, { hidden: true }, { variant: 'pupil' }, { hidden: 'yes', variant: 5 }, { variant: 'x'.repeat(21) }, null, 'x', []]) {
      const zod = TabState.safeParse(raw);
      const own = tabStateOf(raw);
      if (zod.success) expect(own).toEqual(zod.data);
      expect(TabState.parse(own)).toEqual(own);
    }
  });
});

describe('trainingFillValues', () => {
  it('cabinet: the Kuzbass child of the family, with the scan', () => {
    const res = trainingFillValues('cabinet', ALL_KEYS);
    expect(res.ok).toBe(true);
    expect(res.values).toEqual({
      childName: 'Смирнов Артём Андреевич',
      childBirthDate: '14.03.2015',
      documentKind: 'Свидетельство о рождении',
      documentSeries: ARTEM.document.series,
      documentNumber: ARTEM.document.number,
      documentIssuedAt: '20.03.2015',
      documentIssuedBy: ARTEM.document.issuedBy,
      documentLabel: `Свидетельство о рождении серия ${ARTEM.document.series} № ${ARTEM.document.number}`,
      email: FAMILY.applicant.email,
      certificateGroup: 'Дети в возрасте от 5 до 18 лет',
    });
    expect(res.scan).toEqual({ name: 'svidetelstvo-artem.png', type: 'image/png', base64: SCAN_PNG_BASE64 });
  });

  it('sgo: the Tver child of the family (no scan in the family for her)', () => {
    const res = trainingFillValues('sgo', ALL_KEYS);
    expect(res.ok).toBe(true);
    expect(res.values.childName).toBe('Смирнова Дарья Игоревна');
    expect(res.values.childBirthDate).toBe('01.09.2011');
    expect(res.values.documentSeries).toBe(DARYA.document.series);
    expect(res.values.documentNumber).toBe(DARYA.document.number);
    expect(res.values.email).toBe(FAMILY.applicant.email);
    expect(res.scan).toBeUndefined();
  });

  it('returns only the keys asked for; the scan only when asked', () => {
    const res = trainingFillValues('cabinet', ['childName', 'email']);
    expect(res).toEqual({ ok: true, values: { childName: 'Смирнов Артём Андреевич', email: FAMILY.applicant.email } });
    expect(trainingFillValues('cabinet', ['documentScan']).scan?.base64).toBe(SCAN_PNG_BASE64);
  });
});

/** A minimal sessionStorage for Node. */
class MemoryStorage {
  private m = new Map<string, string>();
  getItem(k: string) {
    return this.m.has(k) ? this.m.get(k)! : null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, String(v));
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  clear() {
    this.m.clear();
  }
}

describe('trainingSend', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
    vi.stubGlobal('sessionStorage', storage);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('tab-state: defaults, set merges and persists in sessionStorage', async () => {
    const send = trainingSend(() => undefined, 'cabinet');
    expect(await send({ type: 'tab-state:get' })).toEqual({ hidden: false, variant: 'parent' });
    expect(await send({ type: 'tab-state:set', state: { hidden: true } })).toEqual({ hidden: true, variant: 'parent' });
    expect(await send({ type: 'tab-state:set', state: { variant: 'pupil' } })).toEqual({ hidden: true, variant: 'pupil' });
    expect(await send({ type: 'tab-state:get' })).toEqual({ hidden: true, variant: 'pupil' });
    // Another page of the same lesson (a new send) reads the same state.
    expect(await trainingSend(() => undefined, 'cabinet')({ type: 'tab-state:get' })).toEqual({ hidden: true, variant: 'pupil' });
  });

  it('tab-state: garbage in sessionStorage falls back to defaults', async () => {
    storage.setItem('pfdo-training-panel', '{not json');
    const send = trainingSend(() => undefined, 'cabinet');
    expect(await send({ type: 'tab-state:get' })).toEqual({ hidden: false, variant: 'parent' });
    storage.setItem('pfdo-training-panel', JSON.stringify({ hidden: 'yes' }));
    expect(await send({ type: 'tab-state:get' })).toEqual({ hidden: false, variant: 'parent' });
  });

  it('tab-state:set: values of the wrong kind are not stored', async () => {
    const send = trainingSend(() => undefined, 'cabinet');
    await send({ type: 'tab-state:set', state: { variant: 'pupil' } });
    expect(await send({ type: 'tab-state:set', state: { hidden: 'yes', variant: 'x'.repeat(21) } } as never)).toEqual({ hidden: false, variant: 'parent' });
  });

  it('fill:children and fill:values answer from the family, for this frame\'s portal only', async () => {
    const send = trainingSend(() => undefined, 'cabinet');
    expect(await send({ type: 'fill:children' })).toEqual({ ok: true, children: [{ id: ARTEM.id, label: 'Смирнов Артём' }], chosen: ARTEM.id });
    const res = (await send({ type: 'fill:values', childId: ARTEM.id, keys: ['documentSeries', 'documentScan'] })) as ReturnType<typeof trainingFillValues>;
    expect(res.values).toEqual({ documentSeries: ARTEM.document.series });
    expect(res.scan?.name).toBe('svidetelstvo-artem.png');
    // The Tver child is not filled on the cabinet's training page.
    const other = (await send({ type: 'fill:values', childId: 'child-darya', keys: ['childName'] })) as ReturnType<typeof trainingFillValues>;
    expect(other.ok).toBe(false);
  });

  it('open-consultant opens the consultant page; open-options is gone (nothing sends it)', async () => {
    const opened: string[] = [];
    const send = trainingSend((p) => opened.push(p), 'cabinet');
    expect(await send({ type: 'open-consultant' })).toBe(true);
    await expect(send({ type: 'open-options' } as never)).rejects.toThrow(/Неверный запрос/);
    expect(opened).toEqual(['/consultant.html']);
  });

  it('rejects malformed requests', async () => {
    const send = trainingSend(() => undefined, 'cabinet');
    await expect(send({ type: 'nope' } as never)).rejects.toThrow(/Неверный запрос/);
    await expect(send({ type: 'fill:values', keys: [] } as never)).rejects.toThrow(/Неверный запрос/);
    await expect(send({ type: 'fill:values', childId: ARTEM.id, keys: ['password'] } as never)).rejects.toThrow(/Неверный запрос/);
    await expect(send({ type: 'tab-state:set' } as never)).rejects.toThrow(/Неверный запрос/);
    await expect(send({ type: 'tab-state:set', state: 'hidden' } as never)).rejects.toThrow(/Неверный запрос/);
    await expect(send(null as never)).rejects.toThrow(/Неверный запрос/);
    expect(storage.getItem('pfdo-training-panel')).toBeNull();
  });
});
