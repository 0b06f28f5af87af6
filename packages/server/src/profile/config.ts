/** The profile section of the configuration: the demo check against the state registries. */
import { countFrom0 } from '../settings.js';

export const profileSettings = {
  registryCheckDelayMs: {
    name: 'REGISTRY_CHECK_DELAY_MS',
    default: '2000',
    description:
      'How long the demo check of passport and СНИЛС against the state registries takes before it accepts well-formed data; 0 answers at once (still after the HTTP answer).',
    parse: countFrom0,
  },
};
