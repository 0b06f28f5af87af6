#!/usr/bin/env node
// Upload benchmark over loopback: 50 MB through the SDK's tus client (packages/core
// dist/upload/tus.js, the code browsers run, here with Node's fetch and Blob) against the
// real server, next to the same bytes sent raw; then the bytes sent again after a
// connection cut in the middle of a chunk (budget: at most one chunk). The server takes
// files up to 5 MB by default, so the 50 MB go as ten 5 MB PDFs (valid ones: the server parses them). It prints numbers and
// asserts no timing. Run `npm run build:ts` first (npm run bench:upload does it).
import { createServer } from 'node:http';
import { startTestServer } from './test-server.mjs';
import { register } from 'tsx/esm/api';
import { createUpload, sendFile } from '../packages/core/dist/upload/tus.js';
import { CabinetError } from '../packages/core/dist/errors.js';

// The server parses every PDF: the bench sends valid ones, made by the tests' writer (TypeScript, through tsx).
register();
const { samplePdf } = await import('../test-support/sample-pdf.ts');

const fileSize = 5 * 1024 * 1024;
const files = 10;
const chunkSize = 1024 * 1024;
const mb = (bytes) => bytes / (1024 * 1024);

const server = await startTestServer();
const api = `${server.url}/api/v1/`;
try {
  const account = await (await fetch(`${api}test/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ secondFactor: null }) })).json();
  const login = await fetch(`${api}auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: account.phone, password: account.password }),
  });
  const { session } = await login.json();
  const cookie = login.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const headers = { cookie, 'x-csrf-token': session.csrfToken, origin: server.url };

  /** A transport like the SDK's, counting the bytes of every PATCH that left. */
  let patched = 0;
  const counting = (fetchImpl) => ({
    // The SDK's tus client speaks through Http.raw: the method, a URL (maybe relative), headers, a Blob.
    raw: (method, url, init = {}) => {
      const request = { method: method.toUpperCase(), headers: { ...headers, ...init.headers }, ...(init.body ? { body: init.body } : {}), ...(init.signal ? { signal: init.signal } : {}) };
      if (request.method === 'PATCH') patched += init.body.size;
      // A failed connection is the SDK's `network` error, which the tus client retries.
      return fetchImpl(new URL(url, api).href, request).catch((error) => {
        throw new CabinetError('network', { message: 'network', cause: error });
      });
    },
    message: (code) => code,
  });
  const pdf = (seed) => new Blob([samplePdf({ size: fileSize, filler: seed })], { type: 'application/pdf' });
  const upload = async (transport, blob, chunk, name) => {
    const options = { chunkSize: chunk, retryDelays: [10, 50, 100] };
    const url = await createUpload(transport, `${api}uploads`, blob.size, { filename: name, kind: 'bench' }, options);
    return sendFile(transport, url, blob, { offset: 0, documentId: null }, options);
  };
  const time = async (work) => {
    const started = performance.now();
    await work();
    return (performance.now() - started) / 1000;
  };

  const blobs = Array.from({ length: files }, (_, index) => pdf(index + 1));
  // Warm-up: one upload, so that neither measure pays for the first connection.
  await upload(counting(fetch), pdf(99), chunkSize, 'warm-up.pdf');

  const tus = await time(async () => {
    for (const [index, blob] of blobs.entries()) await upload(counting(fetch), blob, chunkSize, `tus-${index}.pdf`);
  });
  const singlePatch = await time(async () => {
    for (const [index, blob] of blobs.entries()) await upload(counting(fetch), blob, fileSize, `single-${index}.pdf`);
  });
  // The ceiling of loopback itself: one PUT of all 50 MB to a server that only reads it.
  const sink = createServer((request, response) => request.on('data', () => undefined).on('end', () => response.end()));
  await new Promise((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const whole = new Blob(blobs);
  const put = await time(() => fetch(`http://127.0.0.1:${sink.address().port}/`, { method: 'PUT', body: whole }).then((response) => response.arrayBuffer()));
  sink.close();

  // A connection cut in the middle of the third chunk: the body stops after half of it.
  patched = 0;
  let patches = 0;
  const cut = counting(async (url, init) => {
    if (init.method === 'PATCH' && ++patches === 3) {
      const half = init.body.slice(0, init.body.size / 2);
      patched -= init.body.size - half.size;
      const body = new ReadableStream({
        async start(controller) {
          controller.enqueue(new Uint8Array(await half.arrayBuffer()));
          setTimeout(() => controller.error(new Error('connection cut')), 100);
        },
      });
      return fetch(url, { ...init, body, duplex: 'half' });
    }
    return fetch(url, init);
  });
  const interrupted = pdf(42);
  await upload(cut, interrupted, chunkSize, 'interrupted.pdf');
  const resent = patched - interrupted.size;

  const total = files * fileSize;
  const row = (label, seconds) => console.log(`${label.padEnd(52)} ${(mb(total) / seconds).toFixed(1).padStart(7)} MB/s  (${seconds.toFixed(2)} s)`);
  console.log(`\nUpload of ${mb(total)} MB over loopback (${files} files of ${mb(fileSize)} MB)\n`);
  row(`tus, ${mb(chunkSize)} MiB chunks (SDK upload client)`, tus);
  row('tus, one PATCH per file (raw single request)', singlePatch);
  row('one PUT of all 50 MB to a local sink (loopback ceiling)', put);
  console.log(`\nCut in the middle of chunk 3 of ${mb(fileSize)} MB: ${resent} bytes sent again (budget: at most one chunk, ${chunkSize})`);
  console.log(resent <= chunkSize ? 'within budget' : 'OVER budget');
} finally {
  await server.stop();
}
