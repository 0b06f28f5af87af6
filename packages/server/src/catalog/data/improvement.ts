/** «Благоустройство»: заявки о дорогах и освещении в каждом муниципалитете, земляные работы, деревья, вывоз мусора. */
import type { FieldData, ServiceData } from './bilingual.js';
import { address, applicantStep, date, documents, documentsStep, form, number, resultStep, select, step, text, textarea } from './forms.js';
import { municipalities, svetlogorsky, verkhnerechinsk, zarechny, type MunicipalityData } from './municipalities.js';
import { doc, passportDoc } from './required-documents.js';

/** Where the problem is, and photos of it. */
const placeStep = (...extra: FieldData[]) =>
  step(
    'place',
    { ru: 'Где и что', en: 'Where and what' },
    address('place', { ru: 'Адрес или ближайший ориентир', en: 'Address or the nearest landmark' }),
    ...extra,
    textarea('problem', { ru: 'Опишите проблему', en: 'Describe the problem' }, { maxLength: 1000 }),
    documents(['Фотография'], { id: 'photos', label: { ru: 'Фотографии', en: 'Photos' }, optional: true }),
  );

/** A request to repair a road in `municipality`. */
function roadRepair(municipality: MunicipalityData): ServiceData {
  return {
    id: `road-repair-${municipality.id}`,
    title: { ru: 'Заявка на ремонт дорожного полотна', en: 'Request for road surface repair' },
    summary: { ru: `Яма, провал или разрушенный асфальт на местной дороге ${municipality.where.ru}.`, en: `A pothole, a sinkhole or broken asphalt on a local road ${municipality.where.en}.` },
    description:
      { ru: 'Заявку передают дорожной службе; опасные выбоины заделывают в течение 10 рабочих дней, остальное включают в план ремонта. О решении сообщат в личном кабинете.', en: 'The request goes to the road service; dangerous potholes are filled within 10 working days, the rest goes into the repair plan. You will be told the decision in the personal account.' },
    categoryId: 'improvement',
    level: 'municipal',
    municipalityId: municipality.id,
    deliveryMethods: ['online', 'office'],
    termDays: 10,
    fee: null,
    requiredLevel: 'simplified',
    availability: 'available',
    keywords: { ru: ['ремонт дороги', 'яма', 'выбоина', 'асфальт', 'дорожное полотно', 'ямочный ремонт', 'дороги'], en: ['road repair', 'pothole', 'asphalt', 'road surface', 'pothole repair', 'roads', 'broken road'] },
    popularity: 64,
    provider: { ru: `Управление городского хозяйства ${municipality.administration.ru}`, en: `Municipal Services Department of ${municipality.administration.en}` },
    requiredDocuments: [],
    form: form(
      applicantStep(),
      placeStep(
        select('defect', { ru: 'Что случилось', en: 'What happened' }, [
          ['pothole', { ru: 'Яма или выбоина', en: 'Pothole' }],
          ['sinkhole', { ru: 'Провал', en: 'Sinkhole' }],
          ['crumbling', { ru: 'Разрушенное покрытие', en: 'Broken surface' }],
          ['hatch', { ru: 'Открытый или просевший люк', en: 'Open or sunken manhole' }],
        ]),
      ),
    ),
  };
}

/** A report of a broken street light in `municipality`. */
function streetLighting(municipality: MunicipalityData): ServiceData {
  return {
    id: `street-lighting-${municipality.id}`,
    title: { ru: 'Сообщить о неработающем уличном освещении', en: 'Report a broken street light' },
    summary: { ru: `Не горят фонари на улице, во дворе или в парке ${municipality.where.ru}.`, en: `Street lights out in a street, a courtyard or a park ${municipality.where.en}.` },
    description: { ru: 'Сообщение передают обслуживающей организации; фонари ремонтируют в течение 5 рабочих дней.', en: 'The report goes to the maintenance company; the lights are repaired within 5 working days.' },
    categoryId: 'improvement',
    level: 'municipal',
    municipalityId: municipality.id,
    deliveryMethods: ['online'],
    termDays: 5,
    fee: null,
    requiredLevel: 'simplified',
    availability: 'available',
    keywords: { ru: ['фонарь', 'освещение', 'не горит свет', 'уличный фонарь', 'темно во дворе'], en: ['street light', 'lighting', 'street lamp', 'lights out', 'dark courtyard', 'broken lamp'] },
    popularity: 43,
    provider: { ru: `Управление городского хозяйства ${municipality.administration.ru}`, en: `Municipal Services Department of ${municipality.administration.en}` },
    requiredDocuments: [],
    form: form(applicantStep(), placeStep(number('lampCount', { ru: 'Сколько фонарей не горит', en: 'How many lights are out' }, { min: 1, max: 100, optional: true }))),
  };
}

export const improvementServices: readonly ServiceData[] = [
  ...municipalities.flatMap((municipality) => [roadRepair(municipality), streetLighting(municipality)]),
  {
    id: 'excavation-permit',
    title: { ru: 'Ордер на земляные работы', en: 'Excavation permit' },
    summary: { ru: `Разрешение на раскопки для ремонта коммуникаций ${verkhnerechinsk.where.ru}.`, en: `A permit to dig for utility repairs ${verkhnerechinsk.where.en}.` },
    description: { ru: 'Ордер нужен для любых земляных работ на муниципальной земле; после работ благоустройство восстанавливают и сдают по акту.', en: 'A permit is needed for any earthworks on municipal land; afterwards the site is restored and handed over with a certificate.' },
    categoryId: 'improvement',
    level: 'municipal',
    municipalityId: verkhnerechinsk.id,
    deliveryMethods: ['online', 'office'],
    termDays: 10,
    fee: null,
    requiredLevel: 'confirmed',
    availability: 'available',
    keywords: { ru: ['земляные работы', 'ордер', 'раскопки', 'прокладка коммуникаций', 'разрытие'], en: ['earthworks', 'excavation', 'permit', 'digging', 'utility works', 'dig up'] },
    popularity: 27,
    provider: { ru: `Управление городского хозяйства ${verkhnerechinsk.administration.ru}`, en: `Municipal Services Department of ${verkhnerechinsk.administration.en}` },
    requiredDocuments: [passportDoc, doc({ ru: 'Проект производства работ', en: 'Work plan' }), doc({ ru: 'Схема благоустройства после работ', en: 'Plan of the landscaping after the work' })],
    form: form(
      applicantStep(),
      step('works', { ru: 'Работы', en: 'Work' }, address('place', { ru: 'Место работ', en: 'Place of the work' }), date('from', { ru: 'Начало работ', en: 'Start of the work' }), date('until', { ru: 'Окончание работ', en: 'End of the work' }), textarea('works', { ru: 'Какие работы', en: 'What work' })),
      documentsStep(['Проект производства работ', 'Схема благоустройства']),
      resultStep('cabinet', 'office'),
    ),
  },
  {
    id: 'tree-felling-permit',
    title: { ru: 'Разрешение на снос или обрезку деревьев', en: 'Permit to fell or prune trees' },
    summary: { ru: `Порубочный билет для сухих, аварийных и мешающих деревьев ${zarechny.where.ru}.`, en: `A felling permit for dead, dangerous or obstructing trees ${zarechny.where.en}.` },
    description: { ru: 'Комиссия осматривает деревья и решает за 15 рабочих дней; за снос здоровых деревьев платят компенсационную стоимость.', en: 'A commission inspects the trees and decides within 15 working days; felling healthy trees requires paying compensation.' },
    categoryId: 'improvement',
    level: 'municipal',
    municipalityId: zarechny.id,
    deliveryMethods: ['online', 'office'],
    termDays: 15,
    fee: null,
    requiredLevel: 'standard',
    availability: 'available',
    keywords: { ru: ['снос деревьев', 'порубочный билет', 'обрезка деревьев', 'аварийное дерево', 'спил', 'спилить дерево'], en: ['tree felling', 'felling permit', 'tree pruning', 'dangerous tree', 'cut down a tree', 'tree removal'] },
    popularity: 33,
    provider: { ru: `Комитет по благоустройству ${zarechny.administration.ru}`, en: `Landscaping Committee of ${zarechny.administration.en}` },
    requiredDocuments: [passportDoc],
    form: form(applicantStep(), placeStep(number('treeCount', { ru: 'Сколько деревьев', en: 'How many trees' }, { min: 1, max: 500 }), select('work', { ru: 'Что нужно', en: 'What you need' }, [['felling', { ru: 'Снос', en: 'Felling' }], ['pruning', { ru: 'Обрезка', en: 'Pruning' }]]))),
  },
  {
    id: 'bulky-waste-removal',
    title: { ru: 'Вывоз крупногабаритного мусора', en: 'Bulky waste removal' },
    summary: { ru: `Заявка на вывоз старой мебели и бытовой техники от дома ${svetlogorsky.where.ru}.`, en: `A request to take away old furniture and household appliances from a building ${svetlogorsky.where.en}.` },
    description: { ru: 'Региональный оператор вывозит крупногабаритные отходы с контейнерной площадки в согласованный день бесплатно.', en: 'The regional operator removes bulky waste from the bin area on an agreed day, free of charge.' },
    categoryId: 'improvement',
    level: 'municipal',
    municipalityId: svetlogorsky.id,
    deliveryMethods: ['online'],
    termDays: 5,
    fee: null,
    requiredLevel: 'simplified',
    availability: 'available',
    keywords: { ru: ['кгм', 'вывоз мусора', 'старая мебель', 'крупногабаритный мусор', 'тко'], en: ['bulky waste', 'waste removal', 'rubbish collection', 'old furniture', 'garbage', 'large items'] },
    popularity: 36,
    provider: { ru: `Отдел ЖКХ ${svetlogorsky.administration.ru}`, en: `Housing and Utilities Department of ${svetlogorsky.administration.en}` },
    requiredDocuments: [],
    form: form(applicantStep(), placeStep(date('preferredDate', { ru: 'Желаемый день вывоза', en: 'Preferred collection day' }))),
  },
  {
    id: 'playground-initiative',
    title: { ru: 'Предложить благоустройство двора', en: 'Suggest improvements to a courtyard' },
    summary: { ru: `Инициатива жителей: детская площадка, скамейки, освещение во дворе ${zarechny.where.ru}.`, en: `A residents’ initiative: a playground, benches, lighting in a courtyard ${zarechny.where.en}.` },
    description: { ru: 'Предложения жителей попадают в программу «Формирование комфортной городской среды»; голосование откроется в кабинете в следующем сезоне.', en: 'Residents’ suggestions go into the “Comfortable Urban Environment” programme; voting will open in the cabinet next season.' },
    categoryId: 'improvement',
    level: 'municipal',
    municipalityId: zarechny.id,
    deliveryMethods: ['online'],
    termDays: 30,
    fee: null,
    requiredLevel: 'simplified',
    availability: 'in_development',
    keywords: { ru: ['детская площадка', 'благоустройство двора', 'комфортная среда', 'инициативное бюджетирование', 'двор'], en: ['playground', 'courtyard improvement', 'comfortable environment', 'participatory budgeting', 'courtyard', 'benches'] },
    popularity: 31,
    provider: { ru: `Комитет по благоустройству ${zarechny.administration.ru}`, en: `Landscaping Committee of ${zarechny.administration.en}` },
    requiredDocuments: [],
    form: form(applicantStep(), placeStep(text('idea', { ru: 'Что предлагаете', en: 'What you suggest' }))),
  },
];
