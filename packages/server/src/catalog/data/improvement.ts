/** «Благоустройство»: заявки о дорогах и освещении в каждом муниципалитете, земляные работы, деревья, вывоз мусора. */
import type { FormField, Service } from '@mfc-cabinet/core/catalog-schemas';
import { address, applicantStep, date, documents, documentsStep, form, number, resultStep, select, step, text, textarea } from './forms.js';
import { municipalities, svetlogorsky, verkhnerechinsk, zarechny, type MunicipalityData } from './municipalities.js';
import { doc, passportDoc } from './required-documents.js';

/** Where the problem is, and photos of it. */
const placeStep = (...extra: FormField[]) =>
  step(
    'place',
    'Где и что',
    address('place', 'Адрес или ближайший ориентир'),
    ...extra,
    textarea('problem', 'Опишите проблему', { maxLength: 1000 }),
    documents(['Фотография'], { id: 'photos', label: 'Фотографии', optional: true }),
  );

/** A request to repair a road in `municipality`. */
function roadRepair(municipality: MunicipalityData): Service {
  return {
    id: `road-repair-${municipality.id}`,
    title: 'Заявка на ремонт дорожного полотна',
    summary: `Яма, провал или разрушенный асфальт на местной дороге ${municipality.where}.`,
    description:
      'Заявку передают дорожной службе; опасные выбоины заделывают в течение 10 рабочих дней, остальное включают в план ремонта. О решении сообщат в личном кабинете.',
    categoryId: 'improvement',
    level: 'municipal',
    municipalityId: municipality.id,
    deliveryMethods: ['online', 'office'],
    termDays: 10,
    fee: null,
    requiredLevel: 'simplified',
    availability: 'available',
    keywords: ['ремонт дороги', 'яма', 'выбоина', 'асфальт', 'дорожное полотно', 'ямочный ремонт', 'дороги'],
    popularity: 64,
    provider: `Управление городского хозяйства ${municipality.administration}`,
    requiredDocuments: [],
    form: form(
      applicantStep(),
      placeStep(
        select('defect', 'Что случилось', [
          ['pothole', 'Яма или выбоина'],
          ['sinkhole', 'Провал'],
          ['crumbling', 'Разрушенное покрытие'],
          ['hatch', 'Открытый или просевший люк'],
        ]),
      ),
    ),
  };
}

/** A report of a broken street light in `municipality`. */
function streetLighting(municipality: MunicipalityData): Service {
  return {
    id: `street-lighting-${municipality.id}`,
    title: 'Сообщить о неработающем уличном освещении',
    summary: `Не горят фонари на улице, во дворе или в парке ${municipality.where}.`,
    description: 'Сообщение передают обслуживающей организации; фонари ремонтируют в течение 5 рабочих дней.',
    categoryId: 'improvement',
    level: 'municipal',
    municipalityId: municipality.id,
    deliveryMethods: ['online'],
    termDays: 5,
    fee: null,
    requiredLevel: 'simplified',
    availability: 'available',
    keywords: ['фонарь', 'освещение', 'не горит свет', 'уличный фонарь', 'темно во дворе'],
    popularity: 43,
    provider: `Управление городского хозяйства ${municipality.administration}`,
    requiredDocuments: [],
    form: form(applicantStep(), placeStep(number('lampCount', 'Сколько фонарей не горит', { min: 1, max: 100, optional: true }))),
  };
}

export const improvementServices: readonly Service[] = [
  ...municipalities.flatMap((municipality) => [roadRepair(municipality), streetLighting(municipality)]),
  {
    id: 'excavation-permit',
    title: 'Ордер на земляные работы',
    summary: `Разрешение на раскопки для ремонта коммуникаций ${verkhnerechinsk.where}.`,
    description: 'Ордер нужен для любых земляных работ на муниципальной земле; после работ благоустройство восстанавливают и сдают по акту.',
    categoryId: 'improvement',
    level: 'municipal',
    municipalityId: verkhnerechinsk.id,
    deliveryMethods: ['online', 'office'],
    termDays: 10,
    fee: null,
    requiredLevel: 'confirmed',
    availability: 'available',
    keywords: ['земляные работы', 'ордер', 'раскопки', 'прокладка коммуникаций', 'разрытие'],
    popularity: 27,
    provider: `Управление городского хозяйства ${verkhnerechinsk.administration}`,
    requiredDocuments: [passportDoc, doc('Проект производства работ'), doc('Схема благоустройства после работ')],
    form: form(
      applicantStep(),
      step('works', 'Работы', address('place', 'Место работ'), date('from', 'Начало работ'), date('until', 'Окончание работ'), textarea('works', 'Какие работы')),
      documentsStep(['Проект производства работ', 'Схема благоустройства']),
      resultStep('cabinet', 'office'),
    ),
  },
  {
    id: 'tree-felling-permit',
    title: 'Разрешение на снос или обрезку деревьев',
    summary: `Порубочный билет для сухих, аварийных и мешающих деревьев ${zarechny.where}.`,
    description: 'Комиссия осматривает деревья и решает за 15 рабочих дней; за снос здоровых деревьев платят компенсационную стоимость.',
    categoryId: 'improvement',
    level: 'municipal',
    municipalityId: zarechny.id,
    deliveryMethods: ['online', 'office'],
    termDays: 15,
    fee: null,
    requiredLevel: 'standard',
    availability: 'available',
    keywords: ['снос деревьев', 'порубочный билет', 'обрезка деревьев', 'аварийное дерево', 'спил', 'спилить дерево'],
    popularity: 33,
    provider: `Комитет по благоустройству ${zarechny.administration}`,
    requiredDocuments: [passportDoc],
    form: form(applicantStep(), placeStep(number('treeCount', 'Сколько деревьев', { min: 1, max: 500 }), select('work', 'Что нужно', [['felling', 'Снос'], ['pruning', 'Обрезка']]))),
  },
  {
    id: 'bulky-waste-removal',
    title: 'Вывоз крупногабаритного мусора',
    summary: `Заявка на вывоз старой мебели и бытовой техники от дома ${svetlogorsky.where}.`,
    description: 'Региональный оператор вывозит крупногабаритные отходы с контейнерной площадки в согласованный день бесплатно.',
    categoryId: 'improvement',
    level: 'municipal',
    municipalityId: svetlogorsky.id,
    deliveryMethods: ['online'],
    termDays: 5,
    fee: null,
    requiredLevel: 'simplified',
    availability: 'available',
    keywords: ['кгм', 'вывоз мусора', 'старая мебель', 'крупногабаритный мусор', 'тко'],
    popularity: 36,
    provider: `Отдел ЖКХ ${svetlogorsky.administration}`,
    requiredDocuments: [],
    form: form(applicantStep(), placeStep(date('preferredDate', 'Желаемый день вывоза'))),
  },
  {
    id: 'playground-initiative',
    title: 'Предложить благоустройство двора',
    summary: `Инициатива жителей: детская площадка, скамейки, освещение во дворе ${zarechny.where}.`,
    description: 'Предложения жителей попадают в программу «Формирование комфортной городской среды»; голосование откроется в кабинете в следующем сезоне.',
    categoryId: 'improvement',
    level: 'municipal',
    municipalityId: zarechny.id,
    deliveryMethods: ['online'],
    termDays: 30,
    fee: null,
    requiredLevel: 'simplified',
    availability: 'in_development',
    keywords: ['детская площадка', 'благоустройство двора', 'комфортная среда', 'инициативное бюджетирование', 'двор'],
    popularity: 31,
    provider: `Комитет по благоустройству ${zarechny.administration}`,
    requiredDocuments: [],
    form: form(applicantStep(), placeStep(text('idea', 'Что предлагаете'))),
  },
];
