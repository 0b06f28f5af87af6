import { expect } from '@open-wc/testing';
import { createAccount, waitFor, type TestAccount } from '../../../../test-support/cabinet-api.js';
import { userDbName } from '../cache/user-db.js';
import { clientsPerTest, signIn } from '../../../../test-support/clients.js';
import { samplePdf } from '../../../../test-support/sample-pdf.js';
import type { CabinetClient } from '../client.js';
import { isCabinetError } from '../errors.js';

const client = clientsPerTest();

const chunkSize = 256 * 1024;
const fastRetries = [20, 50, 100];

/** A valid PDF (the server parses it) of `size` bytes whose content is unlike any other. */
function pdfFile(size: number, name = 'скан паспорта.pdf'): File {
  return new File([samplePdf({ size, filler: 'random' })], name, { type: 'application/pdf' });
}

const pngHead = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * A `fetch` that records requests (method, path, bytes sent) and can be told what to do
 * with the n-th PATCH: lose its answer (the server got the bytes), or fail before sending.
 */
function flakyNetwork() {
  const state = {
    offline: false,
    requests: [] as { method: string; path: string; bytes: number }[],
    patches: 0,
    /** PATCH numbers (1-based) whose answer is lost after the server acted. */
    loseAnswerOf: new Set<number>(),
    /** PATCH numbers that fail before anything is sent. */
    dropBefore: new Set<number>(),
    /** After this many PATCHes, the network is gone. */
    offlineAfterPatches: Infinity,
  };
  const fetchThrough: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    if (state.offline) throw new TypeError('Failed to fetch');
    if (request.method === 'PATCH') {
      state.patches += 1;
      if (state.dropBefore.has(state.patches)) throw new TypeError('Failed to fetch');
      if (state.patches > state.offlineAfterPatches) {
        state.offline = true;
        throw new TypeError('Failed to fetch');
      }
    }
    const body = request.method === 'PATCH' ? await request.clone().arrayBuffer() : undefined;
    state.requests.push({ method: request.method, path, bytes: body?.byteLength ?? 0 });
    const response = await fetch(request);
    if (request.method === 'PATCH' && state.loseAnswerOf.has(state.patches)) throw new TypeError('Failed to fetch');
    return response;
  };
  return { network: state, fetch: fetchThrough };
}

async function contentOf(sdk: CabinetClient, id: string): Promise<Uint8Array> {
  const response = await fetch(sdk.documents.contentUrl(id), { credentials: 'include' });
  expect(response.status).to.equal(200);
  return new Uint8Array(await response.arrayBuffer());
}

async function sameBytes(file: Blob, stored: Uint8Array): Promise<void> {
  const original = new Uint8Array(await file.arrayBuffer());
  expect(stored.length).to.equal(original.length);
  expect(stored.every((byte, index) => byte === original[index]), 'byte for byte').to.equal(true);
}

describe('client.documents against the real server', () => {
  it('resumes an interrupted upload from the server’s offset, byte for byte', async () => {
    const { network, fetch } = flakyNetwork();
    const sdk = client({ fetch });
    await signIn(sdk);
    const file = pdfFile(8 * chunkSize + 12345);
    network.loseAnswerOf.add(3); // the server got chunk 3, the answer never arrived
    network.dropBefore.add(6); // chunk 6 never left
    const progress: number[] = [];
    const retries: string[] = [];
    const document = await sdk.documents.upload(file, {
      kind: 'passport',
      chunkSize,
      retryDelays: fastRetries,
      onProgress: ({ sent, total }) => {
        expect(total).to.equal(file.size);
        progress.push(sent);
      },
      onRetry: ({ error }) => retries.push(error.code),
    });
    expect(document).to.include({ kind: 'passport', name: 'скан паспорта.pdf', size: file.size, fileType: 'pdf' });
    expect(retries).to.deep.equal(['network', 'network']);
    expect(progress[0]).to.equal(0);
    expect(progress.at(-1)).to.equal(file.size);
    const heads = network.requests.filter((request) => request.method === 'HEAD');
    expect(heads.length).to.equal(2, 'the offset is asked after each failure');
    const sent = network.requests.filter((request) => request.method === 'PATCH').reduce((sum, request) => sum + request.bytes, 0);
    expect(sent).to.equal(file.size, 'no byte is sent twice: the lost answer’s chunk is known to the server');
    await sameBytes(file, await contentOf(sdk, document.id));
    expect(await sdk.documents.pendingUploads()).to.deep.equal([]);
    expect((await sdk.documents.list()).map((listed) => listed.id)).to.include(document.id);
  });

  it('resumes after a reload with the file kept encrypted, without picking it again', async () => {
    const { network, fetch } = flakyNetwork();
    const first = client({ fetch });
    const account = await signIn(first);
    const file = pdfFile(6 * chunkSize + 1);
    network.offlineAfterPatches = 2;
    const failure = await first.documents.upload(file, { kind: 'snils', chunkSize, retryDelays: [] }).catch((error: unknown) => error);
    expect(isCabinetError(failure) && failure.code).to.equal('network');
    const [pending] = await first.documents.pendingUploads();
    expect(pending).to.include({ name: 'скан паспорта.pdf', size: file.size, kind: 'snils', sent: 2 * chunkSize, active: false });

    // At rest: only ciphertext of the file.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open(userDbName(new URL('/api/v1/', location.href).href, account.id));
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
    const files = await new Promise<{ sealed: { data: ArrayBuffer } }[]>((resolve) => {
      const request = raw.transaction('uploadFiles').objectStore('uploadFiles').getAll();
      request.onsuccess = () => resolve(request.result as { sealed: { data: ArrayBuffer } }[]);
    });
    raw.close();
    expect(files).to.have.length(1);
    expect(new TextDecoder().decode(files[0]!.sealed.data.slice(0, 16))).not.to.include('%PDF');

    first.close();
    const second = client();
    await second.auth.refresh();
    await waitFor(() => second.auth.state.status === 'signed-in', 5000, 'the session');
    const listed = await second.documents.pendingUploads();
    expect(listed.map((upload) => upload.id)).to.deep.equal([pending!.id]);
    const progress: number[] = [];
    const document = await second.documents.resume(pending!.id, { chunkSize, onProgress: ({ sent }) => progress.push(sent) });
    expect(progress[0]).to.equal(2 * chunkSize, 'it starts where the first page stopped');
    expect(progress[1]).to.equal(3 * chunkSize);
    await sameBytes(file, await contentOf(second, document.id));
    expect(await second.documents.pendingUploads()).to.deep.equal([]);
  });

  it('refuses a wrong file before any request, in Russian', async () => {
    const { network, fetch } = flakyNetwork();
    const sdk = client({ fetch });
    await signIn(sdk);
    const before = network.requests.length;
    const png = new File([new Uint8Array([...pngHead, ...new Uint8Array(2000)])], 'паспорт.pdf', { type: 'application/pdf' });
    const refused = await sdk.documents.upload(png, { kind: 'passport', limits: { accept: ['pdf'] } }).catch((error: unknown) => error);
    expect(isCabinetError(refused) && refused.code).to.equal('file_type_not_allowed');
    expect((refused as Error).message).to.equal('PNG здесь не подходит: нужен PDF');
    const large = await sdk.documents.upload(pdfFile(5 * 1024 * 1024 + 1), { kind: 'passport' }).catch((error: unknown) => error);
    expect(isCabinetError(large) && large.code).to.equal('file_too_large');
    expect((large as Error).message).to.equal('Файл больше 5 МБ');
    expect(network.requests.slice(before)).to.deep.equal([]);
    expect(await sdk.documents.pendingUploads()).to.deep.equal([]);
  });

  it('cancels: the upload is deleted on the server and forgotten here', async () => {
    const { network, fetch } = flakyNetwork();
    const sdk = client({ fetch });
    await signIn(sdk);
    const stop = new AbortController();
    const cancelled = await sdk.documents
      .upload(pdfFile(4 * chunkSize), { kind: 'passport', chunkSize, signal: stop.signal, onProgress: ({ sent }) => sent > 0 && stop.abort() })
      .catch((error: unknown) => error);
    expect(isCabinetError(cancelled) && cancelled.code).to.equal('aborted');
    const path = network.requests.find((request) => request.method === 'PATCH')!.path;
    expect(network.requests.filter((request) => request.method === 'DELETE').map((request) => request.path)).to.deep.equal([path]);
    const head = await globalThis.fetch(path, { method: 'HEAD', headers: { 'tus-resumable': '1.0.0' } });
    expect(head.status).to.equal(404);
    expect(await sdk.documents.pendingUploads()).to.deep.equal([]);
  });

  it('cancels a pending upload by its id', async () => {
    const { network, fetch } = flakyNetwork();
    const sdk = client({ fetch });
    await signIn(sdk);
    network.offlineAfterPatches = 1;
    await sdk.documents.upload(pdfFile(3 * chunkSize), { kind: 'passport', chunkSize, retryDelays: [] }).catch(() => undefined);
    const [pending] = await sdk.documents.pendingUploads();
    network.offline = false;
    network.offlineAfterPatches = Infinity;
    await sdk.documents.cancel(pending!.id);
    expect(network.requests.at(-1)?.method).to.equal('DELETE');
    expect(await sdk.documents.pendingUploads()).to.deep.equal([]);
  });

  it('logout wipes pending uploads', async () => {
    const { network, fetch } = flakyNetwork();
    const first = client({ fetch });
    const account = await signIn(first);
    network.offlineAfterPatches = 1;
    await first.documents.upload(pdfFile(3 * chunkSize), { kind: 'passport', chunkSize, retryDelays: [] }).catch(() => undefined);
    expect(await first.documents.pendingUploads()).to.have.length(1);
    network.offline = false;
    network.offlineAfterPatches = Infinity;
    await first.auth.logout();
    expect(await first.documents.pendingUploads()).to.deep.equal([]);
    const second = client();
    await signIn(second, account);
    expect(await second.documents.pendingUploads()).to.deep.equal([]);
  });

  it('lists, gets and removes documents of the vault', async () => {
    const sdk = client();
    await signIn(sdk);
    const document = await sdk.documents.upload(pdfFile(1000, 'устав.pdf'), { kind: 'passport' });
    expect(await sdk.documents.get(document.id)).to.deep.equal(document);
    expect((await sdk.documents.list({ kind: 'passport' })).map((listed) => listed.id)).to.deep.equal([document.id]);
    expect(await sdk.documents.list({ kind: 'snils' })).to.deep.equal([]);
    await sdk.documents.remove(document.id);
    const gone = await sdk.documents.get(document.id).catch((error: unknown) => error);
    expect(isCabinetError(gone) && gone.code).to.equal('not_found');
  });
});
