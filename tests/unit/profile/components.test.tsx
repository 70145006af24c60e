// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ApplicantForm } from '@/components/profile/ApplicantForm';
import { ChildForm } from '@/components/profile/ChildForm';
import { ChildCard } from '@/components/profile/ChildCard';
import { Applicant, Child } from '@/utils/profile/schema';
import { APPLICANT, CHILD } from './fixtures';

let root: HTMLElement;
function mount(vnode: preact.ComponentChild) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(vnode, root));
  return root;
}
afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

const tick = () => act(() => new Promise((r) => setTimeout(r, 0)));
function type(id: string, value: string) {
  const el = root.querySelector<HTMLInputElement>(`#${id}`)!;
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
function blur(id: string) {
  act(() => {
    root.querySelector(`#${id}`)!.dispatchEvent(new FocusEvent('blur'));
  });
}
async function submit(form: string) {
  await act(async () => {
    root.querySelector<HTMLFormElement>(`[data-testid=${form}]`)!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
  });
  await tick();
}

describe('ApplicantForm', () => {
  it('every control has a label; errors are linked with aria-describedby; bad input is not saved', async () => {
    const save = vi.fn(async (x: unknown) => Applicant.parse(x));
    mount(<ApplicantForm save={save} />);
    for (const el of root.querySelectorAll('input:not([type=radio]), textarea, select')) {
      expect(root.querySelector(`label[for="${el.id}"]`), el.id).not.toBeNull();
    }
    // nothing prefilled
    expect((root.querySelector('#applicant-lastName') as HTMLInputElement).value).toBe('');
    type('applicant-lastName', 'Smirnova');
    blur('applicant-lastName');
    await tick();
    const input = root.querySelector('#applicant-lastName')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('applicant-lastName-error');
    expect(root.querySelector('#applicant-lastName-error')!.textContent).toMatch(/русскими буквами/);
    // the untouched first name shows no error yet
    expect(root.querySelector('#applicant-firstName-error')).toBeNull();
    await submit('applicant-form');
    expect(save).not.toHaveBeenCalled();
    expect(root.querySelector('#applicant-firstName-error')!.textContent).toMatch(/Укажите имя/);
    expect(root.textContent).toContain('Не сохранено');
    expect(document.activeElement?.id).toBe('applicant-lastName');
    // what the user typed is kept
    expect((root.querySelector('#applicant-lastName') as HTMLInputElement).value).toBe('Smirnova');
  });

  it('a valid form is saved and shows the normalised values', async () => {
    const save = vi.fn(async (x: unknown) => Applicant.parse(x));
    mount(<ApplicantForm save={save} />);
    type('applicant-lastName', 'Смирнова');
    type('applicant-firstName', 'Елена');
    type('applicant-phone', '89001234567');
    type('applicant-snils', '14848125585');
    await submit('applicant-form');
    expect(save).toHaveBeenCalledOnce();
    expect((root.querySelector('#applicant-phone') as HTMLInputElement).value).toBe('+7 (900) 123-45-67');
    expect((root.querySelector('#applicant-snils') as HTMLInputElement).value).toBe('148-481-255 85');
    expect(root.textContent).toContain('Данные заявителя сохранены');
  });
});

describe('ChildForm', () => {
  const props = () => ({
    newId: 'new-1',
    save: vi.fn(async (x: unknown) => Child.parse(x)),
    saveScan: vi.fn(async () => undefined),
    deleteScan: vi.fn(async () => undefined),
    onSaved: vi.fn(),
    onCancel: vi.fn(),
  });

  it('shows the fields of the chosen document kind and the schema errors', async () => {
    const p = props();
    mount(<ChildForm {...p} />);
    expect(root.querySelector('#child-docSeries')).toBeNull();
    act(() => {
      const sel = root.querySelector<HTMLSelectElement>('#child-docKind')!;
      sel.value = 'birth-certificate';
      sel.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(root.querySelector('#child-docSeries')).not.toBeNull();
    type('child-docSeries', 'ZZ-ПО');
    await submit('child-form');
    expect(p.save).not.toHaveBeenCalled();
    expect(root.querySelector('#child-docSeries-error')!.textContent).toMatch(/римского числа/);
    expect(root.querySelector('#child-birthDate-error')!.textContent).toMatch(/дату рождения/);
    expect(root.querySelector('#child-region-error')!.textContent).toMatch(/Тверская область или Кузбасс/);
    expect(root.querySelector('#child-region')!.getAttribute('aria-describedby')).toContain('child-region-error');
  });

  it('saves a valid child with normalised values; warns about another region\'s certificate prefix', async () => {
    const p = props();
    mount(<ChildForm {...p} />);
    type('child-lastName', 'Смирнов');
    type('child-firstName', 'Артём');
    type('child-birthDate', '14.03.2015');
    act(() => (root.querySelector('#child-region-tver') as HTMLInputElement).click());
    act(() => (root.querySelector('#child-attends-school') as HTMLInputElement).click());
    type('child-certificateNumber', '42 07 000002');
    await tick();
    expect(root.querySelector('#child-birthDate-hint')!.textContent).toMatch(/лет/);
    expect(root.querySelector('#child-certificateNumber-warning')!.textContent).toMatch(/69/);
    await submit('child-form');
    expect(p.save).toHaveBeenCalledOnce();
    expect(p.onSaved).toHaveBeenCalledOnce();
    const saved = p.onSaved.mock.calls[0]![0] as Child;
    expect(saved).toMatchObject({ id: 'new-1', birthDate: '2015-03-14', region: 'tver', attends: 'school', certificateNumber: '4207000002' });
  });
});

describe('ChildCard', () => {
  it('shows eligibility, checklist and the actions', () => {
    const onOpenGuide = vi.fn();
    const onMakePdf = vi.fn();
    const child = Child.parse(CHILD);
    mount(<ChildCard child={child} applicant={Applicant.parse(APPLICANT)} today="2024-09-01" onOpenGuide={onOpenGuide} onMakePdf={onMakePdf} />);
    const card = root.querySelector('[data-testid=child-card]')!;
    expect(card.querySelector('h2')!.textContent).toBe('Смирнова Анна');
    expect(card.querySelector('[data-testid=eligibility]')!.textContent).toBe('можно получить');
    expect(card.textContent).toContain('9 лет');
    expect(card.textContent).toContain('действует до 13.03.2033');
    expect(card.querySelectorAll('[data-testid=checklist] li')).toHaveLength(5);
    act(() => (card.querySelector('[data-testid=open-guide]') as HTMLButtonElement).click());
    act(() => (card.querySelector('[data-testid=make-pdf]') as HTMLButtonElement).click());
    expect(onOpenGuide).toHaveBeenCalledWith(child);
    expect(onMakePdf).toHaveBeenCalledWith(child);
  });
});
