/**
 * The fill kit itself (see `./kit.ts`): bundled where size does not matter (the training
 * portal, tests) and built alone as `/fill-kit.js` for the portals (`entrypoints/fill-kit.ts`).
 */
import { fillStep, undoStep } from './fill';
import { FieldMask } from './mask';
import type { FillKit } from './kit';
import { fillFor, fillResult, showFillList } from '@/components/guide/FillResult';
import { copySupport, supportStatus } from '@/components/guide/SupportCopy';

/** «Заполнить», its undo and result, the «Демонстрация» covers, and the copy for support. */
export const FILL_KIT: FillKit = { fillStep, undoStep, FieldMask, fillFor, fillResult, showFillList, copySupport, supportStatus };
