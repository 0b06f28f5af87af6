/** Required documents by their usual names, so that every service calls them the same. */
import type { Service } from '@mfc-cabinet/core/catalog-schemas';

export type RequiredDocument = Service['requiredDocuments'][number];

export const doc = (title: string, note: string | null = null): RequiredDocument => ({ title, note });

export const passportDoc = doc('Паспорт гражданина РФ');
export const snilsDoc = doc('СНИЛС');
export const birthCertificateDoc = doc('Свидетельство о рождении ребёнка');
export const photoDoc = (size: string) => doc(`Фотография ${size}`, 'Цветная или чёрно-белая, на белом фоне; в МФЦ фотографируют на месте');
export const ownershipDoc = doc('Документ о праве на жильё', 'Если право не зарегистрировано в ЕГРН: договор, свидетельство о наследстве');
export const incomeDoc = doc('Сведения о доходах семьи за 6 месяцев', 'Пособия и пенсии ведомство запросит само');
export const feeReceiptDoc = doc('Квитанция об уплате госпошлины', 'Не обязательно: оплату проверят по базе казначейства');
