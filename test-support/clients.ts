/**
 * SDK clients for browser tests against the real server: each test file gets a factory
 * whose clients are signed out and closed after every test (and whose leftovers in
 * `localStorage` are cleared), and a sign-in of a fresh citizen.
 */
import { expect } from '@open-wc/testing';
import { createCabinetClient, type CabinetClient, type CabinetClientOptions } from '../packages/core/src/client.js';
import { createAccount, type TestAccount } from './cabinet-api.js';

/** Call at the top of a test file; returns the factory of clients for its tests. */
export function clientsPerTest(defaults: CabinetClientOptions = {}): (options?: CabinetClientOptions) => CabinetClient {
  const clients: CabinetClient[] = [];
  afterEach(async () => {
    for (const created of clients.splice(0)) {
      if (created.auth.state.status === 'signed-in') await created.auth.logout().catch(() => undefined);
      created.close();
    }
    localStorage.clear();
  });
  return (options = {}) => {
    const created = createCabinetClient({ baseUrl: '/api/v1', ...defaults, ...options });
    clients.push(created);
    return created;
  };
}

/** Signs `sdk` in as `account`, or as a fresh citizen without a second factor. */
export async function signIn(sdk: CabinetClient, account?: TestAccount): Promise<TestAccount> {
  const citizen = account ?? (await createAccount({ secondFactor: null }));
  const result = await sdk.auth.login({ identifier: citizen.phone, password: citizen.password });
  expect(result.status).to.equal('authenticated');
  return citizen;
}
