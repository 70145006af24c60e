/**
 * The fill kit itself (see `./kit.ts`): bundled where size does not matter (the training
 * portal, tests) and built alone as `/fill-kit.js` for the portals (`entrypoints/fill-kit.ts`).
 */
import { fillStep, undoFill } from './fill';
import { FieldMask } from './mask';
import type { FillKit } from './kit';
import { fillResult } from '@/components/guide/FillResult';

/** «Заполнить», its undo and result, and the «Демонстрация» covers. */
export const FILL_KIT: FillKit = { fillStep, undoFill, FieldMask, fillResult };
