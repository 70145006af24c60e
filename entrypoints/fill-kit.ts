import { FILL_KIT } from '@/utils/guide/fill-kit';
import { KIT_GLOBAL } from '@/utils/guide/kit';

/**
 * The fill kit for the portals (`utils/guide/kit.ts`): injected by the background into the
 * guide's content-script world when a step that fills is first shown, or on «Скопировать сведения
 * для поддержки» (`fill:kit`), never listed in the
 * manifest and not reachable from the portal's pages.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[KIT_GLOBAL] = FILL_KIT;
});
