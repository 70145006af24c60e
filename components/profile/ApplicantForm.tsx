import { useRef } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { checkPhone } from '@/utils/profile/checks';
import { applicantErrorKey, applicantToDraft, draftToApplicantInput, type ApplicantDraft } from '@/utils/profile/drafts';
import { Applicant, fieldErrors } from '@/utils/profile/schema';
import { ProfileValidationError } from '@/utils/profile/db';
import { Group, RadioGroup, TextField } from './fields';
import { focusFirstError, useDraftForm } from './useDraftForm';

function validate(d: ApplicantDraft): Partial<Record<keyof ApplicantDraft, string>> {
  const r = Applicant.safeParse(draftToApplicantInput(d));
  if (r.success) return {};
  return mapErrors(fieldErrors(r.error));
}

function mapErrors(byPath: Record<string, string>): Partial<Record<keyof ApplicantDraft, string>> {
  const out: Partial<Record<keyof ApplicantDraft, string>> = {};
  for (const [path, msg] of Object.entries(byPath)) {
    const key = applicantErrorKey(path) || 'lastName';
    out[key] ??= msg;
  }
  return out;
}

/** Props of {@link ApplicantForm}. */
export interface ApplicantFormProps {
  /** The stored applicant (the form starts empty when absent: no example data). */
  initial?: Applicant;
  /** Validates and stores (normally `saveApplicant` of `utils/profile/db`); throws `ProfileValidationError`. */
  save: (input: unknown) => Promise<Applicant>;
  /** Called after a successful save with the normalised applicant. */
  onSaved?: (a: Applicant) => void;
}

/**
 * The applicant block of the profile editor («Заявитель»): ФИО, relation, contacts, address,
 * СНИЛС and passport. Errors come from the zod schema (Russian) and appear under each field;
 * a failed save stores nothing and keeps what the user typed.
 * @param p see {@link ApplicantFormProps}
 */
export function ApplicantForm(p: ApplicantFormProps) {
  const form = useDraftForm<ApplicantDraft>(applicantToDraft(p.initial), validate);
  const status = useSignal<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const busy = useSignal(false);
  const ref = useRef<HTMLFormElement>(null);
  const d = form.draft;
  const e = form.errors;

  const field = (key: keyof ApplicantDraft) => ({
    id: `applicant-${key}`,
    value: d[key],
    onInput: (v: string) => {
      form.set(key, v as never);
      status.value = null;
    },
    onBlur: () => form.blur(key),
    error: e[key],
  });

  const phoneCheck = d.phone.trim() ? checkPhone(d.phone) : null;
  const phoneWarning = phoneCheck?.ok ? phoneCheck.warning : undefined;

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
      const saved = await p.save(draftToApplicantInput(d));
      form.reset(applicantToDraft(saved));
      status.value = { kind: 'ok', text: 'Данные заявителя сохранены.' };
      p.onSaved?.(saved);
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

  return (
    <form ref={ref} class="card form" onSubmit={submit} noValidate aria-labelledby="applicant-title" data-testid="applicant-form">
      <h2 id="applicant-title">Заявитель — родитель или законный представитель</h2>
      <p class="hint">Эти данные попадут в заявление и в согласие на обработку персональных данных.</p>
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
        onChange={(v) => form.set('relation', v)}
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
        {status.value && <p class={`status status-${status.value.kind}`}>{status.value.text}</p>}
      </div>
    </form>
  );
}
