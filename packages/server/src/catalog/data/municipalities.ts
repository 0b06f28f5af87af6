/**
 * The municipalities whose own services the catalog holds: fictional, but shaped like real
 * ones — two town districts and a rural district of one region.
 */
import type { Municipality } from '@mfc-cabinet/core/catalog-schemas';

export const region = 'Энская область';

/** A municipality, with the words its services use: the administration and where it is. */
export interface MunicipalityData extends Municipality {
  /** Whose administration provides the municipal services: «администрации города Заречный». */
  administration: string;
  /** Where, in the prepositional case: «в городе Заречный». */
  where: string;
  /** Whose, in the genitive case: «города Заречный». */
  of: string;
}

export const zarechny: MunicipalityData = {
  id: 'zarechny',
  name: 'город Заречный',
  region,
  administration: 'администрации города Заречный',
  where: 'в городе Заречный',
  of: 'города Заречный',
};

export const svetlogorsky: MunicipalityData = {
  id: 'svetlogorsky',
  name: 'Светлогорский район',
  region,
  administration: 'администрации Светлогорского района',
  where: 'в Светлогорском районе',
  of: 'Светлогорского района',
};

export const verkhnerechinsk: MunicipalityData = {
  id: 'verkhnerechinsk',
  name: 'город Верхнеречинск',
  region,
  administration: 'администрации города Верхнеречинск',
  where: 'в городе Верхнеречинск',
  of: 'города Верхнеречинск',
};

/** In the order the catalog lists them. */
export const municipalities: readonly MunicipalityData[] = [zarechny, svetlogorsky, verkhnerechinsk];
