import { signal } from '@preact/signals';
import { downloadBlob } from '@/utils/download';
import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ApplicantForm } from '@/components/profile/ApplicantForm';
import { ChildForm } from '@/components/profile/ChildForm';
import { fieldList, type Unsaved } from '@/components/profile/unsaved';
import {
  ProfileValidationError,
  deleteAllData,
  deleteChild,
  deleteScan,
  exportAll,
  getApplicant,
  getScan,
  importAll,
  listChildren,
  saveApplicant,
  saveChild,
  saveScan,
} from '@/utils/profile/db';
import { assessEligibility, formatAge, formatRuDate, todayLocal } from '@/utils/profile/eligibility';
import { municipalityRules, REGIONS } from '@/utils/profile/regions';
import { MAX_SCAN_BYTES, type Applicant, type Child } from '@/utils/profile/schema';

/** Everything the page shows; reloaded from the database after each change. */
const applicant = signal<Applicant | undefined>(undefined);
const children = signal<Child[]>([]);
const scans = signal<Record<string, { name: string; size: number }>>({});
const loaded = signal(false);
/** Bumped to remount the forms after an import or a wipe (they keep their own drafts). */
const version = signal(0);
/** `null`, `'new'` or the id of the child being edited. */
const editing = signal<string | null>(null);
const newId = signal('');
const confirmDelete = signal<string | null>(null);
const backupStatus = signal<{ kind: 'ok' | 'error'; text: string } | null>(null);
const pendingImport = signal<File | null>(null);
const confirmWipe = signal(false);
/** The status line of the children section (`unsaved`: a change is waiting in the open form). */
const pageStatus = signal<{ kind: 'ok' | 'unsaved'; text: string } | null>(null);
/** Unsaved changes reported by the applicant form and the open child form. */
const unsaved = signal<{ applicant: Unsaved | null; child: Unsaved | null }>({ applicant: null, child: null });

/**
 * Whether anything typed on the page is not stored yet (including a save that is only waiting
 * or under way).
 * @returns `true` when leaving the page now could lose what the user typed
 */
export function hasUnsaved(): boolean {
  return unsaved.value.applicant !== null || unsaved.value.child !== null;
}

/**
 * `beforeunload` listener of the page: asks the browser to confirm leaving while
 * {@link hasUnsaved} (the browser shows its own text, e.g. «Покинуть сайт? Возможно, внесённые
 * изменения не сохранятся»).
 * @param e the event
 */
export function warnBeforeLeaving(e: BeforeUnloadEvent): void {
  if (!hasUnsaved()) return;
  e.preventDefault();
  // Older Chromium and Firefox versions look at returnValue instead of preventDefault().
  e.returnValue = '';
}

function setUnsaved(part: 'applicant' | 'child', u: Unsaved | null) {
  unsaved.value = { ...unsaved.value, [part]: u };
}

/**
 * Reloads the profile from the database into the page's signals.
 * @param remount also remount the forms (after an import or a wipe)
 */
export async function reload(remount = false): Promise<void> {
  const [a, list] = await Promise.all([getApplicant(), listChildren()]);
  const found: Record<string, { name: string; size: number }> = {};
  await Promise.all(
    list.map(async (c) => {
      const s = await getScan(c.id);
      if (s) found[c.id] = { name: s.name, size: s.size };
    }),
  );
  applicant.value = a;
  children.value = list;
  scans.value = found;
  loaded.value = true;
  if (remount) {
    version.value++;
    editing.value = null;
  }
}

/**
 * First load of the page: reads the profile and, on a first run (no children yet), opens the form
 * of a new child at the top, so a parent starts with the child.
 */
export async function start(): Promise<void> {
  editing.value = null;
  pageStatus.value = null;
  backupStatus.value = null;
  unsaved.value = { applicant: null, child: null };
  await reload(true);
  if (children.value.length === 0) startAdd();
}

/**
 * Whether the open child form may be replaced by another one; when it has unsaved changes, says
 * so and moves the focus to it instead.
 */
function mayLeaveChildForm(): boolean {
  if (!unsaved.value.child) return true;
  pageStatus.value = { kind: 'unsaved', text: 'Сначала сохраните или отмените изменения в открытой форме ребёнка.' };
  document.querySelector<HTMLElement>('[data-testid=child-form] input:not([type=file]), [data-testid=child-form] select')?.focus();
  return false;
}

function startAdd() {
  if (!mayLeaveChildForm()) return;
  pageStatus.value = null;
  newId.value = crypto.randomUUID();
  editing.value = 'new';
  confirmDelete.value = null;
}

async function removeChild(c: Child) {
  await deleteChild(c.id);
  const { activeChildId } = await browser.storage.local.get('activeChildId');
  if (activeChildId === c.id) await browser.storage.local.remove('activeChildId');
  confirmDelete.value = null;
  pageStatus.value = { kind: 'ok', text: `Данные ребёнка (${c.name.firstName}) удалены.` };
  await reload();
  (document.getElementById('add-child') as HTMLElement | null)?.focus();
}


async function exportProfile() {
  const file = await exportAll();
  downloadBlob(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }), `Профиль-помощника-${todayLocal()}.json`);
  backupStatus.value = { kind: 'ok', text: 'Файл профиля сохранён в «Загрузки». Храните его в надёжном месте: в нём личные данные.' };
}

/**
 * Largest profile file accepted: what the extension itself can write (20 scans of 10 MB in
 * base64, plus 4 MB for the text). Anything bigger is refused before it is read into memory.
 */
const MAX_IMPORT_BYTES = 20 * Math.ceil((MAX_SCAN_BYTES * 4) / 3) + 4 * 1024 * 1024;

async function doImport() {
  const file = pendingImport.value;
  pendingImport.value = null;
  if (!file) return;
  if (file.size > MAX_IMPORT_BYTES) {
    backupStatus.value = {
      kind: 'error',
      text: `Файл слишком большой (${Math.round(file.size / 1024 / 1024)} МБ): это не файл профиля помощника, ничего не изменено. Выберите файл .json, сохранённый кнопкой «Сохранить профиль в файл».`,
    };
    return;
  }
  try {
    const res = await importAll(await file.text());
    await reload(true);
    backupStatus.value = {
      kind: 'ok',
      text: `Профиль загружен из файла: детей — ${res.children}${res.applicant ? ', данные заявителя' : ''}${res.scans ? `, сканов — ${res.scans}` : ''}.`,
    };
  } catch (err) {
    backupStatus.value = {
      kind: 'error',
      text: err instanceof ProfileValidationError ? err.message : `Не удалось загрузить файл: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

async function wipe() {
  await deleteAllData();
  await browser.storage.local.remove('activeChildId');
  confirmWipe.value = false;
  await reload(true);
  backupStatus.value = { kind: 'ok', text: 'Все данные профиля удалены из этого браузера.' };
}

function ChildRow({ c }: { c: Child }) {
  const today = todayLocal();
  const el = assessEligibility(c.birthDate, today, { minAge: municipalityRules(c.municipality, c.region).minAge });
  const name = [c.name.lastName, c.name.firstName, c.name.middleName].filter(Boolean).join(' ');
  return (
    <div data-testid="child-row" data-child-id={c.id}>
      <div class="child-row">
        <div>
          <h3>{name}</h3>
          <p class="meta">
            {formatRuDate(c.birthDate)} · {formatAge(el.age)} · {REGIONS[c.region].name}
            {scans.value[c.id] ? ' · скан документа прикреплён' : ''}
          </p>
          <p>
            <span class={`badge badge-${el.status}`}>{el.label}</span>
          </p>
        </div>
        <div class="row-actions">
          <button
            type="button"
            class="btn"
            data-testid="edit-child"
            aria-label={`Изменить данные: ${name}`}
            onClick={() => {
              if (!mayLeaveChildForm()) return;
              editing.value = c.id;
              confirmDelete.value = null;
              pageStatus.value = null;
            }}
          >
            Изменить
          </button>
          <button type="button" class="btn btn-danger" data-testid="delete-child" aria-label={`Удалить: ${name}`} onClick={() => (confirmDelete.value = c.id)}>
            Удалить
          </button>
        </div>
      </div>
      {confirmDelete.value === c.id && (
        <div class="confirm" role="group" aria-label="Подтверждение удаления">
          <p>Удалить все данные ребёнка «{name}» и скан документа? Это нельзя отменить.</p>
          <div class="row-actions">
            <button type="button" class="btn btn-danger btn-primary" data-testid="confirm-delete" onClick={() => removeChild(c)} autoFocus>
              Да, удалить
            </button>
            <button type="button" class="btn" onClick={() => (confirmDelete.value = null)}>
              Нет, оставить
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function childForm(c?: Child) {
  return (
    <ChildForm
      key={c?.id ?? newId.value}
      initial={c}
      newId={newId.value}
      scan={c ? scans.value[c.id] : undefined}
      save={saveChild}
      saveScan={(id, f) => saveScan(id, f)}
      deleteScan={deleteScan}
      onUnsavedChange={(u) => setUnsaved('child', u)}
      onSaved={async (saved) => {
        editing.value = null;
        pageStatus.value = { kind: 'ok', text: `Данные ребёнка (${saved.name.firstName}) сохранены.` };
        await reload();
        const row = [...document.querySelectorAll<HTMLElement>('[data-child-id]')].find((r) => r.dataset.childId === saved.id);
        row?.querySelector<HTMLElement>('[data-testid=edit-child]')?.focus();
      }}
      onCancel={async () => {
        editing.value = null;
        await reload();
        (document.getElementById('add-child') as HTMLElement | null)?.focus();
      }}
    />
  );
}

/**
 * Moves the user to a form with unsaved changes: the field the form names first, else its first
 * field marked red, else its status line.
 */
function goTo(testId: string, focusId?: string) {
  const named = focusId ? document.getElementById(focusId) : null;
  if (named) {
    named.focus();
    return;
  }
  const form = document.querySelector<HTMLElement>(`[data-testid=${testId}]`);
  if (!form) return;
  const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (invalid) {
    (invalid.tagName === 'FIELDSET' ? invalid.querySelector<HTMLElement>('input, select') ?? invalid : invalid).focus();
    return;
  }
  form.querySelector<HTMLElement>('[role=status]')?.scrollIntoView({ block: 'center' });
}

/**
 * The bar at the bottom of the window while something needs the user to act before it is
 * stored: names the parts and fields and leads to them.
 */
function UnsavedBar() {
  const u = unsaved.value;
  const items: Array<{ text: string; target: string; label: string; focusId?: string }> = [];
  if (u.child?.needsAction) {
    const who = editing.value === 'new' ? 'новый ребёнок' : 'данные ребёнка';
    items.push({ text: u.child.fields.length ? `${who} (${fieldList(u.child.fields)})` : who, target: 'child-form', label: 'К форме ребёнка' });
  }
  if (u.applicant?.needsAction) {
    const what = 'данные заявителя';
    const { fields, advice } = u.applicant;
    // the fields are left out when the advice names them all («данные заявителя — проверьте: СНИЛС»)
    const listed = fields.length && !(advice && fields.every((f) => advice.includes(f))) ? `${what} (${fieldList(fields)})` : what;
    items.push({ text: advice ? `${listed} — ${advice}` : listed, target: 'applicant-form', label: 'К данным заявителя', focusId: u.applicant.focusId });
  }
  if (!items.length) return null;
  return (
    <div class="unsaved-bar" role="region" aria-label="Несохранённые изменения" data-testid="unsaved-bar">
      <p>
        <strong>Не сохранено:</strong> {items.map((i) => i.text).join('; ')}.
      </p>
      <div class="row-actions">
        {items.map((i) => (
          <button key={i.target} type="button" class="btn" onClick={() => goTo(i.target, i.focusId)}>
            {i.label}
          </button>
        ))}
      </div>
    </div>
  );
}

/**
 * The options page («Профиль»): the children first (list with add / edit / delete; on a first
 * run the form of a new child is open at the top), then the applicant form (saved as you go),
 * then backup (save to a file, load from a file, delete everything). While anything typed is not
 * stored, a bar names it and the browser asks before the page is left or reloaded.
 */
export function App() {
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    addEventListener('beforeunload', warnBeforeLeaving);
    return () => removeEventListener('beforeunload', warnBeforeLeaving);
  }, []);
  if (!loaded.value) return <p class="page">Загрузка…</p>;
  return (
    <div class="page">
      <header>
        <h1>Профиль</h1>
        <p>
          Заполните данные один раз — помощник подставит их в заявление, в согласия и на портале по кнопке «Заполнить». Начните с ребёнка,
          потом заполните данные заявителя. Поля с пометкой «необязательно» можно оставить пустыми.
        </p>
        <p class="privacy">Данные хранятся только в этом браузере, в самом расширении. Помощник никуда их не отправляет.</p>
      </header>
      <main>
        <section class="card" aria-labelledby="children-title" data-testid="children-section">
          <h2 id="children-title">Дети</h2>
          {children.value.length === 0 && editing.value !== 'new' && (
            <p class="empty">Пока нет ни одного ребёнка. Нажмите «Добавить ребёнка».</p>
          )}
          <ul class="children-list">
            {children.value.map((c) => (
              <li key={`${c.id}-${version.value}`} class={editing.value === c.id ? 'is-editing' : ''}>
                {editing.value === c.id ? childForm(c) : <ChildRow c={c} />}
              </li>
            ))}
          </ul>
          {editing.value === 'new' ? (
            childForm()
          ) : (
            <button type="button" id="add-child" class="btn btn-primary" data-testid="add-child" onClick={startAdd}>
              + Добавить ребёнка
            </button>
          )}
          <div aria-live="polite" role="status">
            {pageStatus.value && <p class={`status status-${pageStatus.value.kind}`}>{pageStatus.value.text}</p>}
          </div>
        </section>

        <ApplicantForm
          key={`a${version.value}`}
          initial={applicant.value}
          save={saveApplicant}
          onSaved={(a) => {
            applicant.value = a;
          }}
          onUnsavedChange={(u) => setUnsaved('applicant', u)}
        />

        <section class="card" aria-labelledby="backup-title">
          <h2 id="backup-title">Резервная копия и удаление</h2>
          <p class="hint">Файл профиля пригодится, чтобы перенести данные в другой браузер или восстановить их.</p>
          <div class="row-actions">
            <button type="button" class="btn" data-testid="export-profile" onClick={exportProfile}>
              Сохранить профиль в файл
            </button>
            <button type="button" class="btn" data-testid="import-profile" onClick={() => fileInput.current?.click()}>
              Загрузить профиль из файла
            </button>
            <input
              ref={fileInput}
              type="file"
              accept="application/json,.json"
              class="visually-hidden"
              tabIndex={-1}
              aria-hidden="true"
              data-testid="import-file"
              onChange={(e) => {
                const f = (e.currentTarget as HTMLInputElement).files?.[0] ?? null;
                (e.currentTarget as HTMLInputElement).value = '';
                pendingImport.value = f;
                backupStatus.value = null;
              }}
            />
            <button type="button" class="btn btn-danger" data-testid="wipe" onClick={() => (confirmWipe.value = true)}>
              Удалить все данные
            </button>
          </div>
          {pendingImport.value && (
            <div class="confirm" role="group" aria-label="Подтверждение загрузки">
              <p>Заменить текущий профиль данными из файла «{pendingImport.value.name}»? Сейчас сохранённые данные будут заменены.</p>
              <div class="row-actions">
                <button type="button" class="btn btn-primary" data-testid="confirm-import" onClick={doImport} autoFocus>
                  Заменить
                </button>
                <button type="button" class="btn" onClick={() => (pendingImport.value = null)}>
                  Отмена
                </button>
              </div>
            </div>
          )}
          {confirmWipe.value && (
            <div class="confirm" role="group" aria-label="Подтверждение удаления">
              <p>Удалить из этого браузера все данные: заявителя, детей и сканы? Это нельзя отменить.</p>
              <div class="row-actions">
                <button type="button" class="btn btn-danger btn-primary" data-testid="confirm-wipe" onClick={wipe} autoFocus>
                  Да, удалить всё
                </button>
                <button type="button" class="btn" onClick={() => (confirmWipe.value = false)}>
                  Нет
                </button>
              </div>
            </div>
          )}
          <div aria-live="polite" role="status">
            {backupStatus.value && <p class={`status status-${backupStatus.value.kind}`}>{backupStatus.value.text}</p>}
          </div>
        </section>
      </main>
      <UnsavedBar />
    </div>
  );
}
