/**
 * The municipalities whose own services the catalog holds: fictional, but shaped like real
 * ones — two town districts and a rural district of one region.
 */
import type { Text } from './bilingual.js';

export const region: Text = { ru: 'Энская область', en: 'Enskaya Oblast' };

/** A municipality, with the words its services use: the administration and where it is. */
export interface MunicipalityData {
  id: string;
  name: Text;
  region: Text;
  /** Whose administration provides the municipal services: «администрации города Заречный», "the Zarechny Town Administration". */
  administration: Text;
  /** Where, in the prepositional case: «в городе Заречный», "in Zarechny". */
  where: Text;
  /** Whose, in the genitive case: «города Заречный», "of Zarechny". */
  of: Text;
}

export const zarechny: MunicipalityData = {
  id: 'zarechny',
  name: { ru: 'город Заречный', en: 'Zarechny (town)' },
  region,
  administration: { ru: 'администрации города Заречный', en: 'the Zarechny Town Administration' },
  where: { ru: 'в городе Заречный', en: 'in Zarechny' },
  of: { ru: 'города Заречный', en: 'of Zarechny' },
};

export const svetlogorsky: MunicipalityData = {
  id: 'svetlogorsky',
  name: { ru: 'Светлогорский район', en: 'Svetlogorsky District' },
  region,
  administration: { ru: 'администрации Светлогорского района', en: 'the Svetlogorsky District Administration' },
  where: { ru: 'в Светлогорском районе', en: 'in Svetlogorsky District' },
  of: { ru: 'Светлогорского района', en: 'of Svetlogorsky District' },
};

export const verkhnerechinsk: MunicipalityData = {
  id: 'verkhnerechinsk',
  name: { ru: 'город Верхнеречинск', en: 'Verkhnerechinsk (town)' },
  region,
  administration: { ru: 'администрации города Верхнеречинск', en: 'the Verkhnerechinsk Town Administration' },
  where: { ru: 'в городе Верхнеречинск', en: 'in Verkhnerechinsk' },
  of: { ru: 'города Верхнеречинск', en: 'of Verkhnerechinsk' },
};

/** In the order the catalog lists them. */
export const municipalities: readonly MunicipalityData[] = [zarechny, svetlogorsky, verkhnerechinsk];
