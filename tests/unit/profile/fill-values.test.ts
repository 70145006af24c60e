import { describe, expect, it } from 'vitest';
import { fillValuesFor } from '@/utils/profile/fill-values';
import { Applicant, Child } from '@/utils/profile/schema';
import { APPLICANT, CHILD } from './fixtures';

describe('fillValuesFor', () => {
  it('birth certificate', () => {
    expect(fillValuesFor(Child.parse(CHILD), Applicant.parse(APPLICANT))).toEqual({
      childName: 'Смирнова Анна Андреевна',
      childBirthDate: '14.03.2015',
      documentKind: 'Свидетельство о рождении',
      documentSeries: 'III-ПО',
      documentNumber: '537155',
      documentIssuedAt: '20.03.2015',
      documentIssuedBy: 'Отдел ЗАГС г. Киселевска',
      documentLabel: 'Свидетельство о рождении серия III-ПО № 537155',
      email: 'smirnova.demo@example.com',
      certificateGroup: 'Дети в возрасте от 5 до 18 лет',
    });
  });

  it('passport; absent values are omitted', () => {
    const c = Child.parse({ ...CHILD, name: { lastName: 'Ли', firstName: 'Ан' }, document: { kind: 'passport', series: '3206', number: '654321' } });
    const v = fillValuesFor(c);
    expect(v).toEqual({
      childName: 'Ли Ан',
      childBirthDate: '14.03.2015',
      documentKind: 'Паспорт гражданина РФ',
      documentSeries: '3206',
      documentNumber: '654321',
      documentLabel: 'Паспорт гражданина РФ серия 3206 № 654321',
      certificateGroup: 'Дети в возрасте от 5 до 18 лет',
    });
    for (const x of Object.values(v)) expect(x).not.toBe('');
  });

  it('no document', () => {
    const v = fillValuesFor(Child.parse({ ...CHILD, document: undefined }), null);
    expect(Object.keys(v).sort()).toEqual(['certificateGroup', 'childBirthDate', 'childName']);
  });
});
