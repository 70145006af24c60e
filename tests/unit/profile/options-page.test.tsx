// @vitest-environment jsdom
/**
 * The options page as a parent uses it (issue 8, items 7 and 8): the real entry point
 * (`entrypoints/options/main.tsx`) rendered in jsdom over fake-indexeddb. «Reloading» the page
 * imports the entry point afresh (new module state, same database), as a browser does.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteAllData, getApplicant, listChildren, saveApplicant, saveChild } from '@/utils/profile/db';
import { APPLICANT, CHILD } from './fixtures';

interface OpenPage {
  root: HTMLElement;
  $: <E extends Element = HTMLElement>(selector: string) => E | null;
  close(): void;
}

let page: OpenPage | undefined;

/** Opens the options page like a new tab: fresh modules, the stored profile. */
async function openPage(): Promise<OpenPage> {
  vi.resetModules();
  const root = document.createElement('div');
  root.id = 'app';
  document.body.append(root);
  await import('@/entrypoints/options/main');
  const { render } = await import('preact');
  await vi.waitFor(() => expect(root.querySelector('[data-testid=applicant-form]')).not.toBeNull(), WAIT);
  page = {
    root,
    $: (s) => root.querySelector(s),
    close() {
      render(null, root);
      root.remove();
    },
  };
  return page;
}

afterEach(async () => {
  page?.close();
  page = undefined;
  await deleteAllData();
});

function type(p: OpenPage, id: string, value: string) {
  const el = p.$<HTMLInputElement>(`#${id}`)!;
  el.focus();
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
function leave(p: OpenPage, id: string) {
  const el = p.$<HTMLInputElement>(`#${id}`)!;
  el.blur();
  el.dispatchEvent(new FocusEvent('blur'));
}
/** Lets the page render what was typed (a browser renders between a person's keystrokes and clicks). */
const settle = () => new Promise((r) => setTimeout(r, 0));
/** How long a condition may take on a loaded 2-core machine (the page answers within ms when idle). */
const WAIT = { timeout: 5000 };
const value = (p: OpenPage, id: string) => p.$<HTMLInputElement>(`#${id}`)!.value;
/** Whether the page asks before it is left (its `beforeunload` listeners cancel the event). */
function asksBeforeLeaving(): boolean {
  const e = new Event('beforeunload', { cancelable: true });
  dispatchEvent(e);
  return e.defaultPrevented;
}

describe('options page: the applicant is not lost (item 7)', () => {
  it('applicant typed, a child saved with its own button, page reloaded: the applicant is still there', async () => {
    const p = await openPage();
    type(p, 'applicant-lastName', 'Смирнова');
    type(p, 'applicant-firstName', 'Елена');
    type(p, 'applicant-phone', '89001234567');
    if (!p.$('[data-testid=child-form]')) p.$<HTMLButtonElement>('[data-testid=add-child]')!.click();
    await vi.waitFor(() => expect(p.$('[data-testid=child-form]')).not.toBeNull(), WAIT);
    type(p, 'child-lastName', 'Смирнов');
    type(p, 'child-firstName', 'Артём');
    type(p, 'child-birthDate', '14.03.2015');
    p.$<HTMLInputElement>('#child-region-tver')!.click();
    p.$<HTMLInputElement>('#child-attends-school')!.click();
    await settle();
    p.$<HTMLButtonElement>('[data-testid=save-child]')!.click();
    await vi.waitFor(() => expect(p.$('[data-testid=child-row]')).not.toBeNull(), WAIT);
    // the page does not hold anything back any more: no warning, the applicant is stored
    await vi.waitFor(() => expect(asksBeforeLeaving()).toBe(false), { timeout: 3000 });
    p.close();

    const again = await openPage();
    expect(value(again, 'applicant-lastName')).toBe('Смирнова');
    expect(value(again, 'applicant-firstName')).toBe('Елена');
    expect(value(again, 'applicant-phone')).toBe('+7 (900) 123-45-67');
    expect((await listChildren()).map((c) => c.name.firstName)).toEqual(['Артём']);
  });

  it('unsaved changes are named on the page and the page asks before it is left', async () => {
    await saveChild(CHILD);
    const p = await openPage();
    expect(asksBeforeLeaving()).toBe(false);
    type(p, 'applicant-phone', '89001234567');
    // only a phone, no name: nothing can be stored yet, and the page says what is missing
    await vi.waitFor(() => expect(p.$('[data-testid=applicant-status]')?.textContent).toMatch(/Не сохранено: телефон.*заполните: фамилия, имя/), WAIT);
    expect(p.$('[data-testid=unsaved-bar]')?.textContent).toMatch(/Не сохранено:.*данные заявителя \(телефон\) — заполните: фамилия, имя/);
    expect(asksBeforeLeaving()).toBe(true);
    // the bar leads to the first field to fill in
    p.$<HTMLButtonElement>('[data-testid=unsaved-bar] button')!.click();
    expect(document.activeElement?.id).toBe('applicant-lastName');
    await new Promise((r) => setTimeout(r, 700));
    expect(await getApplicant()).toBeUndefined();

    type(p, 'applicant-lastName', 'Смирнова');
    type(p, 'applicant-firstName', 'Елена');
    leave(p, 'applicant-firstName');
    await vi.waitFor(() => expect(p.$('[data-testid=applicant-status]')?.textContent).toBe('Данные заявителя сохранены.'), { timeout: 3000 });
    expect(p.$('[data-testid=unsaved-bar]')).toBeNull();
    expect(asksBeforeLeaving()).toBe(false);
    expect(await getApplicant()).toMatchObject({ name: { lastName: 'Смирнова', firstName: 'Елена' }, phone: '+7 (900) 123-45-67' });
  });

  it('bad input gets a Russian message and changes nothing stored; valid fields are stored meanwhile', async () => {
    const stored = await saveApplicant(APPLICANT);
    await saveChild(CHILD);
    const p = await openPage();
    type(p, 'applicant-snils', '148-481-255 86'); // wrong check digits
    leave(p, 'applicant-snils');
    type(p, 'applicant-email', 'elena@example.org');
    leave(p, 'applicant-email');
    await vi.waitFor(() => expect(p.$('#applicant-snils-error')?.textContent).toMatch(/СНИЛС/), WAIT);
    await vi.waitFor(() => expect(p.$('[data-testid=applicant-status]')?.textContent).toBe('Не сохранено — проверьте: СНИЛС.'), WAIT);
    expect(asksBeforeLeaving()).toBe(true);
    // the e-mail is stored, the bad СНИЛС is not: the stored one stays
    await vi.waitFor(async () => expect((await getApplicant())?.email).toBe('elena@example.org'), WAIT);
    expect((await getApplicant())?.snils).toBe(stored.snils);
    // the typed value stays in the field to be corrected
    expect(value(p, 'applicant-snils')).toBe('148-481-255 86');

    // a started passport is stored only as a whole: the stored passport stays until it is complete
    type(p, 'applicant-passportNumber', '');
    leave(p, 'applicant-passportNumber');
    await vi.waitFor(() => expect(p.$('[data-testid=applicant-status]')?.textContent).toMatch(/номер паспорта/), WAIT);
    await new Promise((r) => setTimeout(r, 700));
    expect((await getApplicant())?.passport).toEqual(stored.passport);
  });
});

describe('options page: first run starts with the child (item 8)', () => {
  it('no children yet: the form of a new child is open above the applicant, with the focus in it', async () => {
    const p = await openPage();
    const childForm = p.$('[data-testid=child-form]');
    expect(childForm, 'the new child form is open').not.toBeNull();
    const applicantForm = p.$('[data-testid=applicant-form]')!;
    expect(childForm!.compareDocumentPosition(applicantForm) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // the first field of the page is the child's
    expect(p.$('main input:not([type=hidden]), main select, main textarea')!.id).toBe('child-lastName');
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('child-lastName'), WAIT);
  });

  it('with children: the list and «+ Добавить ребёнка» come before the applicant', async () => {
    await saveChild(CHILD);
    const p = await openPage();
    expect(p.$('[data-testid=child-form]')).toBeNull();
    const add = p.$('[data-testid=add-child]')!;
    expect(add.compareDocumentPosition(p.$('[data-testid=applicant-form]')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('fields only tabbed past are not marked red; changed ones are, and a save attempt shows all', async () => {
    const p = await openPage();
    if (!p.$('[data-testid=child-form]')) p.$<HTMLButtonElement>('[data-testid=add-child]')!.click();
    await vi.waitFor(() => expect(p.$('[data-testid=child-form]')).not.toBeNull(), WAIT);
    for (const id of ['child-lastName', 'child-firstName', 'child-birthDate']) {
      p.$<HTMLInputElement>(`#${id}`)!.focus();
      leave(p, id);
    }
    for (const id of ['applicant-lastName', 'applicant-firstName', 'applicant-snils']) {
      p.$<HTMLInputElement>(`#${id}`)!.focus();
      leave(p, id);
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(p.root.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
    expect(p.root.querySelectorAll('.error')).toHaveLength(0);

    type(p, 'child-birthDate', '31.02.2015');
    leave(p, 'child-birthDate');
    await vi.waitFor(() => expect(p.$('#child-birthDate')!.getAttribute('aria-invalid')).toBe('true'), WAIT);
    expect(p.$('#child-lastName')!.getAttribute('aria-invalid')).toBeNull();
    await settle();

    p.$<HTMLButtonElement>('[data-testid=save-child]')!.click();
    await vi.waitFor(() => expect(p.$('#child-lastName')!.getAttribute('aria-invalid')).toBe('true'), WAIT);
    expect(p.$('#child-lastName-error')!.textContent).toMatch(/Укажите фамилию/);
  });
});
