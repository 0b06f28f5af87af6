/** «Образование»: запись в детский сад и в школу в каждом муниципалитете, компенсации, кружки, лагеря. */
import type { FieldData, ServiceData } from './bilingual.js';
import { address, applicantStep, checkbox, date, documentsStep, form, passport, resultStep, select, snils, step, text } from './forms.js';
import { municipalities, svetlogorsky, type MunicipalityData } from './municipalities.js';
import { birthCertificateDoc, doc, passportDoc } from './required-documents.js';

/** The child the application is for. */
const childStep = (...extra: FieldData[]) =>
  step(
    'child',
    { ru: 'Ребёнок', en: 'Child' },
    text('childLastName', { ru: 'Фамилия ребёнка', en: 'Child’s last name' }, { maxLength: 100 }),
    text('childFirstName', { ru: 'Имя ребёнка', en: 'Child’s first name' }, { maxLength: 100 }),
    text('childMiddleName', { ru: 'Отчество ребёнка', en: 'Child’s patronymic' }, { maxLength: 100, optional: true }),
    date('childBirthDate', { ru: 'Дата рождения ребёнка', en: 'Child’s date of birth' }),
    text('childBirthCertificate', { ru: 'Серия и номер свидетельства о рождении', en: 'Series and number of the birth certificate' }, { maxLength: 30 }),
    ...extra,
  );

const preferentialRight = select(
  'preferentialRight',
  { ru: 'Право на первоочередное зачисление', en: 'Priority admission' },
  [
    ['none', { ru: 'Нет', en: 'No' }],
    ['sibling', { ru: 'В учреждении учится брат или сестра', en: 'A brother or sister attends it' }],
    ['military', { ru: 'Родитель — военнослужащий', en: 'A parent serves in the armed forces' }],
    ['largeFamily', { ru: 'Многодетная семья', en: 'Large family' }],
  ],
);

/** Enrolment in a municipal kindergarten of `municipality`: the waiting list. */
function kindergarten(municipality: MunicipalityData): ServiceData {
  return {
    id: `kindergarten-${municipality.id}`,
    title: { ru: 'Запись в детский сад', en: 'Kindergarten enrolment' },
    summary: { ru: `Постановка ребёнка в очередь в муниципальный детский сад ${municipality.where.ru}.`, en: `Putting a child on the waiting list for a municipal kindergarten ${municipality.where.en}.` },
    description:
      { ru: 'Ребёнка ставят в очередь с рождения до 7 лет; можно выбрать до трёх детских садов и желаемую дату зачисления. Место в очереди видно в личном кабинете; о выделенном месте придёт уведомление.', en: 'A child can be put on the waiting list from birth until the age of 7; you may choose up to three kindergartens and the preferred start date. The place in the queue is shown in the personal account; you get a notice when a place is offered.' },
    categoryId: 'education',
    level: 'municipal',
    municipalityId: municipality.id,
    deliveryMethods: ['online', 'office'],
    termDays: 7,
    fee: null,
    requiredLevel: 'standard',
    availability: 'available',
    keywords: { ru: ['детский сад', 'детсад', 'садик', 'ДДУ', 'ДОУ', 'очередь в сад', 'запись в сад', 'дошкольное'], en: ['kindergarten', 'nursery', 'preschool', 'daycare', 'kindergarten queue', 'kindergarten enrolment', 'enrol in kindergarten'] },
    popularity: 93,
    provider: { ru: `Управление образования ${municipality.administration.ru}`, en: `Education Department of ${municipality.administration.en}` },
    requiredDocuments: [passportDoc, birthCertificateDoc, doc({ ru: 'Документ о регистрации ребёнка по месту жительства', en: 'Proof of the child’s registered address' }), doc({ ru: 'Документ о праве на льготу', en: 'Proof of the right to a benefit' }, { ru: 'Если есть', en: 'If any' })],
    form: form(
      applicantStep(passport()),
      childStep(address('childAddress', { ru: 'Адрес проживания ребёнка', en: 'Child’s home address' })),
      step(
        'kindergarten',
        { ru: 'Детский сад', en: 'Kindergarten' },
        text('preferredKindergartens', { ru: 'Желаемые детские сады (до трёх)', en: 'Preferred kindergartens (up to three)' }, { hint: { ru: 'Номера или названия через запятую', en: 'Numbers or names, separated by commas' } }),
        date('desiredDate', { ru: 'Желаемая дата зачисления', en: 'Preferred start date' }),
        select('groupKind', { ru: 'Режим пребывания', en: 'Hours' }, [
          ['full', { ru: 'Полный день', en: 'Full day' }],
          ['short', { ru: 'Кратковременное пребывание', en: 'Short stay' }],
        ]),
        preferentialRight,
      ),
      documentsStep(['Свидетельство о рождении ребёнка', 'Документ о праве на льготу']),
    ),
  };
}

/** Enrolment in the first grade of a school of `municipality`. */
function firstGrade(municipality: MunicipalityData): ServiceData {
  return {
    id: `school-enrolment-${municipality.id}`,
    title: { ru: 'Запись в первый класс', en: 'First grade enrolment' },
    summary: { ru: `Зачисление ребёнка в муниципальную школу ${municipality.where.ru}.`, en: `Enrolling a child in a municipal school ${municipality.where.en}.` },
    description:
      { ru: 'Приём заявлений для детей, живущих на закреплённой за школой территории, и для льготников — с 1 апреля по 30 июня; для остальных — с 6 июля до 5 сентября. Школа издаёт приказ о зачислении в течение 3 рабочих дней после окончания приёма.', en: 'Applications for children living in the school’s catchment area and for those with priority are accepted from 1 April to 30 June; for everyone else, from 6 July to 5 September. The school issues the enrolment order within 3 working days after the intake closes.' },
    categoryId: 'education',
    level: 'municipal',
    municipalityId: municipality.id,
    deliveryMethods: ['online', 'office'],
    termDays: 3,
    fee: null,
    requiredLevel: 'standard',
    availability: 'available',
    keywords: { ru: ['школа', 'запись в школу', 'первый класс', '1 класс', 'первоклассник', 'зачисление в школу'], en: ['school', 'school enrolment', 'first grade', '1st grade', 'first grader', 'enrol in school', 'primary school'] },
    popularity: 91,
    provider: { ru: `Управление образования ${municipality.administration.ru}`, en: `Education Department of ${municipality.administration.en}` },
    requiredDocuments: [passportDoc, birthCertificateDoc, doc({ ru: 'Документ о регистрации ребёнка по месту жительства', en: 'Proof of the child’s registered address' })],
    form: form(
      applicantStep(passport()),
      childStep(address('childAddress', { ru: 'Адрес проживания ребёнка', en: 'Child’s home address' })),
      step('school', { ru: 'Школа', en: 'School' }, text('school', { ru: 'Школа', en: 'School' }, { hint: { ru: 'Номер или название', en: 'Number or name' } }), preferentialRight, checkbox('adaptedProgram', { ru: 'Нужна адаптированная программа', en: 'An adapted curriculum is needed' }, { optional: true })),
      documentsStep(['Свидетельство о рождении ребёнка', 'Документ о регистрации ребёнка']),
    ),
  };
}

export const educationServices: readonly ServiceData[] = [
  ...municipalities.flatMap((municipality) => [kindergarten(municipality), firstGrade(municipality)]),
  {
    id: 'kindergarten-fee-compensation',
    title: { ru: 'Компенсация родительской платы за детский сад', en: 'Kindergarten fee compensation' },
    summary: { ru: 'Возврат части платы за присмотр и уход: 20 % на первого ребёнка, 50 % на второго, 70 % на третьего.', en: 'A partial refund of the childcare fee: 20% for the first child, 50% for the second, 70% for the third.' },
    description: { ru: 'Назначают семьям с доходом ниже полутора прожиточных минимумов на человека. Выплату перечисляют ежемесячно на счёт родителя.', en: 'Granted to families with an income below one and a half times the subsistence minimum per person. It is paid monthly to a parent’s bank account.' },
    categoryId: 'education',
    level: 'regional',
    municipalityId: null,
    deliveryMethods: ['online', 'office'],
    termDays: 10,
    fee: null,
    requiredLevel: 'standard',
    availability: 'available',
    keywords: { ru: ['компенсация за детский сад', 'родительская плата', 'детсад', 'садик', 'возврат платы'], en: ['kindergarten compensation', 'kindergarten fee', 'childcare fee', 'nursery', 'fee refund'] },
    popularity: 62,
    provider: { ru: 'Министерство образования Энской области', en: 'Ministry of Education of Enskaya Oblast' },
    requiredDocuments: [passportDoc, birthCertificateDoc, doc({ ru: 'Договор с детским садом', en: 'Contract with the kindergarten' }), doc({ ru: 'Реквизиты счёта в банке', en: 'Bank account details' })],
    form: form(
      applicantStep(passport(), snils()),
      childStep(text('kindergartenName', { ru: 'Детский сад, который посещает ребёнок', en: 'Kindergarten the child attends' })),
      step('bank', { ru: 'Куда перечислять', en: 'Where to pay the compensation' }, text('bankAccount', { ru: 'Номер счёта', en: 'Account number' }, { maxLength: 20, hint: { ru: '20 цифр', en: '20 digits' } }), text('bankBik', { ru: 'БИК банка', en: 'Bank’s BIC' }, { maxLength: 9 })),
      resultStep('cabinet'),
    ),
  },
  {
    id: 'additional-education',
    title: { ru: 'Запись в кружки и спортивные секции', en: 'Enrolment in clubs and sports sections' },
    summary: { ru: 'Бесплатные занятия по сертификату дополнительного образования.', en: 'Free classes with an extracurricular education certificate.' },
    description: { ru: 'Запись в кружки, студии и секции организаций дополнительного образования области по сертификату. Сервис переносят в новый навигатор — скоро заработает в кабинете.', en: 'Enrolment in clubs, studios and sports sections of the region’s extracurricular education providers with a certificate. The service is moving to a new navigator and will be available in the cabinet soon.' },
    categoryId: 'education',
    level: 'regional',
    municipalityId: null,
    deliveryMethods: ['online'],
    termDays: 3,
    fee: null,
    requiredLevel: 'standard',
    availability: 'in_development',
    keywords: { ru: ['кружки', 'секции', 'дополнительное образование', 'сертификат пфдо', 'навигатор', 'спорт для детей'], en: ['clubs', 'sports sections', 'after-school activities', 'extracurricular education', 'pfdo certificate', 'navigator', 'sports for children'] },
    popularity: 57,
    provider: { ru: 'Министерство образования Энской области', en: 'Ministry of Education of Enskaya Oblast' },
    requiredDocuments: [birthCertificateDoc],
    form: form(applicantStep(), childStep(text('program', { ru: 'Название программы или секции', en: 'Name of the programme or section' }))),
  },
  {
    id: 'summer-camp-voucher',
    title: { ru: 'Путёвка в детский лагерь', en: 'Children’s summer camp voucher' },
    summary: { ru: `Путёвка в загородный лагерь для детей 7–17 лет, живущих ${svetlogorsky.where.ru}.`, en: `A voucher for a country camp for children aged 7–17 living ${svetlogorsky.where.en}.` },
    description: { ru: 'Путёвки распределяют по очереди заявлений; родители оплачивают 20 % стоимости, семьи с доходом ниже прожиточного минимума — бесплатно.', en: 'Vouchers are allocated in the order of applications; parents pay 20% of the cost, and families with an income below the subsistence minimum pay nothing.' },
    categoryId: 'education',
    level: 'municipal',
    municipalityId: svetlogorsky.id,
    deliveryMethods: ['online', 'office'],
    termDays: 15,
    fee: null,
    requiredLevel: 'standard',
    availability: 'available',
    keywords: { ru: ['лагерь', 'путёвка', 'детский отдых', 'летний лагерь', 'оздоровление'], en: ['camp', 'summer camp', 'voucher', 'children’s holiday', 'holiday camp'] },
    popularity: 50,
    provider: { ru: `Управление образования ${svetlogorsky.administration.ru}`, en: `Education Department of ${svetlogorsky.administration.en}` },
    requiredDocuments: [passportDoc, birthCertificateDoc],
    form: form(
      applicantStep(passport()),
      childStep(
        select('shift', { ru: 'Смена', en: 'Session' }, [
          ['june', { ru: 'Июнь', en: 'June' }],
          ['july', { ru: 'Июль', en: 'July' }],
          ['august', { ru: 'Август', en: 'August' }],
        ]),
      ),
      resultStep('cabinet', 'office'),
    ),
  },
];
