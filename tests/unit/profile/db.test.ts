import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ProfileValidationError,
  deleteAllData,
  deleteChild,
  deleteScan,
  exportAll,
  getApplicant,
  getChild,
  getScan,
  importAll,
  listChildren,
  saveApplicant,
  saveChild,
  saveScan,
} from '@/utils/profile/db';
import { APPLICANT, CHILD } from './fixtures';

const MISHA = { ...CHILD, id: 'child-misha', name: { lastName: 'Смирнов', firstName: 'Михаил' }, birthDate: '2011-09-01', region: 'tver' };
const png = () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'image/png' });

afterEach(async () => {
  await deleteAllData();
});

async function expectValidation(p: Promise<unknown>): Promise<ProfileValidationError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ProfileValidationError);
  return e as ProfileValidationError;
}

describe('children', () => {
  it('save normalises, list is sorted oldest first, get by id', async () => {
    const saved = await saveChild(CHILD);
    expect(saved.snils).toBe('112-233-445 95');
    await saveChild(MISHA);
    expect((await listChildren()).map((c) => c.id)).toEqual(['child-misha', 'child-anna']);
    expect(await getChild('child-anna')).toEqual(saved);
    expect(await getChild('nobody')).toBeUndefined();
  });

  it('invalid input throws with Russian messages per field and stores nothing', async () => {
    await saveChild(CHILD);
    const e = await expectValidation(saveChild({ ...CHILD, snils: '010-242-368 00', inn: '123' }));
    expect(e.fields.snils).toMatch(/Контрольное число СНИЛС/);
    expect(e.fields.inn).toMatch(/12 цифр/);
    expect(e.message).toMatch(/Проверьте данные/);
    // the stored child is unchanged
    expect((await getChild('child-anna'))!.snils).toBe('112-233-445 95');
    await expectValidation(saveChild({ ...MISHA, birthDate: 'вчера' }));
    expect(await getChild('child-misha')).toBeUndefined();
  });

  it('delete removes the child and its scan', async () => {
    await saveChild(CHILD);
    await saveScan('child-anna', png(), 'svid.png');
    await deleteChild('child-anna');
    expect(await getChild('child-anna')).toBeUndefined();
    expect(await getScan('child-anna')).toBeUndefined();
  });
});

describe('applicant', () => {
  it('save and get', async () => {
    expect(await getApplicant()).toBeUndefined();
    const a = await saveApplicant(APPLICANT);
    expect(a.phone).toBe('+7 (900) 123-45-67');
    expect(await getApplicant()).toEqual(a);
    const e = await expectValidation(saveApplicant({ ...APPLICANT, email: 'x' }));
    expect(e.fields.email).toMatch(/@/);
    expect((await getApplicant())!.email).toBe('smirnova.demo@example.com');
  });
});

describe('scans', () => {
  it('stores a Blob with name, type and size', async () => {
    await saveChild(CHILD);
    const s = await saveScan('child-anna', png(), 'svid.png');
    expect(s).toMatchObject({ childId: 'child-anna', name: 'svid.png', type: 'image/png', size: 7 });
    const got = await getScan('child-anna');
    expect(got!.size).toBe(7);
    expect(new Uint8Array(await got!.blob.arrayBuffer())[1]).toBe(0x50);
    await deleteScan('child-anna');
    expect(await getScan('child-anna')).toBeUndefined();
  });

  it('refuses other types, empty and too large files, unknown children', async () => {
    await saveChild(CHILD);
    expect((await expectValidation(saveScan('child-anna', new Blob(['x'], { type: 'text/plain' })))).fields.scan).toMatch(/фотография.*PDF/);
    expect((await expectValidation(saveScan('child-anna', new Blob([], { type: 'image/png' })))).fields.scan).toMatch(/пустой/);
    const big = new Blob([new Uint8Array(10 * 1024 * 1024 + 1)], { type: 'application/pdf' });
    expect((await expectValidation(saveScan('child-anna', big))).fields.scan).toMatch(/до 10 МБ/);
    expect((await expectValidation(saveScan('nobody', png()))).fields.scan).toMatch(/Сначала сохраните/);
    expect(await getScan('child-anna')).toBeUndefined();
    const ok = await saveScan('child-anna', new Blob([new Uint8Array(10 * 1024 * 1024)], { type: 'application/pdf' }));
    expect(ok.name).toBe('скан');
  });
});

describe('export and import', () => {
  it('round trip with scans', async () => {
    await saveApplicant(APPLICANT);
    await saveChild(CHILD);
    await saveChild(MISHA);
    await saveScan('child-anna', png(), 'svid.png');
    const file = await exportAll();
    expect(file).toMatchObject({ format: 'pfdo-companion-profile', version: 1 });
    expect(file.scans).toHaveLength(1);
    const json = JSON.stringify(file);
    await deleteAllData();
    expect(await listChildren()).toEqual([]);
    expect(await importAll(json)).toEqual({ applicant: true, children: 2, scans: 1 });
    expect((await listChildren()).map((c) => c.id)).toEqual(['child-misha', 'child-anna']);
    expect((await getApplicant())!.snils).toBe('148-481-255 85');
    expect((await getScan('child-anna'))!.size).toBe(7);
    expect((await exportAll({ includeScans: false })).scans).toBeUndefined();
  });

  it('import replaces the profile', async () => {
    await saveChild(MISHA);
    await importAll({ format: 'pfdo-companion-profile', version: 1, children: [CHILD] });
    expect((await listChildren()).map((c) => c.id)).toEqual(['child-anna']);
    expect(await getApplicant()).toBeUndefined();
  });

  it('a malformed file is refused in Russian and nothing changes', async () => {
    await saveApplicant(APPLICANT);
    await saveChild(CHILD);
    const before = await exportAll();
    const notJson = await expectValidation(importAll('{ not json'));
    expect(notJson.message).toMatch(/не файл профиля/);
    const bad = await expectValidation(importAll({ format: 'pfdo-companion-profile', version: 1, children: [CHILD, { ...MISHA, snils: '001-001-999 00' }] }));
    expect(bad.message).toMatch(/ничего не изменено/);
    expect(bad.fields['children.1.snils']).toMatch(/СНИЛС/);
    await expectValidation(importAll({ hello: 'world' }));
    await expectValidation(importAll({ format: 'pfdo-companion-profile', version: 1, children: [CHILD], scans: [{ childId: 'child-anna', name: 'a.txt', type: 'text/plain', base64: 'AA==' }] }));
    await expectValidation(importAll({ format: 'pfdo-companion-profile', version: 1, children: [CHILD], scans: [{ childId: 'child-anna', name: 'a.png', type: 'image/png', base64: '' }] }));
    const after = await exportAll();
    expect({ ...after, exportedAt: '' }).toEqual({ ...before, exportedAt: '' });
  });

  it('deleteAllData clears everything', async () => {
    await saveApplicant(APPLICANT);
    await saveChild(CHILD);
    await saveScan('child-anna', png());
    await deleteAllData();
    expect(await getApplicant()).toBeUndefined();
    expect(await listChildren()).toEqual([]);
    expect(await getScan('child-anna')).toBeUndefined();
  });
});
