// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Applicant, Child } from '@/utils/profile/schema';
import { APPLICANT, CHILD } from '../profile/fixtures';
import { closePopup, renderPopup } from './render-popup';

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
  root = await renderPopup();
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
  closePopup(root);
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
    // Two who can apply: disclosures, the first open.
    expect((cards().slice(0, 2) as HTMLDetailsElement[]).map((c) => [c.tagName, c.open])).toEqual([
      ['DETAILS', true],
      ['DETAILS', false],
    ]);
  });

  it('one child who can apply: a whole card', async () => {
    await popup([ANNA, VERA], Applicant.parse(APPLICANT));
    expect(cards()[0]!.tagName).toBe('ARTICLE');
    expect(cards()[0]!.querySelector('[data-testid=make-pdf]')).not.toBeNull();
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

  it('several who can apply: one group of disclosures, the child chosen last first and open, the others show name and age', async () => {
    await popup([ANNA, PETYA, OLGA, MISHA], Applicant.parse(APPLICANT), { activeChildId: 'child-misha' });
    const now = cards().filter((c) => c.dataset.canApply === 'true') as HTMLDetailsElement[];
    expect(ids(now)).toEqual(['child-misha', 'child-anna', 'child-petya']);
    expect(now.map((c) => c.tagName)).toEqual(['DETAILS', 'DETAILS', 'DETAILS']);
    expect(now.map((c) => c.open)).toEqual([true, false, false]);
    expect(new Set(now.map((c) => c.getAttribute('name')))).toEqual(new Set(['popup-children']));
    // The first «Заявление и согласия (PDF)» on the page is the open child's.
    expect(root.querySelector('[data-testid=make-pdf]')!.closest('[data-testid=child-card]')).toBe(now[0]);
    const summary = now[1]!.querySelector('summary')!;
    expect(summary.querySelector('h2')!.textContent).toBe('Смирнова Анна');
    expect(summary.textContent).toBe('Смирнова Анна · 11 лет');
    expect(summary.querySelector('button')).toBeNull();
    // Status, region and dates are in the card, shown when it is opened.
    expect(now[1]!.querySelector('[data-testid=eligibility]')!.textContent).toBe('можно получить');
    const items = (card: Element) => [...card.querySelectorAll('[data-testid=eligibility-details] li')].map((li) => li.textContent);
    expect(items(now[1]!)).toEqual(['Кузбасс', 'действует до 13.03.2033', 'самостоятельно — с 14.03.2029']);
    // 14+: «с 14 лет может подать сам» is in the label; the past «самостоятельно — с …» date is left out.
    expect(now[0]!.querySelector('[data-testid=eligibility]')!.textContent).toBe('можно получить — с 14 лет может подать сам');
    expect(items(now[0]!)).toEqual(['Тверская обл.', 'действует до 31.08.2029']);
  });

  it('no child chosen yet (or one who cannot apply): the stored order, the first disclosure open', async () => {
    await popup([ANNA, PETYA, MISHA, VERA], Applicant.parse(APPLICANT), { activeChildId: 'child-vera' });
    expect(ids(cards())).toEqual(['child-anna', 'child-petya', 'child-misha', 'child-vera']);
    expect((cards().slice(0, 3) as HTMLDetailsElement[]).map((c) => c.open)).toEqual([true, false, false]);
  });
});
