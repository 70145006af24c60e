/**
 * Minimal example pages per step, written from portals.md and the seeds (independent of the
 * replicas): each step's recogniser must be true on its own examples and false on all others.
 */
export interface Example {
  step: string | null;
  url: string;
  html: string;
}

const sgoHeader = `<div class="top"><a href="#" ng-click="openPersonalSettings()"><span class="glyphicon glyphicon-user" title="Персональные настройки"></span><span class="hidden-scr-sm" title="Персональные настройки">Смирнова Елена Викторовна</span></a> <a href="#">Выход</a></div>`;
const sgoLogin = `<h1>Сетевой Город. Образование</h1><h2>Вход в систему</h2>
  <div class="gosbutton">Через <img src="/g.svg"></div><div>или</div><h3>Вход через логин и пароль</h3>
  <div id="login"><label>Логин</label><input name="loginname"></div>
  <div id="password"><label>Пароль</label><input name="password" type="password"></div>
  <div class="primary-button">Войти</div>`;
const sgoSettings = (panel: string, extra = '') => `${sgoHeader}<div id="buttons-panel"><button>Сохранить</button><button>Восстановить</button><button>Сменить пароль</button></div>
  <div class="panel"><div class="panel-heading">Основная информация</div><div><label>Фамилия</label><input disabled value="Смирнова"></div></div>
  ${panel}${extra}`;
const certPanel = (body: string) => `<div class="panel"><div class="panel-heading">Сертификат дополнительного образования</div>${body}</div>`;
const oneChild = `<div class="form-group"><label>Ребёнок</label><input disabled value="Смирнов Михаил"></div>`;
const twoChildren = `<div class="form-group"><label>Дети</label><select name="child"><option>Смирнов Михаил</option><option>Смирнова Анна</option></select></div>`;
const getBtn = `<button title="Получить сертификат" class="btn btn-primary">Получить сертификат</button>`;
const issued = `<div class="form-group"><label>Номер</label><input name="cert" readonly value="6900000123"></div><div class="form-group"><label>Статус</label><input name="cert" readonly value="Неактивирован"></div>`;
const hiddenModal = `<div class="modal fade" style="display:none"><div class="modal-body">Ошибка</div><button>Закрыть</button></div>`;
const shownModal = `<div class="modal fade in" role="dialog" style="display:block"><div class="modal-body">Не удалось создать сертификат</div><button class="btn">Закрыть</button></div>`;

const kMenu = `<div class="ui menu"><a class="item">УСЛУГИ</a><a class="item">ОБО МНЕ</a><a class="item">ДЕТИ</a><a class="item">ПОЧТА <span>32</span></a></div>
  <div class="ui tabular menu"><a class="item active">Детский сад</a><a class="item">Дополнительное образование</a><a class="item">Школа</a><a class="item">СПО</a><a class="item">Дополнительные</a></div>`;
const kLogin = (extra = '') => `<h2>Вход в личный кабинет</h2>${extra}<a class="ui button" href="/esia/">Войти через Госуслуги</a>
  <form><input id="id_username" name="username"><input id="id_password" name="password" type="password"><button class="fluid ui primary button">Войти</button></form>
  <a href="#">Забыли пароль?</a>`;
const kDialog = (body: string, open: boolean) =>
  `<div class="ui modal${open ? ' active visible' : ''}" role="dialog" style="display:${open ? 'block' : 'none'}">${body}</div>`;
const kDocForm = `<div class="header">Предоставить документ</div><div class="field"><label>Тип документа</label><select><option>Свидетельство о рождении</option></select></div>
  <div class="field"><label>Серия</label><input></div><div class="field"><label>Номер</label><input></div><div class="field"><label>Дата выдачи</label><input></div>
  <div class="field"><label>Документ</label><input type="file"></div><button class="ui button">Сохранить</button>`;
const kEmail = (err = '') => `<div class="header">Заявка на сертификат</div><p>Укажите адрес личной электронной почты заявителя</p><div class="field"><input type="email"></div>${err}<button class="ui primary button">Отправить заявку</button>`;
const kCertDlg = `<div class="header">Получение сертификата ПДО</div><div class="field"><label>Группа сертификата ★</label><select><option>Дети в возрасте от 5 до 18 лет</option></select></div>
  <div class="field"><label>Документ ★</label><select><option>свидетельство о рождении серия III-ПО № 537155</option></select></div><button class="ui button">ПОЛУЧИТЬ СЕРТИФИКАТ</button>`;
const kChildNoDoc = `<div class="ui card"><div class="header">Смирнова Анна</div><p>Документов нет</p><button class="ui button">Предоставить документ</button></div>`;
const kChildDoc = `<div class="ui card"><div class="header">Смирнова Анна</div><p>Свидетельство о рождении серия III-ПО № 537155</p><button class="ui button">Предоставить документ</button><button class="ui primary button">Подать заявление на получение сертификата</button></div>`;
const K = 'https://cabinet.ruobr.ru';
const S = 'https://sgo.tvobr.ru';

export const sgoExamples: Example[] = [
  { step: 'sgo.login', url: `${S}/authorize/login`, html: sgoLogin },
  { step: 'sgo.login', url: `${S}/authorize/login-pass`, html: sgoLogin },
  { step: 'sgo.login-error', url: `${S}/authorize/login`, html: `<div class="alert alert-danger">Неправильный логин или пароль</div>${sgoLogin}` },
  { step: 'sgo.open-settings', url: `${S}/angular/school/studentdiary/`, html: `${sgoHeader}<table><tr><td>Математика</td></tr></table>` },
  { step: 'sgo.open-settings', url: `${S}/app/school/studentdiary/`, html: sgoHeader },
  { step: 'sgo.get-certificate', url: `${S}/angular/school/mysettings/`, html: sgoSettings(certPanel(oneChild + getBtn), hiddenModal) },
  { step: 'sgo.get-certificate', url: `${S}/asp/MySettings/MySettings.asp`, html: sgoSettings(certPanel(oneChild + getBtn)) },
  { step: 'sgo.choose-child', url: `${S}/app/school/mysettings/`, html: sgoSettings(certPanel(twoChildren + getBtn)) },
  { step: 'sgo.done', url: `${S}/angular/school/mysettings/`, html: sgoSettings(certPanel(twoChildren + issued)) },
  { step: 'sgo.done', url: `${S}/angular/school/mysettings/`, html: sgoSettings(certPanel(oneChild + issued)) },
  { step: 'sgo.age-out', url: `${S}/angular/school/mysettings/`, html: sgoSettings(certPanel(`${oneChild}<p>Сертификат дополнительного образования можно создать только для учащегося в возрасте от 5 до 18 лет.</p>`)) },
  { step: 'sgo.request-failed', url: `${S}/angular/school/mysettings/`, html: sgoSettings(certPanel(oneChild + getBtn), shownModal) },
  { step: 'sgo.no-panel', url: `${S}/angular/school/mysettings/`, html: sgoSettings('') },
  { step: null, url: `${S}/angular/school/mysettings/`, html: `<div class="apploader">Пожалуйста, подождите...</div>` },
];

export const cabinetExamples: Example[] = [
  { step: 'cabinet.login', url: `${K}/login/`, html: kLogin() },
  { step: 'cabinet.login-error', url: `${K}/login/`, html: kLogin('<ul class="errorlist"><li>Ваш логин/пароль не подходит.</li></ul>') },
  { step: 'cabinet.esia-down', url: `${K}/login/`, html: kLogin('<div class="ui message">Вход через Госуслуги временно не доступен.</div>') },
  { step: 'cabinet.services', url: `${K}/`, html: `${kMenu}<button>ПОДАТЬ ЗАЯВЛЕНИЕ В ДЕТСКИЙ САД</button>` },
  { step: 'cabinet.apply', url: `${K}/services/dop/`, html: `${kMenu}<button class="ui button">Подать заявку на сертификат</button>` },
  { step: 'cabinet.add-document', url: `${K}/services/dop/certificate/`, html: `${kMenu}${kChildNoDoc}${kDialog(kDocForm, false)}` },
  { step: 'cabinet.document-form', url: `${K}/services/dop/certificate/`, html: `${kMenu}${kChildNoDoc}${kDialog(kDocForm, true)}` },
  { step: 'cabinet.submit-request', url: `${K}/services/dop/certificate/`, html: `${kMenu}${kChildDoc}${kDialog(kDocForm, false)}${kDialog(kEmail(), false)}` },
  { step: 'cabinet.email', url: `${K}/services/dop/certificate/`, html: `${kMenu}${kChildDoc}${kDialog(kEmail(), true)}` },
  { step: 'cabinet.email-missing', url: `${K}/services/dop/certificate/`, html: `${kMenu}${kChildDoc}${kDialog(kEmail('<div class="ui error message">Укажите адрес электронной почты</div>'), true)}` },
  { step: 'cabinet.check-mail', url: `${K}/services/dop/certificate/`, html: `${kMenu}<div class="ui message">Письмо «Заявка на сертификат ПДО. Подтверждение электронной почты» отправлено на s@example.com</div>` },
  { step: 'cabinet.get-certificate', url: `${K}/services/dop/certificate/confirm/`, html: `${kMenu}<div class="ui message">Заявка подтверждена</div><button class="ui button">Получить сертификат</button>${kDialog(kCertDlg, false)}` },
  { step: 'cabinet.certificate-dialog', url: `${K}/services/dop/certificate/`, html: `${kMenu}<button class="ui button">Получить сертификат</button>${kDialog(kCertDlg, true)}` },
  { step: 'cabinet.certificate', url: `${K}/services/dop/certificate/4207000002/`, html: `${kMenu}<p>Сертификат: 4207000002</p><p>Статус: Не активирован</p><a href="#">Скачать учреждения</a><a class="ui button" href="#">СКАЧАТЬ ЗАЯВЛЕНИЕ</a><a class="ui button">ОБНОВИТЬ ЗАЯВЛЕНИЕ</a>` },
  { step: null, url: `${K}/replica/mail/`, html: `<h1>Почта</h1><p>Заявка на сертификат ПДО. Подтверждение электронной почты</p><a href="/x">ссылка</a>`.replace('Подтверждение', 'Подтверждение') },
];
