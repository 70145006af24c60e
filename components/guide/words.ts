/**
 * Every word of the guide's panel (Russian), kept out of the portals' content script: they come
 * with the flow (`FlowText.panel`, sent by the background at start, `flow:get`); the whole flows
 * of the training portal and the tests carry them directly. The panel cannot show before that
 * answer anyway (its style sheet comes with it), and they stay with it when the background stops
 * answering later (the extension updated while the page is open). A sentence
 * around a value is split in parts (`…1`, `…2`): the panel puts the value between them. Every
 * entry may be absent (`Partial` in the flow): the panel then shows the parts it has.
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
  /** «Заполнить» when the background no longer answers (the extension was updated while the page was open). */
  reloadToFill: 'Расширение было обновлено. Перезагрузите страницу и нажмите «Заполнить» ещё раз.',
  /** «Скопировать сведения для поддержки» when the background no longer answers: then the step's code, or `noStep`. */
  noSupport: 'Сведения для поддержки недоступны: расширение обновлено или перезапущено — перезагрузите страницу. Шаг: ',
  noStep: 'не распознан',
  /** The portal's page threw while «Заполнить» set its fields (they are put back). */
  fillError: 'Не получилось заполнить: страница портала ответила ошибкой. Всё, что помощник успел вписать, отменено — впишите данные вручную.',

  // Labels: the panel's header, buttons and short lines.
  /** The panel's name for screen readers (its `aria-label`). */
  name: 'Помощник: сертификат дополнительного образования',
  brand: 'Помощник · сертификат ДО',
  /** The button that brings a hidden panel back, and its title. */
  fab: '? Помощник',
  show: 'Показать подсказку',
  hide: 'Скрыть подсказку',
  collapse: 'Свернуть в строку',
  expand: 'Развернуть',
  expandTitle: 'Показать подсказку целиком',
  /** «⇄»'s title: part 1, then `right` or `left`. */
  move: 'Перенести подсказку ',
  right: 'вправо',
  left: 'влево',
  /** The «Демонстрация» badge and switch. */
  demo: 'Демонстрация',
  demoSwitch: 'Демонстрация: скрыть данные',
  /** «шаг N из M»: part 1, N, part 2, M. */
  step1: 'шаг ',
  step2: ' из ',
  /** In place of «шаг N из M» on a problem step. */
  attention: 'нужно внимание',
  /** What to look for when the step does not say. */
  lookFor: 'его',
  /** The page says it is loading. */
  waiting: 'Жду, пока страница загрузится…',
  fillButton: 'Заполнить из профиля',
  fillShort: 'Заполнить',
  filling: 'Заполняю…',
  undo: 'Отменить заполнение',
  /** «Заполняю для: <child>»; the list's empty choice; a child's name while «Демонстрация» is on (then its number). */
  fillFor: 'Заполняю для:',
  chooseOne: 'выберите ребёнка',
  child: 'ребёнок ',
  back: '← Назад',
  next: 'Далее →',
  current: 'К текущему',
  who: 'Кто подаёт:',
  supportCopy: 'Скопировать сведения для поддержки',
  /** The read-only field with the support text (its `aria-label`). */
  supportText: 'Сведения для поддержки',
  consultant: 'Справка для консультанта',
  report: 'Сохранить описание страницы для поддержки',
};

/** The panel's words: see {@link PANEL_WORDS}. */
export type PanelWords = typeof PANEL_WORDS;
