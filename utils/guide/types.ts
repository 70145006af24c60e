import type { PanelWords } from '@/components/guide/words';

/**
 * Data shapes of a guided flow. A flow is plain data: one file per portal in
 * `utils/flows/`. The guide engine (`utils/guide/engine.ts`) only interprets it.
 */

/**
 * How a person would find an element on the page. Every given criterion must hold.
 * Text comparisons are case-insensitive and whitespace-folded (`utils/guide/text.ts`).
 */
export interface Locator {
  /** Visible text of the element itself (exact after folding), e.g. «Получить сертификат». */
  text?: string;
  /** Like `text`, but the element's text only has to contain it. */
  textContains?: string;
  /**
   * Label of a form control, or the variants a portal may use (e.g. `['Тип документа', 'Вид
   * документа']`): `<label for>`, a wrapping label, `aria-label`/`aria-labelledby`, or a label-like
   * element in the control's own field. Words are compared; required-marks and colons are ignored.
   */
  label?: string | readonly string[];
  /** `title` or `aria-label` attribute (icon-only controls). */
  title?: string;
  /** ARIA role, explicit or implicit: button, link, textbox, combobox, dialog, heading, tab, checkbox, file, password (a password field). */
  role?: LocatorRole;
  /** Known CSS selector as an extra signal: narrows the candidates; alone it is a last resort. */
  css?: string;
  /**
   * Search only inside the visible elements found by this locator (e.g. a dialog by its heading),
   * or by the first of these alternatives that finds any (a dialog that says «Тип документа» or
   * «Вид документа»).
   */
  within?: Locator | readonly Locator[];
}

/** Roles the locator understands (implicit roles per HTML-AAM, reduced to what the portals use). */
export type LocatorRole = 'button' | 'link' | 'textbox' | 'combobox' | 'dialog' | 'heading' | 'tab' | 'checkbox' | 'file' | 'password';

/** Alternatives tried in order: the first locator that finds a visible element wins. */
export type Target = Locator | Locator[];

/**
 * Recognises a page: every condition given must hold.
 * `path` is tested against `location.pathname`; `all`/`none` against visible elements.
 */
export interface PageMatch {
  /** URL path pattern, e.g. `/^\/(angular|app)\/school\/mysettings\/?$/`. */
  path?: RegExp;
  /** URL path pattern that must NOT match. */
  notPath?: RegExp;
  /** Each target must find a visible element. */
  all?: Target[];
  /** No target may find a visible element. */
  none?: Target[];
}

/**
 * Where the shown step's control is: `found` (outlined), `opener` (hidden in a closed menu, tab or
 * block: what opens it is outlined), `searching` (not yet), `missing` (not found in time), `none`
 * (the step has no control). The one list: the engine's state and the `support:text` request.
 */
export const TARGET_STATES = ['none', 'searching', 'found', 'opener', 'missing'] as const;
export type TargetState = (typeof TARGET_STATES)[number];

/**
 * Outcome of filling one field: `filled` (read back, holds the value), `failed` (set but does not
 * hold it), `skipped` (not touched, with a reason), `not-found` (no field paired with its label),
 * `no-value` (nothing in the profile). The one list: fill outcomes and the `support:text` request.
 */
export const FILL_STATUSES = ['filled', 'failed', 'skipped', 'not-found', 'no-value'] as const;

/** Keys of the values a step may fill from the profile (answered by the background); the one list of them. */
export const FILL_KEYS = [
  'childName',
  'childBirthDate',
  'documentKind',
  'documentSeries',
  'documentNumber',
  'documentIssuedAt',
  'documentIssuedBy',
  'documentLabel',
  'documentScan',
  'email',
  'certificateGroup',
] as const;

/** A key of {@link FILL_KEYS}. */
export type FillKey = (typeof FILL_KEYS)[number];

/** One field that «Заполнить» sets: where it is and which profile value goes there. */
export interface FillField {
  /** Russian name of the field shown in the panel («Серия»). */
  name: string;
  target: Target;
  value: FillKey;
}

/** Russian text, either one for everybody or per flow variant (e.g. parent / pupil). */
export type VariantText = string | Record<string, string>;

/** A step of a flow. */
export interface Step {
  /** Stable id used by tests and help-desk staff, e.g. `cabinet.email`. Never renamed. */
  id: string;
  /** Stable short code read aloud by phone, e.g. «К-7». */
  code: string;
  /** Short Russian title, e.g. «Адрес электронной почты». */
  title: string;
  /** Russian instruction shown in the panel. */
  instruction: VariantText;
  /** How the step is recognised from the page. Absent for steps that happen off the portal (e.g. the activation visit). */
  when?: PageMatch;
  /** The control to point at; the panel says `lookFor` when it is not found. */
  target?: Target;
  /** Further controls to point at after the user has used the previous one (e.g. select a child, then press the button). */
  then?: Target[];
  /** What to look for when the target is not found within a few seconds (Russian). */
  lookFor?: string;
  /** Fields «Заполнить» can set on this step. */
  fill?: FillField[];
  /** A problem state (error, wrong page): shown as advice, not counted as a step of the main path. */
  problem?: boolean;
  /** Ids of advice entries offered on this step. */
  advice?: string[];
  /** Checklist shown on the step (e.g. what to bring for activation). */
  checklist?: string[];
}

/**
 * The words of a step: everything the panel says about it beyond its code. Kept apart from how
 * the step is recognised (`PageStep`), each in its own table of the flow file (utils/flows/flow-text.ts).
 */
export type StepText = Pick<Step, 'title' | 'instruction' | 'lookFor' | 'checklist'>;

/** A step as a page needs it to be recognised, pointed at and filled: a {@link Step} without its {@link StepText}. */
export type PageStep = Omit<Step, keyof StepText>;

/**
 * The words of a flow: the portal's name, the advice, each step's {@link StepText} by step id,
 * and the panel's longer sentences (`components/guide/words.ts`).
 */
export interface FlowText {
  portal: string;
  steps: Record<string, StepText>;
  advice: Advice[];
  panel: PanelWords;
}

/**
 * The background's answer to `flow:get`: the sender's portal's whole flow and the guide's style
 * sheet (`components/guide/guide.css`, the text of a `<style>` for the guide's shadow root). The
 * content script carries neither: it is the guide's code only, the same for both portals.
 */
export interface FlowAnswer {
  /** The flow as JSON text (`utils/guide/wire.ts`: regular expressions kept). */
  flow: string;
  css: string;
}

/** A flow without its words ({@link FlowText}): how a flow file keeps its steps apart from what they say. */
export interface PageFlow extends Omit<Flow, 'portal' | 'advice' | 'steps' | 'panel'> {
  steps: PageStep[];
}

/** Advice that is not a page: e.g. «Нет логина и пароля». */
export interface Advice {
  id: string;
  code: string;
  title: string;
  text: string;
}

/** A flow variant the user can choose (e.g. «Я родитель» / «Я ученик 14+»). */
export interface FlowVariant {
  id: string;
  label: string;
}

/** The whole guided flow of one portal. */
export interface Flow {
  /** `sgo` or `cabinet`. */
  id: string;
  /** Russian name of the portal. */
  portal: string;
  /** Host names the flow runs on. */
  hosts: string[];
  /** Steps of the main path in order (recognised or virtual), for «шаг N из M» and back/next. */
  path: string[];
  /** All steps, including problem states. The first one whose `when` matches wins, so put specific states first. */
  steps: Step[];
  advice: Advice[];
  variants: FlowVariant[];
  /** The panel's longer sentences (`components/guide/words.ts`); absent ones are not said. */
  panel?: Partial<PanelWords>;
}
