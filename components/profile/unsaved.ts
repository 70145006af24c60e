/**
 * Unsaved changes of the profile editor's forms, as the forms report them to the page (for the
 * «Не сохранено» bar and the browser's warning before leaving the page).
 */

/** What a form has not stored yet (see `onUnsavedChange` of `ApplicantForm` and `ChildForm`). */
export interface Unsaved {
  /** Russian names of the fields typed but not stored, e.g. `['телефон', 'СНИЛС']`; may be empty while a save is under way. */
  fields: string[];
  /**
   * `true` when the user has to act (fill in or fix a field, press «Сохранить данные ребёнка»);
   * `false` while valid changes only wait for the automatic save or are being stored.
   */
  needsAction: boolean;
  /** What to do, when `needsAction` and the form can say it, e.g. «заполните: фамилия, имя». */
  advice?: string;
  /** Id of the first field to fill in or fix (form order), e.g. `applicant-lastName`. */
  focusId?: string;
}

/**
 * Russian list of field names for a message, shortened after `max` names.
 * @param fields names, e.g. `['фамилия', 'имя', 'СНИЛС']`
 * @param max how many names to list (default 4)
 * @returns e.g. `фамилия, имя, СНИЛС` or `фамилия, имя, отчество, дата рождения и ещё 2`
 */
export function fieldList(fields: string[], max = 4): string {
  if (fields.length <= max) return fields.join(', ');
  return `${fields.slice(0, max).join(', ')} и ещё ${fields.length - max}`;
}
