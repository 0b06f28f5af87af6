import type { Feature } from '../feature.js';
import { lazySubClient, once } from '../lazy.js';
import type { ApplicationsClient } from './client.js';

export const applications: Feature<ApplicationsClient> = ({ http, client, userSession }) => {
  const load = once(() => Promise.all([import('./store.js'), userSession()]).then(([{ ApplicationsStore }, user]) => new ApplicationsStore(http, client.auth, user)));
  // Signed in, the outbox of writes made offline goes out, and logout must wipe the
  // citizen's data even offline: that code is loaded as soon as someone signs in.
  client.auth.subscribe((state) => state.status === 'signed-in' && void load().catch(() => undefined));
  return lazySubClient<ApplicationsClient>(http, load, { exportUrl: (format) => http.url(`applications/export.${format}`) });
};
