import { browser } from 'wxt/browser';
import { FLOWS } from '@/utils/flows/search';
import { pageDescriptionOf } from '@/utils/report/page';

/**
 * Injected into a portal tab by the description page (`report.html`, `scripting.executeScript`),
 * only when the user asked for «Сохранить описание страницы для поддержки». Describes the page
 * without personal data (utils/report/) and returns the description to the caller; sends nothing
 * anywhere and changes nothing on the page.
 */
export default defineUnlistedScript(() => pageDescriptionOf(document, FLOWS, browser.runtime.getManifest().version));
