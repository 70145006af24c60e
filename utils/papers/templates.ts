/**
 * Wording of the printed papers, as data. The structure of the Заявление
 * follows the Kuzbass cabinet's own form (domain.md §5, seed 003) in our own
 * words; the consents follow 152-ФЗ «О персональных данных» ст. 9 ч. 4 п. 1–9
 * (domain.md §6) and ст. 9 ч. 1 as amended by 156-ФЗ (a consent is a separate
 * document; «конкретное, предметное, информированное, сознательное и однозначное»).
 *
 * Region differences live in `REGION_TEMPLATES`; everything else is shared.
 * No pdf-lib here.
 */
import type { ApplicantRelation, PapersRegion } from './types';

/** Region-specific phrases of the papers. */
export interface RegionTemplate {
  /** Region in the genitive case: «Тверской области». */
  genitive: string;
  /** Region in the prepositional case, with «в»: «в Тверской области». */
  locative: string;
}

/** Region phrases for the two portals (sgo.tvobr.ru — Тверская область, cabinet.ruobr.ru — Кузбасс). */
export const REGION_TEMPLATES: Record<PapersRegion, RegionTemplate> = {
  tver: { genitive: 'Тверской области', locative: 'в Тверской области' },
  kuzbass: { genitive: 'Кемеровской области – Кузбасса', locative: 'в Кемеровской области – Кузбассе' },
};

/** Footer / heading names of the three documents. */
export const DOC_TITLES = {
  statement: 'Заявление о предоставлении сертификата дополнительного образования',
  applicantConsent: 'Согласие заявителя на обработку персональных данных',
  childConsent: 'Согласие на обработку персональных данных ребёнка',
  childOwnConsent: 'Согласие ребёнка (14–17 лет) на обработку персональных данных',
} as const;

/** Title of the Заявление (domain.md §5), printed in bold capitals, followed by «№ ___». */
export const STATEMENT_TITLE =
  'ЗАЯВЛЕНИЕ О ПРЕДОСТАВЛЕНИИ СЕРТИФИКАТА ДОПОЛНИТЕЛЬНОГО ОБРАЗОВАНИЯ И РЕГИСТРАЦИИ В РЕЕСТРЕ СЕРТИФИКАТОВ ДОПОЛНИТЕЛЬНОГО ОБРАЗОВАНИЯ';

/** Title of every consent (152-ФЗ ст. 9). */
export const CONSENT_TITLE = 'СОГЛАСИЕ НА ОБРАБОТКУ ПЕРСОНАЛЬНЫХ ДАННЫХ';

/** «родителем» / «законным представителем» / «родителем (законным представителем)» (instrumental case). */
export function relationInstrumental(relation: ApplicantRelation | undefined): string {
  if (relation === 'parent') return 'родителем';
  if (relation === 'representative') return 'законным представителем';
  return 'родителем (законным представителем)';
}

/** «родитель» / «законный представитель» / «родитель (законный представитель)» (nominative case). */
export function relationNominative(relation: ApplicantRelation | undefined): string {
  if (relation === 'parent') return 'родитель';
  if (relation === 'representative') return 'законный представитель';
  return 'родитель (законный представитель)';
}

/** «родителя» / «законного представителя» / «родителя (законного представителя)» (genitive case). */
export function relationGenitive(relation: ApplicantRelation | undefined): string {
  if (relation === 'parent') return 'родителя';
  if (relation === 'representative') return 'законного представителя';
  return 'родителя (законного представителя)';
}

/** The request sentence up to «№» (the number or a blank line follows). */
export function statementRequest(region: PapersRegion, relation: ApplicantRelation | undefined, appliesAlone: boolean): string {
  const r = REGION_TEMPLATES[region];
  return appliesAlone
    ? `Прошу зарегистрировать меня, ребёнка в возрасте от 14 до 18 лет, в реестре сертификатов дополнительного образования ${r.genitive} под реестровой записью №`
    : `Прошу зарегистрировать указанного ниже ребёнка, ${relationInstrumental(relation)} которого я являюсь, в реестре сертификатов дополнительного образования ${r.genitive} под реестровой записью №`;
}

/** Sentence introducing the category (certificate group) of the child. */
export const CATEGORY_REQUEST =
  'Прошу предоставить сертификат дополнительного образования, предусмотренный для следующей категории детей:';

/** Acknowledgement of the rules (domain.md §5). */
export function statementAcknowledgement(region: PapersRegion): string {
  const r = REGION_TEMPLATES[region];
  return `С условиями предоставления, использования и прекращения действия сертификата дополнительного образования, а также с Правилами персонифицированного финансирования дополнительного образования детей ${r.locative} ознакомлен(а).`;
}

/** Duty to report changes within 20 working days (domain.md §5, seed 003). */
export function statementDuty(region: PapersRegion): string {
  const r = REGION_TEMPLATES[region];
  return `Обязуюсь уведомлять уполномоченный орган (организацию) ${r.genitive} посредством личного обращения об изменении предоставленных сведений не позднее чем через 20 рабочих дней после соответствующих изменений.`;
}

/** Note that the consents are separate documents (152-ФЗ ст. 9 ч. 1 as amended by 156-ФЗ). */
export const STATEMENT_CONSENT_NOTE =
  'Согласие на обработку персональных данных прилагается отдельным документом.';

/** Institution's confirmation (domain.md §5). */
export const INSTITUTION_CONFIRMATION =
  'Сведения, указанные заявителем в заявлении, подтверждены соответствующими документами.';

/** Labels of the numbered consent items, exactly the nine points of 152-ФЗ ст. 9 ч. 4. */
export const CONSENT_ITEMS = {
  subject: '1. Субъект персональных данных',
  representative: '2. Представитель субъекта персональных данных',
  operator: '3. Оператор, получающий согласие',
  purpose: '4. Цель обработки персональных данных:',
  list: '5. Перечень персональных данных, на обработку которых даётся согласие:',
  processor: '6. Лицо, осуществляющее обработку персональных данных по поручению оператора',
  actions: '7. Перечень действий с персональными данными и общее описание способов обработки:',
  term: '8. Срок действия согласия и способ его отзыва:',
  signature: '9. Подпись',
} as const;

/** Consent intro for the applicant's own data. */
export const CONSENT_INTRO_OWN =
  'В соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» я, субъект персональных данных, указанный в пункте 1, свободно, своей волей и в своём интересе даю конкретное, предметное, информированное, сознательное и однозначное согласие на обработку моих персональных данных на следующих условиях.';

/** Consent intro for the child's data given by the parent / legal representative. */
export function consentIntroChild(relation: ApplicantRelation | undefined): string {
  return `В соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» я, ${relationNominative(relation)}, указанный(ая) в пункте 2, действуя от имени и в интересах ребёнка, указанного в пункте 1, свободно, своей волей и в интересах ребёнка даю конкретное, предметное, информированное, сознательное и однозначное согласие на обработку его персональных данных на следующих условиях.`;
}

/** Item 2 when the subject signs personally (no representative). */
export const CONSENT_NO_REPRESENTATIVE = 'не участвует: согласие даёт лично субъект персональных данных.';

/** Item 4: purpose of processing. */
export function consentPurpose(region: PapersRegion): string {
  const r = REGION_TEMPLATES[region];
  return `предоставление ребёнку сертификата дополнительного образования, регистрация и ведение его реестровой записи в реестре сертификатов дополнительного образования ${r.genitive}, учёт использования сертификата при обучении по дополнительным общеобразовательным программам в рамках персонифицированного финансирования дополнительного образования детей.`;
}

/** Item 5 for the applicant (parent / legal representative). */
export const CONSENT_LIST_APPLICANT =
  'фамилия, имя, отчество; адрес места жительства; вид, серия, номер, дата выдачи документа, удостоверяющего личность, и наименование выдавшего его органа; номер телефона; адрес электронной почты; сведения о том, что я являюсь родителем (законным представителем) ребёнка, которому предоставляется сертификат.';

/** Item 5 for the child (given by the parent, or by the child aged 14–17 when `own`). */
export function consentListChild(own: boolean): string {
  return `фамилия, имя, отчество; дата рождения; адрес места жительства; вид, серия, номер, дата выдачи документа, удостоверяющего личность (свидетельства о рождении или паспорта), и наименование выдавшего его органа; страховой номер индивидуального лицевого счёта (СНИЛС); ИНН (если его представление предусмотрено в муниципальном образовании); ${own ? 'номер телефона; адрес электронной почты; ' : ''}номер и категория сертификата дополнительного образования и сведения о его использовании; сведения об организациях и о дополнительных общеобразовательных программах, по которым ребёнок обучается.`;
}

/** Item 7: actions and methods. */
export const CONSENT_ACTIONS =
  'сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), извлечение, использование, передача (предоставление, доступ) организациям, участвующим в персонифицированном финансировании дополнительного образования детей, обезличивание, блокирование, удаление, уничтожение; обработка с использованием средств автоматизации и без их использования (смешанная обработка).';

/** Item 8: term and withdrawal (152-ФЗ ст. 9 ч. 2, ст. 21 ч. 5). */
export const CONSENT_TERM =
  'со дня подписания до прекращения действия сертификата дополнительного образования или до отзыва согласия. Согласие отзывается письменным заявлением, поданным оператору лично или направленным по его адресу (ч. 2 ст. 9 Федерального закона № 152-ФЗ); после отзыва оператор прекращает обработку и уничтожает персональные данные в срок не более 30 дней, если иное не предусмотрено федеральным законом (ч. 5 ст. 21 того же закона).';

/** Item 6 caption when no processor is known. */
export const CONSENT_PROCESSOR_CAPTION =
  '(наименование и адрес лица, если оператор поручает ему обработку; если не поручает — «не поручается»)';

/** Line inviting the optional parent co-signature on the consent of a child aged 14–17. */
export const CONSENT_COSIGN =
  'Согласие ребёнка поддерживаю — заполняется родителем (законным представителем) по желанию:';

/** Captions under ruled lines. */
export const CAPTIONS = {
  fullName: '(фамилия, имя, отчество (при наличии) полностью)',
  address: '(адрес места жительства)',
  identity: '(вид документа, серия, номер, дата выдачи, кем выдан)',
  birthDate: '(дата рождения)',
  authorityParent: '(свидетельство о рождении ребёнка: серия, номер, дата выдачи, кем выдано)',
  authorityRepresentative: '(документ, подтверждающий полномочия законного представителя: вид, номер, дата, кем выдан)',
  operatorName: '(наименование оператора — организации, принимающей заявление, или уполномоченного органа)',
  operatorAddress: '(адрес оператора)',
  signature: '(подпись)',
  signatureName: '(расшифровка подписи)',
  staff: '(должность, фамилия и инициалы работника организации)',
  category: '(категория (группа) сертификата)',
  number: '(номер заявления)',
} as const;
