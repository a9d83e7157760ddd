// QR codes of checkpoints and passes: a PNG of an address (error level M survives a worn printout;
// whole pixels per module keep it sharp when printed big).
import QRCode from 'qrcode';

export function qrPng(url: string, scale = 10): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale });
}
