/**
 * Names of files as citizens send them: only the last part of a path is kept, without
 * control and direction-changing characters, and the extension tells the type the bytes
 * showed, so that `scan.pdf` that is a PNG is kept as `scan.png`.
 */
import type { FileKind } from '@mfc-cabinet/core/file-signatures';

const extensions: Readonly<Record<FileKind, readonly string[]>> = {
  pdf: ['pdf'],
  jpg: ['jpg', 'jpeg'],
  png: ['png'],
  doc: ['doc'],
  docx: ['docx'],
};

const maxNameLength = 200;

/**
 * The name of a file without folders and characters that could mislead: `../../etc/passwd`
 * → `passwd`, `C:\Users\scan.pdf` → `scan.pdf`; «документ» when nothing is left.
 */
export function safeFileName(raw: string): string {
  const last = raw.split(/[\\/]/).at(-1) ?? '';
  const cleaned = last
    .normalize('NFC')
    // Control characters, bidirectional overrides (which make «fdp.exe» read «exe.pdf») and characters Windows refuses.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"|?*]/g, '')
    .trim()
    .replace(/^\.+/, '')
    .trim();
  const name = Array.from(cleaned).slice(0, maxNameLength).join('');
  return name === '' ? 'документ' : name;
}

/** `name` with the extension of `kind`: kept when it is one, replacing a short other one, or added. */
export function withExtension(name: string, kind: FileKind): string {
  const match = /^(.+)\.([a-z0-9]{1,5})$/i.exec(name);
  if (match && extensions[kind].includes(match[2]!.toLowerCase())) return name;
  return `${match ? match[1] : name}.${extensions[kind][0]}`;
}

/** A `Content-Disposition` that downloads the file under its name, in ASCII for old clients and UTF-8 for the others. */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
