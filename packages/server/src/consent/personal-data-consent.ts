/**
 * The text of the consent to the processing of personal data (Federal Law of 27.07.2006
 * No. 152-FZ, article 9) a citizen gives to register. Registration must name its
 * {@link personalDataConsentVersion}; a new text gets a new version, and the consent
 * records keep which version each citizen accepted. The English text is a translation of
 * the same version, for reading only.
 */
import type { PersonalDataConsent } from '@mfc-cabinet/core/schemas';

/** The version of the current text (the date it took effect). */
export const personalDataConsentVersion = '2026-11-01';

const ru: PersonalDataConsent = {
  version: personalDataConsentVersion,
  title: 'Согласие на обработку персональных данных',
  text: `Я, субъект персональных данных, регистрируясь в личном кабинете многофункционального центра предоставления государственных и муниципальных услуг муниципального образования (далее — Оператор, МФЦ; полное наименование, ОГРН, ИНН и адрес Оператора указаны в разделе «Контакты» сайта), в соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» свободно, своей волей и в своём интересе даю Оператору конкретное, предметное, информированное, сознательное и однозначное согласие на обработку моих персональных данных на следующих условиях.

1. Цели обработки: регистрация и ведение моей учётной записи в личном кабинете; идентификация и аутентификация при входе; приём, регистрация и рассмотрение моих заявлений о предоставлении государственных и муниципальных услуг, информирование о ходе их предоставления и выдача результатов; запись на приём в МФЦ; приём платежей; направление уведомлений по выбранным мной каналам; проверка сведений о документах в государственных информационных системах; обеспечение безопасности учётной записи; рассмотрение моих обращений.

2. Перечень персональных данных: фамилия, имя, отчество; дата рождения; номер мобильного телефона; адрес электронной почты; серия, номер, дата выдачи паспорта гражданина Российской Федерации и наименование выдавшего его органа; страховой номер индивидуального лицевого счёта (СНИЛС); идентификационный номер налогоплательщика (ИНН); сведения, указанные мной в заявлениях и приложенных к ним документах; сведения о платежах; сведения о входах в личный кабинет (дата, время, IP-адрес, данные о браузере).

3. Действия с персональными данными: сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), извлечение, использование, передача (предоставление, доступ), обезличивание, блокирование, удаление и уничтожение, с использованием средств автоматизации и без них. Персональные данные передаются только органам государственной власти, органам местного самоуправления и подведомственным им организациям, участвующим в предоставлении услуг, в том числе через систему межведомственного электронного взаимодействия, и только в объёме, необходимом для достижения целей обработки. Трансграничная передача не осуществляется.

4. Срок действия: согласие действует со дня его предоставления до удаления учётной записи или до отзыва согласия. После достижения целей обработки персональные данные уничтожаются в течение 30 дней, за исключением сведений, срок хранения которых установлен законодательством Российской Федерации, в том числе об архивном деле.

5. Отзыв согласия: я вправе отозвать согласие, направив Оператору письменное заявление по его почтовому адресу, подав заявление лично в любом офисе МФЦ при предъявлении паспорта или удалив учётную запись в личном кабинете. После получения отзыва Оператор прекращает обработку и уничтожает персональные данные в течение 30 дней, если иное не предусмотрено федеральным законом; обработка может быть продолжена без моего согласия при наличии оснований, указанных в пунктах 2–11 части 1 статьи 6 Федерального закона № 152-ФЗ.

6. Я подтверждаю, что ознакомлен(а) с Политикой Оператора в отношении обработки персональных данных и с правами субъекта персональных данных, предусмотренными статьёй 14 Федерального закона № 152-ФЗ, в том числе с правом получать сведения об обработке моих персональных данных, требовать их уточнения, блокирования или уничтожения, и что указываемые мной сведения относятся ко мне. Согласие дано в электронной форме отметкой в регистрационной форме и подтверждено одноразовым кодом, отправленным на мой номер мобильного телефона.`,
};

const en: PersonalDataConsent = {
  version: personalDataConsentVersion,
  title: 'Consent to the processing of personal data',
  text: `I, the data subject, by registering in the personal cabinet of the multifunctional centre for state and municipal services of the municipality (the Operator, the MFC; the Operator's full name, registration numbers and address are given in the «Contacts» section of the website), in accordance with article 9 of Federal Law No. 152-FZ of 27 July 2006 «On Personal Data», freely, of my own will and in my own interest give the Operator specific, informed, conscious and unambiguous consent to the processing of my personal data on the following terms. (This English text is a translation for information; the Russian text prevails.)

1. Purposes: registering and maintaining my account in the personal cabinet; identifying and authenticating me when I sign in; receiving, registering and handling my applications for state and municipal services, informing me of their progress and issuing their results; booking visits to the MFC; accepting payments; sending notifications through the channels I choose; checking my documents against state information systems; keeping my account secure; handling my requests.

2. Personal data: last name, first name, patronymic; date of birth; mobile phone number; e-mail address; series, number and date of issue of my passport of a citizen of the Russian Federation and the authority that issued it; individual insurance account number (SNILS); taxpayer identification number (INN); information given in my applications and the documents attached to them; payment details; records of my sign-ins (date, time, IP address, browser details).

3. Actions: collection, recording, systematisation, accumulation, storage, clarification (updating, changing), retrieval, use, transfer (provision, access), depersonalisation, blocking, deletion and destruction, with and without automation. Personal data are transferred only to state and municipal authorities and their subordinate organisations taking part in providing the services, including through the system of interdepartmental electronic interaction, and only to the extent needed for the purposes. There is no cross-border transfer.

4. Term: the consent is valid from the day it is given until the account is deleted or the consent is withdrawn. Once the purposes are achieved, personal data are destroyed within 30 days, except information whose retention period is set by the law of the Russian Federation, including archival law.

5. Withdrawal: I may withdraw the consent by sending the Operator a written notice to its postal address, by submitting a notice in person at any MFC office with my passport, or by deleting my account in the personal cabinet. After receiving the withdrawal the Operator stops the processing and destroys the personal data within 30 days unless a federal law provides otherwise; processing may continue without my consent on the grounds listed in points 2–11 of part 1 of article 6 of Federal Law No. 152-FZ.

6. I confirm that I have read the Operator's Policy on the processing of personal data and the rights of the data subject under article 14 of Federal Law No. 152-FZ, including the right to obtain information about the processing of my personal data and to demand that they be clarified, blocked or destroyed, and that the information I give is about me. The consent is given electronically by ticking the box in the registration form and confirmed with a one-time code sent to my mobile phone number.`,
};

/** The current consent text, in Russian or in English. */
export function personalDataConsent(locale: 'ru' | 'en'): PersonalDataConsent {
  return locale === 'en' ? en : ru;
}
