/**
 * What usually goes wrong at each step, for help-desk staff (domain.md §7), as data keyed by
 * step id. `keywords` are the words callers actually say on the phone («не приходит письмо»,
 * «пароль не подходит»): the consultant page's search (`utils/flows/search.ts`) finds the step
 * by them. Texts are Russian; nothing here is shown to parents by the guide itself.
 */

/** One known trouble: what the caller says, why it happens and what to advise. */
export interface Trouble {
  /** Stable id, e.g. `mail-missing`. */
  id: string;
  /** What the parent sees or says (Russian). */
  symptom: string;
  /** Why it happens (Russian). */
  cause: string;
  /** What to tell the parent (Russian). */
  advice: string;
  /** Words and phrases callers use for it (Russian, any case; «ё» and «е» are the same). */
  keywords: string[];
}

const passwordKuzbass: Trouble = {
  id: 'kuzbass-password-refused',
  symptom: 'Логин и пароль не подходят, не пускает в кабинет',
  cause: 'С 01.07.2024 в личный кабинет Кузбасса входят только через Госуслуги; логин и пароль из школы больше не действуют.',
  advice: 'Нажать «Войти через Госуслуги» и войти подтверждённой учётной записью.',
  keywords: ['пароль не подходит', 'логин не подходит', 'неверный пароль', 'не пускает', 'не могу войти', 'не входит', 'Госуслуги', 'ЕСИА', 'вход'],
};

const noChildKuzbass: Trouble = {
  id: 'kuzbass-no-child',
  symptom: 'Вошли через Госуслуги, но ребёнка (или кабинета) нет',
  cause: 'ФИО, дата рождения, СНИЛС или документ на Госуслугах отличаются от данных школы; ребёнок не привязан в «Семья и дети»; нет разрешения для региональной системы.',
  advice: 'Проверить данные на Госуслугах, привязать ребёнка в «Семья и дети», дать разрешение региональной системе; если не помогло — обратиться в школу.',
  keywords: ['нет ребенка', 'не вижу ребенка', 'ребенка нет', 'пропал ребенок', 'нет кабинета', 'пустой кабинет', 'Семья и дети', 'Госуслуги', 'СНИЛС', 'данные не совпадают'],
};

const esiaDown: Trouble = {
  id: 'esia-down',
  symptom: '«Вход через Госуслуги временно не доступен»',
  cause: 'Сбой или технические работы на портале или на Госуслугах.',
  advice: 'Попробовать позже (через час или на следующий день). По логину и паролю в Кузбассе войти нельзя.',
  keywords: ['временно не доступен', 'временно недоступен', 'Госуслуги не работают', 'не работает', 'сбой', 'ошибка входа', 'Госуслуги'],
};

const secondFactor: Trouble = {
  id: 'esia-code',
  symptom: 'Госуслуги просят код',
  cause: 'С 2023 года вход на Госуслуги подтверждается кодом (второй фактор).',
  advice: 'Держать телефон рядом: код придёт в СМС или в приложение Госуслуг.',
  keywords: ['код', 'смс', 'sms', 'просит код', 'не приходит код', 'телефон', 'подтверждение входа', 'Госуслуги'],
};

const passwordTver: Trouble = {
  id: 'tver-password-refused',
  symptom: 'Неправильный логин или пароль в «Сетевом городе»',
  cause: 'Выбрана не та школа в списке; пароль выдаёт школа (мог смениться или потеряться).',
  advice: 'Выбрать в списке именно свою школу, проверить раскладку и Caps Lock; новый пароль выдаёт школа. Помощник пароли порталов не хранит.',
  keywords: ['пароль не подходит', 'неправильный логин', 'неверный пароль', 'забыл пароль', 'потерял пароль', 'не пускает', 'не могу войти', 'школа', 'Caps Lock'],
};

const mailMissing: Trouble = {
  id: 'mail-missing',
  symptom: 'Не приходит письмо для подтверждения почты',
  cause: 'Письмо попало в «Спам», в адресе опечатка или письмо задерживается.',
  advice: 'Проверить папку «Спам»; подождать 15 минут; отправить заявку ещё раз, проверив адрес.',
  keywords: ['не приходит письмо', 'нет письма', 'письмо не пришло', 'не пришло письмо', 'спам', 'почта', 'электронная почта', 'подтверждение почты', 'ссылка из письма'],
};

const mailTypo: Trouble = {
  id: 'mail-typo',
  symptom: 'Портал не принимает адрес почты или письмо ушло не туда',
  cause: 'Адрес вписан с опечаткой, с пробелами или не полностью.',
  advice: 'Вписать личный адрес полностью, например ivanova@mail.ru, без пробелов, и снова нажать «Отправить заявку».',
  keywords: ['почта', 'адрес почты', 'email', 'e-mail', 'опечатка', 'не принимает адрес', 'не приходит письмо'],
};

const notActivated: Trouble = {
  id: 'not-activated',
  symptom: 'Статус «Не активирован»',
  cause: 'Сертификат активируют один раз при визите в учреждение с документами — это нормально сразу после получения.',
  advice: 'Прийти в любое учреждение из списка («Скачать учреждения») с документами: заявление и согласие, паспорт заявителя, свидетельство о рождении (с 14 лет — паспорт), СНИЛС ребёнка.',
  keywords: ['не активирован', 'неактивирован', 'активация', 'активировать', 'статус', 'не работает сертификат'],
};

const frozen: Trouble = {
  id: 'frozen',
  symptom: '«Сертификат заморожен»',
  cause: 'Муниципалитет заморозил сертификат (например, семья переехала).',
  advice: 'Обратиться в муниципальную уполномоченную организацию (оператор реестра сертификатов).',
  keywords: ['заморожен', 'заморозили', 'заморожен сертификат', 'переехали', 'переезд', 'заблокирован'],
};

const queued: Trouble = {
  id: 'queued',
  symptom: 'Деньгами сертификата нельзя воспользоваться, заявка в очереди',
  cause: 'Достигнут лимит сертификатов финансирования для группы.',
  advice: 'Подождать или выбрать программы, открытые для «сертификата учёта».',
  keywords: ['очередь', 'нельзя оплатить', 'нет денег', 'не списываются', 'лимит', 'сертификат учета', 'финансирование'],
};

const moneyGone: Trouble = {
  id: 'money-gone',
  symptom: 'Пропали деньги с сертификата (в январе)',
  cause: 'Номинал обновляется каждый год; остаток прошлого года не переносится.',
  advice: 'Объяснить, что это нормально: с нового года начислен новый номинал.',
  keywords: ['пропали деньги', 'деньги пропали', 'исчезли деньги', 'обнулился', 'январь', 'номинал', 'остаток', 'баланс'],
};

const lostNumber: Trouble = {
  id: 'lost-number',
  symptom: 'Потерян номер сертификата',
  cause: '—',
  advice: 'Номер виден на портале (в Твери — поле «Номер» в «Персональных настройках», в Кузбассе — строка «Сертификат:»); иначе его восстановит муниципальная уполномоченная организация.',
  keywords: ['потерял номер', 'потеряли номер', 'забыл номер', 'номер сертификата', 'где номер', 'не знаю номер'],
};

const noButtonTver: Trouble = {
  id: 'tver-no-button',
  symptom: 'Нет кнопки «Получить сертификат»',
  cause: 'Раздел появляется у родителя ребёнка 5–17 лет, если школа включила эту возможность; ученик сам — только с 14 лет.',
  advice: 'Проверить, кто вошёл (родитель или ученик) и возраст ребёнка; иначе — в школу.',
  keywords: ['нет кнопки', 'не вижу кнопку', 'нет раздела', 'получить сертификат', 'школа не включила'],
};

const ageTver: Trouble = {
  id: 'tver-age',
  symptom: 'Портал пишет про возраст от 5 до 18 лет',
  cause: 'Сертификат создаётся только для детей от 5 до 18 лет; в школе может быть неверная дата рождения.',
  advice: 'Проверить дату рождения в школе; при нескольких детях выбрать другого.',
  keywords: ['возраст', 'от 5 до 18', 'маленький', 'исполнилось 18', 'дата рождения'],
};

const portalError: Trouble = {
  id: 'portal-error',
  symptom: 'Окно с ошибкой после «Получить сертификат»',
  cause: 'Портал не смог создать сертификат (сбой или нет данных, например почты).',
  advice: 'Переписать текст ошибки, попробовать позже; если повторяется — в школу или муниципальный опорный центр.',
  keywords: ['ошибка', 'окно с ошибкой', 'не выдает', 'не получается', 'сбой'],
};

const noLoginTver: Trouble = {
  id: 'tver-no-login',
  symptom: 'Нет логина и пароля от «Сетевого города»',
  cause: 'Логин и пароль выдаёт школа или детский сад.',
  advice: 'Обратиться к классному руководителю или в канцелярию; можно войти через Госуслуги, если школа связала учётную запись.',
  keywords: ['нет логина', 'нет пароля', 'где взять пароль', 'Госуслуги', 'вход', 'учетная запись'],
};

/** Known troubles per step id (steps of both flows; steps without troubles are absent). */
export const TROUBLES: Readonly<Record<string, readonly Trouble[]>> = {
  'sgo.login': [passwordTver, noLoginTver, secondFactor],
  'sgo.login-error': [passwordTver, noLoginTver],
  'sgo.open-settings': [],
  'sgo.get-certificate': [portalError],
  'sgo.choose-child': [ageTver],
  'sgo.no-panel': [noButtonTver],
  'sgo.age-out': [ageTver],
  'sgo.request-failed': [portalError],
  'sgo.done': [notActivated, lostNumber],
  'sgo.activation': [notActivated, frozen, queued, moneyGone, lostNumber],
  'cabinet.login': [passwordKuzbass, secondFactor, noChildKuzbass],
  'cabinet.login-error': [passwordKuzbass],
  'cabinet.esia-down': [esiaDown],
  'cabinet.services': [noChildKuzbass],
  'cabinet.add-document': [noChildKuzbass],
  'cabinet.email': [mailTypo],
  'cabinet.email-missing': [mailTypo],
  'cabinet.check-mail': [mailMissing],
  'cabinet.certificate': [notActivated, lostNumber],
  'cabinet.activation': [notActivated, frozen, queued, moneyGone, lostNumber],
};

/**
 * Troubles of one step (empty when none are known).
 * @param stepId e.g. `cabinet.check-mail`
 */
export function troublesFor(stepId: string): readonly Trouble[] {
  return TROUBLES[stepId] ?? [];
}
