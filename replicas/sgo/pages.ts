import type { ReplicaPage } from '../types';

/**
 * Every page state of the sgo.tvobr.ru replica, addressable by URL (variants in the
 * query string, see README.md). A URL with a query starts a fresh mock session in the
 * tab, so entries do not leak into each other.
 */

const HOST = 'https://sgo.tvobr.ru';
const SETTINGS = '/angular/school/mysettings/';
const SETTINGS_APP = '/app/school/mysettings/';
const LEGACY = '/asp/MySettings/MySettings.asp';
const DIARY = '/angular/school/studentdiary/';
const DIARY_APP = '/app/school/studentdiary/';

function page(
  name: string,
  path: string,
  query: string,
  expectStep: string | null,
  note: string,
  method?: 'POST',
): ReplicaPage {
  const url = `${HOST}${path}${query ? `?${query}` : ''}`;
  return method ? { name, url, method, expectStep, note } : { name, url, expectStep, note };
}

export const pages: ReplicaPage[] = [
  // ---------- login ----------
  page('sgo-root', '/', 'delay=0', 'sgo.login', '`/` redirects (location.replace) to /authorize/login'),
  page('sgo-authorize', '/authorize', 'delay=0', 'sgo.login', '`/authorize` redirects to /authorize/login'),
  page('sgo-login', '/authorize/login', 'delay=0', 'sgo.login', 'login form: div.gosbutton «Через»+logo, select2 org, div.primary-button «Войти»'),
  page('sgo-login-pass', '/authorize/login-pass', 'delay=0', 'sgo.login', 'newer login path, same form'),
  page('sgo-login-slow', '/authorize/login', 'delay=1500', 'sgo.login', 'login form rendered 1.5 s late behind .apploader'),
  page('sgo-login-error', '/authorize/login', 'login=error&delay=0', 'sgo.login-error', 'after an HTTP 409: «Неправильный логин или пароль» (text is a guess)'),
  page('sgo-login-gos-only', '/authorize/login', 'gosonly=1&delay=0', 'sgo.login', 'Госуслуги-only login: no login/password form [unknown for Tver]'),
  page('sgo-login-gos-link', '/authorize/login', 'gos=link&delay=0', 'sgo.login', 'link «Войти через госуслуги» instead of div.gosbutton'),
  page('sgo-login-org-empty', '/authorize/login', 'org=empty&delay=0', 'sgo.login', 'no school preselected in the select2 picker'),
  page('sgo-login-case-upper', '/authorize/login', 'case=upper&delay=0', 'sgo.login', '«ВОЙТИ», «ЧЕРЕЗ» uppercase in markup'),
  page('sgo-login-case-css', '/authorize/login', 'case=css&delay=0', 'sgo.login', '«Войти», «Через» uppercased by CSS text-transform'),

  // ---------- pages after login (not settings) ----------
  page('sgo-sso-return', '/authorize/sso/esia/login', 'delay=0', 'sgo.open-settings', 'return from Госуслуги: logs in and redirects to the diary'),
  page('sgo-diary', DIARY, 'delay=0', 'sgo.open-settings', 'landing: name link (glyphicon-user + hidden-scr-sm titled «Персональные настройки»)'),
  page('sgo-diary-app', DIARY_APP, 'prefix=app&delay=0', 'sgo.open-settings', 'landing under /app/'),
  page('sgo-diary-narrow', DIARY, 'narrow=1&delay=0', 'sgo.open-settings', 'small screen: name hidden, only the icon with its title'),
  page('sgo-diary-slow', DIARY, 'delay=1500', 'sgo.open-settings', 'landing rendered 1.5 s late'),
  page('sgo-diary-short-name', DIARY, 'name=short&delay=0', 'sgo.open-settings', 'name shown as «Смирнова Е. В.»'),
  page('sgo-diary-two-children', DIARY, 'children=2&delay=0', 'sgo.open-settings', 'parent of two children'),
  page('sgo-diary-pupil', DIARY, 'role=pupil&delay=0', 'sgo.open-settings', 'pupil 15 years: own name in the header'),
  page('sgo-diary-post', DIARY, 'delay=0', 'sgo.open-settings', 'landing reached by form POST (menu / brand)', 'POST'),

  // ---------- settings: button visible ----------
  page('sgo-settings-one-child', SETTINGS, 'delay=0', 'sgo.get-certificate', 'parent, one child (10 y): disabled input with the name + button'),
  page('sgo-settings-one-child-post', SETTINGS, 'delay=0', 'sgo.get-certificate', 'same, opened by form POST as the portal does', 'POST'),
  page('sgo-settings-slow-post', SETTINGS, 'delay=1500', 'sgo.get-certificate', 'by POST; content at 1.5 s, certificate panel at 2.25 s', 'POST'),
  page('sgo-settings-app-post', SETTINGS_APP, 'prefix=app&delay=0', 'sgo.get-certificate', '/app/ prefix, by POST', 'POST'),
  page('sgo-settings-legacy', LEGACY, 'delay=0', 'sgo.get-certificate', 'legacy ASP page (table layout), same section'),
  page('sgo-settings-legacy-category', LEGACY, 'category=1&delay=0', 'sgo.get-certificate', 'legacy: «Категория сертификата» select + «Скачать шаблон заявления…»', 'POST'),
  page('sgo-settings-category-none', SETTINGS, 'category=none&delay=0', 'sgo.get-certificate', 'warning «Не заданы категории сертификатов для данного муниципалитета»; button stays'),
  page('sgo-settings-age-5', SETTINGS, 'age=5&delay=0', 'sgo.get-certificate', 'child aged 5 (lower bound)'),
  page('sgo-settings-age-14', SETTINGS, 'age=14&delay=0', 'sgo.get-certificate', 'child aged 14'),
  page('sgo-settings-age-17', SETTINGS, 'age=17&delay=0', 'sgo.get-certificate', 'child aged 17 (last eligible year)'),
  page('sgo-settings-age-18-in', SETTINGS, 'age=18&age18=in&delay=0', 'sgo.get-certificate', 'child aged 18 when the portal counts 18 as in range [guess variant]'),
  page('sgo-settings-pupil', SETTINGS, 'role=pupil&delay=0', 'sgo.get-certificate', 'pupil aged 15: own name in a disabled input + button'),
  page('sgo-settings-pupil-14', SETTINGS, 'role=pupil&age=14&delay=0', 'sgo.get-certificate', 'pupil aged exactly 14'),
  page('sgo-settings-narrow', SETTINGS, 'narrow=1&delay=0', 'sgo.get-certificate', 'small screen header'),
  page('sgo-settings-case-css', SETTINGS, 'case=css&delay=0', 'sgo.get-certificate', 'buttons and panel titles uppercased by CSS'),
  page('sgo-settings-case-upper', SETTINGS, 'case=upper&delay=0', 'sgo.get-certificate', '«ПОЛУЧИТЬ СЕРТИФИКАТ» uppercase in markup'),
  page('sgo-settings-navigator', SETTINGS, 'navigator=1&delay=0', 'sgo.get-certificate', 'extra «Войти в Навигатор» in #buttons-panel'),
  page('sgo-settings-email-empty', SETTINGS, 'email=empty&delay=0', 'sgo.get-certificate', 'E-Mail field empty'),
  page('sgo-settings-fail-armed', SETTINGS, 'fail=1&delay=0', 'sgo.get-certificate', 'the click will fail; the error modal is in the DOM but hidden'),

  // ---------- settings: several children ----------
  page('sgo-settings-two-children', SETTINGS, 'children=2&delay=0', 'sgo.choose-child', '«Дети» select[name=child] with two children + button', 'POST'),
  page('sgo-settings-two-children-get', SETTINGS, 'children=2&delay=0', 'sgo.choose-child', 'same by GET'),
  page('sgo-settings-three-children', SETTINGS, 'children=3&delay=0', 'sgo.choose-child', 'three children'),
  page('sgo-settings-two-children-app', SETTINGS_APP, 'children=2&prefix=app&delay=0', 'sgo.choose-child', 'two children under /app/', 'POST'),
  page('sgo-settings-two-children-slow', SETTINGS, 'children=2&delay=1500', 'sgo.choose-child', 'two children, rendered late', 'POST'),
  page('sgo-settings-two-children-legacy', LEGACY, 'children=2&delay=0', 'sgo.choose-child', 'two children on the legacy page'),

  // ---------- settings: certificate issued ----------
  page('sgo-settings-issued', SETTINGS, 'state=issued&delay=0', 'sgo.done', '«Номер» + «Статус» «Неактивирован», one shared name; image link'),
  page('sgo-settings-issued-post', SETTINGS, 'state=issued&delay=0', 'sgo.done', 'same by POST', 'POST'),
  page('sgo-settings-issued-unused-dates', SETTINGS, 'state=issued&status=unused&dates=1&delay=0', 'sgo.done', '«Не использован» + «Дата начала/окончания действия»'),
  page('sgo-settings-issued-actual-nofile', SETTINGS, 'state=issued&status=actual&file=0&delay=0', 'sgo.done', '«Актуален», no image link'),
  page('sgo-settings-issued-disabled', SETTINGS, 'state=issued&ro=disabled&delay=0', 'sgo.done', 'fields disabled instead of readonly'),
  page('sgo-settings-issued-two-children', SETTINGS, 'children=2&state=issued&delay=0', 'sgo.done', 'two children, both issued'),
  page('sgo-settings-issued-pupil', SETTINGS, 'role=pupil&state=issued&delay=0', 'sgo.done', 'pupil with an issued certificate'),
  page('sgo-settings-issued-legacy', LEGACY, 'state=issued&dates=1&delay=0', 'sgo.done', 'issued on the legacy page'),
  page('sgo-settings-issued-app-slow', SETTINGS_APP, 'state=issued&prefix=app&delay=1500', 'sgo.done', 'issued, /app/, late', 'POST'),

  // ---------- settings: problems ----------
  page('sgo-settings-age-under', SETTINGS, 'age=out&delay=0', 'sgo.age-out', 'child aged 4: «…можно создать только для учащегося в возрасте от 5 до 18 лет.»'),
  page('sgo-settings-age-18', SETTINGS, 'age=18&delay=0', 'sgo.age-out', 'child aged 18 (out of range by default)'),
  page('sgo-settings-age-over', SETTINGS, 'age=over&delay=0', 'sgo.age-out', 'child aged 19'),
  page('sgo-settings-age-out-legacy', LEGACY, 'age=out&delay=0', 'sgo.age-out', 'age text on the legacy page'),
  page('sgo-settings-failed', SETTINGS, 'state=failed&fail=1&delay=0', 'sgo.request-failed', 'Bootstrap modal with the server message after a failed createById'),
  page('sgo-settings-failed-email', SETTINGS, 'state=failed&fail=email&delay=0', 'sgo.request-failed', 'modal: e-mail missing (message is a guess)'),
  page('sgo-settings-failed-two-children', SETTINGS, 'children=2&state=failed&fail=1&delay=0', 'sgo.request-failed', 'modal over the two-children panel', 'POST'),
  page('sgo-settings-no-panel', SETTINGS, 'panel=none&delay=0', 'sgo.no-panel', 'ПФДО integration off: no certificate panel'),
  page('sgo-settings-no-panel-post', SETTINGS, 'panel=none&delay=0', 'sgo.no-panel', 'same by POST', 'POST'),
  page('sgo-settings-pupil-over', SETTINGS, 'role=pupil&age=19&delay=0', 'sgo.no-panel', 'pupil aged 19: the panel is not shown'),
  page('sgo-settings-pupil-13-nopanel', SETTINGS, 'role=pupil&age=13&young=nopanel&delay=0', 'sgo.no-panel', 'pupil under 14, portal hides the panel [guess variant]'),
  page('sgo-settings-pupil-13', SETTINGS, 'role=pupil&age=13&delay=0', 'sgo.no-panel',
    'pupil under 14: panel with own name but no button [guess]; the guide explains that a parent applies'),
];
