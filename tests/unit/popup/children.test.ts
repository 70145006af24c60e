import { describe, expect, it } from 'vitest';
import { arrangeChildren, missingDataLine } from '@/entrypoints/popup/children';
import { Applicant, Child } from '@/utils/profile/schema';
import { APPLICANT, CHILD } from '../profile/fixtures';

const anna = Child.parse(CHILD);
const petya = Child.parse({ ...CHILD, id: 'child-petya', name: { lastName: 'Смирнов', firstName: 'Пётр' }, birthDate: '2019-01-20' });
const applicant = Applicant.parse(APPLICANT);

describe('missingDataLine', () => {
  it('one child: «документ ребёнка» without a name', () => {
    expect(missingDataLine([{ ...anna, document: undefined }], applicant)).toBe('В профиле нет: документ ребёнка — в PDF останутся пустые строки.');
  });
  it('several children: names whose document is missing', () => {
    expect(missingDataLine([anna, { ...petya, document: undefined }], applicant)).toBe(
      'В профиле нет: документ ребёнка (Пётр) — в PDF останутся пустые строки.',
    );
  });
  it('no applicant, or no applicant passport', () => {
    expect(missingDataLine([anna], undefined)).toBe('В профиле нет: данные заявителя — в PDF останутся пустые строки.');
    expect(missingDataLine([anna], { ...applicant, passport: undefined })).toBe('В профиле нет: паспорт заявителя — в PDF останутся пустые строки.');
  });
  it('nothing missing, or nobody can apply: null', () => {
    expect(missingDataLine([anna, petya], applicant)).toBeNull();
    expect(missingDataLine([], undefined)).toBeNull();
  });
});

describe('arrangeChildren', () => {
  it('uses the municipality’s minimum age and keeps the stored order', () => {
    const baby = { ...petya, id: 'child-baby', birthDate: '2022-11-01' };
    const r = arrangeChildren([baby, anna, petya], '2026-12-02');
    expect(r.now.map((c) => c.id)).toEqual(['child-anna', 'child-petya']);
    expect(r.notNow.map((c) => c.id)).toEqual(['child-baby']);
    // The fifth birthday makes a child eligible that very day.
    expect(arrangeChildren([baby], '2027-11-01').now.map((c) => c.id)).toEqual(['child-baby']);
  });
  it('puts the child chosen last first; an unknown id keeps the stored order', () => {
    const order = (active: unknown) => arrangeChildren([anna, petya], '2026-12-02', active).now.map((c) => c.id);
    expect(order('child-petya')).toEqual(['child-petya', 'child-anna']);
    expect(order('child-gone')).toEqual(['child-anna', 'child-petya']);
    expect(order(undefined)).toEqual(['child-anna', 'child-petya']);
  });
});
