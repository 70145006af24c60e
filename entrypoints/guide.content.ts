import { mountGuide } from '@/utils/guide/mount';

/**
 * The guide's content script on both portals («Сетевой город. Образование», Tver, and the Kuzbass
 * citizens' cabinet). It is the guide's code only: the background answers with the flow of the
 * portal this page is on, and the guide's style sheet (`flow:get`), and the guide starts then.
 * Matches exactly the extension's host permissions.
 */
export default defineContentScript({
  matches: ['https://sgo.tvobr.ru/*', 'https://cabinet.ruobr.ru/*'],
  runAt: 'document_idle',
  main() {
    mountGuide();
  },
});
