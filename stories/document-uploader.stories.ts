import type { CabinetClient, Locale } from '@mfc-cabinet/core';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fireEvent, fn, waitFor, within } from 'storybook/test';
import '../packages/widgets/src/mfc-document-uploader.js';
import type { MfcDocumentUploader } from '../packages/widgets/src/mfc-document-uploader.js';
import type { TranslationOverrides } from '../packages/widgets/src/i18n/translation.js';
// fake-api.js before fake-documents.js: the two import each other, and fake-api.js builds its routes from the other's.
import { fakeApiOf, storyCabinet } from './support/fake-api.js';
import { documentsOf } from './support/fake-documents.js';
import { findForm, patience, waitForPart } from './support/form-play.js';
import { formatKinds, formatSize } from '../packages/widgets/src/document-uploader/upload-format.js';
import { localeArgType, localeOf, stringsArgType, styleOf, type WidgetArgs } from './support/story-args.js';
import { storyLocale, textFor } from './support/story-text.js';

interface UploaderArgs extends WidgetArgs {
  accept: string;
  'max-size': number;
  'max-files': number;
  kind: string;
  name: string;
  required: boolean;
  'no-vault': boolean;
  dragging: boolean;
  strings: TranslationOverrides | undefined;
  onMfcUploadComplete: (event: Event) => void;
  onMfcError: (event: Event) => void;
  onChange: (event: Event) => void;
}

type Story = StoryObj<UploaderArgs>;

/** An upload cut off before the page was reloaded: kept by the SDK, listed by the widget. */
interface InterruptedUpload {
  name: string;
  /** Bytes. */
  size: number;
  /** Bytes the server had when the connection dropped. */
  at: number;
  kind: string;
}

/** How a story stages the uploads, besides the fake server (`parameters.uploads`). */
interface UploadStaging {
  /** Uploads made (and cut off) before the widget appears, as if before a reload. */
  interrupted?: InterruptedUpload[];
  /**
   * Milliseconds the SDK waits before each try after a dropped connection, instead of its
   * 1 + 2 + 4 + 8 + 16 + 30 seconds: to show the failed state without waiting a minute.
   */
  retryDelays?: number[];
}

// ------------------------------------------------------------------ files

const mib = 1024 * 1024;

/** A PDF of `size` bytes: the signature is all the checks look at. */
function pdf(name: string, size = 200 * 1024): File {
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
  return new File([bytes], name, { type: 'application/pdf' });
}

/** A PNG image (a screenshot). */
function png(name: string): File {
  const bytes = new Uint8Array(4096);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new File([bytes], name, { type: 'image/png' });
}

/** Chooses `files` in the widget's file picker, as the citizen would. */
function pick(uploader: MfcDocumentUploader, ...files: File[]): void {
  const input = uploader.shadowRoot!.querySelector<HTMLInputElement>('#choose')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  fireEvent.change(input);
}

// ------------------------------------------------------------------ the story's cabinet

/** Shortens the SDK's waits before retrying an upload (see {@link UploadStaging.retryDelays}). */
function shortenRetries(client: CabinetClient, retryDelays: number[]): void {
  const { documents } = client;
  const upload = documents.upload.bind(documents);
  const resume = documents.resume.bind(documents);
  Object.defineProperties(documents, {
    upload: { configurable: true, value: (file: File, options: Parameters<typeof upload>[1]) => upload(file, { ...options, retryDelays }) },
    resume: { configurable: true, value: (id: string, options: Parameters<typeof resume>[1] = {}) => resume(id, { ...options, retryDelays }) },
  });
}

/**
 * Before the story renders: the fake server and client, the session known to the client (the
 * vault is the signed-in citizen's), and the uploads a reload cut off.
 */
async function prepareCabinet(context: StoryContext<UploaderArgs>): Promise<Record<string, never>> {
  const { api, client } = storyCabinet(context, fakeApiOf(context), localeOf(context.args, context));
  const staging = (context.parameters['uploads'] as UploadStaging | undefined) ?? {};
  if (staging.retryDelays) shortenRetries(client, staging.retryDelays);
  await client.auth.refresh();
  const vault = documentsOf(api);
  for (const upload of staging.interrupted ?? []) {
    const dropAt = vault.dropAt;
    vault.dropAt = upload.at;
    await client.documents.upload(pdf(upload.name, upload.size), { kind: upload.kind, retryDelays: [] }).catch(() => undefined);
    vault.dropAt = dropAt;
    // The SDK keeps the offset in the background: wait until it is kept, as it is by a reload.
    for (let tries = 0; tries < 50; tries++) {
      const pending = await client.documents.pendingUploads();
      if (pending.some((kept) => kept.name === upload.name && kept.sent >= upload.at)) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  return {};
}

function uploader(args: UploaderArgs, client: CabinetClient, locale: Locale) {
  return html`<mfc-document-uploader
    accept=${ifDefined(args.accept || undefined)}
    max-size=${ifDefined(args['max-size'] || undefined)}
    max-files=${args['max-files']}
    kind=${args.kind}
    name=${args.name}
    ?required=${args.required}
    ?no-vault=${args['no-vault']}
    ?dragging=${args.dragging}
    locale=${locale}
    style=${ifDefined(styleOf(args))}
    .client=${client}
    .strings=${args.strings}
    @mfc-upload-complete=${args.onMfcUploadComplete}
    @mfc-error=${args.onMfcError}
    @change=${args.onChange}
  ></mfc-document-uploader>`;
}

function renderUploader(args: UploaderArgs, context: StoryContext<UploaderArgs>) {
  const locale = localeOf(args, context);
  const { client } = storyCabinet(context, fakeApiOf(context), locale);
  return uploader(args, client, locale);
}

/** The uploader as a field of a page's own form, with its submit button. */
function renderInForm(args: UploaderArgs, context: StoryContext<UploaderArgs>) {
  const locale = localeOf(args, context);
  const { client } = storyCabinet(context, fakeApiOf(context), locale);
  return html`<form aria-label="Заявление" @submit=${(event: Event) => event.preventDefault()}>
    ${uploader(args, client, locale)}
    <p><button type="submit">Отправить заявление</button></p>
  </form>`;
}

// ------------------------------------------------------------------ play steps

async function findUploader(canvasElement: HTMLElement): Promise<MfcDocumentUploader> {
  return findForm(canvasElement, 'mfc-document-uploader');
}

/** What the widget shows, spaces collapsed. */
function textOf(uploader: MfcDocumentUploader): string {
  return (uploader.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
}

async function expectText(uploader: MfcDocumentUploader, text: string | RegExp, timeout = patience): Promise<void> {
  await waitFor(() => expect(textOf(uploader)).toMatch(text), { timeout });
}

/** Queries by role inside the widget's shadow root. */
function screenOf(uploader: MfcDocumentUploader) {
  return within(uploader.shadowRoot as unknown as HTMLElement);
}

/** The file rows in the list, each as its text. */
function fileRows(uploader: MfcDocumentUploader): string[] {
  return [...(uploader.shadowRoot?.querySelectorAll('[part~="files"] > [part~="file"]') ?? [])].map((row) =>
    (row.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

/** Waits until `count` files show `text` (e.g. `text.uploaded`). */
async function expectFiles(uploader: MfcDocumentUploader, text: string, count: number, timeout = patience): Promise<void> {
  await waitFor(() => expect(fileRows(uploader).filter((row) => row.includes(text))).toHaveLength(count), { timeout });
}

/** The errors shown under the files. */
function fileErrors(uploader: MfcDocumentUploader): string[] {
  return [...(uploader.shadowRoot?.querySelectorAll('[part~="file-error"]') ?? [])].map((node) => node.textContent?.trim() ?? '');
}

// ------------------------------------------------------------------ meta

const meta = {
  title: 'Widgets/Document uploader',
  component: 'mfc-document-uploader',
  tags: ['autodocs'],
  render: renderUploader,
  loaders: [prepareCabinet],
  args: {
    accept: '',
    'max-size': 0,
    'max-files': 10,
    kind: 'other',
    name: 'documents',
    required: false,
    'no-vault': false,
    dragging: false,
    locale: 'toolbar',
    strings: undefined,
    onMfcUploadComplete: fn().mockName('mfc-upload-complete'),
    onMfcError: fn().mockName('mfc-error'),
    onChange: fn().mockName('change'),
  },
  argTypes: {
    accept: { description: 'File types accepted, e.g. `pdf,jpg`; PDF, JPG and PNG when empty.', control: 'text', table: { category: 'attributes' } },
    'max-size': { description: 'The largest file in bytes; 5 MB when 0.', control: 'number', table: { category: 'attributes' } },
    'max-files': { description: 'How many documents at most.', control: { type: 'number', min: 1 }, table: { category: 'attributes' } },
    kind: { description: 'What the documents are: `passport`, `snils`, …', control: 'text', table: { category: 'attributes' } },
    name: { description: 'The form field name the documents’ ids are submitted under.', control: 'text', table: { category: 'attributes' } },
    required: { description: 'At least one document is needed for the form to be valid.', control: 'boolean', table: { category: 'attributes' } },
    'no-vault': { description: 'Hides «Выбрать из загруженных».', control: 'boolean', table: { category: 'attributes' } },
    dragging: { description: 'Set while files are dragged over the element.', control: 'boolean', table: { category: 'attributes' } },
    locale: localeArgType,
    strings: stringsArgType('{ "uploaderLabel": "Паспорт" }'),
    onMfcUploadComplete: { table: { disable: true } },
    onMfcError: { table: { disable: true } },
    onChange: { table: { disable: true } },
  },
  parameters: { fakeApi: { signedIn: true } },
} satisfies Meta<UploaderArgs>;

export default meta;

// ------------------------------------------------------------------ empty

/** Nothing chosen yet: where to drop files, the picker, the vault, and the limits. */
export const Empty: Story = {
  name: 'Empty',
  play: async (context) => {
    const uploader = await findUploader(context.canvasElement);
    const text = await textFor(context);
    const locale = storyLocale(context);
    await expectText(uploader, text.dropHint);
    await expect(await waitForPart(uploader, '[part~="hint"]')).toHaveTextContent(
      text.limitsHint(formatKinds(locale, ['pdf', 'jpg', 'png']), formatSize(locale, 5 * mib), 10),
    );
    const base = await waitForPart(uploader, '[part~="base"]');
    await expect(base).toHaveAttribute('role', 'group');
    await expect(await waitForPart(uploader, '#label')).toHaveTextContent(text.uploaderLabel);
    await expect(await waitForPart(uploader, 'label[for="choose"]')).toHaveTextContent(text.chooseFiles);
    await expect(screenOf(uploader).getByRole('button', { name: text.chooseFromVault })).toHaveAttribute('aria-expanded', 'false');
    await expect(uploader.shadowRoot?.querySelector('[part~="files"]')).toBeNull();
  },
};

/** In English (the strings load on demand). */
export const EmptyEnglish: Story = {
  name: 'English: empty',
  args: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const uploader = await findUploader(canvasElement);
    await expectText(uploader, 'Drag files here or choose them on your device.');
    await expect(await waitForPart(uploader, '[part~="hint"]')).toHaveTextContent('PDF, JPG or PNG, up to 5 MB, at most 10 files');
    await expect(await waitForPart(uploader, 'label[for="choose"]')).toHaveTextContent('Choose files');
    await expect(screenOf(uploader).getByRole('button', { name: 'Choose from your documents' })).toBeVisible();
  },
};

/** Files are being dragged over the widget: it says to let go (the `dragging` attribute). */
export const Dragging: Story = {
  name: 'Dragging files over',
  args: { dragging: true },
  play: async (context) => {
    const uploader = await findUploader(context.canvasElement);
    const text = await textFor(context);
    await expect(uploader).toHaveAttribute('dragging');
    await expectText(uploader, text.dropHere);
    await expect(textOf(uploader)).not.toContain(text.dropHint);
  },
};

// ------------------------------------------------------------------ uploading

/**
 * A file on its way, with its progress and «Отменить». (Here the server stops answering at
 * 1 MB of 2.5 MB, so the progress stays at 40 %.)
 */
export const Uploading: Story = {
  name: 'Uploading',
  args: { kind: 'passport' },
  parameters: { fakeApi: { signedIn: true, documents: { holdAt: mib } } },
  play: async (context) => {
    const uploader = await findUploader(context.canvasElement);
    const text = await textFor(context);
    const name = 'Паспорт, страницы 2–3.pdf';
    pick(uploader, pdf(name, 2.5 * mib));
    await expectText(uploader, text.uploading(40));
    const progress = screenOf(uploader).getByRole('progressbar', { name: text.forFile(text.uploading(40), name) });
    await expect(progress).toHaveAttribute('max', String(2.5 * mib));
    await expect(screenOf(uploader).getByRole('button', { name: text.forFile(text.cancel, name) })).toBeVisible();
    await expect(await waitForPart(uploader, '[role="status"]')).toHaveTextContent(text.announceAdded(name));
  },
};

/**
 * Several files at once: those that are not what the field takes are refused at once, before
 * anything is sent, in plain words; the others upload.
 */
export const SomeRefused: Story = {
  name: 'Several files, some refused',
  args: { accept: 'pdf' },
  play: async (context) => {
    const { args } = context;
    const uploader = await findUploader(context.canvasElement);
    const text = await textFor(context);
    const locale = storyLocale(context);
    pick(uploader, pdf('Паспорт.pdf'), png('Снимок экрана.png'), pdf('Трудовая книжка, все страницы.pdf', 6 * mib), pdf('СНИЛС.pdf'));
    await expectFiles(uploader, text.uploaded, 2);
    await waitFor(() => expect(fileErrors(uploader)).toEqual([text.fileWrongType('PDF'), text.fileTooLarge(formatSize(locale, 5 * mib))]), {
      timeout: patience,
    });
    const screen = screenOf(uploader);
    await expect(screen.getByRole('button', { name: text.forFile(text.remove, 'Снимок экрана.png') })).toBeVisible();
    await expect(screen.queryByRole('button', { name: new RegExp(`^${text.retry}`) })).toBeNull();
    await expect(uploader.value).toHaveLength(2);
    await expect(args.onMfcUploadComplete).toHaveBeenCalled();
  },
};

/**
 * The connection dropped and the SDK's retries waited in vain: «Нет связи. Попробуем снова
 * через … с». (Here the connection drops at 1 MB and the next try is 30 s away.)
 */
export const ConnectionLost: Story = {
  name: 'Connection lost, waiting to retry',
  parameters: { fakeApi: { signedIn: true, documents: { dropAt: mib } }, uploads: { retryDelays: [30_000] } },
  play: async (context) => {
    const uploader = await findUploader(context.canvasElement);
    const text = await textFor(context);
    pick(uploader, pdf('Заявление.pdf', 2.5 * mib));
    await expectText(uploader, text.paused(30));
    // The countdown may have moved on by the time the bar is read.
    const paused = text.paused(0).split('0')[0]!;
    await expect(screenOf(uploader).getByRole('progressbar', { name: (name) => name.startsWith(paused) && name.endsWith(': Заявление.pdf') })).toBeVisible();
  },
};

/**
 * The upload failed for the network: the part already sent is kept, and «Повторить» goes on
 * from there. (Here the SDK's retries are cut to one of a second.)
 */
export const NetworkFailed: Story = {
  name: 'Failed: network',
  parameters: { fakeApi: { signedIn: true, documents: { dropAt: mib } }, uploads: { retryDelays: [200] } },
  play: async (context) => {
    const { args } = context;
    const uploader = await findUploader(context.canvasElement);
    const text = await textFor(context);
    pick(uploader, pdf('Заявление.pdf', 2.5 * mib));
    await waitFor(() => expect(fileErrors(uploader)).toEqual([text.errors.network]), { timeout: patience });
    const screen = screenOf(uploader);
    await expect(screen.getByRole('button', { name: text.forFile(text.retry, 'Заявление.pdf') })).toBeVisible();
    await expect(screen.getByRole('button', { name: text.forFile(text.remove, 'Заявление.pdf') })).toBeVisible();
    await expect(args.onMfcError).toHaveBeenCalledWith(
      expect.objectContaining({ detail: expect.objectContaining({ action: 'upload', error: expect.objectContaining({ code: 'network' }) }) }),
    );
  },
};

/**
 * The page was reloaded (or closed) in the middle of an upload: the file was kept on the
 * device, and «Продолжить» sends the rest without choosing it again.
 */
export const Interrupted: Story = {
  name: 'Interrupted by a reload',
  args: { kind: 'passport' },
  parameters: { uploads: { interrupted: [{ name: 'Паспорт, все страницы.pdf', size: 3 * mib, at: mib, kind: 'passport' }] } },
  play: async (context) => {
    const uploader = await findUploader(context.canvasElement);
    const text = await textFor(context);
    await expectText(uploader, text.interrupted(33));
    const screen = screenOf(uploader);
    await expect(screen.getByRole('button', { name: text.forFile(text.resume, 'Паспорт, все страницы.pdf') })).toBeVisible();
    await expect(screen.getByRole('button', { name: text.forFile(text.cancel, 'Паспорт, все страницы.pdf') })).toBeVisible();
  },
};

// ------------------------------------------------------------------ the vault

/** «Выбрать из загруженных»: the documents already in the vault, one chosen. */
export const VaultOpen: Story = {
  name: 'Vault open',
  play: async (context) => {
    const { args } = context;
    const uploader = await findUploader(context.canvasElement);
    const text = await textFor(context);
    fireEvent.click(screenOf(uploader).getByRole('button', { name: text.chooseFromVault }));
    const vault = await waitForPart(uploader, '[part~="vault"]');
    await expect(vault).toHaveTextContent(text.vaultHeading);
    await expect(vault.querySelectorAll('li')).toHaveLength(4);
    await expect(vault).toHaveTextContent('СНИЛС.jpg');
    await expect(vault).toHaveTextContent(`JPG, ${formatSize(storyLocale(context), 412 * 1024)}`);
    const screen = screenOf(uploader);
    const choosePassport = text.forFile(text.choose, 'Паспорт, страницы 2–3.pdf');
    await expect(screen.getByRole('button', { name: text.closeVault })).toHaveAttribute('aria-expanded', 'true');
    fireEvent.click(screen.getByRole('button', { name: choosePassport }));
    await expectFiles(uploader, text.uploaded, 1);
    await expect(screen.getByRole('button', { name: choosePassport })).toBeDisabled();
    await expect(uploader.value).toEqual(['doc-passport']);
    await expect(args.onChange).toHaveBeenCalled();
  },
};

/** The vault has nothing yet. */
export const VaultEmpty: Story = {
  name: 'Vault open, empty',
  parameters: { fakeApi: { signedIn: true, documents: { vault: 'empty' } } },
  play: async (context) => {
    const uploader = await findUploader(context.canvasElement);
    const text = await textFor(context);
    fireEvent.click(screenOf(uploader).getByRole('button', { name: text.chooseFromVault }));
    await expect(await waitForPart(uploader, '[part~="vault"]')).toHaveTextContent(text.vaultEmpty);
  },
};

// ------------------------------------------------------------------ many files, forms, long names

/**
 * Ten files, the most the field takes: two still uploading (the server holds them at 1 MB
 * here), and two more refused.
 */
export const ManyFiles: Story = {
  name: 'Many files',
  parameters: { fakeApi: { signedIn: true, documents: { holdAt: mib } } },
  play: async (context) => {
    const uploader = await findUploader(context.canvasElement);
    const text = await textFor(context);
    const pages = Array.from({ length: 8 }, (_, index) => pdf(`Страница ${index + 1}.pdf`));
    pick(uploader, ...pages, pdf('Договор купли-продажи.pdf', 2 * mib), pdf('Технический паспорт.pdf', 2 * mib), pdf('Ещё страница.pdf'), pdf('И ещё одна.pdf'));
    await expectFiles(uploader, text.uploaded, 8);
    await expectFiles(uploader, text.uploading(50), 2);
    await waitFor(() => expect(fileErrors(uploader)).toEqual([text.tooManyFiles(10), text.tooManyFiles(10)]), {
      timeout: patience,
    });
    await expect(fileRows(uploader)).toHaveLength(12);
  },
};

/**
 * A required field of a page's own `<form>`, still empty: the form does not submit and the
 * browser says «Приложите документ».
 */
export const RequiredInForm: Story = {
  name: 'Required, in a form',
  args: { required: true, name: 'passport', kind: 'passport' },
  render: renderInForm,
  play: async (context) => {
    const uploader = await findUploader(context.canvasElement);
    const text = await textFor(context);
    const form = context.canvasElement.querySelector('form')!;
    await waitFor(() => expect(uploader.validity.valueMissing).toBe(true), { timeout: patience });
    await expect(uploader.validationMessage).toBe(text.uploadRequired);
    await expect(uploader).toHaveAttribute('required');
    await expect(uploader.matches(':invalid')).toBe(true);
    await expect(form.checkValidity()).toBe(false);
    await expect(within(form).getByRole('button', { name: 'Отправить заявление' })).toBeVisible();
    await expect(new FormData(form).getAll('passport')).toEqual([]);
  },
};

/** Names as long as real ones get, on a phone: they wrap, nothing overflows. */
export const LongNames: Story = {
  name: 'Long file names',
  args: { accept: 'pdf' },
  parameters: { fakeApi: { signedIn: true, documents: { holdAt: mib } } },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async (context) => {
    const uploader = await findUploader(context.canvasElement);
    const text = await textFor(context);
    const long = 'Справка_о_доходах_и_суммах_налога_физического_лица_за_2025_год_с_приложениями_и_копиями_платёжных_документов';
    pick(
      uploader,
      pdf(`${long}.pdf`),
      pdf(`Свидетельство о рождении каждого ребёнка в семье, включая совершеннолетних детей до 23 лет, обучающихся очно.pdf`, 2 * mib),
      png(`Фотография_паспорта_разворот_с_пропиской_сделанная_на_телефон_${'0'.repeat(40)}.png`),
    );
    await expectFiles(uploader, text.uploaded, 1);
    await expectFiles(uploader, text.uploading(50), 1);
    await waitFor(() => expect(fileErrors(uploader)).toEqual([text.fileWrongType('PDF')]), { timeout: patience });
    const base = await waitForPart(uploader, '[part~="base"]');
    await expect(base.scrollWidth).toBeLessThanOrEqual(base.clientWidth + 1);
  },
};
