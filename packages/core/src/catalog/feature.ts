import type { Feature } from '../feature.js';
import { lazySubClient, loadChunk } from '../lazy.js';
import type { CatalogClient, SearchIndexListener } from './client.js';

export const catalog: Feature<CatalogClient> = ({ http, cache, userSession }) => {
  const indexListeners = new Set<SearchIndexListener>();
  return lazySubClient<CatalogClient>(
    http,
    () =>
      Promise.all([import('./store.js'), userSession()]).then(
        ([{ CatalogStore }, user]) => new CatalogStore(http, cache, user, indexListeners, () => loadChunk(http, () => import('./search.js'))),
      ),
    {
      onIndexUpdate(listener) {
        indexListeners.add(listener);
        return () => indexListeners.delete(listener);
      },
    },
  );
};
