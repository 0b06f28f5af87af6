import { createContext } from '@lit/context';
import type { CabinetClient, Locale } from '@mfc-cabinet/core';

/** The SDK client `<mfc-cabinet>` provides to the widgets inside it. */
export const clientContext = createContext<CabinetClient | undefined>(Symbol.for('mfc-cabinet/client'));

/** The language `<mfc-cabinet locale>` provides to the widgets inside it. */
export const localeContext = createContext<Locale | undefined>(Symbol.for('mfc-cabinet/locale'));
