/** The categories of the catalog, in the order the catalog lists them. */

/** A category as the data defines it; the catalog counts its services. */
export interface CategoryData {
  id: string;
  title: string;
}

export const categories = [
  { id: 'documents', title: 'Паспорта и документы' },
  { id: 'family', title: 'Семья и дети' },
  { id: 'education', title: 'Образование' },
  { id: 'housing', title: 'ЖКХ и недвижимость' },
  { id: 'social', title: 'Социальная поддержка' },
  { id: 'transport', title: 'Транспорт' },
  { id: 'business', title: 'Бизнес' },
  { id: 'certificates', title: 'Справки и выписки' },
  { id: 'improvement', title: 'Благоустройство' },
  { id: 'health', title: 'Здоровье' },
] as const satisfies readonly CategoryData[];

/** The id of a category. */
export type CategoryId = (typeof categories)[number]['id'];
