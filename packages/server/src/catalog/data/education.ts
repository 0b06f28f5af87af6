/** «Образование»: запись в детский сад и в школу в каждом муниципалитете, компенсации, кружки, лагеря. */
import type { FormField, Service } from '@mfc-cabinet/core/catalog-schemas';
import { address, applicantStep, checkbox, date, documentsStep, form, passport, resultStep, select, snils, step, text } from './forms.js';
import { municipalities, svetlogorsky, type MunicipalityData } from './municipalities.js';
import { birthCertificateDoc, doc, passportDoc } from './required-documents.js';

/** The child the application is for. */
const childStep = (...extra: FormField[]) =>
  step(
    'child',
    'Ребёнок',
    text('childLastName', 'Фамилия ребёнка', { maxLength: 100 }),
    text('childFirstName', 'Имя ребёнка', { maxLength: 100 }),
    text('childMiddleName', 'Отчество ребёнка', { maxLength: 100, optional: true }),
    date('childBirthDate', 'Дата рождения ребёнка'),
    text('childBirthCertificate', 'Серия и номер свидетельства о рождении', { maxLength: 30 }),
    ...extra,
  );

const preferentialRight = select(
  'preferentialRight',
  'Право на первоочередное зачисление',
  [
    ['none', 'Нет'],
    ['sibling', 'В учреждении учится брат или сестра'],
    ['military', 'Родитель — военнослужащий'],
    ['largeFamily', 'Многодетная семья'],
  ],
);

/** Enrolment in a municipal kindergarten of `municipality`: the waiting list. */
function kindergarten(municipality: MunicipalityData): Service {
  return {
    id: `kindergarten-${municipality.id}`,
    title: 'Запись в детский сад',
    summary: `Постановка ребёнка в очередь в муниципальный детский сад ${municipality.where}.`,
    description:
      'Ребёнка ставят в очередь с рождения до 7 лет; можно выбрать до трёх детских садов и желаемую дату зачисления. Место в очереди видно в личном кабинете; о выделенном месте придёт уведомление.',
    categoryId: 'education',
    level: 'municipal',
    municipalityId: municipality.id,
    deliveryMethods: ['online', 'office'],
    termDays: 7,
    fee: null,
    requiredLevel: 'standard',
    availability: 'available',
    keywords: ['детский сад', 'детсад', 'садик', 'ДДУ', 'ДОУ', 'очередь в сад', 'запись в сад', 'дошкольное'],
    popularity: 93,
    provider: `Управление образования ${municipality.administration}`,
    requiredDocuments: [passportDoc, birthCertificateDoc, doc('Документ о регистрации ребёнка по месту жительства'), doc('Документ о праве на льготу', 'Если есть')],
    form: form(
      applicantStep(passport()),
      childStep(address('childAddress', 'Адрес проживания ребёнка')),
      step(
        'kindergarten',
        'Детский сад',
        text('preferredKindergartens', 'Желаемые детские сады (до трёх)', { hint: 'Номера или названия через запятую' }),
        date('desiredDate', 'Желаемая дата зачисления'),
        select('groupKind', 'Режим пребывания', [
          ['full', 'Полный день'],
          ['short', 'Кратковременное пребывание'],
        ]),
        preferentialRight,
      ),
      documentsStep(['Свидетельство о рождении ребёнка', 'Документ о праве на льготу']),
    ),
  };
}

/** Enrolment in the first grade of a school of `municipality`. */
function firstGrade(municipality: MunicipalityData): Service {
  return {
    id: `school-enrolment-${municipality.id}`,
    title: 'Запись в первый класс',
    summary: `Зачисление ребёнка в муниципальную школу ${municipality.where}.`,
    description:
      'Приём заявлений для детей, живущих на закреплённой за школой территории, и для льготников — с 1 апреля по 30 июня; для остальных — с 6 июля до 5 сентября. Школа издаёт приказ о зачислении в течение 3 рабочих дней после окончания приёма.',
    categoryId: 'education',
    level: 'municipal',
    municipalityId: municipality.id,
    deliveryMethods: ['online', 'office'],
    termDays: 3,
    fee: null,
    requiredLevel: 'standard',
    availability: 'available',
    keywords: ['школа', 'запись в школу', 'первый класс', '1 класс', 'первоклассник', 'зачисление в школу'],
    popularity: 91,
    provider: `Управление образования ${municipality.administration}`,
    requiredDocuments: [passportDoc, birthCertificateDoc, doc('Документ о регистрации ребёнка по месту жительства')],
    form: form(
      applicantStep(passport()),
      childStep(address('childAddress', 'Адрес проживания ребёнка')),
      step('school', 'Школа', text('school', 'Школа', { hint: 'Номер или название' }), preferentialRight, checkbox('adaptedProgram', 'Нужна адаптированная программа', { optional: true })),
      documentsStep(['Свидетельство о рождении ребёнка', 'Документ о регистрации ребёнка']),
    ),
  };
}

export const educationServices: readonly Service[] = [
  ...municipalities.flatMap((municipality) => [kindergarten(municipality), firstGrade(municipality)]),
  {
    id: 'kindergarten-fee-compensation',
    title: 'Компенсация родительской платы за детский сад',
    summary: 'Возврат части платы за присмотр и уход: 20 % на первого ребёнка, 50 % на второго, 70 % на третьего.',
    description: 'Назначают семьям с доходом ниже полутора прожиточных минимумов на человека. Выплату перечисляют ежемесячно на счёт родителя.',
    categoryId: 'education',
    level: 'regional',
    municipalityId: null,
    deliveryMethods: ['online', 'office'],
    termDays: 10,
    fee: null,
    requiredLevel: 'standard',
    availability: 'available',
    keywords: ['компенсация за детский сад', 'родительская плата', 'детсад', 'садик', 'возврат платы'],
    popularity: 62,
    provider: 'Министерство образования Энской области',
    requiredDocuments: [passportDoc, birthCertificateDoc, doc('Договор с детским садом'), doc('Реквизиты счёта в банке')],
    form: form(
      applicantStep(passport(), snils()),
      childStep(text('kindergartenName', 'Детский сад, который посещает ребёнок')),
      step('bank', 'Куда перечислять', text('bankAccount', 'Номер счёта', { maxLength: 20, hint: '20 цифр' }), text('bankBik', 'БИК банка', { maxLength: 9 })),
      resultStep('cabinet'),
    ),
  },
  {
    id: 'additional-education',
    title: 'Запись в кружки и спортивные секции',
    summary: 'Бесплатные занятия по сертификату дополнительного образования.',
    description: 'Запись в кружки, студии и секции организаций дополнительного образования области по сертификату. Сервис переносят в новый навигатор — скоро заработает в кабинете.',
    categoryId: 'education',
    level: 'regional',
    municipalityId: null,
    deliveryMethods: ['online'],
    termDays: 3,
    fee: null,
    requiredLevel: 'standard',
    availability: 'in_development',
    keywords: ['кружки', 'секции', 'дополнительное образование', 'сертификат пфдо', 'навигатор', 'спорт для детей'],
    popularity: 57,
    provider: 'Министерство образования Энской области',
    requiredDocuments: [birthCertificateDoc],
    form: form(applicantStep(), childStep(text('program', 'Название программы или секции'))),
  },
  {
    id: 'summer-camp-voucher',
    title: 'Путёвка в детский лагерь',
    summary: `Путёвка в загородный лагерь для детей 7–17 лет, живущих ${svetlogorsky.where}.`,
    description: 'Путёвки распределяют по очереди заявлений; родители оплачивают 20 % стоимости, семьи с доходом ниже прожиточного минимума — бесплатно.',
    categoryId: 'education',
    level: 'municipal',
    municipalityId: svetlogorsky.id,
    deliveryMethods: ['online', 'office'],
    termDays: 15,
    fee: null,
    requiredLevel: 'standard',
    availability: 'available',
    keywords: ['лагерь', 'путёвка', 'детский отдых', 'летний лагерь', 'оздоровление'],
    popularity: 50,
    provider: `Управление образования ${svetlogorsky.administration}`,
    requiredDocuments: [passportDoc, birthCertificateDoc],
    form: form(
      applicantStep(passport()),
      childStep(
        select('shift', 'Смена', [
          ['june', 'Июнь'],
          ['july', 'Июль'],
          ['august', 'Август'],
        ]),
      ),
      resultStep('cabinet', 'office'),
    ),
  },
];
