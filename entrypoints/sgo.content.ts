import { sgoFlow } from '@/utils/flows/sgo';
import { mountGuide } from '@/utils/guide/mount';

/** Content script for «Сетевой город. Образование» (Tver): runs the sgo flow. */
export default defineContentScript({
  matches: ['https://sgo.tvobr.ru/*'],
  runAt: 'document_idle',
  main() {
    mountGuide(sgoFlow);
  },
});
