import { useEffect, useRef } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { checkPhone } from '@/utils/profile/checks';
import {
  APPLICANT_FIELD_NAMES,
  applicantDraftErrors,
  applicantFieldGroup,
  applicantToDraft,
  changedKeys,
  draftToApplicantInput,
  planStore,
  unsavedAdvice,
  unsavedMessage,
  validateApplicantDraft as validate,
  type ApplicantDraft,
} from '@/utils/profile/drafts';
import type { Applicant } from '@/utils/profile/schema';
import { ProfileValidationError } from '@/utils/profile/db';
import { Group, RadioGroup, TextField } from './fields';
import { focusFirstError, useDraftForm } from './useDraftForm';
import type { Unsaved } from './unsaved';

const FORM_ORDER = Object.keys(applicantToDraft()) as (keyof ApplicantDraft)[];
/** The field that comes first on the form. */
const firstInFormOrder = (keys: (keyof ApplicantDraft)[]) => FORM_ORDER.find((k) => keys.includes(k));

/** Pause after the last keystroke before valid changes are stored (leaving a field stores at once). */
export const AUTOSAVE_DELAY_MS = 500;

/** Props of {@link ApplicantForm}. */
export interface ApplicantFormProps {
  /** The stored applicant (the form starts empty when absent: no example data). */
  initial?: Applicant;
  /** Validates and stores (normally `saveApplicant` of `utils/profile/db`); throws `ProfileValidationError`. */
  save: (input: unknown) => Promise<Applicant>;
  /** Called after every successful save with the normalised applicant. */
  onSaved?: (a: Applicant) => void;
  /**
   * Called when the unsaved part of the form changes: the fields typed but not stored and whether
   * the user has to fix something (see {@link Unsaved}), or `null` when everything typed is stored
   * (also when the form closes). The page uses it for its «Не сохранено» bar and the warning
   * before leaving.
   */
  onUnsavedChange?: (unsaved: Unsaved | null) => void;
}

/**
 * The applicant block of the profile editor («Заявитель»): ФИО, relation, contacts, address,
 * СНИЛС and passport. Saves as you go: valid changes are stored {@link AUTOSAVE_DELAY_MS} after
 * the last keystroke or when a field is left; a field group with an error (the passport counts as
 * one group) keeps its stored value and stays a draft, so nothing invalid is stored and nothing
 * stored is lost. The status line says in Russian what is not saved and what to fill in or fix;
 * a field's error appears after the user changed and left it, or after «Сохранить».
 * @param p see {@link ApplicantFormProps}
 */
export function ApplicantForm(p: ApplicantFormProps) {
  const form = useDraftForm<ApplicantDraft>(applicantToDraft(p.initial), validate);
  /** The draft the stored record was made from (as typed), or the empty draft. */
  const saved = useSignal<ApplicantDraft>(applicantToDraft(p.initial));
  /** The stored record as a draft (normalised values, e.g. `+7 (900) 123-45-67`). */
  const normal = useRef<ApplicantDraft>(applicantToDraft(p.initial));
  const status = useSignal<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const saving = useSignal(false);
  const busy = useSignal(false);
  const ref = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const loop = useRef<Promise<void> | null>(null);
  const running = useRef(false);
  const again = useRef(false);
  const alive = useRef(true);
  const d = form.draft;
  const e = form.errors;

  const plan = planStore(d, saved.value, validate, applicantFieldGroup);
  const unsavedText = unsavedMessage(plan, d, APPLICANT_FIELD_NAMES);
  const advice = unsavedAdvice(plan, d, APPLICANT_FIELD_NAMES);
  const pending = plan.waiting.length > 0 || saving.value;
  const report: Unsaved | null = pending
    ? {
        fields: [...new Set((advice ? plan.unsaved : plan.waiting).map((k) => APPLICANT_FIELD_NAMES[k]))],
        needsAction: advice !== null,
        ...(advice ? { advice, focusId: `applicant-${firstInFormOrder(plan.blockers)}` } : {}),
      }
    : null;
  const reportKey = report ? `${report.advice ?? ''}:${report.fields.join('|')}` : '';

  useEffect(() => {
    p.onUnsavedChange?.(report);
  }, [reportKey]);

  useEffect(() => {
    // Leaving or hiding the page stores what is valid at once instead of after the pause.
    const now = () => void flush();
    const hidden = () => document.visibilityState === 'hidden' && now();
    addEventListener('beforeunload', now);
    addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      alive.current = false;
      clearTimeout(timer.current);
      removeEventListener('beforeunload', now);
      removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', hidden);
      p.onUnsavedChange?.(null);
    };
  }, []);

  /** The key of the focused field of this form, if any. */
  function focusedKey(): keyof ApplicantDraft | undefined {
    const id = document.activeElement?.id ?? '';
    return id.startsWith('applicant-') ? (id.slice('applicant-'.length) as keyof ApplicantDraft) : undefined;
  }

  /** Shows the stored (normalised) value in fields that hold what was stored and are not being typed in. */
  function adoptNormal(except?: keyof ApplicantDraft) {
    const patch: Partial<ApplicantDraft> = {};
    const next = { ...saved.value };
    for (const k of changedKeys(normal.current, saved.value)) {
      if (k === except || form.draft[k] !== saved.value[k]) continue;
      (patch as Record<string, string>)[k] = normal.current[k];
      (next as Record<string, string>)[k] = normal.current[k];
    }
    if (Object.keys(patch).length) {
      form.patch(patch);
      saved.value = next;
    }
  }

  /** Stores what is valid now (after the pause, on leaving a field or the page). */
  function flush(): Promise<void> {
    clearTimeout(timer.current);
    timer.current = undefined;
    again.current = true;
    if (!running.current) loop.current = run();
    return loop.current ?? Promise.resolve();
  }

  /**
   * The save loop: one save at a time; a change during a save is stored right after it. `running`
   * is cleared in the same task as the loop's last look at `again` (no `await` in between), so no
   * request is missed.
   */
  async function run() {
    running.current = true;
    try {
      while (again.current && alive.current) {
        again.current = false;
        const step = planStore(form.draft, saved.value, validate, applicantFieldGroup);
        if (!step.toStore) continue;
        saving.value = true;
        try {
          const stored = await p.save(draftToApplicantInput(step.toStore));
          if (!alive.current) return;
          saved.value = step.toStore;
          normal.current = applicantToDraft(stored);
          adoptNormal(focusedKey());
          if (status.value?.kind === 'error') status.value = null;
          p.onSaved?.(stored);
        } catch (err) {
          if (!alive.current) return;
          if (err instanceof ProfileValidationError) form.showErrors(applicantDraftErrors(err.fields));
          status.value = { kind: 'error', text: `Не удалось сохранить: ${err instanceof Error ? err.message : String(err)}` };
          return;
        } finally {
          saving.value = false;
        }
      }
    } finally {
      running.current = false;
    }
  }

  function schedule() {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }

  const field = (key: keyof ApplicantDraft) => ({
    id: `applicant-${key}`,
    value: d[key],
    onInput: (v: string) => {
      form.set(key, v as never);
      if (status.value?.kind === 'ok') status.value = null;
      schedule();
    },
    onBlur: () => {
      form.blur(key);
      void flush().then(() => alive.current && adoptNormal(focusedKey()));
    },
    error: e[key],
  });

  const phoneCheck = d.phone.trim() ? checkPhone(d.phone) : null;
  const phoneWarning = phoneCheck?.ok ? phoneCheck.warning : undefined;

  async function submit(ev: Event) {
    ev.preventDefault();
    if (busy.value) return;
    clearTimeout(timer.current);
    const errs = form.validateAll();
    if (Object.keys(errs).length) {
      status.value = { kind: 'error', text: 'Не сохранено: исправьте поля, отмеченные красным.' };
      // the valid rest is stored all the same (a group with an error keeps its stored value)
      void flush();
      setTimeout(() => focusFirstError(ref.current), 0);
      return;
    }
    busy.value = true;
    try {
      await loop.current;
      saving.value = true;
      const stored = await p.save(draftToApplicantInput(form.draft));
      const n = applicantToDraft(stored);
      form.reset(n);
      saved.value = n;
      normal.current = n;
      status.value = { kind: 'ok', text: 'Данные заявителя сохранены.' };
      p.onSaved?.(stored);
    } catch (err) {
      if (err instanceof ProfileValidationError) {
        form.showErrors(applicantDraftErrors(err.fields));
        status.value = { kind: 'error', text: 'Не сохранено: исправьте поля, отмеченные красным.' };
        setTimeout(() => focusFirstError(ref.current), 0);
      } else {
        status.value = { kind: 'error', text: `Не удалось сохранить: ${err instanceof Error ? err.message : String(err)}` };
      }
    } finally {
      saving.value = false;
      busy.value = false;
    }
  }

  /** The status line: an explicit result, else what is not saved, else the autosave state. */
  let line: { kind: 'ok' | 'error' | 'unsaved' | 'saving'; text: string } | null = status.value;
  if (!line || line.kind === 'ok') {
    if (unsavedText) line = { kind: 'unsaved', text: unsavedText };
    else if (pending) line = { kind: 'saving', text: 'Сохраняется…' };
    else if (changedKeys(saved.value, applicantToDraft()).length) line = { kind: 'ok', text: 'Данные заявителя сохранены.' };
  }

  return (
    <form ref={ref} class="card form" onSubmit={submit} noValidate aria-labelledby="applicant-title" data-testid="applicant-form">
      <h2 id="applicant-title">Заявитель — родитель или законный представитель</h2>
      <p class="hint">
        Эти данные попадут в заявление и в согласие на обработку персональных данных. Всё, что заполнено верно, сохраняется само, пока
        вы печатаете.
      </p>
      <div class="grid">
        <TextField {...field('lastName')} label="Фамилия" autoComplete="family-name" />
        <TextField {...field('firstName')} label="Имя" autoComplete="given-name" />
        <TextField {...field('middleName')} label="Отчество" optional hint="Если есть — как в паспорте" autoComplete="additional-name" />
        <TextField {...field('birthDate')} label="Дата рождения" optional placeholder="ДД.ММ.ГГГГ" inputMode="numeric" maxLength={10} />
      </div>
      <RadioGroup
        id="applicant-relation"
        legend="Кем вы приходитесь ребёнку"
        value={d.relation}
        options={[
          { value: 'parent', label: 'Родитель (мама или папа)' },
          { value: 'representative', label: 'Законный представитель (опекун, попечитель)' },
        ]}
        onChange={(v) => {
          form.set('relation', v);
          void flush();
        }}
        error={e.relation}
      />
      <div class="grid">
        <TextField
          {...field('email')}
          label="Электронная почта"
          optional
          type="email"
          inputMode="email"
          autoComplete="email"
          hint="На неё портал пришлёт письмо для подтверждения"
        />
        <TextField {...field('phone')} label="Мобильный телефон" optional type="tel" inputMode="tel" autoComplete="tel" placeholder="+7 (900) 000-00-00" warning={phoneWarning} />
      </div>
      <TextField {...field('address')} label="Адрес регистрации" optional multiline hint="Город, улица, дом, квартира — как в паспорте" />
      <TextField {...field('snils')} label="СНИЛС" optional inputMode="numeric" placeholder="000-000-000 00" maxLength={20} />
      <Group title="Паспорт" note="Нужен для согласия на обработку данных. Можно заполнить позже — тогда в бланке останутся пустые строки.">
        <div class="grid">
          <TextField {...field('passportSeries')} label="Серия" inputMode="numeric" placeholder="00 00" maxLength={7} />
          <TextField {...field('passportNumber')} label="Номер" inputMode="numeric" placeholder="000000" maxLength={9} />
          <TextField {...field('passportIssuedAt')} label="Дата выдачи" placeholder="ДД.ММ.ГГГГ" inputMode="numeric" maxLength={10} />
          <TextField {...field('passportDivisionCode')} label="Код подразделения" optional inputMode="numeric" placeholder="000-000" maxLength={9} />
        </div>
        <TextField {...field('passportIssuedBy')} label="Кем выдан" multiline hint="Как написано в паспорте" />
      </Group>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy.value} data-testid="save-applicant">
          Сохранить данные заявителя
        </button>
      </div>
      <div aria-live="polite" role="status">
        {line && (
          <p class={`status status-${line.kind}`} data-testid="applicant-status">
            {line.text}
          </p>
        )}
      </div>
    </form>
  );
}
