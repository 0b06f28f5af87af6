import type { Feature } from '../feature.js';
import { lazySubClient } from '../lazy.js';
import type { ProfileClient } from './client.js';

export const profile: Feature<ProfileClient> = ({ http, client }) =>
  lazySubClient<ProfileClient>(http, () => import('./store.js').then(({ ProfileStore }) => new ProfileStore(http, client.auth)), {
    identityQrUrl: http.url('profile/identity-confirmation/qr.svg'),
  });
