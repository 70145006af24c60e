import { describe, expect, it } from 'vitest';
import { activationChecklist, generalActivationChecklist } from '@/utils/profile/checklist';
import { sgoFlow } from '@/utils/flows/sgo';
import { cabinetFlow } from '@/utils/flows/cabinet';
import { Applicant, Child } from '@/utils/profile/schema';
import { municipalityRules } from '@/utils/profile/regions';
import { APPLICANT, CHILD } from './fixtures';

const child = (over: Record<string, unknown> = {}) => Child.parse({ ...CHILD, ...over });
const applicant = Applicant.parse(APPLICANT);
const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('activationChecklist (domain.md §4)', () => {
  it('a 9-year-old at school, parent applies', () => {
    const items = activationChecklist(child(), applicant, '2024-09-01');
    expect(ids(items)).toEqual(['papers', 'applicant-passport', 'child-document', 'child-snils', 'child-inn']);
    expect(items[1].text).toContain('Смирнова Е. В.');
    expect(items.find((i) => i.id === 'child-document')!.text).toBe('Свидетельство о рождении ребёнка');
    expect(items.find((i) => i.id === 'child-inn')).toMatchObject({ required: false, text: 'ИНН ребёнка (если есть)' });
    for (const i of items) expect(i.text).toMatch(/[А-Яа-я]/);
  });

  it('proof of registration only for a child attending neither school nor kindergarten', () => {
    expect(ids(activationChecklist(child({ attends: 'kindergarten' }), applicant, '2024-09-01'))).not.toContain('registration');
    const none = activationChecklist(child({ attends: 'none' }), applicant, '2024-09-01');
    expect(ids(none)).toContain('registration');
    expect(none.find((i) => i.id === 'registration')!.text).toMatch(/регистрации/);
  });

  it('ИНН is required in Ленинск-Кузнецкий (municipality data)', () => {
    const items = activationChecklist(child({ municipality: 'г. Ленинск-Кузнецкий' }), applicant, '2024-09-01');
    expect(items.find((i) => i.id === 'child-inn')).toMatchObject({ required: true });
    expect(items.find((i) => i.id === 'child-inn')!.text).toMatch(/обязательно.*Ленинск-Кузнецкий/);
    expect(municipalityRules('Ленинск-Кузнецкий городской округ', 'tver').innRequired).toBe(false);
    expect(municipalityRules(undefined)).toEqual({ name: undefined, innRequired: false, minAge: 5 });
  });

  it('from 14 the child\'s document is the passport', () => {
    const items = activationChecklist(child(), applicant, '2029-03-14');
    expect(items.find((i) => i.id === 'child-document')!.text).toMatch(/Паспорт ребёнка/);
    expect(ids(items)).toContain('applicant-passport');
  });

  it('a child of 14+ applying alone brings the own passport, not the parent\'s', () => {
    const alone = activationChecklist(child(), undefined, '2029-03-14');
    expect(ids(alone)).toEqual(['papers', 'own-passport', 'child-snils', 'child-inn']);
    expect(alone[0].text).toMatch(/подписанные ребёнком/);
    const chosen = activationChecklist(child(), applicant, '2029-03-14', { selfApply: true });
    expect(ids(chosen)).toContain('own-passport');
    // under 14 a child cannot apply alone
    expect(ids(activationChecklist(child(), undefined, '2024-09-01', { selfApply: true }))).toContain('applicant-passport');
  });

  it('temporary ID and foreign certificate', () => {
    const t = activationChecklist(child({ document: { kind: 'temporary-id', text: '1', validUntil: '2030-01-31' } }), applicant, '2024-09-01');
    expect(t.find((i) => i.id === 'child-document')!.text).toMatch(/Временное удостоверение.*31\.01\.2030/);
    const f = activationChecklist(child({ document: { kind: 'foreign-birth-certificate', text: 'AB 1' } }), applicant, '2024-09-01');
    expect(f.find((i) => i.id === 'child-document')!.text).toMatch(/за границей/);
  });
});

describe('generalActivationChecklist (the guide’s activation step, no child known)', () => {
  it('Kuzbass names the municipalities that require the child’s ИНН (from MUNICIPALITY_RULES); Tver has none', () => {
    const kuz = generalActivationChecklist('kuzbass');
    const tver = generalActivationChecklist('tver');
    expect(kuz.find((l) => l.startsWith('ИНН'))).toBe('ИНН ребёнка — если есть; обязательно: Ленинск-Кузнецкий городской округ');
    expect(tver.find((l) => l.startsWith('ИНН'))).toBe('ИНН ребёнка — если есть');
  });

  it('has the same documents as a child’s own checklist: papers, passport, certificate, СНИЛС, ИНН, registration', () => {
    for (const region of ['tver', 'kuzbass'] as const) {
      const text = generalActivationChecklist(region).join('\n');
      for (const word of ['заявление', 'согласие', 'паспорт заявителя', 'свидетельство о рождении', 'с 14 лет', 'СНИЛС', 'ИНН', 'регистрации']) expect(text).toContain(word);
    }
  });

  it('is what the activation steps of both flows show', () => {
    expect(sgoFlow.steps.find((s) => s.id === 'sgo.activation')!.checklist).toEqual(generalActivationChecklist('tver'));
    expect(cabinetFlow.steps.find((s) => s.id === 'cabinet.activation')!.checklist).toEqual(generalActivationChecklist('kuzbass'));
  });
});
