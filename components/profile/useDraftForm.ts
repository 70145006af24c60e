import { useSignal } from '@preact/signals';

/** State and actions of a draft form (see {@link useDraftForm}). */
export interface DraftForm<D> {
  /** Current values. */
  draft: D;
  /** Errors currently shown, by draft key (Russian). */
  errors: Partial<Record<keyof D, string>>;
  /** Sets one value typed or chosen by the user (the field counts as changed); an error shown for that field is re-checked at once. */
  set<K extends keyof D>(key: K, value: D[K]): void;
  /**
   * The user left a field: shows its error, if any, but only when the user changed the field
   * (a field only tabbed past stays calm until a save is tried).
   */
  blur(key: keyof D): void;
  /** Replaces some values without counting them as the user's changes (e.g. the normalised form of a stored value). */
  patch(values: Partial<D>): void;
  /** Shows every error; returns them (empty object when the draft is valid). */
  validateAll(): Partial<Record<keyof D, string>>;
  /** Replaces the draft (e.g. with the normalised saved values) and clears the errors. */
  reset(next: D): void;
  /** Shows the given errors (e.g. from a `ProfileValidationError`). */
  showErrors(errors: Partial<Record<keyof D, string>>): void;
}

/**
 * Draft form state with errors shown only for fields the user changed and then left (on blur),
 * or after a submit, so a parent is not scolded while still typing or for fields only tabbed past.
 * @param initial starting values
 * @param validate returns Russian errors by draft key for a draft (from the zod schema)
 */
export function useDraftForm<D extends object>(initial: D, validate: (d: D) => Partial<Record<keyof D, string>>): DraftForm<D> {
  const draft = useSignal<D>(initial);
  const errors = useSignal<Partial<Record<keyof D, string>>>({});
  const touched = useSignal<Set<keyof D>>(new Set());
  const changed = useSignal<Set<keyof D>>(new Set());

  const refresh = () => {
    const all = validate(draft.value);
    const shown: Partial<Record<keyof D, string>> = {};
    for (const k of touched.value) if (all[k]) shown[k] = all[k];
    errors.value = shown;
  };

  return {
    get draft() {
      return draft.value;
    },
    get errors() {
      return errors.value;
    },
    set(key, value) {
      draft.value = { ...draft.value, [key]: value };
      if (!changed.value.has(key)) changed.value = new Set([...changed.value, key]);
      if (errors.value[key]) refresh();
    },
    blur(key) {
      if (!changed.value.has(key)) return;
      if (!touched.value.has(key)) touched.value = new Set([...touched.value, key]);
      refresh();
    },
    patch(values) {
      draft.value = { ...draft.value, ...values };
      if (Object.keys(values).some((k) => errors.value[k as keyof D])) refresh();
    },
    validateAll() {
      const all = validate(draft.value);
      touched.value = new Set([...touched.value, ...(Object.keys(all) as (keyof D)[])]);
      errors.value = all;
      return all;
    },
    reset(next) {
      draft.value = next;
      touched.value = new Set();
      changed.value = new Set();
      errors.value = {};
    },
    showErrors(e) {
      touched.value = new Set([...touched.value, ...(Object.keys(e) as (keyof D)[])]);
      errors.value = e;
    },
  };
}

/**
 * Moves the keyboard focus to the first field with an error (in page order).
 * @param form the form element
 */
export function focusFirstError(form: HTMLFormElement | null): void {
  const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!el) return;
  const target = el.tagName === 'FIELDSET' ? el.querySelector<HTMLElement>('input, select') ?? el : el;
  target.focus();
}
