/**
 * The panel's longer sentences (Russian), kept out of the portals' content scripts: they come with
 * the flow (`FlowText.panel`, sent by the background at start, `flow:get`); the
 * whole flows of the training portal and the tests carry them directly. Short labels (buttons,
 * «Жду, пока страница загрузится…») and what is said when the background does not answer stay in
 * the panel's code. A sentence around a value is split in parts (`…1`, `…2`): the panel puts the
 * value between them. Without an answer the panel shows the parts it has, so every part may be absent.
 */
import { FILL_TEXT } from '@/utils/guide/support';

/** The sentences, by what the panel uses them for (plain strings: they travel in a message). */
export const PANEL_WORDS = {
  /** The step's control is hidden in a closed menu, tab or block; its opener is outlined. */
  opener: 'Нужный элемент спрятан в меню или закрытом разделе. Откройте то, что обведено рамкой, — затем покажу, куда нажать.',
  /** Before «Сохранить описание страницы для поддержки» where the guide does not know the page or the control. */
  reportOffer: 'Помощник ошибается на этой странице? Сохраните её описание и передайте поддержке — личных данных в нём нет. ',
  /** Title of the «Демонстрация» switch. */
  demoTitle: 'Для показа на экране: значения, которые заполнил помощник, закрываются размытием',
  /** «Скопировать сведения для поддержки»: copied. */
  copied: 'Сведения скопированы. Вставьте их в письмо или чат поддержки (Ctrl+V). Личных данных в них нет.',
  /** «Скопировать сведения для поддержки»: the clipboard refused. */
  copyFailed: 'Не удалось скопировать автоматически. Текст выделен — нажмите Ctrl+C (на Mac — ⌘+C).',
  /** Title of the panel's header. */
  dragTitle: 'Подсказку можно перетащить к другому краю',
  /** Title of the «Демонстрация» badge. */
  maskTitle: 'Данные, которые заполнил помощник, скрыты',
  /** Browsing another step than the page's: a step of the site, or one that happens off the site. */
  otherStep: 'Это описание другого шага.',
  offSite: 'Этот шаг выполняется не на сайте.',
  /** … then the code of the page's step. */
  pageStep: ' На открытой странице — шаг ',
  found: 'Нужное место обведено рамкой.',
  /** The control is not found: part 1, what to look for, part 2 (the bar says part 1 short). */
  missing1: 'Не вижу на странице нужного элемента. Найдите ',
  missing2: '. Если страница ещё загружается — подождите.',
  missingBar: 'Не вижу нужного элемента. Найдите ',
  checkValues: 'Проверьте значения. Отправляете форму вы сами.',
  /** The page is like several steps: part 1, the steps joined by `tiedAnd`, part 2, what to look for joined by `tiedOr`, part 3. */
  tied1: 'Не узнаю страницу: она похожа и на ',
  tiedAnd: ', и на ',
  tied2: '. Чтобы продолжить, найдите на странице ',
  tiedOr: ' или ',
  tied3: ' — или посмотрите шаги кнопкой «Далее».',
  /** The page is no step: part 1, the portal's name, part 2. */
  notStep1: 'Эта страница не похожа на шаг получения сертификата на портале ',
  notStep2: '. Вернитесь на главную страницу портала или нажмите «Далее», чтобы посмотреть шаги.',
  /** A fill outcome's status in words (the same as in the support text). */
  fill: FILL_TEXT,
  /** «Заполнить» with several children and none chosen. */
  chooseChild: 'Выберите, для кого заполнять: список «Заполняю для» выше.',
  noProfile: 'Не удалось получить данные профиля.',
  /** The portal's page threw while «Заполнить» set its fields (they are put back). */
  fillError: 'Не получилось заполнить: страница портала ответила ошибкой. Всё, что помощник успел вписать, отменено — впишите данные вручную.',
};

/** The panel's longer sentences: see {@link PANEL_WORDS}. */
export type PanelWords = typeof PANEL_WORDS;
