import { z } from '@/utils/profile/zod';
import { FILL_KEYS, FILL_STATUSES, TARGET_STATES } from '@/utils/guide/types';

/**
 * Messages between content scripts / extension pages and the background.
 * Every message is validated with these schemas on arrival; anything else is rejected.
 * Content scripts never read the profile database themselves: they ask here.
 */

/** Per-tab guide state kept by the background in `storage.session` (no personal data: ids only). */
export const TabState = z.object({
  /** Panel hidden by the user. */
  hidden: z._default(z.boolean(), false),
  /** Chosen flow variant (`parent` / `pupil`). */
  variant: z._default(z.string().check(z.maxLength(20)), 'parent'),
  /** The child «Заполнить» fills for in this tab (chosen in the panel, or by «Открыть подсказку» in the popup). */
  childId: z.optional(z.string().check(z.maxLength(64))),
});
export type TabState = z.infer<typeof TabState>;

const FillKeyEnum = z.enum(FILL_KEYS);

/**
 * What the guide shows, as a request carries it (step ids only, no personal data): the step
 * recognised on the page, the step shown in the panel, where its control is, the flow variant.
 */
const GUIDE_STATE = {
  recognised: z.nullable(z.string().check(z.maxLength(64))),
  shown: z.nullable(z.string().check(z.maxLength(64))),
  targetState: z.enum(TARGET_STATES),
  variant: z.string().check(z.maxLength(20)),
};

/**
 * A request to the background. The portal a request is about is never taken from the message:
 * the background derives it from the sender (the content script's frame and tab URL).
 */
export const Request = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tab-state:get') }),
  /**
   * The sender's portal flow and the guide's style sheet (`FlowAnswer`), asked once by the
   * portal's content script at start: it carries the guide's code only.
   */
  z.object({ type: z.literal('flow:get') }),
  // No defaults here: zod 4 fills `.partial()` fields with their defaults, and a patch that
  // only hides the panel would reset the variant (and the other way round).
  z.object({
    type: z.literal('tab-state:set'),
    state: z.object({
      hidden: z.optional(z.boolean()),
      variant: z.optional(z.string().check(z.maxLength(20))),
      childId: z.optional(z.string().check(z.maxLength(64))),
    }),
  }),
  /** The children of the sender's portal region and the one chosen for this tab; asked on steps that fill. */
  z.object({ type: z.literal('fill:children') }),
  /**
   * The guide needs the fill kit (a step that fills is shown, or «Скопировать сведения для
   * поддержки» was pressed): inject it (`/fill-kit.js`, utils/guide/kit.ts) into the sender's
   * frame, in the content script's world. Once per page.
   */
  z.object({ type: z.literal('fill:kit') }),
  /** Values for the fields of one step, for one child of the sender's portal region; asked only when the user presses «Заполнить». */
  z.object({ type: z.literal('fill:values'), childId: z.string().check(z.maxLength(64)), keys: z.array(FillKeyEnum).check(z.maxLength(20)) }),
  /** Opens the help-desk page (`consultant.html`) in a new tab. */
  z.object({ type: z.literal('open-consultant') }),
  /**
   * «Скопировать сведения для поддержки»: the guide's state (step ids, no personal data); the
   * background writes the text (`supportText` in utils/guide/support.ts) with the sender's address.
   */
  z.object({
    type: z.literal('support:text'),
    ...GUIDE_STATE,
    fillOutcomes: z.nullable(z.array(z.object({ name: z.string().check(z.maxLength(80)), status: z.enum(FILL_STATUSES) })).check(z.maxLength(20))),
  }),
  /**
   * «Сохранить описание страницы для поддержки»: opens `report.html` for the sender's tab with the
   * guide's state (step ids only); that page describes the portal page (utils/report/).
   */
  z.object({
    type: z.literal('report:open'),
    ...GUIDE_STATE,
  }),
  /** From the popup: opens a child's portal in a new tab, with that child chosen for «Заполнить» in that tab. */
  z.object({ type: z.literal('open-guide'), childId: z.string().check(z.maxLength(64)) }),
]);
export type Request = z.infer<typeof Request>;

/** A stored scan sent to the content script for a file field (base64, ≤ 10 MB before encoding). */
export interface ScanPayload {
  name: string;
  type: string;
  base64: string;
}

/** One child «Заполнить» may fill for: id and «Фамилия Имя» (shown only inside the guide's closed panel). */
export interface FillChild {
  id: string;
  label: string;
}

/** Answer to `fill:children`. */
export interface FillChildrenResponse {
  ok: boolean;
  /** The region's children, in the profile's order. */
  children: FillChild[];
  /** The child chosen for this tab, or null when the user must choose (several children, none chosen). */
  chosen: string | null;
  /** Russian reason when `ok` is false (e.g. no child of the region in the profile). */
  message?: string;
}

/** Answer to `fill:values`: the values found (absent keys had no value in the profile). */
export interface FillValuesResponse {
  ok: boolean;
  /** Russian reason when `ok` is false (e.g. no profile yet). */
  message?: string;
  values: Partial<Record<z.infer<typeof FillKeyEnum>, string>>;
  scan?: ScanPayload;
}

/**
 * How the background answers every request, whatever the browser: the listener calls
 * `sendResponse` with this envelope and returns `true` (Chrome before 144 ignores a Promise
 * returned by the listener); the sender unwraps it (`utils/guide/mount.tsx`).
 */
export type Envelope = { ok: true; value: unknown } | { ok: false; error: string };
