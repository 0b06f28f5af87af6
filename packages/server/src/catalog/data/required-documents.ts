/** Required documents by their usual names, so that every service calls them the same, in each language. */
import type { DocumentData, Text } from './bilingual.js';

export type RequiredDocument = DocumentData;

export const doc = (title: Text, note: Text | null = null): RequiredDocument => ({ title, note });

export const passportDoc = doc({ ru: 'Паспорт гражданина РФ', en: 'Russian passport' });
export const snilsDoc = doc({ ru: 'СНИЛС', en: 'SNILS (individual insurance account number)' });
export const birthCertificateDoc = doc({ ru: 'Свидетельство о рождении ребёнка', en: 'The child’s birth certificate' });
export const photoDoc = (size: Text) =>
  doc(
    { ru: `Фотография ${size.ru}`, en: `Photo, ${size.en}` },
    { ru: 'Цветная или чёрно-белая, на белом фоне; в МФЦ фотографируют на месте', en: 'Colour or black and white, on a white background; the MFC can take one on the spot' },
  );
export const ownershipDoc = doc(
  { ru: 'Документ о праве на жильё', en: 'Proof of the right to the home' },
  { ru: 'Если право не зарегистрировано в ЕГРН: договор, свидетельство о наследстве', en: 'If the right is not in the property register (EGRN): a contract, a certificate of inheritance' },
);
export const incomeDoc = doc(
  { ru: 'Сведения о доходах семьи за 6 месяцев', en: 'The family’s income for the last 6 months' },
  { ru: 'Пособия и пенсии ведомство запросит само', en: 'The agency requests benefits and pensions itself' },
);
export const feeReceiptDoc = doc(
  { ru: 'Квитанция об уплате госпошлины', en: 'Receipt for the state fee' },
  { ru: 'Не обязательно: оплату проверят по базе казначейства', en: 'Optional: the payment is checked in the Treasury’s records' },
);
