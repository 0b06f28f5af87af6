import { expect } from '@open-wc/testing';
import { advanceClock, createAccount, switchableNetwork, waitFor, waitForAsync, type TestAccount } from '../../../../test-support/cabinet-api.js';
import type { Application } from './schemas.js';
import { completeValues } from '../../../../test-support/form-values.js';
import type { Service } from '../catalog/schemas.js';
import { userDbName } from '../cache/user-db.js';
import { clientsPerTest, signIn } from '../../../../test-support/clients.js';
import { createCabinetClient, type CabinetClient } from '../client.js';
import { isCabinetError } from '../errors.js';
import { operatorClient } from '../operator/client.js';

const client = clientsPerTest();

/** A service anyone signed in may apply for online, without documents to attach. */
async function simpleService(sdk: CabinetClient): Promise<Service> {
  const page = await sdk.catalog.list({ availability: 'available' }, { limit: 100 });
  for (const summary of page.items) {
    if (summary.requiredLevel !== 'simplified') continue;
    const service = await sdk.catalog.get(summary.id);
    if (!service.form.steps.some((step) => step.fields.some((field) => field.type === 'documents' && field.required))) return service;
  }
  throw new Error('no simple service in the catalog');
}

async function databaseExists(name: string): Promise<boolean> {
  return (await indexedDB.databases()).some((database) => database.name === name);
}

const dbOf = (account: TestAccount) => userDbName(new URL('/api/v1/', location.href).href, account.id);

describe('client.applications against the real server', () => {
  it('makes a draft, saves it, submits it once and lists it', async () => {
    const sdk = client();
    await signIn(sdk);
    const service = await simpleService(sdk);
    const draft = await sdk.applications.create(service.id);
    expect(draft.status).to.equal('draft');
    expect(draft.trackingNumber).to.equal(null);

    const saved = await sdk.applications.saveDraft(draft.id, completeValues(service.form));
    expect(saved.status).to.equal('sent');
    expect((await sdk.applications.get(draft.id)).values).to.deep.include(completeValues(service.form));

    const submitted = await sdk.applications.submit(draft.id);
    expect(submitted.status).to.equal('sent');
    if (submitted.status !== 'sent') return;
    expect(submitted.application.status).to.equal('submitted');
    expect(submitted.application.trackingNumber).to.match(/^MFC-\d{4}-\d{6}$/);
    expect(submitted.application.expectedCompletionDate).to.match(/^\d{4}-\d{2}-\d{2}$/);

    const again = await sdk.applications.submit(draft.id).catch((error: unknown) => error);
    expect(isCabinetError(again) && again.code).to.equal('conflict');
    expect(await sdk.applications.pending()).to.deep.equal([], 'a refused write does not linger in the outbox');

    const page = await sdk.applications.list({ status: 'submitted' });
    expect(page.items.map((item) => item.id)).to.deep.equal([draft.id]);
    expect((await sdk.applications.list({ q: submitted.application.trackingNumber! })).total).to.equal(1);
  });

  it('refuses a draft with wrong values field by field, in Russian', async () => {
    const sdk = client();
    await signIn(sdk);
    const service = await simpleService(sdk);
    const draft = await sdk.applications.create(service.id);
    const field = service.form.steps.flatMap((step) => step.fields).find((candidate) => ['snils', 'inn', 'phone', 'date'].includes(candidate.type));
    const error = await sdk.applications.saveDraft(draft.id, { [field!.id]: 'не то' }).catch((caught: unknown) => caught);
    expect(isCabinetError(error) && error.code).to.equal('validation_failed');
    if (!isCabinetError(error)) return;
    expect(error.fieldErrors[0]?.field).to.equal(field!.id);
    expect(error.fieldErrors[0]?.message).to.match(/[а-яё]/i);
    expect(await sdk.applications.pending()).to.deep.equal([]);
  });

  it('shows another citizen’s application as not found', async () => {
    const owner = client();
    await signIn(owner);
    const draft = await owner.applications.create((await simpleService(owner)).id);
    await owner.auth.logout();
    const stranger = client();
    await signIn(stranger);
    const error = await stranger.applications.get(draft.id).catch((caught: unknown) => caught);
    expect(isCabinetError(error) && error.code).to.equal('not_found');
  });

  it('queues a draft save and a submission made offline and sends them once on reconnect', async () => {
    const { network, fetch } = switchableNetwork();
    const sdk = client({ fetch });
    await signIn(sdk);
    const service = await simpleService(sdk);
    const draft = await sdk.applications.create(service.id);

    network.offline = true;
    const saved = await sdk.applications.saveDraft(draft.id, completeValues(service.form));
    expect(saved.status).to.equal('queued');
    expect(saved.application?.values, 'the local copy has the change').to.deep.include(completeValues(service.form));
    const queued = await sdk.applications.submit(draft.id);
    expect(queued.status).to.equal('queued');
    expect((await sdk.applications.pending()).map((write) => write.kind)).to.deep.equal(['save-draft', 'submit']);

    network.offline = false;
    window.dispatchEvent(new Event('online'));
    await waitFor(() => network.requests.some((request) => request.endsWith('/submit')), 5000, 'the replayed submission');
    await sdk.applications.flush();
    expect(await sdk.applications.pending()).to.deep.equal([]);
    const application = await sdk.applications.get(draft.id);
    expect(application.status).to.equal('submitted');
    expect(application.history.filter((step) => step.to === 'submitted')).to.have.length(1);
    expect(network.requests.filter((request) => request.endsWith('/submit'))).to.have.length(1);
  });

  it('never makes a second application when the answer to a submission was lost', async () => {
    const { network, fetch } = switchableNetwork();
    const sdk = client({ fetch });
    await signIn(sdk);
    const service = await simpleService(sdk);
    const draft = await sdk.applications.create(service.id);
    await sdk.applications.saveDraft(draft.id, completeValues(service.form));

    network.loseAnswers = true;
    expect((await sdk.applications.submit(draft.id)).status).to.equal('queued');
    network.loseAnswers = false;
    await sdk.applications.flush();

    expect(network.requests.filter((request) => request.endsWith('/submit'))).to.have.length(2, 'sent, then replayed');
    expect(await sdk.applications.pending()).to.deep.equal([], 'the replay was accepted as the same submission');
    const { items } = await sdk.applications.list();
    expect(items.filter((item) => item.id === draft.id && item.status === 'submitted')).to.have.length(1);
    expect((await sdk.applications.get(draft.id)).history.filter((step) => step.to === 'submitted')).to.have.length(1);
  });

  it('keeps queued writes across a reload, encrypted at rest', async () => {
    const { network, fetch } = switchableNetwork();
    const first = client({ fetch });
    const account = await signIn(first);
    const service = await simpleService(first);
    const draft = await first.applications.create(service.id);
    network.offline = true;
    const secret = { ...completeValues(service.form) };
    const textField = service.form.steps.flatMap((step) => step.fields).find((field) => field.type === 'text' || field.type === 'textarea');
    if (textField) secret[textField.id] = 'Приметная-строка-7391';
    expect((await first.applications.saveDraft(draft.id, secret)).status).to.equal('queued');

    // What is on disk: a non-extractable key, and records that do not contain the text.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open(dbOf(account));
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
    const read = <T>(store: string, method: 'getAll' | 'get', key?: string) =>
      new Promise<T>((resolve) => {
        const request = key === undefined ? raw.transaction(store).objectStore(store).getAll() : raw.transaction(store).objectStore(store).get(key);
        request.onsuccess = () => resolve(request.result as T);
      });
    const key = await read<CryptoKey>('keys', 'get', 'aes');
    expect(key.extractable).to.equal(false);
    expect(key.algorithm.name).to.equal('AES-GCM');
    const stored = [...(await read<{ body: { data: ArrayBuffer } }[]>('outbox', 'getAll')).map((write) => write.body.data)];
    stored.push(...(await read<{ sealed: { data: ArrayBuffer } }[]>('records', 'getAll')).map((record) => record.sealed.data));
    expect(stored.length).to.be.greaterThan(1);
    for (const data of stored) expect(new TextDecoder().decode(data)).not.to.include('Приметная');
    raw.close();

    // The page is closed and opened again, online: the new client sends what was queued.
    first.close();
    const second = client();
    await second.auth.refresh();
    await waitFor(() => second.auth.state.status === 'signed-in', 5000, 'the session');
    await second.applications.flush();
    expect(await second.applications.pending()).to.deep.equal([]);
    expect((await second.applications.get(draft.id)).values).to.deep.include(secret);
  });

  it('shares changes and the outbox between tabs', async () => {
    const { network, fetch } = switchableNetwork();
    const tabA = client({ fetch });
    const account = await signIn(tabA);
    const tabB = client();
    await tabB.auth.refresh();
    expect(tabB.auth.session?.user.id).to.equal(account.id);
    const service = await simpleService(tabA);
    const draft = await tabA.applications.create(service.id);

    const seenInB: Application[] = [];
    const pendingInB: number[] = [];
    const stop = new AbortController();
    await tabB.applications.watch(draft.id, (application) => seenInB.push(application), { signal: stop.signal });
    await tabB.applications.watchPending((writes) => pendingInB.push(writes.length), { signal: stop.signal });
    const values = completeValues(service.form);
    const hasValues = (application: Application) => Object.entries(values).every(([id, value]) => JSON.stringify(application.values[id]) === JSON.stringify(value));

    // Tab A is offline: its save waits in the outbox both tabs share, and tab B sees it at once.
    network.offline = true;
    expect((await tabA.applications.saveDraft(draft.id, values)).status).to.equal('queued');
    await waitFor(() => pendingInB.at(-1) === 1, 5000, 'tab B to see the queued write');
    await waitFor(() => seenInB.some(hasValues), 5000, 'tab B to see the local change');

    // Tab B is online and sends it; tab A's outbox is empty too.
    await tabB.applications.flush();
    expect(await tabA.applications.pending()).to.deep.equal([]);
    await waitFor(() => pendingInB.at(-1) === 0, 5000, 'tab B to see the outbox empty');
    network.offline = false;
    expect(hasValues(await tabA.applications.get(draft.id))).to.equal(true);
    stop.abort();
  });

  it('answers from the cache at once, then from the server (stale-while-revalidate)', async () => {
    const { network, fetch } = switchableNetwork();
    const sdk = client({ fetch });
    await signIn(sdk);
    const draft = await sdk.applications.create((await simpleService(sdk)).id);
    await sdk.applications.list();

    network.offline = true;
    const updates: { stale: boolean }[] = [];
    const errors: string[] = [];
    const stop = new AbortController();
    await sdk.applications.watchList({}, (_page, info) => updates.push(info), { signal: stop.signal, onError: (error) => errors.push(error.code) });
    expect(updates).to.deep.equal([{ stale: true }], 'the cached page, offline');
    expect(errors).to.deep.equal(['network']);
    const seen: Application[] = [];
    await sdk.applications.watch(draft.id, (application) => seen.push(application), { signal: stop.signal });
    expect(seen.map((application) => application.id)).to.deep.equal([draft.id]);

    network.offline = false;
    const fresh: boolean[] = [];
    await sdk.applications.watch(draft.id, (_application, info) => fresh.push(info.stale), { signal: stop.signal });
    expect(fresh).to.deep.equal([true, false]);
    stop.abort();
  });

  it('prepares ahead of the first read: the code loads and the citizen’s cache opens, asking the network nothing', async () => {
    const first = client();
    const account = await signIn(first);
    await first.applications.list();
    first.close();

    const requests: string[] = [];
    const opened: string[] = [];
    const open = indexedDB.open.bind(indexedDB);
    indexedDB.open = (name: string, version?: number) => (opened.push(name), open(name, version));
    try {
      // The next page: the client knows who was signed in here, not yet whether they still are.
      const next = client({ fetch: (input, init) => (requests.push(new Request(input, init).url), fetch(input, init)) });
      next.prepare('auth', 'applications');
      await waitFor(() => opened.includes(dbOf(account)), 5000, 'the citizen’s cache opened');
      expect(requests).to.deep.equal([]);
    } finally {
      indexedDB.open = open;
    }
  });

  it('wipes the citizen’s data at logout, also offline, and tells the server later', async () => {
    const { network, fetch } = switchableNetwork();
    const sdk = client({ fetch });
    const account = await signIn(sdk);
    await sdk.applications.create((await simpleService(sdk)).id);
    expect(await databaseExists(dbOf(account))).to.equal(true);

    network.offline = true;
    await sdk.auth.logout();
    expect(sdk.auth.state).to.deep.equal({ status: 'signed-out', reason: 'logout' });
    await waitFor(() => true);
    await waitForAsync(async () => !(await databaseExists(dbOf(account))), 'the citizen’s database to be deleted');

    // Back online, a new page does not find the citizen signed in: the server was told first.
    network.offline = false;
    const later = client();
    expect((await later.auth.refresh()).status).to.equal('signed-out');
    const { session } = await (await fetch('/api/v1/auth/session', { credentials: 'include' })).json();
    expect(session).to.equal(null);
  });

  it('keeps the outbox when the session merely expires, and sends it when the same citizen signs in', async () => {
    const { network, fetch } = switchableNetwork();
    const sdk = client({ fetch });
    const account = await signIn(sdk);
    const service = await simpleService(sdk);
    const draft = await sdk.applications.create(service.id);
    network.offline = true;
    expect((await sdk.applications.saveDraft(draft.id, completeValues(service.form))).status).to.equal('queued');

    await advanceClock(31 * 60_000);
    network.offline = false;
    await sdk.auth.refresh();
    expect(sdk.auth.state).to.deep.equal({ status: 'signed-out', reason: 'expired' });
    expect(await databaseExists(dbOf(account))).to.equal(true);

    await signIn(sdk, account);
    await waitFor(() => network.requests.some((request) => request.endsWith('/draft')), 5000, 'the replayed save');
    await sdk.applications.flush();
    expect((await sdk.applications.get(draft.id)).values).to.deep.include(completeValues(service.form));
  });

  it('keeps a withdrawal when a read begun before it is answered after it', async () => {
    // GETs of one application are held until released: the read the watch begins is
    // answered (by the server, before the withdrawal) but delivered only after it.
    let hold: string | undefined;
    const held: (() => void)[] = [];
    const sdk = client({
      fetch: async (input, init) => {
        const request = input instanceof Request ? input : new Request(input, init);
        const response = await fetch(input, init);
        if (hold && request.method === 'GET' && new URL(request.url).pathname.endsWith(`/applications/${hold}`)) await new Promise<void>((resolve) => held.push(resolve));
        return response;
      },
    });
    await signIn(sdk);
    const service = await simpleService(sdk);
    const draft = await sdk.applications.create(service.id);
    await sdk.applications.saveDraft(draft.id, completeValues(service.form));
    const sent = await sdk.applications.submit(draft.id);
    if (sent.status !== 'sent') throw new Error('not sent');

    hold = draft.id;
    const seen: string[] = [];
    const stop = new AbortController();
    const watching = sdk.applications.watch(draft.id, (application) => seen.push(application.status), { signal: stop.signal });
    await waitFor(() => held.length === 1, undefined, 'the read to be answered');
    hold = undefined;
    expect((await sdk.applications.withdraw(draft.id)).status).to.equal('withdrawn');
    await waitFor(() => seen.at(-1) === 'withdrawn', undefined, 'the withdrawal told');
    held.splice(0).forEach((release) => release());
    await watching;
    expect(seen.at(-1), 'the older read does not overwrite the withdrawal').to.equal('withdrawn');
    expect((await sdk.applications.get(draft.id)).status).to.equal('withdrawn');
    stop.abort();
  });

  it('lets an operator find, read and move a submitted application', async () => {
    const citizen = client();
    await signIn(citizen);
    const service = await simpleService(citizen);
    const draft = await citizen.applications.create(service.id);
    await citizen.applications.saveDraft(draft.id, completeValues(service.form));
    const sent = await citizen.applications.submit(draft.id);
    if (sent.status !== 'sent') throw new Error('not sent');

    const staff = createCabinetClient({ baseUrl: '/api/v1', cache: 'memory' });
    const operatorAccount = await createAccount({ role: 'operator', level: 'confirmed', secondFactor: null });
    // The same page holds both sessions' cookies only one at a time: the operator signs in last.
    await staff.auth.login({ identifier: operatorAccount.phone, password: operatorAccount.password });
    const operator = operatorClient(staff);
    const page = await operator.applications({ q: sent.application.trackingNumber! });
    expect(page.items.map((item) => item.id)).to.deep.equal([draft.id]);
    expect((await operator.application(draft.id)).values).to.deep.include(completeValues(service.form));
    const moved = await operator.move(draft.id, { to: 'in_review', comment: 'Принято в работу' });
    expect(moved.history.at(-1)).to.include({ from: 'submitted', to: 'in_review', comment: 'Принято в работу' });
    const illegal = await operator.move(draft.id, { to: 'completed' }).catch((caught: unknown) => caught);
    expect(isCabinetError(illegal) && illegal.code).to.equal('conflict');
    await staff.auth.logout();
    staff.close();
  });

  it('turns an answer that does not fit the contract into invalid_response', async () => {
    const garbage: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'GET' && /\/applications\/[^/]+$/.test(new URL(request.url).pathname)) {
        return new Response(JSON.stringify({ id: 42, status: 'lost' }), { headers: { 'content-type': 'application/json' } });
      }
      return fetch(request);
    };
    const sdk = client({ fetch: garbage });
    await signIn(sdk);
    const draft = await sdk.applications.create((await simpleService(sdk)).id);
    const error = await sdk.applications.get(draft.id).catch((caught: unknown) => caught);
    expect(isCabinetError(error) && error.code).to.equal('invalid_response');
  });

  it('asks nothing the server would refuse: signed out, reads fail with unauthenticated and no request answers 401', async () => {
    const answered: { path: string; status: number }[] = [];
    const sdk = client({
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        answered.push({ path: new URL(input instanceof Request ? input.url : String(input), location.href).pathname, status: response.status });
        return response;
      },
    });
    // Nothing known yet: the list waits for the one session check the page makes.
    const [list, detail, documents] = await Promise.all(
      [sdk.applications.list(), sdk.applications.get('x'), sdk.documents.list()].map((read) => read.catch((caught: unknown) => caught)),
    );
    for (const error of [list, detail, documents]) expect(isCabinetError(error) && error.code).to.equal('unauthenticated');
    const failures: unknown[] = [];
    const controller = new AbortController();
    await sdk.applications.watchList({}, () => undefined, { signal: controller.signal, onError: (error) => failures.push(error) });
    controller.abort();
    expect(failures.map((error) => isCabinetError(error) && error.code)).to.deep.equal(['unauthenticated']);
    expect(answered.map(({ path }) => path)).to.deep.equal(['/api/v1/auth/session']);
    expect(answered.filter(({ status }) => status === 401)).to.deep.equal([]);

    // Signed in, the same reads go to the server.
    await signIn(sdk);
    expect((await sdk.applications.list()).items).to.be.an('array');
  });

  it('writes nothing for nobody: signed out, a write is refused', async () => {
    const sdk = client();
    await sdk.auth.refresh();
    const error = await sdk.applications.saveDraft('x', {}).catch((caught: unknown) => caught);
    expect(isCabinetError(error) && error.code).to.equal('unauthenticated');
    expect(sdk.applications.exportUrl('pdf')).to.equal(new URL('/api/v1/applications/export.pdf', location.href).href);
  });
});
