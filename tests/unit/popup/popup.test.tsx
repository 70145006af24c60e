// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Applicant, Child } from '@/utils/profile/schema';
import { APPLICANT, CHILD } from '../profile/fixtures';

/** What the mocked profile database holds for the next popup. */
const db = vi.hoisted(() => ({ children: [] as unknown[], applicant: undefined as unknown }));
vi.mock('@/utils/profile/db', () => ({
  listChildren: async () => db.children,
  getApplicant: async () => db.applicant,
}));

const TODAY = '2026-12-02';
/** Stored order mixes who can and cannot apply. */
const OLGA = Child.parse({ ...CHILD, id: 'child-olga', name: { lastName: 'Смирнова', firstName: 'Ольга' }, birthDate: '2007-05-10' }); // 19: too old
const ANNA = Child.parse(CHILD); // 11: can apply
const VERA = Child.parse({ ...CHILD, id: 'child-vera', name: { lastName: 'Смирнова', firstName: 'Вера' }, birthDate: '2023-06-05', document: undefined }); // 3: too young
const MISHA = Child.parse({
  ...CHILD,
  id: 'child-misha',
  name: { lastName: 'Смирнов', firstName: 'Михаил' },
  birthDate: '2011-09-01',
  region: 'tver',
  municipality: 'г. Тверь',
  document: { kind: 'passport', series: '28 11', number: '654321', issuedAt: '2025-09-20', issuedBy: 'УМВД России по Тверской области' },
}); // 15: may apply alone
const PETYA = Child.parse({ ...CHILD, id: 'child-petya', name: { lastName: 'Смирнов', firstName: 'Пётр' }, birthDate: '2019-01-20' }); // 7

let root: HTMLElement;

/** Renders a fresh popup (its state lives in module signals) over the mocked profile and loads it. */
async function popup(children: Child[], applicant: Applicant | undefined, storage: Record<string, unknown> = {}) {
  db.children = children;
  db.applicant = applicant;
  await fakeBrowser.storage.local.set(storage);
  vi.resetModules();
  const { App, load } = await import('@/entrypoints/popup/App');
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<App />, root));
  await act(async () => {
    await load();
    await new Promise((r) => setTimeout(r, 0));
  });
  return root;
}

const cards = () => [...root.querySelectorAll<HTMLElement>('[data-testid=child-card]')];
const ids = (els: HTMLElement[]) => els.map((e) => e.dataset.childId);

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${TODAY}T12:00:00`));
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
  vi.useRealTimers();
});

describe('popup with several children', () => {
  it('children who can apply come first with their actions; the others are collapsed in one group, without actions (stored order kept)', async () => {
    await popup([OLGA, ANNA, VERA, MISHA], Applicant.parse(APPLICANT));
    expect(ids(cards())).toEqual(['child-anna', 'child-misha', 'child-olga', 'child-vera']);
    for (const card of cards().slice(0, 2)) {
      expect(card.dataset.canApply).toBe('true');
      expect(card.querySelector('[data-testid=open-guide]')).not.toBeNull();
      expect(card.querySelector('[data-testid=make-pdf]')).not.toBeNull();
    }
    const group = root.querySelector<HTMLDetailsElement>('[data-testid=children-not-now]')!;
    expect(group.tagName).toBe('DETAILS');
    expect(group.open).toBe(false);
    expect(group.querySelector('summary')!.textContent).toBe('Сейчас нельзя получить: Ольга, Вера');
    expect(ids([...group.querySelectorAll<HTMLElement>('[data-testid=child-card]')])).toEqual(['child-olga', 'child-vera']);
    for (const card of group.querySelectorAll<HTMLElement>('[data-testid=child-card]')) {
      expect(card.dataset.canApply).toBe('false');
      expect(card.querySelector('button, [data-testid=checklist]')).toBeNull();
    }
    // Their status and dates are there when the group is opened.
    expect(group.querySelector('[data-child-id=child-vera] [data-testid=eligibility]')!.textContent).toBe('станет доступен с 05.06.2028');
    expect(group.querySelector('[data-child-id=child-olga] [data-testid=eligibility]')!.textContent).toBe('уже нельзя: исполнилось 18');
    // Two who can apply: whole cards, not disclosures.
    expect(cards().slice(0, 2).map((c) => c.tagName)).toEqual(['ARTICLE', 'ARTICLE']);
  });

  it('when nobody can apply now, the group is open', async () => {
    await popup([VERA, OLGA], Applicant.parse(APPLICANT));
    expect(root.querySelector<HTMLDetailsElement>('[data-testid=children-not-now]')!.open).toBe(true);
    expect(root.querySelector('[data-testid=open-guide]')).toBeNull();
  });

  it('what the papers will lack is said once for all children, not per child', async () => {
    const noPassport = Applicant.parse({ ...APPLICANT, passport: undefined });
    await popup([{ ...ANNA, document: undefined }, VERA, { ...MISHA, document: undefined }], noPassport);
    const lines = root.querySelectorAll('[data-testid=missing-data]');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.textContent).toBe('В профиле нет: документы детей (Анна, Михаил), паспорт заявителя — в PDF останутся пустые строки.');
    expect((root.textContent ?? '').split('в PDF останутся пустые строки')).toHaveLength(2);
    for (const card of cards()) expect(card.textContent).not.toContain('В профиле нет');
  });

  it('nothing missing: no line', async () => {
    await popup([ANNA, MISHA], Applicant.parse(APPLICANT));
    expect(root.querySelector('[data-testid=missing-data]')).toBeNull();
  });

  it('three or more who can apply: disclosures, the child chosen last open, the others show name, age and status', async () => {
    await popup([ANNA, PETYA, OLGA, MISHA], Applicant.parse(APPLICANT), { activeChildId: 'child-misha' });
    const now = cards().filter((c) => c.dataset.canApply === 'true') as HTMLDetailsElement[];
    expect(ids(now)).toEqual(['child-anna', 'child-petya', 'child-misha']);
    expect(now.map((c) => c.tagName)).toEqual(['DETAILS', 'DETAILS', 'DETAILS']);
    expect(now.map((c) => c.open)).toEqual([false, false, true]);
    expect(new Set(now.map((c) => c.getAttribute('name')))).toEqual(new Set(['popup-children']));
    const summary = now[0]!.querySelector('summary')!;
    expect(summary.querySelector('h2')!.textContent).toBe('Смирнова Анна');
    expect(summary.textContent).toContain('11 лет');
    expect(summary.querySelector('[data-testid=eligibility]')!.textContent).toBe('можно получить');
    expect(summary.querySelector('button')).toBeNull();
  });

  it('no child chosen yet: the first disclosure is open', async () => {
    await popup([ANNA, PETYA, MISHA], Applicant.parse(APPLICANT));
    expect((cards() as HTMLDetailsElement[]).map((c) => c.open)).toEqual([true, false, false]);
  });
});
