import { describe, expect, it } from 'vitest';
import { Applicant, Child, ChildDocument, ExportFile, childWarnings, fieldErrors, PersonName } from '@/utils/profile/schema';
import { APPLICANT, CHILD } from './fixtures';

describe('schemas normalise on parse', () => {
  it('child', () => {
    const c = Child.parse(CHILD);
    expect(c.snils).toBe('112-233-445 95');
    expect(c.document).toEqual({ kind: 'birth-certificate', series: 'III-ПО', number: '537155', issuedAt: '2015-03-20', issuedBy: 'Отдел ЗАГС г. Киселевска' });
    // idempotent: parsing the stored value gives the same value
    expect(Child.parse(c)).toEqual(c);
  });

  it('applicant', () => {
    const a = Applicant.parse(APPLICANT);
    expect(a.phone).toBe('+7 (900) 123-45-67');
    expect(a.passport).toEqual({ series: '3206', number: '114590', issuedAt: '2008-05-17', issuedBy: 'Отделом УФМС', divisionCode: '420-012' });
    expect(a.snils).toBe('148-481-255 85');
    expect(Applicant.parse(a)).toEqual(a);
  });

  it('blank optional fields become absent; Отчество is optional', () => {
    const c = Child.parse({ ...CHILD, snils: '', inn: '  ', address: null, document: undefined, name: { lastName: 'Ли', firstName: 'Ан', middleName: '' } });
    expect(c.snils).toBeUndefined();
    expect(c.inn).toBeUndefined();
    expect(c.address).toBeUndefined();
    expect(c.name.middleName).toBeUndefined();
    expect('document' in c && c.document).toBeFalsy();
  });

  it('applicant id defaults to «applicant»', () => {
    expect(Applicant.parse({ name: APPLICANT.name, relation: 'representative' }).id).toBe('applicant');
  });
});

describe('zod issues carry Russian messages per field', () => {
  it('child with several mistakes', () => {
    const r = Child.safeParse({
      ...CHILD,
      name: { lastName: 'Smirnova', firstName: '' },
      birthDate: '2015-02-30',
      snils: '010-242-368 00',
      inn: '7707083893',
      document: { kind: 'birth-certificate', series: 'ZZ-ПО', number: '12' },
      attends: 'college',
      region: 'moscow',
    });
    expect(r.success).toBe(false);
    const f = fieldErrors(r.error!);
    expect(f['name.lastName']).toMatch(/русскими буквами/);
    expect(f['name.firstName']).toMatch(/Укажите имя/);
    expect(f.birthDate).toMatch(/нет в календаре/);
    expect(f.snils).toMatch(/Контрольное число СНИЛС не сходится/);
    expect(f.inn).toMatch(/ИНН организации/);
    expect(f['document.series']).toMatch(/римского числа/);
    expect(f['document.number']).toMatch(/6 цифр/);
    expect(f.attends).toMatch(/школу или детский сад/);
    expect(f.region).toMatch(/Тверская область или Кузбасс/);
    for (const m of Object.values(f)) expect(m).toMatch(/[А-Яа-я]/);
  });

  it('missing required fields', () => {
    const f = fieldErrors(Child.safeParse({ id: 'x' }).error!);
    expect(f.name).toMatch(/фамилию, имя/);
    expect(f.birthDate).toMatch(/дату рождения/);
    expect(f.attends).toBeDefined();
    expect(f.region).toBeDefined();
    expect(fieldErrors(Child.safeParse(null).error!)['']).toBe('Нет данных ребёнка');
  });

  it('birth date in the future is refused', () => {
    const f = fieldErrors(Child.safeParse({ ...CHILD, birthDate: '2999-01-01' }).error!);
    expect(f.birthDate).toMatch(/в будущем/);
  });

  it('passport of the applicant: every part is checked, issue date and issuer required', () => {
    const f = fieldErrors(Applicant.safeParse({ ...APPLICANT, passport: { series: '0000', number: '000000', issuedAt: '', issuedBy: '' } }).error!);
    expect(f['passport.series']).toMatch(/нулей/);
    expect(f['passport.number']).toMatch(/нулей/);
    expect(f['passport.issuedAt']).toMatch(/Укажите дату/);
    expect(f['passport.issuedBy']).toMatch(/кем выдан/);
  });

  it('e-mail, phone, relation', () => {
    const f = fieldErrors(Applicant.safeParse({ ...APPLICANT, email: 'мама@mail.ru', phone: '123', relation: 'aunt' }).error!);
    expect(f.email).toMatch(/русские буквы/);
    expect(f.phone).toMatch(/10 цифр/);
    expect(f.relation).toMatch(/родитель или законный представитель/);
  });
});

describe('ChildDocument union', () => {
  it('each kind', () => {
    expect(ChildDocument.parse({ kind: 'foreign-birth-certificate', text: ' AB 123 ' })).toEqual({ kind: 'foreign-birth-certificate', text: 'AB 123' });
    expect(ChildDocument.parse({ kind: 'passport', series: '2814', number: '123456', divisionCode: '690-001' })).toMatchObject({ series: '2814', divisionCode: '690-001' });
    expect(ChildDocument.parse({ kind: 'temporary-id', text: '123', validUntil: '01.02.2026' })).toEqual({ kind: 'temporary-id', text: '123', validUntil: '2026-02-01' });
  });
  it('unknown kind and missing validUntil', () => {
    expect(fieldErrors(ChildDocument.safeParse({ kind: 'driver' }).error!).kind).toBe('Выберите вид документа ребёнка');
    expect(fieldErrors(ChildDocument.safeParse({ kind: 'temporary-id', text: '1' }).error!).validUntil).toMatch(/до какого числа/);
  });
});

describe('PersonName', () => {
  it('hyphenated names', () => {
    expect(PersonName.parse({ lastName: 'Петрова-Водкина', firstName: 'Анна–Мария' })).toEqual({ lastName: 'Петрова-Водкина', firstName: 'Анна-Мария' });
  });
});

describe('childWarnings', () => {
  it('certificate prefix of another region, document kind vs age, expired temporary ID', () => {
    const c = Child.parse({ ...CHILD, certificateNumber: '69-01-000001' });
    expect(childWarnings(c, '2025-01-01').certificateNumber).toMatch(/42/);
    expect(childWarnings(Child.parse({ ...CHILD, certificateNumber: '4207000002' }), '2025-01-01')).toEqual({});
    const p = Child.parse({ ...CHILD, document: { kind: 'passport', series: '3206', number: '123456' } });
    expect(childWarnings(p, '2025-01-01')['document.kind']).toMatch(/с 14 лет/);
    expect(childWarnings(c, '2029-03-14')['document.kind']).toMatch(/паспорт/);
    const t = Child.parse({ ...CHILD, document: { kind: 'temporary-id', text: '1', validUntil: '2024-01-01' } });
    expect(childWarnings(t, '2025-01-01')['document.validUntil']).toMatch(/закончился/);
  });
});

describe('ExportFile', () => {
  it('accepts a file and rejects duplicates, foreign scans, wrong version', () => {
    expect(ExportFile.parse({ format: 'pfdo-companion-profile', version: 1, applicant: APPLICANT, children: [CHILD] }).children[0].snils).toBe('112-233-445 95');
    const dup = fieldErrors(ExportFile.safeParse({ format: 'pfdo-companion-profile', version: 1, children: [CHILD, CHILD] }).error!);
    expect(dup['children.1.id']).toMatch(/дважды/);
    const scan = fieldErrors(ExportFile.safeParse({ format: 'pfdo-companion-profile', version: 1, children: [CHILD], scans: [{ childId: 'nobody', name: 'a.png', type: 'image/png', base64: 'AA==' }] }).error!);
    expect(scan['scans.0.childId']).toMatch(/нет в файле/);
    expect(fieldErrors(ExportFile.safeParse({ version: 2, children: [] }).error!).version).toMatch(/другой версии/);
    expect(fieldErrors(ExportFile.safeParse('hello').error!)['']).toMatch(/повреждён/);
  });
});
