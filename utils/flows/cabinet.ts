import type { Flow, FlowText, PageFlow } from '@/utils/guide/types';
import { withText } from './flow-text';
import { PANEL_WORDS } from '@/components/guide/words';
import { generalActivationChecklist } from '@/utils/profile/checklist';

/**
 * «Личный кабинет граждан Кемеровской области» (cabinet.ruobr.ru, Kuzbass): the certificate
 * flow as data. Sources: seeds 002/003/004 and portals.md §2. The cabinet's markup is unknown,
 * so everything is found by visible text (case-insensitive; capitals may be CSS) and role;
 * URLs are not relied on except for the login page.
 * Since 01.07.2024 sign-in is through Госуслуги only (portals.md §2).
 *
 * Each step comes in two parts: how a page shows it (`cabinetPage`: recognition, targets, fills)
 * and what the guide says about it (`cabinetText`: title, instruction, what to look for, checklist;
 * the advice; the panel's longer sentences), joined by step id into `cabinetFlow`. The portals' content script
 * carries no flow: the background sends it `cabinetFlow` at start (`flow:get`, utils/guide/wire.ts).
 */

const LOGIN = /^\/(?:login|accounts\/login)\/?$/i;

const esiaButton = { text: 'Войти через Госуслуги' };
const loginHeading = { textContains: 'Вход в личный кабинет' };
const menuServices = { text: 'Услуги' };
/** The sub-tab (a link, tab or button — not the page's heading of the same words). */
const dopTab = [
  { text: 'Дополнительное образование', css: 'a, [role=tab], .item' },
  { text: 'Дополнительное образование', role: 'tab' as const },
  { text: 'Дополнительное образование', role: 'button' as const },
];
const applyButton = { text: 'Подать заявку на сертификат' };
const addDocument = { text: 'Предоставить документ' };
const submitRequest = [{ text: 'Подать заявление на получение сертификата' }, { text: 'Подать заявление на получение сертификат' }];
/** The document dialog (К-5), by the words of its first field, in either wording. */
/** The login form's error: the portal's words (seeds), or Django's error list. */
const loginError = [{ textContains: 'логин/пароль не подходит' }, { css: '.errorlist' }];
const documentDialog = [
  { role: 'dialog' as const, textContains: 'Тип документа' },
  { role: 'dialog' as const, textContains: 'Вид документа' },
];
const emailDialog = { role: 'dialog' as const, textContains: 'Отправить заявку' };
const emailField = { within: emailDialog, role: 'textbox' as const };
/**
 * The document dialog's field labels with the wordings a portal may use for them (the replica
 * uses the first; «Серия документа», «Вид документа»… are the same fields). Matched by words,
 * required-marks and colons aside (`utils/guide/locate.ts`).
 */
const docLabels = {
  kind: ['Тип документа', 'Вид документа'],
  series: ['Серия', 'Серия документа'],
  number: ['Номер', 'Номер документа'],
  issuedAt: ['Дата выдачи', 'Дата выдачи документа', 'Когда выдан'],
  issuedBy: ['Кем выдан', 'Кем выдан документ', 'Орган, выдавший документ'],
} as const;
const certDialog = { role: 'dialog' as const, textContains: 'Получение сертификата ПДО' };
const getCertificate = { text: 'Получить сертификат' };
const mailSent = { textContains: 'Подтверждение электронной почты' };
const certNumber = { textContains: 'Сертификат:' };
const certStatus = { textContains: 'Статус:' };
const esiaDown = { textContains: 'Вход через Госуслуги временно не доступен' };
const emailError = [{ within: emailDialog, textContains: 'Укажите адрес электронной почты' }, { within: emailDialog, textContains: 'Введите корректный адрес' }];
const downloadStatement = { text: 'Скачать заявление' };
/** Any open dialog of the flow: while one is open, the page behind it is not the step. */
const dialogs = [documentDialog, emailDialog, certDialog];
/** Markers of the request page's states, from the latest to the earliest. */
const later = { certificate: downloadStatement, confirmed: getCertificate, mailSent, submit: submitRequest };
/**
 * The portal's common interface words beyond what the steps look for (portals.md §2.1–2.2 and the seeds: the login page, the menu, the certificate pages and dialogs):
 * with every text the steps look for, the words a page description for support keeps
 * (`utils/report/vocabulary.ts`); any other word on the page is masked. Only the portal's own
 * texts, never a value (no names, places, numbers). Not part of the flow object, so the content
 * script does not carry it.
 */
export const cabinetWords: readonly string[] = [
  'Личный кабинет граждан Кемеровской области', 'Вход в личный кабинет', 'Войти', 'Вход через Госуслуги временно не доступен.',
  'Ваш логин/пароль не подходит.', 'Логин', 'Пароль', 'Забыли пароль?', 'В школе не выдают логин/пароль?', 'Зарегистрироваться',
  'Войти через Госуслуги', 'Услуги', 'Обо мне', 'Дети', 'Почта', 'Детский сад', 'Дополнительное образование', 'Школа', 'СПО',
  'Дополнительные', 'Подать заявку на сертификат', 'Предоставить документ', 'Документ', 'Тип документа', 'Вид документа',
  'Свидетельство о рождении', 'Паспорт', 'Серия', 'Номер', 'Дата выдачи', 'Кем выдан', 'Подать заявление на получение сертификата',
  'Электронная почта', 'E-mail', 'Отправить заявку', 'Заявка на сертификат ПДО. Подтверждение электронной почты',
  'Получить сертификат', 'Получение сертификата ПДО', 'Группа сертификата', 'Дети в возрасте от 5 до 18 лет', 'Сертификат',
  'Муниципалитет', 'Статус', 'Не активирован', 'Группа сертификата', 'Дата создания',
  'Осуществить активацию сертификата Вы можете на основании заявления в одном из предложенных учреждений Вашего муниципалитета',
  'Скачать учреждения', 'Скачать заявление', 'Обновить заявление', 'Семья и дети', 'Успешность', 'Выход', 'Выйти', 'Сохранить',
  'Отмена', 'Закрыть', 'Ошибка', 'Обязательное поле', 'Выберите', 'Выбрать файл', 'Файл не выбран', 'Назад', 'Далее', 'Главная',
];

/**
 * The portal's known markup words (portals.md §2: `/login/`, `id_username`, `id_password`,
 * `csrfmiddlewaretoken`, `ul.errorlist`, `button.fluid.ui.primary.button`, Django's `id_` prefix,
 * the API fields): kept inside ids, classes, names and paths of a page description
 * (`utils/report/vocabulary.ts`); other words there are masked.
 */
export const cabinetMarkup: readonly string[] = [
  'login', 'accounts', 'esia', 'callback', 'next', 'id', 'username', 'password', 'csrfmiddlewaretoken', 'errorlist', 'fluid', 'ui',
  'primary', 'button', 'services', 'dop', 'certificate', 'confirm', 'profile', 'children', 'messages', 'number', 'cert', 'status',
  'actul', 'group', 'name', 'balance',
];

/** The letter stand-in page of the replicas (in reality the letter is in the user's mailbox, not on the portal). */
const MAILBOX = /^\/replica\//;

export const cabinetPage: PageFlow = {
  id: 'cabinet',
  hosts: ['cabinet.ruobr.ru'],
  path: [
    'cabinet.login',
    'cabinet.services',
    'cabinet.apply',
    'cabinet.add-document',
    'cabinet.document-form',
    'cabinet.submit-request',
    'cabinet.email',
    'cabinet.check-mail',
    'cabinet.get-certificate',
    'cabinet.certificate-dialog',
    'cabinet.certificate',
    'cabinet.activation',
  ],
  variants: [
    { id: 'parent', label: 'Я родитель' },
    { id: 'pupil', label: 'Я ученик, мне 14–17 лет' },
  ],
  steps: [
    {
      id: 'cabinet.esia-down',
      code: 'К-14',
      problem: true,
      when: { path: LOGIN, all: [esiaDown] },
      target: { textContains: 'Вход через Госуслуги временно не доступен' },
    },
    {
      id: 'cabinet.login-error',
      code: 'К-13',
      problem: true,
      when: { path: LOGIN, all: [loginError], none: [esiaDown] },
      target: esiaButton,
    },
    {
      id: 'cabinet.login',
      code: 'К-1',
      when: { path: LOGIN, all: [loginHeading], none: [esiaDown, loginError] },
      target: esiaButton,
    },
    {
      id: 'cabinet.certificate-dialog',
      code: 'К-10',
      when: { all: [certDialog], none: [documentDialog, emailDialog] },
      target: { within: certDialog, label: 'Группа сертификата' },
      then: [{ within: certDialog, label: 'Документ' }, { within: certDialog, text: 'Получить сертификат' }],
      fill: [
        { name: 'Группа сертификата', target: { within: certDialog, label: 'Группа сертификата' }, value: 'certificateGroup' },
        { name: 'Документ', target: { within: certDialog, label: 'Документ' }, value: 'documentLabel' },
      ],
    },
    {
      id: 'cabinet.email-missing',
      code: 'К-15',
      problem: true,
      when: {
        all: [emailDialog, emailError],
      },
      target: emailField,
      then: [{ within: emailDialog, text: 'Отправить заявку' }],
      fill: [{ name: 'Электронная почта', target: emailField, value: 'email' }],
    },
    {
      id: 'cabinet.email',
      code: 'К-7',
      when: { all: [emailDialog], none: [emailError] },
      target: emailField,
      then: [{ within: emailDialog, text: 'Отправить заявку' }],
      fill: [{ name: 'Электронная почта', target: emailField, value: 'email' }],
    },
    {
      id: 'cabinet.document-form',
      code: 'К-5',
      when: { all: [documentDialog], none: [emailDialog, certDialog] },
      target: { within: documentDialog, label: docLabels.kind },
      then: [{ within: documentDialog, text: 'Сохранить' }],
      fill: [
        { name: 'Тип документа', target: { within: documentDialog, label: docLabels.kind }, value: 'documentKind' },
        { name: 'Серия', target: { within: documentDialog, label: docLabels.series }, value: 'documentSeries' },
        { name: 'Номер', target: { within: documentDialog, label: docLabels.number }, value: 'documentNumber' },
        { name: 'Дата выдачи', target: { within: documentDialog, label: docLabels.issuedAt }, value: 'documentIssuedAt' },
        { name: 'Кем выдан', target: { within: documentDialog, label: docLabels.issuedBy }, value: 'documentIssuedBy' },
        { name: 'Документ (скан)', target: { within: documentDialog, role: 'file' }, value: 'documentScan' },
      ],
    },
    {
      id: 'cabinet.certificate',
      code: 'К-11',
      when: { all: [certNumber, certStatus, downloadStatement], none: dialogs },
      target: downloadStatement,
    },
    {
      id: 'cabinet.get-certificate',
      code: 'К-9',
      when: { all: [getCertificate], none: [...dialogs, downloadStatement] },
      target: getCertificate,
    },
    {
      id: 'cabinet.check-mail',
      code: 'К-8',
      when: { notPath: MAILBOX, all: [mailSent], none: [...dialogs, later.confirmed, later.certificate] },
      target: mailSent,
    },
    {
      id: 'cabinet.submit-request',
      code: 'К-6',
      when: { all: [submitRequest], none: [...dialogs, later.mailSent, later.confirmed, later.certificate] },
      target: submitRequest,
    },
    {
      id: 'cabinet.add-document',
      code: 'К-4',
      when: { all: [addDocument], none: [...dialogs, later.submit, later.mailSent, later.confirmed, later.certificate] },
      target: addDocument,
    },
    {
      id: 'cabinet.apply',
      code: 'К-3',
      when: { all: [applyButton], none: [...dialogs, addDocument, ...Object.values(later)] },
      target: applyButton,
      advice: ['cabinet.no-child'],
    },
    {
      id: 'cabinet.services',
      code: 'К-2',
      when: { notPath: LOGIN, all: [menuServices, dopTab], none: [...dialogs, applyButton, addDocument, ...Object.values(later)] },
      target: dopTab,
      advice: ['cabinet.no-child'],
    },
    {
      id: 'cabinet.activation',
      code: 'К-12',
      target: { text: 'Скачать учреждения' },
    },
  ],
};

/** The words of the cabinet flow (`FlowText`): sent by the background with the steps (`flow:get`). */
export const cabinetText: FlowText = {
  panel: PANEL_WORDS,
  portal: 'Личный кабинет граждан Кемеровской области',
  steps: {
    'cabinet.esia-down': {
      title: 'Госуслуги временно недоступны',
      instruction:
        'Портал пишет, что вход через Госуслуги временно недоступен: это сбой или технические работы. Попробуйте позже (через час или на следующий день). Вход по логину и паролю с 01.07.2024 закрыт.',
      lookFor: 'сообщение «Вход через Госуслуги временно не доступен» над формой',
    },
    'cabinet.login-error': {
      title: 'Логин и пароль не подходят',
      instruction:
        'С 01.07.2024 в личный кабинет входят только через Госуслуги, поэтому логин и пароль из школы больше не подходят. Нажмите «Войти через Госуслуги». Нужна подтверждённая учётная запись, а ФИО, дата рождения, СНИЛС и документ должны совпадать с данными школы.',
      lookFor: 'кнопку «Войти через Госуслуги»',
    },
    'cabinet.login': {
      title: 'Вход в личный кабинет',
      instruction: {
        parent:
          'Нажмите «Войти через Госуслуги» и войдите своей подтверждённой учётной записью. Держите телефон рядом: Госуслуги пришлют код. Ребёнок должен быть привязан к вам в разделе «Семья и дети» на Госуслугах.',
        pupil:
          'Нажмите «Войти через Госуслуги» и войдите своей подтверждённой учётной записью (с 14 лет можно подать заявку самому).',
      },
      lookFor: 'кнопку «Войти через Госуслуги» на странице входа',
    },
    'cabinet.certificate-dialog': {
      title: 'Получение сертификата ПДО',
      instruction:
        'В окне «Получение сертификата ПДО» выберите «Группу сертификата» (например, «Дети в возрасте от 5 до 18 лет») и «Документ» ребёнка — или нажмите «Заполнить». Затем нажмите «Получить сертификат».',
      lookFor: 'окно «Получение сертификата ПДО» со списками «Группа сертификата» и «Документ»',
    },
    'cabinet.email-missing': {
      title: 'Не указана электронная почта',
      instruction:
        'Портал не принял адрес почты. Впишите свой личный адрес полностью, например ivanova@mail.ru, без пробелов (или нажмите «Заполнить»), и снова нажмите «Отправить заявку».',
      lookFor: 'поле для адреса электронной почты в открытом окне',
    },
    'cabinet.email': {
      title: 'Адрес электронной почты',
      instruction:
        'Впишите адрес своей личной электронной почты (или нажмите «Заполнить») и нажмите «Отправить заявку». На этот адрес придёт письмо для подтверждения.',
      lookFor: 'окно с полем для адреса электронной почты и кнопкой «Отправить заявку»',
    },
    'cabinet.document-form': {
      title: 'Документ ребёнка',
      instruction:
        'Заполните все поля о документе ребёнка: тип (свидетельство о рождении, с 14 лет — паспорт), серию, номер, дату выдачи, и прикрепите скан или фото в поле «Документ». Кнопка «Заполнить» перенесёт данные из профиля. Затем нажмите «Сохранить».',
      lookFor: 'окно «Документ ребенка» с полями «Тип документа», «Серия», «Номер»',
    },
    'cabinet.certificate': {
      title: 'Сертификат оформлен',
      instruction:
        'Сертификат оформлен, его номер — в строке «Сертификат:». Статус «Не активирован» — это нормально. Нажмите «Скачать заявление» и распечатайте заявление и согласие (или сделайте их в помощнике).',
      lookFor: 'кнопку «Скачать заявление» под сведениями о сертификате',
    },
    'cabinet.get-certificate': {
      title: 'Заявка подтверждена',
      instruction:
        'Почта подтверждена. Нажмите кнопку «Получить сертификат».',
      lookFor: 'кнопку «Получить сертификат» рядом с заявкой',
    },
    'cabinet.check-mail': {
      title: 'Подтвердите почту',
      instruction:
        'Откройте свою почту: пришло письмо «Заявка на сертификат ПДО. Подтверждение электронной почты». Перейдите по ссылке из письма — личный кабинет откроется снова. Письма нет 15 минут? Проверьте папку «Спам» и правильность адреса.',
      lookFor: 'сообщение о том, что письмо отправлено',
    },
    'cabinet.submit-request': {
      title: 'Подать заявление',
      instruction:
        'Нажмите «Подать заявление на получение сертификата» у нужного ребёнка.',
      lookFor: 'кнопку «Подать заявление на получение сертификата» в карточке ребёнка',
    },
    'cabinet.add-document': {
      title: 'Документы ребёнка',
      instruction:
        'Добавьте документ ребёнка: нажмите «Предоставить документ» (свидетельство о рождении, с 14 лет — паспорт). Приготовьте скан или фото документа.',
      lookFor: 'кнопку «Предоставить документ» в карточке ребёнка',
    },
    'cabinet.apply': {
      title: 'Заявка на сертификат',
      instruction:
        'Нажмите кнопку «Подать заявку на сертификат».',
      lookFor: 'кнопку «Подать заявку на сертификат» на вкладке «Дополнительное образование»',
    },
    'cabinet.services': {
      title: 'Дополнительное образование',
      instruction:
        'В разделе «Услуги» откройте вкладку «Дополнительное образование».',
      lookFor: 'вкладку «Дополнительное образование» под пунктом меню «Услуги»',
    },
    'cabinet.activation': {
      title: 'Активация в учреждении',
      instruction:
        'Осталось активировать сертификат: один раз прийти в любое учреждение из списка («Скачать учреждения») с документами. Если распечатать заявление негде, его распечатают в учреждении.',
      checklist: /* @__PURE__ */ generalActivationChecklist('kuzbass'),
    },
  },
  advice: [
    {
      id: 'cabinet.no-child',
      code: 'К-П1',
      title: 'Вошли через Госуслуги, но ребёнка нет',
      text: 'ФИО, дата рождения, СНИЛС или документ на Госуслугах отличаются от данных школы, или ребёнок не привязан в «Семья и дети». Проверьте данные на Госуслугах, привяжите ребёнка, дайте разрешение региональной системе; если не помогло — обратитесь в школу.',
    },
  ],
};

/** The whole cabinet flow: its steps with their words (utils/flows/flow-text.ts). */
export const cabinetFlow: Flow = /* @__PURE__ */ withText(cabinetPage, cabinetText);
