/**
 * The profile database: IndexedDB `pfdo-companion` of the extension's own origin (Dexie).
 * Nothing leaves the browser. Every write is validated with the zod schemas first; invalid
 * input throws {@link ProfileValidationError} and stores nothing.
 */
import Dexie, { type EntityTable } from 'dexie';
import {
  Applicant,
  Child,
  EXPORT_VERSION,
  ExportFile,
  MAX_SCAN_BYTES,
  fieldErrors,
  isScanType,
  type Applicant as ApplicantT,
  type Child as ChildT,
} from './schema';

/** A stored scan or photo of the child's document (one per child). */
export interface StoredScan {
  childId: string;
  /** File name, e.g. `svidetelstvo.jpg`. */
  name: string;
  /** MIME type: `image/*` or `application/pdf`. */
  type: string;
  blob: Blob;
  /** Size in bytes. */
  size: number;
}

class ProfileDb extends Dexie {
  children!: EntityTable<ChildT, 'id'>;
  applicant!: EntityTable<ApplicantT, 'id'>;
  scans!: EntityTable<StoredScan, 'childId'>;

  constructor() {
    super('pfdo-companion');
    this.version(1).stores({ children: 'id', applicant: 'id', scans: 'childId' });
  }
}

let instance: ProfileDb | undefined;

/** The database (opened lazily, one per page/worker). */
function db(): ProfileDb {
  return (instance ??= new ProfileDb());
}

/**
 * Invalid profile data. `message` is a Russian summary; `fields` maps a field path
 * (`name.lastName`, `document.series`, `scan`, `file`, …) to its Russian message.
 */
export class ProfileValidationError extends Error {
  readonly fields: Record<string, string>;
  constructor(fields: Record<string, string>, summary?: string) {
    const list = Object.values(fields);
    super(summary ?? (list.length === 1 ? list[0] : `Проверьте данные: ${list.slice(0, 3).join('; ')}${list.length > 3 ? '…' : ''}`));
    this.name = 'ProfileValidationError';
    this.fields = fields;
  }
}

/**
 * All children, oldest first (by date of birth, then id), so the order is stable.
 * @returns parsed children as stored
 */
export async function listChildren(): Promise<ChildT[]> {
  const all = await db().children.toArray();
  return all.sort((a, b) => a.birthDate.localeCompare(b.birthDate) || a.id.localeCompare(b.id));
}

/**
 * One child.
 * @param id the child's id
 * @returns the child, or `undefined` when there is none with this id
 */
export async function getChild(id: string): Promise<ChildT | undefined> {
  return db().children.get(id);
}

/**
 * Validates and stores a child (insert or replace by `id`).
 * @param input a child draft (raw strings are normalised, e.g. СНИЛС `11223344595` → `112-233-445 95`)
 * @returns the stored (normalised) child
 * @throws ProfileValidationError with a Russian message per field; nothing is stored then
 */
export async function saveChild(input: unknown): Promise<ChildT> {
  const parsed = Child.safeParse(input);
  if (!parsed.success) throw new ProfileValidationError(fieldErrors(parsed.error));
  await db().children.put(parsed.data);
  return parsed.data;
}

/**
 * Deletes a child and the scan of its document (one transaction).
 * @param id the child's id; an unknown id does nothing
 */
export async function deleteChild(id: string): Promise<void> {
  const d = db();
  await d.transaction('rw', d.children, d.scans, async () => {
    await d.children.delete(id);
    await d.scans.delete(id);
  });
}

/**
 * The applicant (parent or representative).
 * @returns the applicant, or `undefined` when not filled yet
 */
export async function getApplicant(): Promise<ApplicantT | undefined> {
  return db().applicant.get('applicant');
}

/**
 * Validates and stores the applicant (replaces the previous one).
 * @param input an applicant draft
 * @returns the stored (normalised) applicant
 * @throws ProfileValidationError with a Russian message per field; nothing is stored then
 */
export async function saveApplicant(input: unknown): Promise<ApplicantT> {
  const parsed = Applicant.safeParse(input);
  if (!parsed.success) throw new ProfileValidationError(fieldErrors(parsed.error));
  await db().applicant.put(parsed.data);
  return parsed.data;
}

/**
 * Checks a file before storing it as a scan: one of `SCAN_TYPES` (raster images, PDF), 1 byte … 10 MB.
 * @param file the file (its `type` is the MIME type)
 * @returns a Russian message, or `null` when the file is fine
 */
export function scanProblem(file: Blob): string | null {
  if (!isScanType(file.type)) return 'Подходит только фотография (JPG, PNG) или PDF: выберите другой файл';
  if (file.size === 0) return 'Файл пустой: выберите другой файл';
  if (file.size > MAX_SCAN_BYTES)
    return `Файл слишком большой (${(file.size / 1024 / 1024).toFixed(1)} МБ), можно до 10 МБ: уменьшите фото или отсканируйте с меньшим разрешением`;
  return null;
}

/**
 * Stores the scan of a child's document (replaces the previous one).
 * @param childId id of a stored child
 * @param file an image or a PDF up to 10 MB (a `File` gives its own name)
 * @param name file name to keep (default: the `File`'s name, else «скан»)
 * @returns the stored scan
 * @throws ProfileValidationError (field `scan`, Russian) for a wrong type or size or an unknown child
 */
export async function saveScan(childId: string, file: Blob, name?: string): Promise<StoredScan> {
  const problem = scanProblem(file);
  if (problem) throw new ProfileValidationError({ scan: problem });
  const fileName = (name ?? (file as File).name ?? '').trim() || 'скан';
  const scan: StoredScan = { childId, name: fileName.slice(0, 255), type: file.type, blob: file, size: file.size };
  const d = db();
  await d.transaction('rw', d.children, d.scans, async () => {
    if (!(await d.children.get(childId))) throw new ProfileValidationError({ scan: 'Сначала сохраните данные ребёнка, потом прикрепите скан' });
    await d.scans.put(scan);
  });
  return scan;
}

/**
 * The scan of a child's document.
 * @param childId the child's id
 * @returns the scan, or `undefined`
 */
export async function getScan(childId: string): Promise<StoredScan | undefined> {
  return db().scans.get(childId);
}

/**
 * Deletes the scan of a child's document.
 * @param childId the child's id; nothing happens when there is no scan
 */
export async function deleteScan(childId: string): Promise<void> {
  await db().scans.delete(childId);
}

/** Deletes the whole profile: applicant, children and scans (one transaction). */
export async function deleteAllData(): Promise<void> {
  const d = db();
  await d.transaction('rw', d.children, d.applicant, d.scans, async () => {
    await Promise.all([d.children.clear(), d.applicant.clear(), d.scans.clear()]);
  });
}

async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function base64ToBlob(base64: string, type: string): Blob {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}

/**
 * The whole profile as an export file (see `ExportFile` in `schema.ts`), ready for `JSON.stringify`.
 * @param opts `includeScans` (default true): add the scans as base64
 * @returns `{ format: 'pfdo-companion-profile', version: 1, exportedAt: ISO time, applicant?, children, scans? }`
 */
export async function exportAll(opts: { includeScans?: boolean } = {}): Promise<ExportFile> {
  const d = db();
  const [applicant, children, scans] = await d.transaction('r', d.children, d.applicant, d.scans, () =>
    Promise.all([getApplicant(), listChildren(), d.scans.toArray()]),
  );
  const file: ExportFile = { format: 'pfdo-companion-profile', version: EXPORT_VERSION, exportedAt: new Date().toISOString(), children };
  if (applicant) file.applicant = applicant;
  if (opts.includeScans !== false && scans.length) {
    file.scans = await Promise.all(scans.map(async (s) => ({ childId: s.childId, name: s.name, type: s.type, base64: await blobToBase64(s.blob) })));
  }
  return file;
}

/** What {@link importAll} stored. */
export interface ImportSummary {
  applicant: boolean;
  children: number;
  scans: number;
}

/**
 * Replaces the whole profile with an export file, in one transaction: either everything is
 * stored or nothing changes.
 * @param data the file's JSON text or the parsed object
 * @returns how much was stored
 * @throws ProfileValidationError (Russian) for a file that is not JSON, not a profile file, or
 *   has invalid values (per field, e.g. `children.0.snils`); the stored data are unchanged then
 */
export async function importAll(data: unknown): Promise<ImportSummary> {
  let raw = data;
  if (typeof data === 'string') {
    try {
      raw = JSON.parse(data);
    } catch {
      throw new ProfileValidationError({ file: 'Файл не читается: это не файл профиля помощника (нужен файл .json, сохранённый кнопкой «Сохранить в файл»)' });
    }
  }
  const parsed = ExportFile.safeParse(raw);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    throw new ProfileValidationError(fields, `Файл профиля не подходит, ничего не изменено. ${Object.values(fields)[0] ?? ''}`.trim());
  }
  const file = parsed.data;
  const scans: StoredScan[] = [];
  for (const s of file.scans ?? []) {
    let blob: Blob;
    try {
      blob = base64ToBlob(s.base64, s.type);
    } catch {
      throw new ProfileValidationError({ file: 'Скан в файле профиля повреждён, ничего не изменено' });
    }
    const problem = scanProblem(blob);
    if (problem) throw new ProfileValidationError({ file: `Скан в файле профиля не подходит, ничего не изменено. ${problem}` });
    scans.push({ childId: s.childId, name: s.name, type: s.type, blob, size: blob.size });
  }
  const d = db();
  await d.transaction('rw', d.children, d.applicant, d.scans, async () => {
    await Promise.all([d.children.clear(), d.applicant.clear(), d.scans.clear()]);
    if (file.applicant) await d.applicant.put(file.applicant);
    await d.children.bulkPut(file.children);
    if (scans.length) await d.scans.bulkPut(scans);
  });
  return { applicant: !!file.applicant, children: file.children.length, scans: scans.length };
}
