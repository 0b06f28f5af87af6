import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { uploadDocumentHeader, VaultDocumentList } from '@mfc-cabinet/core/schemas';
import { assertProblem, signIn, signedIn, startServer, type TestServer } from './helpers.js';
import { documentsField, draft, sampleJpeg, samples, service, serviceWithLimits, TusClient } from './documents-helpers.js';

let server: TestServer;
let documentsDir: string;
before(async () => {
  documentsDir = mkdtempSync(join(tmpdir(), 'mfc-documents-test-'));
  server = await startServer({ DOCUMENTS_DIR: documentsDir, ALLOWED_ORIGINS: 'https://gorod.example' });
});
after(async () => {
  await server.close();
  rmSync(documentsDir, { recursive: true, force: true });
});

const day = 24 * 3_600_000;
const uploadsDir = () => join(documentsDir, 'uploads');
const vaultDir = () => join(documentsDir, 'vault');
const idOf = (url: string) => url.split('/').at(-1)!;
/** The files of the upload `url` in the tus store (its bytes and its record). */
const storedUpload = (url: string) => readdirSync(uploadsDir()).filter((name) => name.startsWith(idOf(url)));

/** Resolves once the tus store holds some bytes of the upload `url` (20 s at most). */
async function bytesArrived(url: string): Promise<void> {
  const file = join(uploadsDir(), idOf(url));
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
    if (existsSync(file) && statSync(file).size > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no byte of ${url} reached the store`);
}

/** A failed HEAD: its status and a problem's type, without the body HEAD never has. */
function assertHead(response: LightMyRequestResponse, status: number): void {
  assert.equal(response.statusCode, status, response.body);
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
  assert.equal(response.headers['tus-resumable'], '1.0.0');
}

async function citizenTus(level?: 'simplified' | 'standard' | 'confirmed'): Promise<TusClient> {
  return new TusClient(await signedIn(server, level ? { level } : {}));
}

async function vault(tus: TusClient): Promise<VaultDocumentList> {
  const response = await tus.citizen.browser.get('/api/v1/documents');
  assert.equal(response.statusCode, 200, response.body);
  return VaultDocumentList.parse(response.json());
}

describe('the tus endpoint', () => {
  test('OPTIONS tells the protocol and its extensions, without a session', async () => {
    const response = await server.browser().request({ method: 'OPTIONS', url: '/api/v1/uploads' });
    assert.equal(response.statusCode, 204, response.body);
    assert.equal(response.headers['tus-version'], '1.0.0');
    const extensions = String(response.headers['tus-extension']).split(',');
    for (const extension of ['creation', 'creation-with-upload', 'termination', 'expiration']) assert.ok(extensions.includes(extension), extension);
    assert.equal(response.headers['tus-max-size'], String(50 * 1024 * 1024));
    assert.equal(response.headers['access-control-allow-origin'], undefined, 'CORS is the API’s own, not tus’s');
  });

  test('a page on an allowed origin may send the tus headers and read the answers’', async () => {
    const tus = await citizenTus();
    const origin = 'https://gorod.example';
    const preflight = await server.browser().request({
      method: 'OPTIONS',
      url: '/api/v1/uploads/0123456789abcdef0123456789abcdef',
      headers: { origin, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'tus-resumable,upload-offset,content-type,x-csrf-token' },
    });
    assert.equal(preflight.statusCode, 204);
    assert.match(String(preflight.headers['access-control-allow-methods']), /PATCH/);
    assert.match(String(preflight.headers['access-control-allow-headers']), /upload-offset/);
    const created = await tus.create(100, { filename: 'a.pdf', kind: 'other' }, undefined, { origin });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.headers['access-control-allow-origin'], origin);
    const exposed = String(created.headers['access-control-expose-headers']).split(', ');
    for (const header of ['location', 'upload-offset', 'upload-expires', uploadDocumentHeader]) assert.ok(exposed.includes(header), header);
    const elsewhere = await tus.create(100, { filename: 'a.pdf', kind: 'other' }, undefined, { origin: 'https://evil.example' });
    assertProblem(elsewhere, 403, 'csrf_failed');
  });

  test('an upload in chunks becomes a document, byte for byte, typed by its content', async () => {
    const tus = await citizenTus();
    const bytes = samples.pdf(5000);
    const created = await tus.create(bytes.length, { filename: 'Паспорт.pdf', kind: 'passport', filetype: 'application/pdf' });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.headers['tus-resumable'], '1.0.0');
    const url = String(created.headers.location);
    const expires = Date.parse(String(created.headers['upload-expires']));
    assert.ok(expires > Date.now() + day - 3_600_000, 'expires in a day');

    const first = await tus.patch(url, 0, bytes.subarray(0, 2048));
    assert.equal(first.statusCode, 204, first.body);
    assert.equal(first.headers['upload-offset'], '2048');
    assert.ok(first.headers['upload-expires']);
    const head = await tus.head(url);
    assert.equal(head.statusCode, 200);
    assert.equal(head.headers['upload-offset'], '2048');
    assert.equal(head.headers['upload-length'], String(bytes.length));
    assert.equal(head.headers['cache-control'], 'no-store');
    assert.deepEqual((await vault(tus)).documents, [], 'not in the vault until finished');

    const last = await tus.patch(url, 2048, bytes.subarray(2048));
    assert.equal(last.statusCode, 204, last.body);
    assert.equal(last.headers['upload-offset'], String(bytes.length));
    const documentId = String(last.headers[uploadDocumentHeader]);
    const [document] = (await vault(tus)).documents;
    assert.deepEqual(
      { ...document, createdAt: undefined },
      { id: documentId, kind: 'passport', name: 'Паспорт.pdf', size: bytes.length, fileType: 'pdf', applicationId: null, issuedBy: null, attachedTo: [], createdAt: undefined },
    );
    assert.deepEqual(storedUpload(url), [], 'the upload’s bytes moved into the vault');

    const content = await tus.citizen.browser.get(`/api/v1/documents/${documentId}/content`);
    assert.equal(content.statusCode, 200);
    assert.equal(content.headers['content-type'], 'application/pdf');
    assert.match(String(content.headers['content-disposition']), /^attachment; filename="_+\.pdf"; filename\*=UTF-8''%D0%9F/);
    assert.ok(content.rawPayload.equals(bytes), 'byte for byte');

    const again = await tus.head(url);
    assert.equal(again.statusCode, 200, 'a client that lost the last answer learns the upload is done');
    assert.equal(again.headers['upload-offset'], String(bytes.length));
    assert.equal(again.headers[uploadDocumentHeader], documentId);
    const repeated = await tus.patch(url, bytes.length, Buffer.alloc(0));
    assert.equal(repeated.statusCode, 204, 'a repeated last PATCH of no bytes succeeds');
    assertProblem(await tus.terminate(url), 409, 'conflict');
  });

  test('creation-with-upload takes the whole file with the POST', async () => {
    const tus = await citizenTus();
    const bytes = samples.jpg(1500);
    const response = await tus.create(bytes.length, { filename: 'photo.jpeg', kind: 'photo' }, bytes);
    assert.equal(response.statusCode, 201, response.body);
    const documentId = String(response.headers[uploadDocumentHeader]);
    const document = (await vault(tus)).documents.find(({ id }) => id === documentId);
    assert.equal(document?.fileType, 'jpg');
    assert.equal(document?.name, 'photo.jpeg');
  });

  test('needs the session, its CSRF token and Tus-Resumable', async () => {
    const tus = await citizenTus();
    const headers = { 'tus-resumable': '1.0.0', 'upload-length': '10', 'upload-metadata': 'filename YS5wZGY=,kind b3RoZXI=' };
    assertProblem(await server.browser().request({ method: 'POST', url: '/api/v1/uploads', headers }), 401, 'unauthenticated');
    assertProblem(await tus.citizen.browser.request({ method: 'POST', url: '/api/v1/uploads', headers }), 403, 'csrf_failed');
    const url = await tus.start(samples.pdf(1000));
    assertProblem(await tus.citizen.browser.request({ method: 'PATCH', url, headers: { 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, payload: samples.pdf(1000) }), 403, 'csrf_failed');
    assertProblem(await tus.citizen.browser.request({ method: 'DELETE', url, headers: { 'tus-resumable': '1.0.0' } }), 403, 'csrf_failed');
    const noVersion = await tus.citizen.browser.request({ method: 'POST', url: '/api/v1/uploads', headers: { ...tus.citizen.csrf, 'upload-length': '10' } });
    assert.equal(noVersion.statusCode, 412);
    assert.equal(noVersion.json().code, 'malformed_request');
    assert.match(noVersion.json().detail, /Tus-Resumable/);
  });

  test('the metadata must say the file’s name and kind; «result» is the МФЦ’s', async () => {
    const tus = await citizenTus();
    const missing = assertProblem(await tus.create(100, { filetype: 'application/pdf' }), 400, 'validation_failed');
    assert.deepEqual(
      (missing.errors as Array<{ field: string; code: string }>).map(({ field, code }) => `${field}:${code}`),
      ['metadata.filename:required', 'metadata.kind:required'],
    );
    const result = assertProblem(await tus.create(100, { filename: 'a.pdf', kind: 'result' }), 400, 'validation_failed');
    assert.equal((result.errors as Array<{ field: string }>)[0]?.field, 'metadata.kind');
    const half = assertProblem(await tus.create(100, { filename: 'a.pdf', kind: 'other', applicationId: 'x' }), 400, 'validation_failed');
    assert.equal((half.errors as Array<{ field: string }>)[0]?.field, 'metadata.fieldId');
  });
});

describe('content checks', () => {
  test('a PNG named .pdf and declared application/pdf is kept as the PNG it is, where PNG is allowed', async () => {
    const tus = await citizenTus();
    const document = await tus.document(samples.png(3000), { filename: 'scan.pdf', kind: 'snils', filetype: 'application/pdf' });
    assert.equal(document.fileType, 'png');
    assert.equal(document.name, 'scan.png', 'the extension tells what the bytes are');
    const content = await tus.citizen.browser.get(`/api/v1/documents/${document.id}/content`);
    assert.equal(content.headers['content-type'], 'image/png');
  });

  test('a PNG named .pdf is refused where only PDF is allowed, and deleted', async () => {
    const tus = await citizenTus();
    const pdfOnly = await serviceWithLimits(server, 'maternity-capital', { accept: ['pdf'] });
    const application = await draft(tus.citizen, pdfOnly.id);
    const meta = { filename: 'scan.pdf', kind: 'Свидетельство о рождении ребёнка', filetype: 'application/pdf', applicationId: application.id, fieldId: documentsField(pdfOnly).id };
    const bytes = samples.png(3000);
    const url = await tus.start(bytes, meta);
    const refused = assertProblem(await tus.patch(url, 0, bytes), 415, 'file_type_not_allowed');
    assert.equal(refused.detail, 'PNG здесь не подходит: нужен PDF');
    assert.equal(refused.status, 415);
    assert.deepEqual(storedUpload(url), [], 'its bytes are deleted');
    assertHead(await tus.head(url), 404);
    assert.deepEqual((await vault(tus)).documents, []);

    const document = await tus.document(samples.pdf(3000), { ...meta, filename: 'scan.pdf' });
    assert.equal(document.fileType, 'pdf');
  });

  test('a file that is none of the types is refused, saying which are allowed', async () => {
    const tus = await citizenTus();
    const response = await tus.send(samples.exe(3000), { filename: 'passport.jpg', kind: 'passport', filetype: 'image/jpeg' });
    const problem = assertProblem(response, 415, 'file_type_not_allowed');
    assert.equal(problem.detail, 'Это не PDF, JPG или PNG');
    const empty = await tus.create(0, { filename: 'empty.pdf', kind: 'passport' });
    assert.equal(assertProblem(empty, 415, 'file_type_not_allowed').detail, 'Файл пустой');
  });

  test('a fake PDF (its signature, then HTML) is refused as no PDF, and nothing of it stays', async () => {
    const tus = await citizenTus();
    const html = Buffer.from('%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>\n'.padEnd(3000, ' '), 'latin1');
    const stored = new Set(readdirSync(vaultDir()));
    const url = await tus.start(html, { filename: 'scan.pdf', kind: 'passport' });
    const refused = assertProblem(await tus.patch(url, 0, html), 415, 'file_type_not_allowed');
    assert.equal(refused.detail, 'Файл повреждён или это не PDF');
    assert.deepEqual(storedUpload(url), [], 'its bytes are deleted');
    assert.deepEqual(readdirSync(vaultDir()).filter((name) => !stored.has(name)), [], 'nothing reached the vault');
    assertHead(await tus.head(url), 404);
    assert.deepEqual((await vault(tus)).documents, []);
    const five = await tus.send(Buffer.from('%PDF-', 'latin1'), { filename: 'tiny.pdf', kind: 'passport' });
    assert.equal(assertProblem(five, 415, 'file_type_not_allowed').detail, 'Файл повреждён или это не PDF');
  });

  test('a PNG with HTML after its end is stored without the HTML, with its true size', async () => {
    const tus = await citizenTus();
    const png = samples.png(2000);
    const html = Buffer.from('<html><script>alert(1)</script></html>\n'.repeat(20), 'latin1');
    const sent = Buffer.concat([png, html]);
    const url = await tus.start(sent, { filename: 'photo.png', kind: 'snils' });
    assert.equal((await tus.patch(url, 0, sent.subarray(0, 1000))).statusCode, 204);
    const response = await tus.patch(url, 1000, sent.subarray(1000));
    assert.equal(response.statusCode, 204, response.body);
    const id = String(response.headers[uploadDocumentHeader]);
    const [document] = (await vault(tus)).documents;
    assert.equal(document?.id, id);
    assert.equal(document.size, png.length);
    assert.equal(statSync(join(vaultDir(), id)).size, png.length);
    const content = await tus.citizen.browser.get(`/api/v1/documents/${id}/content`);
    assert.equal(content.statusCode, 200);
    assert.equal(content.headers['content-length'], String(png.length));
    assert.deepEqual(content.rawPayload, png);
    // A client that lost the last answer still sees the upload complete at the length it sent.
    const head = await tus.head(url);
    assert.equal(head.statusCode, 200);
    assert.equal(head.headers['upload-offset'], String(sent.length));
    assert.equal(head.headers[uploadDocumentHeader], id);
  });

  test('a Motion Photo (a JPEG and then its video) is kept as the photo, without the video', async () => {
    const tus = await citizenTus();
    const photo = sampleJpeg(2000);
    const video = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42\0\0\0\0mp42isom', 'latin1'), Buffer.alloc(3000, 0xd9)]);
    const document = await tus.document(Buffer.concat([photo, video]), { filename: 'PXL_20260101_motion.jpg', kind: 'passport' });
    assert.equal(document.fileType, 'jpg');
    assert.equal(document.size, photo.length);
    const content = await tus.citizen.browser.get(`/api/v1/documents/${document.id}/content`);
    assert.deepEqual(content.rawPayload, photo);
  });

  test('an oversized file is refused before a byte is sent, with the limit of its service', async () => {
    const tus = await citizenTus();
    const before = readdirSync(uploadsDir()).length;
    const problem = assertProblem(await tus.create(5 * 1024 * 1024 + 1, { filename: 'big.pdf', kind: 'passport' }), 413, 'file_too_large');
    assert.equal(problem.detail, 'Файл больше 5 МБ');
    assert.equal(readdirSync(uploadsDir()).length, before, 'nothing stored');

    const small = await serviceWithLimits(server, 'maternity-capital', { maxSize: 1024 * 1024 });
    const application = await draft(tus.citizen, small.id);
    const meta = { filename: 'big.pdf', kind: 'other', applicationId: application.id, fieldId: documentsField(small).id };
    assert.equal(assertProblem(await tus.create(1024 * 1024 + 1, meta), 413, 'file_too_large').detail, 'Файл больше 1 МБ');

    // A deferred length is held to the same limit when it is declared.
    const deferred = await tus.create(null, meta);
    assert.equal(deferred.statusCode, 201, deferred.body);
    const url = String(deferred.headers.location);
    const tooLong = await tus.patch(url, 0, samples.pdf(1000), { 'upload-length': String(1024 * 1024 + 1) });
    assert.equal(assertProblem(tooLong, 413, 'file_too_large').detail, 'Файл больше 1 МБ');
    const fits = await tus.patch(url, 0, samples.pdf(1000), { 'upload-length': '1000' });
    assert.equal(fits.statusCode, 204, fits.body);
    assert.ok(fits.headers[uploadDocumentHeader]);
  });

  test('DOCX is refused where the service does not take it, accepted where it does', async () => {
    const tus = await citizenTus('confirmed');
    const refused = assertProblem(await tus.send(samples.docx(), { filename: 'Устав.docx', kind: 'Устав' }), 415, 'file_type_not_allowed');
    assert.equal(refused.detail, 'DOCX здесь не подходит: нужен PDF, JPG или PNG');

    const company = await service(server, 'legal-entity-registration');
    const field = documentsField(company);
    assert.deepEqual(field.accept, ['pdf', 'jpg', 'png', 'doc', 'docx']);
    assert.equal(field.maxSize, 20 * 1024 * 1024);
    assert.equal(field.hint, 'PDF, JPG, PNG, DOC или DOCX, до 20 МБ каждый');
    const application = await draft(tus.citizen, company.id);
    const meta = { filename: 'Устав.docx', kind: 'Устав', applicationId: application.id, fieldId: field.id };
    const document = await tus.document(samples.docx(), meta);
    assert.equal(document.fileType, 'docx');
    assert.equal(document.name, 'Устав.docx');
    const content = await tus.citizen.browser.get(`/api/v1/documents/${document.id}/content`);
    assert.equal(content.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');

    const big = samples.pdf(6 * 1024 * 1024);
    const large = await tus.create(big.length, { ...meta, filename: 'scan.pdf' }, big);
    assert.equal(large.statusCode, 201, 'up to 20 MB for this service');
    assert.ok(large.headers[uploadDocumentHeader]);
  });

  test('limits from an application need the citizen’s own draft and a documents field of its form', async () => {
    const tus = await citizenTus();
    const other = new TusClient(await signedIn(server));
    const maternity = await service(server, 'maternity-capital');
    const application = await draft(other.citizen, maternity.id);
    const fieldId = documentsField(maternity).id;
    assertProblem(await tus.create(100, { filename: 'a.pdf', kind: 'other', applicationId: application.id, fieldId }), 404, 'not_found');
    const own = await draft(tus.citizen, maternity.id);
    const wrong = assertProblem(await tus.create(100, { filename: 'a.pdf', kind: 'other', applicationId: own.id, fieldId: 'lastName' }), 400, 'validation_failed');
    assert.equal((wrong.errors as Array<{ field: string }>)[0]?.field, 'metadata.fieldId');
  });
});

describe('resuming, expiry and termination', () => {
  test('offsets that do not match are 409, and nothing is written', async () => {
    const tus = await citizenTus();
    const bytes = samples.pdf(2000);
    const url = await tus.start(bytes);
    assert.equal((await tus.patch(url, 0, bytes.subarray(0, 500))).statusCode, 204);
    const ahead = await tus.patch(url, 1000, bytes.subarray(1000));
    const problem = assertProblem(ahead, 409, 'conflict');
    assert.match(String(problem.detail), /Upload-Offset/);
    assert.equal(ahead.headers['tus-resumable'], '1.0.0');
    assertProblem(await tus.patch(url, 0, bytes), 409, 'conflict');
    assert.equal((await tus.head(url)).headers['upload-offset'], '500');
    const rest = await tus.patch(url, 500, bytes.subarray(500));
    assert.equal(rest.statusCode, 204, rest.body);
    assert.ok(rest.headers[uploadDocumentHeader]);
  });

  test('a truncated upload never reaches the vault and expires after a day, its bytes purged', async () => {
    const tus = await citizenTus();
    const bytes = samples.pdf(3000);
    const url = await tus.start(bytes);
    assert.equal((await tus.patch(url, 0, bytes.subarray(0, 1200))).statusCode, 204);
    assert.equal((await tus.head(url)).headers['upload-offset'], '1200');
    assert.deepEqual((await vault(tus)).documents, []);
    const abandoned = await tus.start(samples.pdf(800));
    assert.equal(storedUpload(abandoned).length, 2, 'bytes and record');

    await server.advance(day - 60_000);
    // The session ended meanwhile: the citizen signs in again, the upload waits.
    tus.citizen.csrf['x-csrf-token'] = (await signIn(tus.citizen.browser, tus.citizen.account)).csrfToken;
    assert.equal((await tus.head(url)).statusCode, 200, 'still kept within the day');
    await server.advance(60_000);
    assertHead(await tus.head(url), 410);
    assert.deepEqual(storedUpload(url), [], 'its bytes are deleted');
    assertProblem(await tus.patch(url, 1200, bytes.subarray(1200)), 404, 'not_found');

    // The other abandoned upload goes in the background purge that a new upload starts.
    await tus.start(samples.pdf(1000));
    await server.settled();
    assert.deepEqual(storedUpload(abandoned), []);
    assertHead(await tus.head(abandoned), 404);
    assert.deepEqual((await vault(tus)).documents, []);
  });

  test('termination deletes an unfinished upload', async () => {
    const tus = await citizenTus();
    const bytes = samples.png(2000);
    const url = await tus.start(bytes);
    await tus.patch(url, 0, bytes.subarray(0, 1000));
    const response = await tus.terminate(url);
    assert.equal(response.statusCode, 204, response.body);
    assert.equal(response.headers['tus-resumable'], '1.0.0');
    assert.deepEqual(storedUpload(url), []);
    assertHead(await tus.head(url), 404);
    assertProblem(await tus.patch(url, 1000, bytes.subarray(1000)), 404, 'not_found');
  });

  test('another account’s upload id is not_found, and the upload is untouched', async () => {
    const owner = await citizenTus();
    const stranger = await citizenTus();
    const bytes = samples.pdf(2000);
    const url = await owner.start(bytes);
    await owner.patch(url, 0, bytes.subarray(0, 1000));
    assertHead(await stranger.head(url), 404);
    assertProblem(await stranger.patch(url, 1000, bytes.subarray(1000)), 404, 'not_found');
    assertProblem(await stranger.terminate(url), 404, 'not_found');
    assert.equal((await owner.head(url)).headers['upload-offset'], '1000');
    const finished = await owner.patch(url, 1000, bytes.subarray(1000));
    assert.equal(finished.statusCode, 204);
    assertHead(await stranger.head(url), 404);
    assertProblem(await stranger.citizen.browser.get(`/api/v1/documents/${String(finished.headers[uploadDocumentHeader])}`), 404, 'not_found');
    assertHead(await stranger.head('/api/v1/uploads/..%2F..%2Fetc%2Fpasswd'), 404);
  });

  test('a path-traversal name is only a name: the file is stored under its id', async () => {
    const tus = await citizenTus();
    const document = await tus.document(samples.pdf(1000), { filename: '../../etc/passwd', kind: 'other' });
    assert.equal(document.name, 'passwd.pdf');
    assert.ok(existsSync(join(vaultDir(), document.id)));
    assert.ok(!existsSync(join(documentsDir, 'etc')) && !existsSync(join(documentsDir, '..', 'etc', 'passwd.pdf')));
    const windows = await tus.document(samples.png(1000), { filename: 'C:\\Users\\ivan\\..\\\u202egnp.exe', kind: 'other' });
    assert.equal(windows.name, 'gnp.png', 'no folders, no right-to-left override, the extension of a PNG');
    const dots = await tus.document(samples.pdf(1000), { filename: '..', kind: 'other' });
    assert.equal(dots.name, 'документ.pdf');
    assert.deepEqual(readdirSync(vaultDir()).filter((name) => !/^[0-9a-f-]{36}$/.test(name)), [], 'only ids in the vault folder');
  });

  test('a dropped connection keeps the bytes that arrived; the upload resumes from there', async () => {
    const tus = await citizenTus();
    const bytes = samples.pdf(200_000);
    const url = await tus.start(bytes);
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = server.app.server.address() as AddressInfo;
    const cookie = [...tus.citizen.browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    await new Promise<void>((resolve) => {
      const request = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'PATCH',
        path: url,
        headers: { ...tus.citizen.csrf, cookie, 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream', 'content-length': String(bytes.length) },
      });
      request.on('error', () => resolve());
      request.on('response', () => resolve());
      // The connection drops once the server has written some of the bytes (however busy the machine).
      request.write(bytes.subarray(0, 80_000), () => void bytesArrived(url).then(() => request.destroy()));
    });
    // The server notices the dropped connection and lets go of the upload.
    let offset = 0;
    for (let attempt = 0; attempt < 200 && offset === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const head = await tus.head(url);
      if (head.statusCode === 200) offset = Number(head.headers['upload-offset']);
    }
    assert.ok(offset > 0 && offset <= 80_000, `kept ${offset} bytes`);
    const rest = await tus.patch(url, offset, bytes.subarray(offset));
    assert.equal(rest.statusCode, 204, rest.body);
    const content = await tus.citizen.browser.get(`/api/v1/documents/${String(rest.headers[uploadDocumentHeader])}/content`);
    assert.ok(content.rawPayload.equals(bytes), 'byte for byte identical');
  });
});
