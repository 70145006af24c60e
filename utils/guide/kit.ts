/**
 * The fill kit: the code of «Заполнить», of what the panel shows about it
 * (`components/guide/FillResult.tsx`: «Заполняю для», the filled fields), of the «Демонстрация»
 * covers over filled fields (`fill.ts`, `mask.ts`, the list widgets' filling in `widget.ts`) and
 * of «Скопировать сведения для поддержки» (`components/guide/SupportCopy.tsx`). The guide needs it
 * only on a step that fills (it comes with the list of children) or on a press of «Скопировать
 * сведения для поддержки», so a portal page does not carry it: the background injects the built
 * kit (`entrypoints/fill-kit.ts` → `/fill-kit.js`) into the content script's own world on first
 * need (`fill:kit`), where it puts itself at `globalThis[KIT_GLOBAL]`. The training portal and
 * the tests bundle it (`utils/guide/fill-kit.ts`).
 */
import type { fillStep, undoStep } from './fill';
import type { FieldMask } from './mask';
import type { fillFor, fillResult, showFillList } from '@/components/guide/FillResult';
import type { copySupport, supportStatus } from '@/components/guide/SupportCopy';

/** What the kit offers the guide. */
export interface FillKit {
  fillStep: typeof fillStep;
  undoStep: typeof undoStep;
  FieldMask: typeof FieldMask;
  /** The panel's part after a fill (the filled fields, «Отменить заполнение»). */
  fillResult: typeof fillResult;
  /** The panel's «Заполняю для» (the child filled for, a choice among several). */
  fillFor: typeof fillFor;
  /** Keeps the filled fields' list in sight in the panel. */
  showFillList: typeof showFillList;
  /** «Скопировать сведения для поддержки» and what the panel says after it. */
  copySupport: typeof copySupport;
  supportStatus: typeof supportStatus;
}

/** Where the injected kit puts itself in the content script's world. */
export const KIT_GLOBAL = 'pfdoFillKit';

/**
 * The kit in this world: already there, or asked from the background, which injects it into this
 * frame (`fill:kit`).
 * @param send messaging to the background
 * @returns the kit
 * @throws Error (the browser's, or «no fill kit») when the background did not inject it
 *   (extension reloaded or updated); the guide then says so in the panel's words
 */
export async function loadKit(send: (req: { type: 'fill:kit' }) => Promise<unknown>): Promise<FillKit> {
  const g = globalThis as { [KIT_GLOBAL]?: FillKit };
  if (!g[KIT_GLOBAL]) await send({ type: 'fill:kit' });
  const kit = g[KIT_GLOBAL];
  if (!kit) throw new Error('no fill kit');
  return kit;
}
