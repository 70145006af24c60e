import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { blankPapersInput, formatChildDocument, formatPassport, papersInputFor } from '@/utils/profile/papers-input';
import { Applicant, Child } from '@/utils/profile/schema';
import { APPLICANT, CHILD } from './fixtures';

const child = Child.parse(CHILD);
const applicant = Applicant.parse(APPLICANT);

describe('papersInputFor', () => {
  it('maps a child and the parent', () => {
    expect(papersInputFor(Child.parse({ ...CHILD, certificateNumber: '4207000002' }), applicant, { date: '2025-03-05' })).toEqual({
      region: 'kuzbass',
      date: '2025-03-05',
      category: 'Дети в возрасте от 5 до 18 лет',
      certificateNumber: '4207000002',
      child: {
        fullName: 'Смирнова Анна Андреевна',
        birthDate: '14.03.2015',
        document: 'свидетельство о рождении III-ПО № 537155, выдано 20.03.2015, Отдел ЗАГС г. Киселевска',
        address: 'г. Киселевск, ул. Весенняя, д. 16, кв. 5',
        snils: '112-233-445 95',
      },
      applicant: {
        fullName: 'Смирнова Елена Викторовна',
        address: 'г. Киселевск, ул. Весенняя, д. 16, кв. 5',
        passport: 'паспорт гражданина РФ серия 32 06 № 114590, выдан 17.05.2008 Отделом УФМС, код подразделения 420-012',
        phone: '+7 (900) 123-45-67',
        email: 'smirnova.demo@example.com',
        relation: 'parent',
      },
    });
  });

  it('a child of 14+ without an applicant applies alone; under 14 never', () => {
    expect(papersInputFor(child, undefined, { date: '2029-03-14' }).child!.appliesAlone).toBe(true);
    expect(papersInputFor(child, applicant, { date: '2029-03-14' }).child!.appliesAlone).toBeUndefined();
    expect(papersInputFor(child, applicant, { date: '2029-03-14', selfApply: true }).child!.appliesAlone).toBe(true);
    expect(papersInputFor(child, undefined, { date: '2025-03-14', selfApply: true }).child!.appliesAlone).toBeUndefined();
    expect(papersInputFor(child, undefined, { date: '2025-03-14' }).applicant).toBeUndefined();
  });

  it('documents as printed text', () => {
    expect(formatChildDocument({ kind: 'temporary-id', text: '2П 1234', validUntil: '2026-01-31' })).toBe(
      'временное удостоверение личности гражданина РФ № 2П 1234, действительно до 31.01.2026',
    );
    expect(formatChildDocument({ kind: 'foreign-birth-certificate', text: 'AB 1' })).toBe('свидетельство о рождении (иностранное) AB 1');
    expect(formatPassport({ series: '2814', number: '123456' })).toBe('паспорт гражданина РФ серия 28 14 № 123456');
    expect(blankPapersInput('tver')).toEqual({ region: 'tver' });
  });

  it('the papers module accepts it and builds a PDF', async () => {
    const { buildPapersPdf } = await import('@/utils/papers');
    const dir = 'node_modules/dejavu-fonts-ttf/ttf/';
    const fonts = { regular: new Uint8Array(readFileSync(dir + 'DejaVuSerif.ttf')), bold: new Uint8Array(readFileSync(dir + 'DejaVuSerif-Bold.ttf')) };
    const pdf = await buildPapersPdf(papersInputFor(child, applicant, { date: '2025-03-05' }), fonts);
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
  });
});
