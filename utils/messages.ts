import { z } from 'zod';
import { FILL_KEYS } from '@/utils/guide/types';

/**
 * Messages between content scripts / extension pages and the background.
 * Every message is validated with these schemas on arrival; anything else is rejected.
 * Content scripts never read the profile database themselves: they ask here.
 */

/** Per-tab guide state kept by the background in `storage.session` (no personal data). */
export const TabState = z.object({
  /** Panel hidden by the user. */
  hidden: z.boolean().default(false),
  /** Chosen flow variant (`parent` / `pupil`). */
  variant: z.string().max(20).default('parent'),
});
export type TabState = z.infer<typeof TabState>;

const FillKeyEnum = z.enum(FILL_KEYS);

/** A request to the background. */
export const Request = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tab-state:get') }),
  // No defaults here: zod 4 fills `.partial()` fields with their defaults, and a patch that
  // only hides the panel would reset the variant (and the other way round).
  z.object({ type: z.literal('tab-state:set'), state: z.object({ hidden: z.boolean().optional(), variant: z.string().max(20).optional() }) }),
  /** Values for the fields of one step; asked only when the user presses «Заполнить». */
  z.object({ type: z.literal('fill:values'), portal: z.enum(['sgo', 'cabinet']), keys: z.array(FillKeyEnum).max(20) }),
  z.object({ type: z.literal('open-options') }),
  /** Opens the help-desk page (`consultant.html`) in a new tab. */
  z.object({ type: z.literal('open-consultant') }),
]);
export type Request = z.infer<typeof Request>;

/** A stored scan sent to the content script for a file field (base64, ≤ 10 MB before encoding). */
export interface ScanPayload {
  name: string;
  type: string;
  base64: string;
}

/** Answer to `fill:values`: the values found (absent keys had no value in the profile). */
export interface FillValuesResponse {
  ok: boolean;
  /** Russian reason when `ok` is false (e.g. no profile yet). */
  message?: string;
  values: Partial<Record<z.infer<typeof FillKeyEnum>, string>>;
  scan?: ScanPayload;
}
