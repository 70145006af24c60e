import type { Flow, FlowText, PageFlow } from '@/utils/guide/types';
import { withText } from './flow-text';
import { PANEL_WORDS } from '@/components/guide/words';
import { generalActivationChecklist } from '@/utils/profile/checklist';

/**
 * «Сетевой город. Образование» (sgo.tvobr.ru, Tver): the certificate flow as data.
 * Sources: seeds 000/001 (Tver parents' instructions, variants 1–4) and portals.md §1.
 * Pages render late (AngularJS) and the settings page usually arrives by form POST;
 * every step is recognised from the path and what is visible.
 *
 * Each step comes in two parts: how a page shows it (`sgoPage`: recognition, targets, fills)
 * and what the guide says about it (`sgoText`: title, instruction, what to look for, checklist;
 * the advice; the panel's longer sentences), joined by step id into `sgoFlow`. The portals' content script
 * carries no flow: the background sends it `sgoFlow` at start (`flow:get`, utils/guide/wire.ts).
 */

/** `/angular/...` in the known builds, `/app/...` in newer ones (portals.md §1.1). */
const APP = '(?:angular|app)';
const SETTINGS = new RegExp(`^/(?:${APP}/school/mysettings/?|asp/MySettings/MySettings\\.asp)$`, 'i');
const LOGIN = /^\/(?:authorize(?:\/login(?:-pass)?)?\/?)?$/i;

const getButton = [{ text: 'Получить сертификат', role: 'button' as const }, { title: 'Получить сертификат' }];
const childSelect = { label: 'Дети', role: 'combobox' as const };
const numberField = { label: 'Номер', role: 'textbox' as const };
const statusField = { label: 'Статус', role: 'textbox' as const };
const ageText = { textContains: 'можно создать только для учащегося в возрасте от 5 до 18 лет' };
/**
 * The portal's error window after «Получить сертификат»: a dialog titled «Ошибка» (however it is
 * built: Bootstrap modal, any dialog role, an overlay), or a Bootstrap modal of the page.
 */
const errorModal = [
  { role: 'dialog' as const, textContains: 'Ошибка' },
  { role: 'dialog' as const, css: '.modal' },
];
const settingsLink = { title: 'Персональные настройки' };
/**
 * The portal's common interface words beyond what the steps look for (portals.md §1.2–1.4: the login page, the header, «Персональные настройки», the usual menu):
 * with every text the steps look for, the words a page description for support keeps
 * (`utils/report/vocabulary.ts`); any other word on the page is masked. Only the portal's own
 * texts, never a value (no names, places, numbers). Not part of the flow object, so the content
 * script does not carry it.
 */
export const sgoWords: readonly string[] = [
  'Сетевой Город. Образование', 'Вход в систему', 'Через', 'Войти через госуслуги', 'или', 'Вход через логин и пароль',
  'Организация', 'Орган управления', 'Логин', 'Пароль', 'Заполните логин', 'Заполните пароль', 'Оставаться в системе',
  'Забыли пароль?', 'Войти', 'Персональные настройки', 'Выход', 'Сохранить', 'Восстановить', 'Сменить пароль',
  'Войти в Навигатор', 'Текущий учебный год', 'Основная информация', 'Фамилия', 'Имя', 'Отчество', 'Дата рождения',
  'E-Mail', 'Мобильный телефон', 'Сертификат дополнительного образования', 'Дети', 'Получить сертификат',
  'Скачать шаблон заявления на получение сертификата', 'Категория сертификата', 'Необходимо выбрать категорию сертификата',
  'Не заданы категории сертификатов для данного муниципалитета', 'Номер', 'Статус', 'Дата начала действия',
  'Дата окончания действия', 'Файл с изображением сертификата', 'Не использован', 'Актуален', 'Неактивирован',
  'Пожалуйста, подождите...', 'Дневник', 'Расписание', 'Объявления', 'Отчёты', 'Почта', 'Форум', 'Ресурсы', 'Школа',
  'Отмена', 'Закрыть', 'Ошибка', 'ОК', 'Да', 'Нет', 'Назад', 'Далее', 'Главная', 'Помощь', 'Выбрать', 'Учащийся', 'Родитель',
];

/**
 * The portal's known markup words (portals.md §1: routes, `.apploader`, `div.gosbutton`,
 * `div.primary-button`, fields `loginname`, `EM`, hidden `at`/`VER`): kept inside ids, classes,
 * names and paths of a page description (`utils/report/vocabulary.ts`); other words there are masked.
 */
export const sgoMarkup: readonly string[] = [
  'angular', 'app', 'school', 'mysettings', 'studentdiary', 'authorize', 'login', 'pass', 'sso', 'esia', 'asp', 'MySettings',
  'apploader', 'gosbutton', 'primary', 'button', 'loginname', 'password', 'EM', 'at', 'VER', 'webapi', 'educcertificates',
  'buttons', 'panel', 'glyphicon', 'user', 'hidden', 'scr', 'sm', 'org', 'child',
];

/**
 * The login page by meaning, not by class names: a Госуслуги control — the known `div.gosbutton`,
 * whose only word is «Через» (the Госуслуги logo is an image without alt, portals.md §1), or a
 * «Войти через Госуслуги» link — or a password field (the login-and-password form).
 */
// The whole phrase before the lone word «Через» (a link «Войти <span>через</span> Госуслуги» is the link, not its span).
const gosControl = [{ css: '.gosbutton' }, { textContains: 'войти через госуслуги' }, { textContains: 'вход через госуслуги' }, { text: 'Через' }];
const loginPage = [...gosControl, { role: 'password' as const }];
const loginError = [{ textContains: 'неправильный логин' }, { textContains: 'неверный логин' }, { css: '.alert-danger, .error-message, .login-error' }];

export const sgoPage: PageFlow = {
  id: 'sgo',
  hosts: ['sgo.tvobr.ru'],
  path: ['sgo.login', 'sgo.open-settings', 'sgo.choose-child', 'sgo.get-certificate', 'sgo.done', 'sgo.activation'],
  variants: [
    { id: 'parent', label: 'Я родитель' },
    { id: 'pupil', label: 'Я ученик, мне 14–17 лет' },
  ],
  steps: [
    {
      id: 'sgo.login-error',
      code: 'Т-7',
      problem: true,
      when: {
        path: LOGIN,
        all: [loginPage, loginError],
      },
      target: gosControl,
      advice: ['sgo.no-login'],
    },
    {
      id: 'sgo.login',
      code: 'Т-1',
      when: { path: LOGIN, all: [loginPage], none: [loginError] },
      target: [{ text: 'Через', css: '.gosbutton' }, ...gosControl],
      advice: ['sgo.no-login', 'sgo.no-account'],
    },
    {
      id: 'sgo.request-failed',
      code: 'Т-8',
      problem: true,
      when: { path: SETTINGS, all: [errorModal] },
      target: [{ within: errorModal, text: 'Закрыть' }, { within: errorModal, title: 'Закрыть' }, { within: errorModal, role: 'button' }],
    },
    {
      id: 'sgo.done',
      code: 'Т-5',
      when: { path: SETTINGS, all: [numberField, statusField], none: [errorModal] },
      target: numberField,
    },
    {
      id: 'sgo.age-out',
      code: 'Т-9',
      problem: true,
      when: { path: SETTINGS, all: [ageText], none: [errorModal] },
      target: ageText,
    },
    {
      id: 'sgo.choose-child',
      code: 'Т-3',
      when: { path: SETTINGS, all: [childSelect, getButton], none: [errorModal] },
      target: childSelect,
      then: [getButton],
      fill: [{ name: 'Дети', target: childSelect, value: 'childName' }],
    },
    {
      id: 'sgo.get-certificate',
      code: 'Т-4',
      when: { path: SETTINGS, all: [getButton], none: [childSelect, errorModal] },
      target: getButton,
    },
    {
      id: 'sgo.no-panel',
      code: 'Т-10',
      problem: true,
      // No panel at all, or a panel without the button, the number, the age text and the child list.
      when: { path: SETTINGS, all: [{ text: 'Основная информация' }], none: [getButton, numberField, ageText, childSelect, errorModal] },
    },
    {
      id: 'sgo.open-settings',
      code: 'Т-2',
      when: { notPath: SETTINGS, all: [settingsLink] },
      target: [{ title: 'Персональные настройки', role: 'link' }, settingsLink],
    },
    {
      id: 'sgo.activation',
      code: 'Т-6',
    },
  ],
};

/** The words of the sgo flow (`FlowText`): sent by the background with the steps (`flow:get`). */
export const sgoText: FlowText = {
  panel: PANEL_WORDS,
  portal: '«Сетевой город. Образование» (Тверская область)',
  steps: {
    'sgo.login-error': {
      title: 'Логин или пароль не подошли',
      instruction:
        'Портал не принял логин или пароль. Проверьте, что выбрана именно ваша школа, раскладку клавиатуры и Caps Lock. Пароль выдаёт школа: если он утерян, попросите в школе новый. Можно войти и через Госуслуги.',
      lookFor: 'кнопку «Через Госуслуги» над полями логина и пароля',
    },
    'sgo.login': {
      title: 'Вход в «Сетевой город»',
      instruction: {
        parent:
          'Войдите как родитель: нажмите кнопку «Через Госуслуги» или введите логин и пароль, которые выдала школа, и нажмите «Войти».',
        pupil:
          'Войдите под своей учётной записью ученика: через Госуслуги или по логину и паролю, которые выдала школа.',
      },
      lookFor: 'кнопку «Через Госуслуги» (с синим значком) в верхней части формы входа',
    },
    'sgo.request-failed': {
      title: 'Портал не выдал сертификат',
      instruction:
        'Портал ответил ошибкой (текст — в окне). Закройте окно и нажмите «Получить сертификат» ещё раз позже. Если ошибка повторяется, перепишите её текст и обратитесь в школу или в муниципальный опорный центр.',
      lookFor: 'окно с сообщением об ошибке и кнопку «Закрыть» в нём',
    },
    'sgo.done': {
      title: 'Сертификат получен',
      instruction:
        'Готово: номер сертификата — в поле «Номер». Запишите его. Сертификат нужно активировать: один раз прийти с документами в учреждение дополнительного образования (следующий шаг).',
      lookFor: 'поле «Номер» в разделе «Сертификат дополнительного образования»',
    },
    'sgo.age-out': {
      title: 'Возраст не подходит',
      instruction:
        'Портал создаёт сертификат только для детей от 5 до 18 лет. Проверьте дату рождения ребёнка в школе. Если у вас несколько детей, выберите другого в списке «Дети».',
      lookFor: 'текст о возрасте от 5 до 18 лет в разделе «Сертификат дополнительного образования»',
    },
    'sgo.choose-child': {
      title: 'Выбор ребёнка',
      instruction:
        'В разделе «Сертификат дополнительного образования» выберите ребёнка в списке «Дети» (или нажмите «Заполнить»), затем нажмите «Получить сертификат».',
      lookFor: 'список «Дети» в разделе «Сертификат дополнительного образования» внизу страницы',
    },
    'sgo.get-certificate': {
      title: 'Получить сертификат',
      instruction: {
        parent:
          'В разделе «Сертификат дополнительного образования» проверьте имя ребёнка и нажмите кнопку «Получить сертификат».',
        pupil:
          'В разделе «Сертификат дополнительного образования» нажмите кнопку «Получить сертификат».',
      },
      lookFor: 'кнопку «Получить сертификат» в разделе «Сертификат дополнительного образования»',
    },
    'sgo.no-panel': {
      title: 'Нет кнопки «Получить сертификат»',
      instruction: {
        parent:
          'На странице нет кнопки «Получить сертификат». Раздел «Сертификат дополнительного образования» появляется у родителя ребёнка 5–17 лет, если школа включила эту возможность. Обратитесь в школу.',
        pupil:
          'Кнопки «Получить сертификат» нет: ученик получает сертификат сам только с 14 лет. Если вам меньше 14, сертификат оформляет родитель. Иначе обратитесь в школу.',
      },
      lookFor: 'раздел «Сертификат дополнительного образования» ниже «Основной информации»',
    },
    'sgo.open-settings': {
      title: 'Персональные настройки',
      instruction:
        'Нажмите на своё ФИО в правом верхнем углу — откроются «Персональные настройки».',
      lookFor: 'своё ФИО или значок человека в правом верхнем углу экрана',
    },
    'sgo.activation': {
      title: 'Активация сертификата',
      instruction:
        'Чтобы пользоваться сертификатом, его активируют один раз: придите в учреждение дополнительного образования (или в школу) с документами из списка. Заявление и согласия можно заранее распечатать из помощника (кнопка «Заявление и согласия» в меню расширения).',
      checklist: /* @__PURE__ */ generalActivationChecklist('tver'),
    },
  },
  advice: [
    {
      id: 'sgo.no-login',
      code: 'Т-П1',
      title: 'Нет логина и пароля',
      text: 'Логин и пароль от «Сетевого города» выдаёт школа или детский сад. Обратитесь к классному руководителю или в канцелярию, затем войдите и продолжайте по шагам. Войти можно и через Госуслуги, если школа связала вашу учётную запись.',
    },
    {
      id: 'sgo.no-account',
      code: 'Т-П2',
      title: 'Нет учётной записи ни у родителя, ни у ребёнка',
      text: 'Сертификат можно получить через образовательную организацию (школу, детский сад, Дворец творчества детей и молодёжи) при записи ребёнка на программу дополнительного образования. Консультация для организаций: Муниципальный опорный центр г. Твери, тел. 32-02-10.',
    },
  ],
};

/** The whole sgo flow: its steps with their words (utils/flows/flow-text.ts). */
export const sgoFlow: Flow = /* @__PURE__ */ withText(sgoPage, sgoText);
