import { cabinetPage } from '@/utils/flows/cabinet';
import { mountGuide } from '@/utils/guide/mount';

/**
 * Content script for the Kuzbass citizens' cabinet: runs the cabinet flow. It carries the steps
 * without their words (`cabinetPage`); the words come from the background at start (`flow:text`).
 */
export default defineContentScript({
  matches: ['https://cabinet.ruobr.ru/*'],
  runAt: 'document_idle',
  main() {
    mountGuide(cabinetPage);
  },
});
