/** The categories of the catalog, in the order the catalog lists them. */
import type { Text } from './bilingual.js';

/** A category as the data defines it; the catalog counts its services. */
export interface CategoryData {
  id: string;
  title: Text;
}

export const categories = [
  { id: 'documents', title: { ru: 'Паспорта и документы', en: 'Passports and documents' } },
  { id: 'family', title: { ru: 'Семья и дети', en: 'Family and children' } },
  { id: 'education', title: { ru: 'Образование', en: 'Education' } },
  { id: 'housing', title: { ru: 'ЖКХ и недвижимость', en: 'Housing and property' } },
  { id: 'social', title: { ru: 'Социальная поддержка', en: 'Social support' } },
  { id: 'transport', title: { ru: 'Транспорт', en: 'Transport' } },
  { id: 'business', title: { ru: 'Бизнес', en: 'Business' } },
  { id: 'certificates', title: { ru: 'Справки и выписки', en: 'Certificates and extracts' } },
  { id: 'improvement', title: { ru: 'Благоустройство', en: 'Streets and public spaces' } },
  { id: 'health', title: { ru: 'Здоровье', en: 'Health' } },
] as const satisfies readonly CategoryData[];

/** The id of a category. */
export type CategoryId = (typeof categories)[number]['id'];
