import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { FastifyBaseLogger } from 'fastify';
import { FileContents } from '../src/documents/contents-check.js';
import { checkContents, jpegEnd, pdfEnd, pngEnd } from '../src/documents/file-contents.js';
import { workerModule } from '../src/workers/task-worker.js';
import { samplePdf, samplePng, withIncrementalUpdate } from '../../../test-support/sample-pdf.js';
import { sampleJpeg } from './documents-helpers.js';

const text = (value: string) => Buffer.from(value, 'latin1');
const html = text('<html><body><script>alert(document.cookie)</script></body></html>\n');
const join2 = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/** A JPEG whose EXIF APP1 segment holds a thumbnail: a whole JPEG of its own, with its own FFD8 … FFD9. */
function jpegWithThumbnail(): Uint8Array {
  const main = sampleJpeg(undefined, { width: 16, height: 16 });
  const thumbnail = sampleJpeg();
  const tiff = text('MM\x00\x2a\x00\x00\x00\x08\x00\x00');
  const payload = Buffer.concat([text('Exif\x00\x00'), tiff, thumbnail]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
  return join2(main.subarray(0, 2), app1, main.subarray(2));
}

/** The start of an MP4 as a Motion Photo appends it: an `ftyp` box and some of an `mdat`. */
const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), text('ftypmp42\x00\x00\x00\x00mp42isom'), Buffer.from([0, 0, 0x10, 0]), text('mdat'), Buffer.alloc(4088, 0xd9)]);

describe('where a file ends', () => {
  test('a PDF ends after its last %%EOF and the end of line after it; bytes after it are not part of it', async () => {
    const pdf = samplePdf();
    assert.equal(pdfEnd(pdf), pdf.length);
    assert.equal(pdfEnd(join2(pdf, html)), pdf.length);
    const crlf = join2(pdf.subarray(0, pdf.length - 1), text('\r\n'), html);
    assert.equal(pdfEnd(crlf), pdf.length + 1);
    assert.deepEqual(await checkContents('pdf', join2(pdf, html)), { ok: true, end: pdf.length });
  });

  test('a PDF with an incremental update keeps both sections', async () => {
    const pdf = samplePdf();
    const updated = withIncrementalUpdate(pdf);
    assert.ok(updated.length > pdf.length);
    assert.equal(pdfEnd(updated), updated.length);
    assert.deepEqual(await checkContents('pdf', join2(updated, html)), { ok: true, end: updated.length });
  });

  test('a %%EOF that no startxref precedes (in appended HTML) does not extend the PDF', () => {
    const pdf = samplePdf();
    assert.equal(pdfEnd(join2(pdf, html, text('%%EOF\n'))), pdf.length);
    assert.equal(pdfEnd(join2(pdf, html, text('startxref\n9\n%%EOF\n'))), pdf.length, 'nor one whose startxref points at no cross-reference');
  });

  test('a PDF whose startxref is wrong (a careless writer) still ends at its %%EOF and parses', async () => {
    const source = Buffer.from(samplePdf()).toString('latin1');
    const careless = text(source.replace(/startxref\n\d+\n/, 'startxref\n3\n'));
    assert.deepEqual(await checkContents('pdf', join2(careless, html)), { ok: true, end: careless.length });
  });

  test('a PNG ends after its IEND chunk', async () => {
    const png = samplePng();
    assert.equal(pngEnd(png), png.length);
    assert.equal(pngEnd(join2(png, html)), png.length);
    assert.deepEqual(await checkContents('png', join2(png, html)), { ok: true, end: png.length });
  });

  test('a JPEG ends at the EOI of its primary image', async () => {
    const image = sampleJpeg();
    assert.equal(jpegEnd(image), image.length);
    assert.deepEqual(await checkContents('jpg', join2(image, html)), { ok: true, end: image.length });
  });

  test('a JPEG with an EXIF thumbnail is not cut at the thumbnail’s EOI', async () => {
    const image = jpegWithThumbnail();
    const thumbnailEnd = Buffer.from(image).indexOf(Buffer.from([0xff, 0xd9])) + 2;
    assert.ok(thumbnailEnd < image.length - 100, 'the thumbnail ends well before the image');
    assert.equal(jpegEnd(image), image.length);
    assert.deepEqual(await checkContents('jpg', join2(image, html)), { ok: true, end: image.length });
  });

  test('a Motion Photo (a JPEG and then an MP4) is a valid photo, without the video', async () => {
    const photo = jpegWithThumbnail();
    assert.deepEqual(await checkContents('jpg', join2(photo, mp4)), { ok: true, end: photo.length });
  });

  test('a progressive JPEG has several scans; stuffed bytes and restart markers are inside a scan', () => {
    const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
    const bytes = Uint8Array.from([
      0xff, 0xd8,
      ...segment(0xc2, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
      ...segment(0xc4, [0, ...new Array(16).fill(0)]),
      ...segment(0xda, [1, 1, 0, 0, 0, 0]),
      0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0x00, 0x78,
      ...segment(0xc4, [0x10, ...new Array(16).fill(0)]),
      ...segment(0xda, [1, 1, 0, 1, 63, 0]),
      0x9a, 0xff, 0x00, 0xff, 0xd7, 0xbc,
      0xff, 0xd9,
      0x3c, 0x68, 0x74, 0x6d, 0x6c, 0x3e,
    ]);
    assert.equal(jpegEnd(bytes), bytes.length - 6);
  });
});

describe('what is refused', () => {
  const refused = (kind: 'pdf' | 'png' | 'jpg') => ({ ok: false, message: { pdf: 'Файл повреждён или это не PDF', png: 'Файл повреждён или это не изображение PNG', jpg: 'Файл повреждён или это не изображение JPEG' }[kind] });

  test('five bytes %PDF-, and %PDF- followed by HTML, are not PDFs', async () => {
    assert.deepEqual(await checkContents('pdf', text('%PDF-')), refused('pdf'));
    assert.deepEqual(await checkContents('pdf', join2(text('%PDF-1.7\n'), html)), refused('pdf'));
  });

  test('a PDF whose objects are HTML, with a startxref and %%EOF at the end, does not parse', async () => {
    assert.deepEqual(await checkContents('pdf', join2(text('%PDF-1.7\n'), html, text('startxref\n9\n%%EOF\n'))), refused('pdf'));
  });

  test('a PDF cut short (no %%EOF) is refused', async () => {
    const pdf = samplePdf();
    assert.deepEqual(await checkContents('pdf', pdf.subarray(0, pdf.length - 40)), refused('pdf'));
  });

  test('a PNG cut short, or one whose pixels do not decode, is refused', async () => {
    const png = samplePng({ width: 32, height: 32 });
    assert.equal(pngEnd(png.subarray(0, png.length - 20)), undefined);
    assert.deepEqual(await checkContents('png', png.subarray(0, png.length - 20)), refused('png'));
    const broken = new Uint8Array(png);
    broken[60] = broken[60]! ^ 0xff;
    assert.equal(pngEnd(broken), png.length, 'its chunks are whole');
    assert.deepEqual(await checkContents('png', broken), refused('png'));
  });

  test('a PNG that says it is larger than the limit is refused before it is decoded', async () => {
    const png = new Uint8Array(samplePng());
    new DataView(png.buffer).setUint32(16, 100_000);
    assert.deepEqual(await checkContents('png', png), refused('png'));
  });

  test('a JPEG cut short, or its signature and then HTML, is refused', async () => {
    const image = sampleJpeg();
    assert.deepEqual(await checkContents('jpg', image.subarray(0, image.length - 10)), refused('jpg'));
    assert.deepEqual(await checkContents('jpg', join2(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), text('JFIF\x00'), html)), refused('jpg'));
  });

  test('garbage after a signature is refused as every kind', async () => {
    const garbage = Buffer.alloc(4000);
    for (let at = 0; at < garbage.length; at++) garbage[at] = (at * 131 + 17) % 256;
    assert.deepEqual(await checkContents('pdf', join2(text('%PDF-1.4\n'), garbage)), refused('pdf'));
    assert.deepEqual(await checkContents('png', join2(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), garbage)), refused('png'));
    assert.deepEqual(await checkContents('jpg', join2(Buffer.from([0xff, 0xd8, 0xff]), garbage)), refused('jpg'));
  });
});

describe('the check in a worker thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'file-contents-'));
  const logged: { level: string; message: string; code?: unknown }[] = [];
  const record = (level: string) => (fields: Record<string, unknown>, message: string) => logged.push({ level, message, code: fields['code'] });
  const log = { info: record('info'), warn: record('warn'), error: record('error') } as unknown as FastifyBaseLogger;
  const checkers: FileContents[] = [];
  const checker = (options: Omit<ConstructorParameters<typeof FileContents>[0], 'log'> = {}) => {
    const made = new FileContents({ log, ...options });
    checkers.push(made);
    return made;
  };
  after(async () => {
    await Promise.all(checkers.map((made) => made.close()));
    rmSync(dir, { recursive: true, force: true });
  });
  const file = (name: string, bytes: Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  test('an accepted file with bytes after its end is cut on disk to its end', async () => {
    const png = samplePng();
    const path = file('cut.png', join2(png, html));
    assert.deepEqual(await checker().check(path, 'png', png.length + html.length), { ok: true, size: png.length });
    assert.deepEqual(new Uint8Array(readFileSync(path)), png);
  });

  test('a refused file is left to the caller, with the message', async () => {
    const path = file('fake.pdf', text('%PDF-'));
    assert.deepEqual(await checker().check(path, 'pdf', 5), { ok: false, message: 'Файл повреждён или это не PDF' });
    assert.equal(statSync(path).size, 5);
  });

  test('a DOCX is not parsed: it is kept whole', async () => {
    const path = file('word.docx', text('PK\x03\x04 anything'));
    assert.deepEqual(await checker({ module: workerModule(import.meta.url, 'fixtures/stuck-contents') }).check(path, 'docx', 16), { ok: true, size: 16 });
  });

  test('a check that hangs past its time, or whose thread dies, refuses the file, and the next check runs', async () => {
    const stuck = checker({ module: workerModule(import.meta.url, 'fixtures/stuck-contents'), timeoutMs: 300 });
    const path = file('hang.pdf', samplePdf());
    assert.deepEqual(await stuck.check(path, 'pdf', 1), { ok: false, message: 'Файл повреждён или это не PDF' });
    assert.deepEqual(await stuck.check(path, 'png', 1), { ok: false, message: 'Файл повреждён или это не изображение PNG' });
    assert.deepEqual(await stuck.check(path, 'pdf', 1), { ok: false, message: 'Файл повреждён или это не PDF' });
    assert.deepEqual(
      logged.filter(({ level }) => level === 'warn').map(({ code }) => code),
      ['task_timeout', 'task_crashed', 'task_timeout'],
    );
  });
});
