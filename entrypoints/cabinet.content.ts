import { cabinetFlow } from '@/utils/flows/cabinet';
import { mountGuide } from '@/utils/guide/mount';

/** Content script for the Kuzbass citizens' cabinet: runs the cabinet flow. */
export default defineContentScript({
  matches: ['https://cabinet.ruobr.ru/*'],
  runAt: 'document_idle',
  main() {
    mountGuide(cabinetFlow);
  },
});
