/**
 * What the documents tests share: sample files that are what they say (a PDF that parses,
 * images that decode), a small tus client over `inject`, and applications to attach
 * documents to.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import jpeg from 'jpeg-js';
import type { FormDefinition, FormField, Service } from '@mfc-cabinet/core/catalog-schemas';
import { Application, VaultDocument, uploadDocumentHeader } from '@mfc-cabinet/core/schemas';
import { signedIn, type TestServer } from './helpers.js';
import { completeValues } from '../../../test-support/form-values.js';
import { filled, samplePdf, samplePng } from '../../../test-support/sample-pdf.js';

export { completeValues };

export type Citizen = Awaited<ReturnType<typeof signedIn>>;

/** `size` bytes starting with `head`, the rest a pattern (so that offsets show in the content). */
function fileOf(head: number[] | string, size: number): Buffer {
  const start = typeof head === 'string' ? Buffer.from(head, 'latin1') : Buffer.from(head);
  const bytes = Buffer.alloc(Math.max(size, start.length));
  for (let index = 0; index < bytes.length; index++) bytes[index] = (index * 31 + 7) % 251;
  start.copy(bytes);
  return bytes;
}

/** A JPEG of 8×8 pixels (jpeg-js), padded to `size` bytes with comment segments after its start. */
export function sampleJpeg(size?: number, { width = 8, height = 8 } = {}): Buffer {
  const pixels = Buffer.alloc(width * height * 4);
  for (let at = 0; at < pixels.length; at++) pixels[at] = (at * 37) % 256;
  const image = Buffer.from(jpeg.encode({ data: pixels, width, height }, 90).data);
  if (size === undefined) return image;
  const comments: Buffer[] = [];
  for (let left = size - image.length; left > 0; ) {
    // A segment is at least 4 bytes (marker and length) and at most 65537.
    const length = Math.min(left, 65537);
    const take = left - length > 0 && left - length < 4 ? length - 4 : length;
    if (take < 4) throw new RangeError(`a sample JPEG of ${size} bytes cannot be made`);
    comments.push(Buffer.concat([Buffer.from([0xff, 0xfe, (take - 2) >> 8, (take - 2) & 0xff]), Buffer.from(filled(take - 4, 'pattern'))]));
    left -= take;
  }
  if (size < image.length) throw new RangeError(`a sample JPEG of ${size} bytes cannot be made (at least ${image.length})`);
  return Buffer.concat([image.subarray(0, 2), ...comments, image.subarray(2)]);
}

export const samples = {
  /** A one-page PDF that parses. */
  pdf: (size = 3000) => Buffer.from(samplePdf({ size, filler: 'pattern' })),
  /** A PNG that decodes. */
  png: (size = 2000) => Buffer.from(samplePng({ size, filler: 'pattern' })),
  /** A JPEG that decodes. */
  jpg: (size = 2000) => sampleJpeg(size),
  /** A ZIP whose first parts are those of a Word document. */
  docx: (size = 4000) => {
    const entry = (name: string) =>
      Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from([20, 0, 0, 0, 8, 0]), Buffer.alloc(18), Buffer.from([name.length, 0, 0, 0]), Buffer.from(name), Buffer.from([1, 2, 3, 4])]);
    return fileOf([...Buffer.concat([entry('[Content_Types].xml'), entry('_rels/.rels'), entry('word/document.xml')])], size);
  },
  exe: (size = 2000) => fileOf('MZ\x90\x00', size),
};

/** The tus `Upload-Metadata` of `values`. */
export function metadata(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`)
    .join(',');
}

const tus = { 'tus-resumable': '1.0.0' };
const octets = { 'content-type': 'application/offset+octet-stream' };

/** A tus client of one signed-in browser. */
export class TusClient {
  constructor(readonly citizen: Citizen) {}

  options(): Promise<LightMyRequestResponse> {
    return this.citizen.browser.request({ method: 'OPTIONS', url: '/api/v1/uploads' });
  }

  /** Starts an upload of `length` bytes (`null`: deferred); `body` sends the first bytes with it. */
  create(length: number | null, meta: Record<string, string>, body?: Buffer, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.citizen.browser.request({
      method: 'POST',
      url: '/api/v1/uploads',
      headers: {
        ...tus,
        ...this.citizen.csrf,
        ...(length === null ? { 'upload-defer-length': '1' } : { 'upload-length': String(length) }),
        'upload-metadata': metadata(meta),
        ...(body ? octets : {}),
        ...headers,
      },
      ...(body ? { payload: body } : {}),
    });
  }

  patch(url: string, offset: number, bytes: Buffer, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.citizen.browser.request({
      method: 'PATCH',
      url,
      headers: { ...tus, ...this.citizen.csrf, ...octets, 'upload-offset': String(offset), ...headers },
      payload: bytes,
    });
  }

  head(url: string): Promise<LightMyRequestResponse> {
    return this.citizen.browser.request({ method: 'HEAD', url, headers: tus });
  }

  terminate(url: string): Promise<LightMyRequestResponse> {
    return this.citizen.browser.request({ method: 'DELETE', url, headers: { ...tus, ...this.citizen.csrf } });
  }

  /** Starts an upload of `bytes` and asserts it was created; returns its URL. */
  async start(bytes: Buffer, meta: Record<string, string> = { filename: 'scan.pdf', kind: 'passport' }): Promise<string> {
    const response = await this.create(bytes.length, meta);
    assert.equal(response.statusCode, 201, response.body);
    const location = String(response.headers.location);
    assert.match(location, /^\/api\/v1\/uploads\/[0-9a-f]{32}$/);
    return location;
  }

  /** Uploads `bytes` in chunks of `chunk` bytes; returns the answer to the last PATCH. */
  async send(bytes: Buffer, meta?: Record<string, string>, chunk = 1024): Promise<LightMyRequestResponse> {
    const url = await this.start(bytes, meta);
    let response: LightMyRequestResponse | undefined;
    for (let offset = 0; offset < bytes.length; offset += chunk) {
      response = await this.patch(url, offset, bytes.subarray(offset, offset + chunk));
      if (response.statusCode !== 204) return response;
    }
    assert.ok(response);
    return response;
  }

  /** Uploads `bytes` and asserts a document came of it; returns the document. */
  async document(bytes: Buffer, meta?: Record<string, string>): Promise<VaultDocument> {
    const response = await this.send(bytes, meta);
    assert.equal(response.statusCode, 204, response.body);
    const id = String(response.headers[uploadDocumentHeader]);
    const found = await this.citizen.browser.get(`/api/v1/documents/${id}`);
    assert.equal(found.statusCode, 200, found.body);
    return VaultDocument.parse(found.json());
  }
}

/** The documents field of a service's form. */
export function documentsField(service: Service): FormField {
  const field = service.form.steps.flatMap((step) => step.fields).find((candidate) => candidate.type === 'documents');
  assert.ok(field, `${service.id} has a documents field`);
  return field;
}

export async function service(server: TestServer, id: string): Promise<Service> {
  const response = await server.browser().get(`/api/v1/catalog/services/${id}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as Service;
}

/**
 * A copy of the service `from` whose documents field takes only what `field` says, for the
 * cases the seeded catalog has no service for (PDF only, a small limit).
 */
export async function serviceWithLimits(server: TestServer, from: string, limits: Pick<FormField, 'accept' | 'maxSize'>): Promise<Service> {
  const source = await server.db.selectFrom('services').selectAll().where('id', '=', from).executeTakeFirstOrThrow();
  const form = JSON.parse(source.form) as FormDefinition;
  for (const step of form.steps) step.fields = step.fields.map((field) => (field.type === 'documents' ? { ...field, ...limits } : field));
  const id = `test-${randomUUID().slice(0, 8)}`;
  await server.db.insertInto('services').values({ ...source, id, form: JSON.stringify(form) }).execute();
  await server.db.insertInto('serviceDeliveryMethods').values({ serviceId: id, method: 'online' }).execute();
  return service(server, id);
}

export async function draft(citizen: Citizen, serviceId: string): Promise<Application> {
  const response = await citizen.browser.post('/api/v1/applications', { serviceId }, citizen.csrf);
  assert.equal(response.statusCode, 201, response.body);
  return Application.parse(response.json());
}


export function attach(citizen: Citizen, documentId: string, applicationId: string, fieldId: string): Promise<LightMyRequestResponse> {
  return citizen.browser.post(`/api/v1/documents/${documentId}/attach`, { applicationId, fieldId }, citizen.csrf);
}

/** Fills the draft in, the document in its documents field, and submits it. */
export async function submitWith(citizen: Citizen, service: Service, documentId: string): Promise<Application> {
  const application = await draft(citizen, service.id);
  const values = completeValues(service.form, []);
  const saved = await citizen.browser.request({
    method: 'PUT',
    url: `/api/v1/applications/${application.id}/draft`,
    payload: { values: Object.fromEntries(Object.entries(values).filter(([, value]) => !Array.isArray(value))) },
    headers: citizen.csrf,
  });
  assert.equal(saved.statusCode, 200, saved.body);
  const attached = await attach(citizen, documentId, application.id, documentsField(service).id);
  assert.equal(attached.statusCode, 200, attached.body);
  const submitted = await citizen.browser.post(`/api/v1/applications/${application.id}/submit`, undefined, { ...citizen.csrf, 'idempotency-key': randomUUID() });
  assert.equal(submitted.statusCode, 200, submitted.body);
  return Application.parse(submitted.json());
}

/** Moves an application as an operator. */
export async function move(server: TestServer, id: string, body: unknown): Promise<Application> {
  const operator = await signedIn(server, { role: 'operator', level: 'confirmed' });
  const response = await operator.browser.post(`/api/v1/operator/applications/${id}/transitions`, body, operator.csrf);
  assert.equal(response.statusCode, 200, response.body);
  return Application.parse(response.json());
}
