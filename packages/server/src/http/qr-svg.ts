/** QR codes as SVG images (through `qrcode-generator`, which has no dependencies). */
import qrcode from 'qrcode-generator';

/**
 * An SVG image of a QR code holding `text` (letters, digits and `-` use the compact
 * alphanumeric mode), black on white with the quiet zone of 4 modules the standard asks for.
 */
export function qrSvg(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text, /^[0-9A-Z $%*+\-./:]*$/.test(text) ? 'Alphanumeric' : 'Byte');
  qr.make();
  return qr.createSvgTag({ cellSize: 8, margin: 32, scalable: true });
}
