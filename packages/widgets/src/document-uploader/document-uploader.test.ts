import { createCabinetClient, type CabinetClient } from '@mfc-cabinet/core';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createAccount, waitFor } from '../../../../test-support/cabinet-api.js';
import { samplePdf } from '../../../../test-support/sample-pdf.js';
import '../mfc-document-uploader.js';
import type { MfcDocumentUploader } from './document-uploader.js';

const clients: CabinetClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) {
    if (client.auth.state.status === 'signed-in') await client.auth.logout().catch(() => undefined);
    client.close();
  }
  localStorage.clear();
});

/** A signed-in client whose requests are recorded. */
async function signedIn(): Promise<{ client: CabinetClient; requests: string[] }> {
  const requests: string[] = [];
  const account = await createAccount({ secondFactor: null });
  const client = createCabinetClient({
    baseUrl: '/api/v1',
    fetch: (input, init) => {
      const request = new Request(input, init);
      requests.push(`${request.method} ${new URL(request.url).pathname}`);
      return fetch(request);
    },
  });
  clients.push(client);
  await client.auth.login({ identifier: account.phone, password: account.password });
  return { client, requests };
}

/** A valid PDF (the server parses it) of `size` bytes. */
function pdf(size: number, name = 'паспорт.pdf'): File {
  return new File([samplePdf({ size })], name, { type: 'application/pdf' });
}

const png = (name: string) => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], name, { type: 'application/pdf' });

function pick(element: MfcDocumentUploader, ...files: File[]): void {
  const input = element.shadowRoot!.querySelector<HTMLInputElement>('#choose')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const text = (element: MfcDocumentUploader) => element.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('<mfc-document-uploader>', () => {
  it('uploads a picked file with progress, fires mfc-upload-complete and becomes the form’s value', async () => {
    const { client } = await signedIn();
    const form = await fixture<HTMLFormElement>(html`<form>
      <mfc-document-uploader .client=${client} name="docs" kind="passport" accept="pdf,jpg" required></mfc-document-uploader>
    </form>`);
    const element = form.querySelector('mfc-document-uploader')!;
    await element.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    expect(element.validity.valueMissing).to.equal(true);
    expect(element.validationMessage).to.equal('Приложите документ');
    expect(text(element)).to.include('PDF или JPG, до 5 МБ');

    const completed = oneEvent(element, 'mfc-upload-complete');
    pick(element, pdf(3 * 1024 * 1024));
    await waitFor(() => element.shadowRoot!.querySelector('progress') !== null, 10_000, 'the progress bar');
    const progress = element.shadowRoot!.querySelector('progress')!;
    expect(progress.getAttribute('aria-label')).to.match(/^Загружается: \d+ %: паспорт\.pdf$/);
    const { detail } = await completed;
    expect(detail.document).to.include({ name: 'паспорт.pdf', kind: 'passport', fileType: 'pdf' });
    await element.updateComplete;
    expect(element.value).to.deep.equal([detail.document.id]);
    expect(new FormData(form).getAll('docs')).to.deep.equal([detail.document.id]);
    expect(form.checkValidity()).to.equal(true);
    expect(text(element)).to.include('Загружен');
    expect(element.shadowRoot!.querySelector('[role="status"]')!.textContent).to.include('Файл паспорт.pdf загружен');
    await expect(element).to.be.accessible();
  });

  it('makes one creation request per file, none of them aborted', async () => {
    // Every request of the client, with how it ended: its status, or «aborted» once its signal fired.
    const account = await createAccount({ secondFactor: null });
    const log: Array<{ request: string; outcome: string }> = [];
    const client = createCabinetClient({
      baseUrl: '/api/v1',
      fetch: (input, init) => {
        const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
        const url = new URL(input instanceof Request ? input.url : String(input), location.href);
        const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
        const entry = { request: `${method} ${url.pathname}`, outcome: 'pending' };
        log.push(entry);
        signal?.addEventListener('abort', () => void (entry.outcome = 'aborted'), { once: true });
        return fetch(input, init).then(
          (response) => {
            if (entry.outcome === 'pending') entry.outcome = String(response.status);
            return response;
          },
          (error: unknown) => {
            if (entry.outcome === 'pending') entry.outcome = `failed: ${String(error)}`;
            throw error;
          },
        );
      },
    });
    clients.push(client);
    await client.auth.login({ identifier: account.phone, password: account.password });
    const element = await fixture<MfcDocumentUploader>(html`<mfc-document-uploader .client=${client} kind="passport"></mfc-document-uploader>`);
    let completed = 0;
    element.addEventListener('mfc-upload-complete', () => (completed += 1));
    pick(element, pdf(300 * 1024, 'первый.pdf'), pdf(200 * 1024, 'второй.pdf'));
    await waitFor(() => completed === 2, 20_000, 'both uploads');
    const uploads = log.filter(({ request }) => request.includes('/uploads'));
    const creations = uploads.filter(({ request }) => request === 'POST /api/v1/uploads');
    expect(creations.map(({ outcome }) => outcome), 'one creation per file, each answered 201').to.deep.equal(['201', '201']);
    expect(uploads.filter(({ outcome }) => !['201', '204'].includes(outcome)), 'no upload request aborted or failed').to.deep.equal([]);
    expect(log.filter(({ outcome }) => outcome === 'aborted'), 'no request aborted at all').to.deep.equal([]);
  });

  it('refuses a wrong or too large file at once, in plain Russian', async () => {
    const { client, requests } = await signedIn();
    const element = await fixture<MfcDocumentUploader>(
      html`<mfc-document-uploader .client=${client} accept="pdf" max-size="1048576"></mfc-document-uploader>`,
    );
    const before = requests.length;
    pick(element, png('снимок.pdf'), pdf(1048577, 'большой.pdf'));
    await waitFor(() => element.shadowRoot!.querySelectorAll('[part="file-error"]').length === 2, 10_000, 'both refusals');
    const errors = [...element.shadowRoot!.querySelectorAll('[part="file-error"]')].map((node) => node.textContent);
    expect(errors).to.deep.equal(['Это не PDF', 'Файл больше 1 МБ']);
    expect(requests.slice(before).filter((request) => request.includes('/uploads'))).to.deep.equal([]);
    expect(element.value).to.deep.equal([]);
    await expect(element).to.be.accessible();
  });

  it('offers a document of the vault instead of uploading again', async () => {
    const { client } = await signedIn();
    const uploaded = await client.documents.upload(pdf(2000, 'снилс.pdf'), { kind: 'snils' });
    const element = await fixture<MfcDocumentUploader>(html`<mfc-document-uploader .client=${client} name="docs"></mfc-document-uploader>`);
    const open = [...element.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent!.includes('Выбрать из загруженных'))!;
    open.click();
    await waitFor(() => element.shadowRoot!.querySelector('[part="vault"] button') !== null, 10_000, 'the vault');
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part="vault"] button')!.click();
    await element.updateComplete;
    expect(element.value).to.deep.equal([uploaded.id]);
    await expect(element).to.be.accessible();
  });

  it('lists an upload cut off by a reload and continues it', async () => {
    const { client } = await signedIn();
    let cut = false;
    const flaky = createCabinetClient({
      baseUrl: '/api/v1',
      fetch: (input, init) => {
        // The method without reading the request (a Request made from it would take its body).
        const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
        if (method.toUpperCase() === 'PATCH') {
          if (cut) return Promise.reject(new TypeError('Failed to fetch'));
          cut = true;
        }
        return fetch(input, init);
      },
    });
    clients.push(flaky);
    await flaky.auth.refresh();
    await flaky.documents.upload(pdf(3 * 1024 * 1024), { kind: 'passport', retryDelays: [] }).catch(() => undefined);
    const element = await fixture<MfcDocumentUploader>(html`<mfc-document-uploader .client=${client} kind="passport"></mfc-document-uploader>`);
    await waitFor(() => text(element).includes('Загрузка прервалась на 33 %'), 10_000, 'the interrupted upload');
    const completed = oneEvent(element, 'mfc-upload-complete');
    [...element.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent!.includes('Продолжить'))!.click();
    const { detail } = await completed;
    expect(detail.document.size).to.equal(3 * 1024 * 1024);
    await expect(element).to.be.accessible();
  });
});
