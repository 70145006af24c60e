/**
 * Data safety of the profile database (fake-indexeddb):
 * - a database written by schema version 1 with raw IndexedDB (no Dexie) opens through
 *   `utils/profile/db.ts` with its data intact;
 * - export → import gives back the same data;
 * - a malformed, a foreign or an invalid file is refused with a Russian message and the
 *   stored data stay exactly as they were;
 * - «delete everything» leaves every store empty.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { deleteAllData, exportAll, getApplicant, getScan, importAll, listChildren, ProfileValidationError } from '@/utils/profile/db';
import { Applicant, Child } from '@/utils/profile/schema';
import { APPLICANT, CHILD } from '../profile/fixtures';

const DB_NAME = 'pfdo-companion';
/** Dexie stores version N as IndexedDB version N × 10. */
const IDB_V1 = 10;

const child = Child.parse(CHILD);
const applicant = Applicant.parse(APPLICANT);
const sibling = Child.parse({ ...CHILD, id: 'child-misha', name: { lastName: 'Смирнов', firstName: 'Михаил' }, birthDate: '2011-09-01', region: 'tver' });
const scanBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Creates the version-1 database the way an old build left it, with raw IndexedDB. */
async function createV1Database(): Promise<void> {
  const open = indexedDB.open(DB_NAME, IDB_V1);
  open.onupgradeneeded = () => {
    const db = open.result;
    db.createObjectStore('children', { keyPath: 'id' });
    db.createObjectStore('applicant', { keyPath: 'id' });
    db.createObjectStore('scans', { keyPath: 'childId' });
  };
  const db = await req(open);
  const tx = db.transaction(['children', 'applicant', 'scans'], 'readwrite');
  tx.objectStore('children').put(child);
  tx.objectStore('children').put(sibling);
  tx.objectStore('applicant').put(applicant);
  tx.objectStore('scans').put({ childId: child.id, name: 'svid.png', type: 'image/png', blob: new Blob([scanBytes], { type: 'image/png' }), size: scanBytes.length });
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** Everything stored, read with raw IndexedDB (not through the code under test). */
async function rawDump(): Promise<Record<string, unknown[]>> {
  const db = await req(indexedDB.open(DB_NAME));
  const out: Record<string, unknown[]> = {};
  for (const store of Array.from(db.objectStoreNames)) {
    const rows = await req(db.transaction(store).objectStore(store).getAll());
    out[store] = rows.map((r) => (r && typeof r === 'object' && 'blob' in r ? { ...r, blob: `blob:${(r.blob as Blob).size}` } : r));
  }
  db.close();
  return out;
}

async function refused(data: unknown): Promise<ProfileValidationError> {
  const err = await importAll(data).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProfileValidationError);
  const e = err as ProfileValidationError;
  expect(e.message).toMatch(/[А-Яа-яЁё]{4}/); // a Russian message
  return e;
}

describe('database safety', () => {
  beforeAll(createV1Database);

  it('a version-1 database created with raw IndexedDB opens through db.ts with its data intact', async () => {
    expect(await listChildren()).toEqual([sibling, child]); // oldest first
    expect(await getApplicant()).toEqual(applicant);
    const scan = await getScan(child.id);
    expect(scan).toMatchObject({ childId: child.id, name: 'svid.png', type: 'image/png', size: scanBytes.length });
    expect(new Uint8Array(await scan!.blob.arrayBuffer())).toEqual(scanBytes);
    // the stores are still there, unchanged, after Dexie opened the database
    const dump = await rawDump();
    expect(Object.keys(dump).sort()).toEqual(['applicant', 'children', 'scans']);
    expect(dump.children).toHaveLength(2);
  });

  it('export → wipe → import gives back exactly the same data', async () => {
    const before = await rawDump();
    const file = JSON.parse(JSON.stringify(await exportAll()));
    await deleteAllData();
    expect(await rawDump()).toEqual({ applicant: [], children: [], scans: [] });
    expect(await importAll(JSON.stringify(file))).toEqual({ applicant: true, children: 2, scans: 1 });
    expect(await rawDump()).toEqual(before);
    const scan = await getScan(child.id);
    expect(new Uint8Array(await scan!.blob.arrayBuffer())).toEqual(scanBytes);
    const again = JSON.parse(JSON.stringify(await exportAll()));
    expect({ ...again, exportedAt: '' }).toEqual({ ...file, exportedAt: '' });
  });

  it('bad files are refused with a Russian message and change nothing', async () => {
    const before = await rawDump();
    const good = JSON.parse(JSON.stringify(await exportAll()));
    const bad: Array<[string, unknown]> = [
      ['malformed JSON', '{"format": "pfdo-companion-profile", "version": 1, "children": ['],
      ['empty text', ''],
      ['foreign JSON', JSON.stringify({ name: 'my-package', version: '1.0.0', dependencies: {} })],
      ['JSON array', '[1,2,3]'],
      ['JSON null', 'null'],
      ['other version', JSON.stringify({ ...good, version: 2 })],
      ['invalid СНИЛС', JSON.stringify({ ...good, children: [{ ...good.children[0], snils: '112-233-445 96' }] })],
      ['scan of a wrong type', JSON.stringify({ ...good, scans: [{ ...good.scans[0], type: 'text/html' }] })],
      ['broken base64', JSON.stringify({ ...good, scans: [{ ...good.scans[0], base64: '%%%not base64%%%' }] })],
      ['prototype pollution with a bad child', `{"format":"pfdo-companion-profile","version":1,"children":[{"__proto__":{"polluted":true}}],"__proto__":{"polluted":true}}`],
      ['duplicate child', JSON.stringify({ ...good, children: [good.children[0], good.children[0]] })],
      ['scan of an unknown child', JSON.stringify({ ...good, scans: [{ ...good.scans[0], childId: 'nobody' }] })],
    ];
    for (const [what, data] of bad) {
      const e = await refused(data);
      expect(e.message, what).toBeTruthy();
      expect(await rawDump(), what).toEqual(before);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('«delete everything» leaves every store empty', async () => {
    expect((await rawDump()).children.length).toBeGreaterThan(0);
    await deleteAllData();
    expect(await rawDump()).toEqual({ applicant: [], children: [], scans: [] });
    expect(await listChildren()).toEqual([]);
    expect(await getApplicant()).toBeUndefined();
    expect(await getScan(child.id)).toBeUndefined();
  });
});
