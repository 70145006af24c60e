import type { ReplicaPage } from '../types';

/**
 * Every page state of the cabinet.ruobr.ru replica, addressable by URL.
 * Each URL starts with `reset=1` so that state and variants left in sessionStorage by an
 * earlier page of the same tab do not leak in; `state=` presets the first child's progress
 * (and logs in). Variants and state parameters are described in `cabinet.js`.
 */
const H = 'https://cabinet.ruobr.ru';
const CERT = `${H}/services/dop/certificate/`;

export const pages: ReplicaPage[] = [
  // ---------- sign-in ----------
  { name: 'cabinet-login', url: `${H}/login/?reset=1`, expectStep: 'cabinet.login', note: 'Login page: «Войти через Госуслуги» first, then the Django login form' },
  { name: 'cabinet-login-next', url: `${H}/login/?reset=1&next=/services/dop/`, expectStep: 'cabinet.login', note: 'Login page with ?next= (as after login_required)' },
  { name: 'cabinet-root-logged-out', url: `${H}/?reset=1`, expectStep: 'cabinet.login', note: '/ while logged out redirects to /login/?next=/' },
  { name: 'cabinet-login-error', url: `${H}/login/?reset=1&login=error`, expectStep: 'cabinet.login-error', note: 'Wrong password: ul.errorlist «Ваш логин/пароль не подходит.»' },
  {
    name: 'cabinet-login-error-esia-only',
    url: `${H}/login/?reset=1&esia_only=1&login=error`,
    expectStep: 'cabinet.login-error',
    note: 'Госуслуги-only sign-in: errorlist plus a note (its wording is a guess)',
  },
  { name: 'cabinet-login-esia-down', url: `${H}/login/?reset=1&esia=down`, expectStep: 'cabinet.esia-down', note: '«Вход через Госуслуги временно не доступен.», Госуслуги button disabled' },
  {
    name: 'cabinet-login-esia-down-caps-css',
    url: `${H}/login/?reset=1&esia=down&caps=css`,
    expectStep: 'cabinet.esia-down',
    note: 'Госуслуги down, service names in the list capitalised by CSS',
  },

  // ---------- services ----------
  { name: 'cabinet-home', url: `${H}/?reset=1&state=logged-in`, expectStep: 'cabinet.services', note: 'Home: menu «УСЛУГИ» (capitals in markup), sub-tabs, child card, video note' },
  { name: 'cabinet-home-caps-css', url: `${H}/?reset=1&state=logged-in&caps=css`, expectStep: 'cabinet.services', note: 'Home with «Услуги» in the markup and text-transform: uppercase' },
  { name: 'cabinet-home-two-children', url: `${H}/?reset=1&state=logged-in&children=2`, expectStep: 'cabinet.services', note: 'Home with two children' },
  { name: 'cabinet-tab-school', url: `${H}/services/school/?reset=1&state=logged-in`, expectStep: 'cabinet.services', note: 'Sub-tab «Школа»' },
  { name: 'cabinet-tab-kindergarten', url: `${H}/services/kindergarten/?reset=1&state=logged-in&caps=css`, expectStep: 'cabinet.services', note: 'Sub-tab «Детский сад», caps by CSS' },
  { name: 'cabinet-profile', url: `${H}/profile/?reset=1&state=logged-in`, expectStep: null, note: '«ОБО МНЕ»: top menu without the service sub-tabs, not a flow page' },
  { name: 'cabinet-dop', url: `${H}/services/dop/?reset=1&state=logged-in`, expectStep: 'cabinet.apply', note: 'Tab «Дополнительное образование» with «Подать заявку на сертификат»' },
  { name: 'cabinet-dop-caps-css', url: `${H}/services/dop/?reset=1&state=logged-in&caps=css`, expectStep: 'cabinet.apply', note: 'Tab «Дополнительное образование», caps by CSS' },

  // ---------- documents ----------
  { name: 'cabinet-request-no-document', url: `${CERT}?reset=1&state=logged-in`, expectStep: 'cabinet.add-document', note: 'Request page: children block arrives after 600 ms; no document yet' },
  { name: 'cabinet-request-delay-0', url: `${CERT}?reset=1&state=logged-in&delay=0`, expectStep: 'cabinet.add-document', note: 'Request page, children block at once' },
  { name: 'cabinet-request-delay-1500', url: `${CERT}?reset=1&state=logged-in&delay=1500`, expectStep: 'cabinet.add-document', note: 'Request page, children block after 1.5 s behind the loader' },
  { name: 'cabinet-request-two-children', url: `${CERT}?reset=1&state=logged-in&children=2`, expectStep: 'cabinet.add-document', note: 'Two children, neither has a document' },
  { name: 'cabinet-document-form', url: `${CERT}?reset=1&state=logged-in&open=document`, expectStep: 'cabinet.document-form', note: 'Document modal open (date as DD.MM.YYYY text)' },
  {
    name: 'cabinet-document-form-native-date',
    url: `${CERT}?reset=1&state=logged-in&open=document&date=native`,
    expectStep: 'cabinet.document-form',
    note: 'Document modal with «Дата выдачи» as <input type=date>',
  },
  {
    name: 'cabinet-document-form-second-child',
    url: `${CERT}?reset=1&state=document-saved&children=2&open=document&child=c2`,
    expectStep: 'cabinet.document-form',
    note: 'Two children, document modal for the second child (first already has a document)',
  },

  // ---------- request ----------
  { name: 'cabinet-submit-request', url: `${CERT}?reset=1&state=document-saved`, expectStep: 'cabinet.submit-request', note: 'Document saved: «Подать заявление на получение сертификата»' },
  {
    name: 'cabinet-submit-request-two-children',
    url: `${CERT}?reset=1&state=document-saved&children=2`,
    expectStep: 'cabinet.submit-request',
    note: 'Two children: the first can submit, the second still needs a document',
  },
  {
    name: 'cabinet-submit-request-typo',
    url: `${CERT}?reset=1&state=document-saved&typo=1`,
    expectStep: 'cabinet.submit-request',
    note: 'Button worded «…получение сертификат» as in the 2019 seed',
  },
  { name: 'cabinet-email', url: `${CERT}?reset=1&state=document-saved&open=email`, expectStep: 'cabinet.email', note: 'E-mail dialog with «Отправить заявку»' },
  {
    name: 'cabinet-email-missing',
    url: `${CERT}?reset=1&state=document-saved&open=email&error=missing`,
    expectStep: 'cabinet.email-missing',
    note: 'E-mail dialog after sending an empty address: «Укажите адрес электронной почты»',
  },
  {
    name: 'cabinet-email-invalid',
    url: `${CERT}?reset=1&state=document-saved&open=email&error=invalid`,
    expectStep: 'cabinet.email-missing',
    note: 'E-mail dialog with an invalid address: «Введите корректный адрес электронной почты»',
  },
  { name: 'cabinet-mail-sent', url: `${CERT}?reset=1&state=mail-sent`, expectStep: 'cabinet.check-mail', note: 'Letter «Заявка на сертификат ПДО. Подтверждение электронной почты» sent' },
  { name: 'cabinet-mailbox', url: `${H}/replica/mail/?reset=1&state=mail-sent`, expectStep: null, note: 'Training mailbox with the confirmation letter (not a portal page)' },

  // ---------- certificate ----------
  {
    name: 'cabinet-confirm-link',
    url: `${CERT}confirm/?reset=1&state=mail-sent&token=c1-replica`,
    expectStep: 'cabinet.get-certificate',
    note: 'The letter\'s link: confirms and redirects to the request page with «Заявка подтверждена»',
  },
  { name: 'cabinet-confirmed', url: `${CERT}?reset=1&state=confirmed`, expectStep: 'cabinet.get-certificate', note: '«Заявка подтверждена» with «Получить сертификат»' },
  { name: 'cabinet-confirmed-caps-css-delay-1500', url: `${CERT}?reset=1&state=confirmed&caps=css&delay=1500`, expectStep: 'cabinet.get-certificate', note: 'Confirmed, late block after 1.5 s, caps by CSS' },
  { name: 'cabinet-certificate-dialog', url: `${CERT}?reset=1&state=confirmed&open=certificate`, expectStep: 'cabinet.certificate-dialog', note: 'Dialog «Получение сертификата ПДО»; button disabled until both selects are set' },
  {
    name: 'cabinet-certificate-dialog-errors-css-star',
    url: `${CERT}?reset=1&state=confirmed&open=certificate&certbtn=errors&star=css&caps=css`,
    expectStep: 'cabinet.certificate-dialog',
    note: 'Certificate dialog: button always enabled (shows errors), CSS asterisks, caps by CSS',
  },
  { name: 'cabinet-certificate', url: `${CERT}4207000002/?reset=1&state=issued`, expectStep: 'cabinet.certificate', note: 'Certificate 4207000002, «Статус: Не активирован», downloads' },
  { name: 'cabinet-certificate-caps-css', url: `${CERT}4207000002/?reset=1&state=issued&caps=css`, expectStep: 'cabinet.certificate', note: 'Certificate page, «Скачать заявление» capitalised by CSS' },
];
