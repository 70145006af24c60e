/**
 * Accessible form fields of the profile editor: every control has a `<label for>`, hints and
 * errors are linked with `aria-describedby`, invalid controls have `aria-invalid`.
 */
import type { ComponentChildren } from 'preact';

/** Ids of the hint, error and warning elements of a field. */
function describedBy(id: string, hint?: string, error?: string, warning?: string): string | undefined {
  const ids = [hint && `${id}-hint`, error && `${id}-error`, warning && `${id}-warning`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Props of {@link TextField}. */
export interface TextFieldProps {
  /** Element id (unique on the page); the error has id `<id>-error`. */
  id: string;
  /** Russian label text. */
  label: string;
  value: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
  /** Marks the label «(необязательно)». */
  optional?: boolean;
  /** Russian hint under the field, e.g. «Как в документе: III-ПО». */
  hint?: string;
  /** Russian error (from the zod schema). */
  error?: string;
  /** Russian advice that does not block saving. */
  warning?: string;
  type?: 'text' | 'email' | 'tel';
  inputMode?: 'text' | 'numeric' | 'email' | 'tel';
  autoComplete?: string;
  placeholder?: string;
  maxLength?: number;
  /** Multi-line input (addresses, issuing bodies). */
  multiline?: boolean;
  testId?: string;
}

/**
 * A labelled text input with hint, inline error and warning.
 * @param p see {@link TextFieldProps}
 */
export function TextField(p: TextFieldProps) {
  const common = {
    id: p.id,
    name: p.id,
    value: p.value,
    'aria-invalid': p.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(p.id, p.hint, p.error, p.warning),
    'aria-required': p.optional ? undefined : ('true' as const),
    onInput: (e: Event) => p.onInput((e.currentTarget as HTMLInputElement).value),
    onBlur: p.onBlur,
    placeholder: p.placeholder,
    maxLength: p.maxLength,
    autoComplete: p.autoComplete ?? 'off',
    'data-testid': p.testId,
  };
  return (
    <div class="field">
      <label for={p.id}>
        {p.label}
        {p.optional && <span class="opt"> (необязательно)</span>}
      </label>
      {p.multiline ? (
        <textarea
          {...common}
          rows={2}
          onKeyDown={(e) => {
            // Enter saves the form like in one-line fields; Shift+Enter starts a new line.
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              (e.currentTarget as HTMLTextAreaElement).form?.requestSubmit();
            }
          }}
        />
      ) : (
        <input {...common} type={p.type ?? 'text'} inputMode={p.inputMode} spellcheck={false} />
      )}
      <FieldNotes id={p.id} hint={p.hint} error={p.error} warning={p.warning} />
    </div>
  );
}

/**
 * Hint, error (role=alert-free, linked by id) and warning lines of a field.
 * @param p field id and the texts
 */
export function FieldNotes(p: { id: string; hint?: string; error?: string; warning?: string }) {
  return (
    <>
      {p.hint && (
        <p class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      )}
      {p.error && (
        <p class="error" id={`${p.id}-error`} data-testid={`${p.id}-error`}>
          {p.error}
        </p>
      )}
      {p.warning && (
        <p class="warning" id={`${p.id}-warning`}>
          {p.warning}
        </p>
      )}
    </>
  );
}

/** One option of a select or radio group. */
export interface Choice<T extends string> {
  value: T;
  label: string;
}

/**
 * A labelled `<select>`.
 * @param p id, label, options (a first empty option «Выберите…» when `placeholder` is given), value, error
 */
export function SelectField<T extends string>(p: {
  id: string;
  label: string;
  value: T | '';
  options: Choice<T>[];
  onChange: (value: T | '') => void;
  placeholder?: string;
  optional?: boolean;
  hint?: string;
  error?: string;
  warning?: string;
}) {
  return (
    <div class="field">
      <label for={p.id}>
        {p.label}
        {p.optional && <span class="opt"> (необязательно)</span>}
      </label>
      <select
        id={p.id}
        name={p.id}
        value={p.value}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p.id, p.hint, p.error, p.warning)}
        onChange={(e) => p.onChange((e.currentTarget as HTMLSelectElement).value as T | '')}
      >
        {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes id={p.id} hint={p.hint} error={p.error} warning={p.warning} />
    </div>
  );
}

/**
 * A group of radio buttons in a `<fieldset>` with a `<legend>`; each radio has its `<label for>`.
 * The error is linked to the group with `aria-describedby`.
 * @param p id prefix, legend, options, value, error
 */
export function RadioGroup<T extends string>(p: {
  id: string;
  legend: string;
  value: T | '';
  options: Choice<T>[];
  onChange: (value: T) => void;
  error?: string;
  hint?: string;
}) {
  return (
    <fieldset id={p.id} aria-describedby={describedBy(p.id, p.hint, p.error)} aria-invalid={p.error ? 'true' : undefined}>
      <legend>{p.legend}</legend>
      {p.options.map((o) => (
        <div class="choice" key={o.value}>
          <input
            type="radio"
            id={`${p.id}-${o.value}`}
            name={p.id}
            value={o.value}
            checked={p.value === o.value}
            onChange={() => p.onChange(o.value)}
          />
          <label for={`${p.id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
      <FieldNotes id={p.id} hint={p.hint} error={p.error} />
    </fieldset>
  );
}

/**
 * A titled group of fields (e.g. «Паспорт»).
 * @param p title and content
 */
export function Group(p: { title: string; children: ComponentChildren; note?: string }) {
  return (
    <fieldset class="group">
      <legend>{p.title}</legend>
      {p.note && <p class="hint">{p.note}</p>}
      {p.children}
    </fieldset>
  );
}
