import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { ServerHooks } from '../src/feature.js';
import { pdfText } from './pdf-text.js';
import { assertProblem, signedIn, startServer, type TestServer } from './helpers.js';
import { draft, service, type Citizen } from './documents-helpers.js';

/** The accounts each drawing of the PDF was for, in order. */
const renders: string[] = [];
/** The next drawing waits for this flag in its worker thread, and says so. */
let nextHold: { flag: Int32Array; started: () => void } | undefined;

const hooks: ServerHooks = {
  pdfExport: {
    onRender(accountId) {
      renders.push(accountId);
      const hold = nextHold;
      nextHold = undefined;
      hold?.started();
      return hold?.flag;
    },
  },
};

/** Holds the next drawing in its thread until `release()`; `started` resolves when it was handed to the thread. */
function holdNextRender(): { started: Promise<void>; release: () => void } {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  let started!: () => void;
  const promise = new Promise<void>((resolve) => (started = resolve));
  nextHold = { flag, started };
  return {
    started: promise,
    release: () => {
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    },
  };
}

const exportPdf = (citizen: Citizen) => citizen.browser.get('/api/v1/applications/export.pdf');

function assertPdf(response: LightMyRequestResponse): Buffer {
  assert.equal(response.statusCode, 200, response.body);
  assert.equal(response.headers['content-type'], 'application/pdf');
  assert.equal(response.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
  return response.rawPayload;
}

let server: TestServer;
before(async () => {
  server = await startServer({}, { hooks });
});
after(() => server.close());

const maternity = () => service(server, 'maternity-capital');

async function citizenWithDrafts(count: number): Promise<Citizen> {
  const citizen = await signedIn(server);
  const capital = await maternity();
  for (let n = 0; n < count; n++) await draft(citizen, capital.id);
  return citizen;
}

describe('the PDF export', () => {
  test('holds the citizen’s applications, in Cyrillic', async () => {
    const citizen = await citizenWithDrafts(2);
    const text = await pdfText(assertPdf(await exportPdf(citizen)));
    assert.match(text, /^\s*Личный кабинет жителя · МФЦ История заявлений/, 'the header and the title');
    const profile = JSON.parse((await citizen.browser.get('/api/v1/profile')).body) as { lastName: string; firstName: string };
    assert.ok(text.includes(`${profile.lastName} ${profile.firstName}`), 'the citizen’s name');
    assert.match(text, /Сформировано \d\d\.\d\d\.\d{4} \d\d:\d\d · время по часовому поясу GMT\+3 \(Europe\/Moscow\)/, 'local time, as people write it');
    assert.doesNotMatch(text, /UTC|\d{4}-\d\d-\d\d/, 'no UTC, no ISO dates');
    assert.ok(text.includes((await maternity()).title.replace(/\s+/g, ' ')), text);
    assert.equal(text.match(/Черновик/g)?.length, 2, 'two drafts, each said once (no «Черновик · Черновик»)');
  });

  test('while the applications do not change, the same bytes come again without drawing; a change draws a new one', async () => {
    const citizen = await citizenWithDrafts(1);
    const first = assertPdf(await exportPdf(citizen));
    const drawn = renders.filter((id) => id === citizen.account.id).length;
    assert.equal(drawn, 1);
    // A minute later (within the session's idle time), by the server's clock.
    await server.advance(60_000);
    const again = assertPdf(await exportPdf(citizen));
    assert.ok(again.equals(first), 'the same bytes, with the time it was first drawn');
    assert.equal(renders.filter((id) => id === citizen.account.id).length, 1, 'not drawn again');

    await draft(citizen, (await maternity()).id);
    const changed = assertPdf(await exportPdf(citizen));
    assert.ok(!changed.equals(first));
    assert.equal(renders.filter((id) => id === citizen.account.id).length, 2);
    assert.equal((await pdfText(changed)).match(/Черновик/g)?.length, 2, 'the new draft is in it');
  });

  test('a second export of one citizen while the first is drawn is rate_limited with Retry-After', async () => {
    const citizen = await citizenWithDrafts(1);
    const hold = holdNextRender();
    const first = exportPdf(citizen);
    await hold.started;
    const second = await exportPdf(citizen);
    const problem = assertProblem(second, 429, 'rate_limited');
    assert.equal(second.headers['retry-after'], '5');
    assert.equal(problem.retryAfter, 5);
    assert.match(String(problem.detail), /уже формируется/);
    hold.release();
    assertPdf(await first);
    assertPdf(await exportPdf(citizen));
  });

  test('two citizens export at once: both get their PDF', async () => {
    const [one, two] = [await citizenWithDrafts(1), await citizenWithDrafts(2)];
    const hold = holdNextRender();
    const first = exportPdf(one);
    await hold.started;
    // The second is drawn by the other thread while the first is held.
    const second = assertPdf(await exportPdf(two));
    hold.release();
    const firstPdf = assertPdf(await first);
    assert.ok(!firstPdf.equals(second));
  });

  test('while a PDF is drawn, other requests are answered', async () => {
    const citizen = await citizenWithDrafts(1);
    const order: string[] = [];
    const hold = holdNextRender();
    const exported = exportPdf(citizen).then((response) => {
      order.push('export');
      return response;
    });
    await hold.started;
    const catalog = await server.browser().get('/api/v1/catalog/services');
    assert.equal(catalog.statusCode, 200, catalog.body);
    order.push('catalog');
    hold.release();
    assertPdf(await exported);
    assert.deepEqual(order, ['catalog', 'export']);
  });
});

describe('a PDF that takes too long', () => {
  let slow: TestServer;
  before(async () => {
    // Long enough to draw a small PDF (the time limit counts once a thread has loaded its module).
    slow = await startServer({ PDF_EXPORT_TIMEOUT_SECONDS: '2' }, { hooks });
  });
  after(() => slow.close());

  test('is server_unavailable in Russian, and the next export is drawn', async () => {
    const citizen = await signedIn(slow);
    const hold = holdNextRender();
    const response = await citizen.browser.get('/api/v1/applications/export.pdf');
    const problem = assertProblem(response, 503, 'server_unavailable');
    assert.equal(problem.detail, 'PDF не удалось сформировать вовремя. Попробуйте позже или скачайте CSV.');
    hold.release();
    // The account's lock is free again, and a new thread draws the next one.
    assertPdf(await citizen.browser.get('/api/v1/applications/export.pdf'));
  });
});
