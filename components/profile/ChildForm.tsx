import { useEffect, useRef } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { CHILD_FIELD_NAMES, changedKeys, childErrorKey, childToDraft, draftToChildInput, type ChildDraft } from '@/utils/profile/drafts';
import { Child, childWarnings, fieldErrors } from '@/utils/profile/schema';
import { ProfileValidationError, scanProblem, type StoredScan } from '@/utils/profile/db';
import { assessEligibility, formatAge, todayLocal } from '@/utils/profile/eligibility';
import { municipalityRules, REGIONS } from '@/utils/profile/regions';
import { FieldNotes, Group, RadioGroup, SelectField, TextField } from './fields';
import { focusFirstError, useDraftForm } from './useDraftForm';
import { fieldList, type Unsaved } from './unsaved';

type Errors = Partial<Record<keyof ChildDraft, string>>;

function mapErrors(byPath: Record<string, string>): Errors {
  const out: Errors = {};
  for (const [path, msg] of Object.entries(byPath)) {
    const key = childErrorKey(path) || 'lastName';
    out[key] ??= msg;
  }
  return out;
}

function validate(d: ChildDraft): Errors {
  const r = Child.safeParse(draftToChildInput(d));
  return r.success ? {} : mapErrors(fieldErrors(r.error));
}

/** Props of {@link ChildForm}. */
export interface ChildFormProps {
  /** The stored child, or `undefined` for a new one. */
  initial?: Child;
  /** Id for a new child (e.g. `crypto.randomUUID()`). */
  newId: string;
  /** The stored scan of the child's document, if any. */
  scan?: Pick<StoredScan, 'name' | 'size'>;
  /** Validates and stores the child (`saveChild`); throws `ProfileValidationError`. */
  save: (input: unknown) => Promise<Child>;
  /** Stores a scan for a saved child (`saveScan`); throws `ProfileValidationError`. */
  saveScan: (childId: string, file: File) => Promise<unknown>;
  /** Deletes the child's scan (`deleteScan`). */
  deleteScan: (childId: string) => Promise<void>;
  /** After a successful save (and scan upload). */
  onSaved: (child: Child) => void;
  onCancel: () => void;
  /**
   * Called when the form's unsaved changes change: Russian names of the changed fields (plus
   * `скан документа` for a chosen, not yet attached file; `needsAction` is always `true`: the
   * child is stored by its button), or `null` when nothing is unsaved (also when the form closes).
   */
  onUnsavedChange?: (unsaved: Unsaved | null) => void;
}

const KIND_OPTIONS = [
  { value: 'birth-certificate' as const, label: 'Свидетельство о рождении (российское)' },
  { value: 'passport' as const, label: 'Паспорт гражданина РФ (с 14 лет)' },
  { value: 'foreign-birth-certificate' as const, label: 'Свидетельство о рождении, выданное за границей' },
  { value: 'temporary-id' as const, label: 'Временное удостоверение личности' },
];

/**
 * Form to add or edit a child: ФИО, date of birth (with the eligibility preview), region,
 * municipality, school/kindergarten, the identity document by kind, an optional scan, СНИЛС,
 * ИНН, address and certificate number. Errors come from the zod schema and appear under each
 * field after the user changed and left it, or after «Сохранить»; warnings (e.g. another region's
 * certificate prefix) do not block saving. A failed save stores nothing and keeps what the user
 * typed. Unsaved changes are named under the buttons and reported with `onUnsavedChange`.
 * @param p see {@link ChildFormProps}
 */
export function ChildForm(p: ChildFormProps) {
  const form = useDraftForm<ChildDraft>(childToDraft(p.initial, p.newId), validate);
  /** The draft of what is stored (the empty draft for a new child). */
  const base = useSignal<ChildDraft>(childToDraft(p.initial, p.newId));
  const status = useSignal<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const busy = useSignal(false);
  const pending = useSignal<File | null>(null);
  const scanError = useSignal<string | undefined>(undefined);
  const scanInfo = useSignal(p.scan);
  const ref = useRef<HTMLFormElement>(null);
  const d = form.draft;
  const e = form.errors;

  const unsaved = [...new Set(changedKeys(d, base.value).map((k) => CHILD_FIELD_NAMES[k]))];
  if (pending.value) unsaved.push('скан документа');
  const unsavedKey = unsaved.join('|');

  useEffect(() => {
    ref.current?.querySelector<HTMLInputElement>('#child-lastName')?.focus();
    return () => p.onUnsavedChange?.(null);
  }, []);

  useEffect(() => {
    p.onUnsavedChange?.(unsaved.length ? { fields: unsaved, needsAction: true } : null);
  }, [unsavedKey]);

  const field = (key: keyof ChildDraft) => ({
    id: `child-${key}`,
    value: String(d[key]),
    onInput: (v: string) => {
      form.set(key, v as never);
      status.value = null;
    },
    onBlur: () => form.blur(key),
    error: e[key],
  });

  const parsed = Child.safeParse(draftToChildInput(d));
  const warnings: Errors = parsed.success ? mapErrors(childWarnings(parsed.data)) : {};
  let preview = '';
  const bd = Child.shape.birthDate.safeParse(d.birthDate);
  if (bd.success) {
    const rules = municipalityRules(d.municipality, d.region || undefined);
    const el = assessEligibility(bd.data, todayLocal(), { minAge: rules.minAge });
    preview = `Сейчас ${formatAge(el.age)}: ${el.label}`;
  }

  function onFile(ev: Event) {
    const input = ev.currentTarget as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    scanError.value = undefined;
    if (!file) {
      pending.value = null;
      return;
    }
    const problem = scanProblem(file);
    if (problem) {
      scanError.value = problem;
      pending.value = null;
      input.value = '';
      return;
    }
    pending.value = file;
  }

  async function removeScan() {
    await p.deleteScan(d.id);
    scanInfo.value = undefined;
    status.value = { kind: 'ok', text: 'Скан удалён.' };
  }

  async function submit(ev: Event) {
    ev.preventDefault();
    if (busy.value) return;
    const errs = form.validateAll();
    if (Object.keys(errs).length) {
      status.value = { kind: 'error', text: 'Не сохранено: исправьте поля, отмеченные красным.' };
      setTimeout(() => focusFirstError(ref.current), 0);
      return;
    }
    busy.value = true;
    try {
      const saved = await p.save(draftToChildInput(form.draft));
      form.reset(childToDraft(saved));
      base.value = childToDraft(saved);
      if (pending.value) {
        try {
          await p.saveScan(saved.id, pending.value);
          pending.value = null;
        } catch (err) {
          scanError.value = err instanceof ProfileValidationError ? err.fields.scan ?? err.message : String(err);
          status.value = { kind: 'error', text: 'Данные ребёнка сохранены, но скан не прикреплён: выберите другой файл.' };
          return;
        }
      }
      p.onSaved(saved);
    } catch (err) {
      if (err instanceof ProfileValidationError) {
        form.showErrors(mapErrors(err.fields));
        status.value = { kind: 'error', text: 'Не сохранено: исправьте поля, отмеченные красным.' };
        setTimeout(() => focusFirstError(ref.current), 0);
      } else {
        status.value = { kind: 'error', text: `Не удалось сохранить: ${err instanceof Error ? err.message : String(err)}` };
      }
    } finally {
      busy.value = false;
    }
  }

  const title = p.initial ? `Изменить: ${p.initial.name.firstName} ${p.initial.name.lastName}` : 'Новый ребёнок';
  const kind = d.docKind;

  return (
    <form ref={ref} class="card form child-form" onSubmit={submit} noValidate aria-labelledby="child-form-title" data-testid="child-form">
      <h3 id="child-form-title">{title}</h3>
      <div class="grid">
        <TextField {...field('lastName')} label="Фамилия ребёнка" />
        <TextField {...field('firstName')} label="Имя" />
        <TextField {...field('middleName')} label="Отчество" optional hint="Если есть — как в документе" />
        <TextField
          {...field('birthDate')}
          label="Дата рождения"
          placeholder="ДД.ММ.ГГГГ"
          inputMode="numeric"
          maxLength={10}
          hint={preview || 'Например, 14.03.2015'}
        />
      </div>
      <RadioGroup
        id="child-region"
        legend="Где получаете сертификат"
        value={d.region}
        options={[
          { value: 'tver', label: `${REGIONS.tver.name} (sgo.tvobr.ru)` },
          { value: 'kuzbass', label: `${REGIONS.kuzbass.name} (cabinet.ruobr.ru)` },
        ]}
        onChange={(v) => {
          form.set('region', v);
          form.blur('region');
        }}
        error={e.region}
      />
      <TextField {...field('municipality')} label="Город или район" optional hint="Например, г. Киселевск. От него зависит список документов." />
      <RadioGroup
        id="child-attends"
        legend="Ребёнок ходит"
        value={d.attends}
        options={[
          { value: 'school', label: 'в школу' },
          { value: 'kindergarten', label: 'в детский сад' },
          { value: 'none', label: 'ни в школу, ни в детский сад' },
        ]}
        onChange={(v) => {
          form.set('attends', v);
          form.blur('attends');
        }}
        error={e.attends}
      />

      <Group title="Документ ребёнка" note="Нужен для заявления и для кнопки «Заполнить» на портале.">
        <SelectField
          id="child-docKind"
          label="Вид документа"
          value={kind}
          placeholder="Пока не указывать"
          options={KIND_OPTIONS}
          onChange={(v) => {
            form.set('docKind', v);
            status.value = null;
          }}
          error={e.docKind}
          warning={warnings.docKind}
        />
        {(kind === 'birth-certificate' || kind === 'passport') && (
          <div class="grid">
            <TextField
              {...field('docSeries')}
              label="Серия"
              placeholder={kind === 'passport' ? '00 00' : 'III-ПО'}
              hint={kind === 'passport' ? '4 цифры' : 'Римские цифры и две русские буквы, например III-ПО'}
              maxLength={12}
            />
            <TextField {...field('docNumber')} label="Номер" inputMode="numeric" placeholder="000000" hint="6 цифр" maxLength={9} />
            <TextField {...field('docIssuedAt')} label="Дата выдачи" optional placeholder="ДД.ММ.ГГГГ" inputMode="numeric" maxLength={10} />
            {kind === 'passport' && (
              <TextField {...field('docDivisionCode')} label="Код подразделения" optional placeholder="000-000" inputMode="numeric" maxLength={9} />
            )}
          </div>
        )}
        {(kind === 'birth-certificate' || kind === 'passport') && (
          <TextField
            {...field('docIssuedBy')}
            label={kind === 'passport' ? 'Кем выдан' : 'Кем выдано (орган ЗАГС)'}
            optional
            multiline
            hint="Как написано в документе"
          />
        )}
        {kind === 'foreign-birth-certificate' && (
          <div class="grid">
            <TextField {...field('docText')} label="Серия и номер" hint="Как в документе, до 25 знаков" maxLength={40} />
            <TextField {...field('docIssuedAt')} label="Дата выдачи" optional placeholder="ДД.ММ.ГГГГ" inputMode="numeric" maxLength={10} />
          </div>
        )}
        {kind === 'temporary-id' && (
          <div class="grid">
            <TextField {...field('docText')} label="Номер удостоверения" hint="Как в документе" maxLength={40} />
            <TextField
              {...field('docValidUntil')}
              label="Действительно до"
              placeholder="ДД.ММ.ГГГГ"
              inputMode="numeric"
              maxLength={10}
              warning={warnings.docValidUntil}
            />
          </div>
        )}
        <div class="field">
          <label for="child-scan">
            Скан или фото документа <span class="opt">(необязательно)</span>
          </label>
          {scanInfo.value && (
            <p class="scan-current" data-testid="scan-current">
              Прикреплён файл: {scanInfo.value.name} ({Math.max(1, Math.round(scanInfo.value.size / 1024))} КБ){' '}
              <button type="button" class="btn-link" onClick={removeScan}>
                Удалить скан
              </button>
            </p>
          )}
          <input
            type="file"
            id="child-scan"
            accept="image/*,application/pdf"
            onChange={onFile}
            aria-invalid={scanError.value ? 'true' : undefined}
            aria-describedby={`child-scan-hint${scanError.value ? ' child-scan-error' : ''}`}
            data-testid="scan-input"
          />
          <FieldNotes
            id="child-scan"
            hint="Фото или PDF до 10 МБ. Хранится только в этом браузере; кнопка «Заполнить» прикрепит его на портале Кузбасса."
            error={scanError.value}
          />
        </div>
      </Group>

      <div class="grid">
        <TextField {...field('snils')} label="СНИЛС ребёнка" optional inputMode="numeric" placeholder="000-000-000 00" maxLength={20} />
        <TextField {...field('inn')} label="ИНН ребёнка" optional inputMode="numeric" hint="12 цифр" maxLength={16} />
      </div>
      <TextField {...field('address')} label="Адрес проживания ребёнка" optional multiline />
      <TextField
        {...field('certificateNumber')}
        label="Номер сертификата"
        optional
        inputMode="numeric"
        hint="Если сертификат уже оформлен: 10 цифр из личного кабинета"
        maxLength={16}
        warning={warnings.certificateNumber}
      />

      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy.value} data-testid="save-child">
          Сохранить данные ребёнка
        </button>
        <button type="button" class="btn" onClick={p.onCancel}>
          Отмена
        </button>
      </div>
      <div aria-live="polite" role="status">
        {status.value ? (
          <p class={`status status-${status.value.kind}`}>{status.value.text}</p>
        ) : (
          unsaved.length > 0 && (
            <p class="status status-unsaved" data-testid="child-unsaved">
              Не сохранено: {fieldList(unsaved)}. Нажмите «Сохранить данные ребёнка».
            </p>
          )
        )}
      </div>
    </form>
  );
}
