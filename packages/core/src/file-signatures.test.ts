import { expect } from '@open-wc/testing';
import { checkFile, checkSize, describeKinds, detectFileKind, formatSize, type FileKind } from './file-signatures.js';

const bytes = (...values: Array<number | string>): Uint8Array =>
  new Uint8Array(values.flatMap((value) => (typeof value === 'string' ? Array.from(value, (char) => char.charCodeAt(0)) : [value])));

const pdf = bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj');
const png = bytes(0x89, 'PNG\r\n', 0x1a, '\n', 0, 0, 0, 13, 'IHDR');
const jpg = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 'JFIF', 0);
const doc = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0);
/** A ZIP local file header naming `name`, then a few bytes of «compressed» data. */
const zipEntry = (name: string) => bytes('PK\x03\x04', 20, 0, 0, 0, 8, 0, ...new Array<number>(18).fill(0), name.length, 0, 0, 0, name, 1, 2, 3);
const concat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((part) => [...part]));
const docx = concat(zipEntry('[Content_Types].xml'), zipEntry('_rels/.rels'), zipEntry('word/document.xml'));
const xlsx = concat(zipEntry('[Content_Types].xml'), zipEntry('_rels/.rels'), zipEntry('xl/workbook.xml'));
/** A central directory entry naming `name`, as the end of a ZIP holds it. */
const centralEntry = (name: string) => bytes('PK\x01\x02', ...new Array<number>(24).fill(0), name.length, 0, ...new Array<number>(16).fill(0), name);

describe('detectFileKind', () => {
  it('knows PDF, PNG, JPG and DOC by their first bytes', () => {
    expect(detectFileKind(pdf)).to.equal('pdf');
    expect(detectFileKind(png)).to.equal('png');
    expect(detectFileKind(jpg)).to.equal('jpg');
    expect(detectFileKind(doc)).to.equal('doc');
  });

  it('knows a DOCX by the parts its ZIP names, at the start or in the central directory', () => {
    expect(detectFileKind(docx)).to.equal('docx');
    const head = concat(zipEntry('[Content_Types].xml'), bytes(...new Array<number>(100).fill(7)));
    const tail = concat(centralEntry('[Content_Types].xml'), centralEntry('word/document.xml'), bytes('PK\x05\x06'));
    expect(detectFileKind(head)).to.be.undefined;
    expect(detectFileKind(head, tail)).to.equal('docx');
  });

  it('refuses other ZIPs, text, truncated signatures and nothing', () => {
    expect(detectFileKind(xlsx)).to.be.undefined;
    expect(detectFileKind(zipEntry('word/document.xml')), 'no [Content_Types].xml').to.be.undefined;
    expect(detectFileKind(bytes('hello, world'))).to.be.undefined;
    expect(detectFileKind(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).to.be.undefined;
    expect(detectFileKind(bytes(0x89, 'PNG'))).to.be.undefined;
    expect(detectFileKind(bytes(' %PDF-1.7')), 'the signature must come first').to.be.undefined;
    expect(detectFileKind(new Uint8Array())).to.be.undefined;
  });
});

describe('checkFile', () => {
  const mb = 1024 * 1024;

  it('accepts PDF, JPG and PNG up to 5 MB by default, whatever the name says', () => {
    expect(checkFile({ head: png, size: 1000 })).to.deep.equal({ ok: true, kind: 'png' });
    expect(checkFile({ head: pdf, size: 5 * mb })).to.deep.equal({ ok: true, kind: 'pdf' });
  });

  it('says exactly why a file is refused', () => {
    expect(checkFile({ head: pdf, size: 5 * mb + 1 })).to.deep.equal({ ok: false, code: 'file_too_large', message: 'Файл больше 5 МБ' });
    expect(checkFile({ head: bytes('MZ'), size: 2 })).to.deep.equal({ ok: false, code: 'file_type_not_allowed', message: 'Это не PDF, JPG или PNG' });
    expect(checkFile({ head: png, size: 100 }, { accept: ['pdf'] })).to.deep.equal({
      ok: false,
      code: 'file_type_not_allowed',
      message: 'PNG здесь не подходит: нужен PDF',
    });
    expect(checkFile({ head: docx, size: 100 })).to.include({ code: 'file_type_not_allowed', message: 'DOCX здесь не подходит: нужен PDF, JPG или PNG' });
    expect(checkFile({ head: new Uint8Array(), size: 0 })).to.include({ message: 'Файл пустой' });
  });

  it('applies the limits of a service', () => {
    const accept: FileKind[] = ['pdf', 'jpg', 'png', 'doc', 'docx'];
    expect(checkFile({ head: docx, size: 15 * mb }, { accept, maxSize: 20 * mb })).to.deep.equal({ ok: true, kind: 'docx' });
    expect(checkFile({ head: doc, size: 100 }, { accept })).to.deep.equal({ ok: true, kind: 'doc' });
    expect(checkSize(21 * mb, { maxSize: 20 * mb })?.message).to.equal('Файл больше 20 МБ');
    expect(checkSize(20 * mb, { maxSize: 20 * mb })).to.be.undefined;
  });
});

describe('describeKinds and formatSize', () => {
  it('write lists and sizes the Russian way', () => {
    expect(describeKinds(['pdf'])).to.equal('PDF');
    expect(describeKinds(['pdf', 'docx'])).to.equal('PDF или DOCX');
    expect(describeKinds(['pdf', 'jpg', 'png'])).to.equal('PDF, JPG или PNG');
    expect(formatSize(5 * 1024 * 1024)).to.equal('5 МБ');
    expect(formatSize(1.5 * 1024 * 1024)).to.equal('1,5 МБ');
    expect(formatSize(500 * 1024)).to.equal('500 КБ');
  });
});
