import { sgoPage } from '@/utils/flows/sgo';
import { mountGuide } from '@/utils/guide/mount';

/**
 * Content script for «Сетевой город. Образование» (Tver): runs the sgo flow. It carries the steps
 * without their words (`sgoPage`); the words come from the background at start (`flow:text`).
 */
export default defineContentScript({
  matches: ['https://sgo.tvobr.ru/*'],
  runAt: 'document_idle',
  main() {
    mountGuide(sgoPage);
  },
});
