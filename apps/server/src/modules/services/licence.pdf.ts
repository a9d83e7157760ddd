// The e-licence (电子证照) as an A4 PDF certificate: Chinese text in Noto Sans Hans (npm
// @embedpdf/fonts-sc, embedded as a subset, so no system font is needed) and a QR code that opens
// the public verification page.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export type LicencePdfInput = {
  zoneName: string;
  licenceName: string;
  number: string;
  holderName: string;
  itemName: string;
  department: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  verifyUrl: string;
};

// The font package exports only its entry point (no "./package.json"), so find its folder from
// there; node_modules is resolved the same way from src (tests, tsx) and from dist (`npm start`).
function fontFile(file: string): string {
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
  const found = path.join(path.dirname(entry), '..', 'fonts', file);
  if (!existsSync(found)) throw new Error(`font ${file} not found at ${found}: reinstall @embedpdf/fonts-sc`);
  return found;
}

let fonts: { regular: string; bold: string } | undefined;
const fontFiles = () => (fonts ??= { regular: fontFile('NotoSansHans-Regular.otf'), bold: fontFile('NotoSansHans-Bold.otf') });

/** 2020-02-03 → 2020年2月3日 */
export function chineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

const RED = '#a61b1b';
const INK = '#1a1a1a';
const MUTED = '#666666';
const RULE = '#e3d6c8';

export async function renderLicencePdf(input: LicencePdfInput): Promise<Buffer> {
  const issued = chineseDate(input.issuedOn);
  // Scale 8 gives whole device pixels per module; error level M survives a worn printout.
  const qr = await QRCode.toBuffer(input.verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 8 });
  const { regular, bold } = fontFiles();

  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    lang: 'zh-CN',
    info: { Title: `${input.licenceName} ${input.number}`, Author: `${input.zoneName}${input.department}`, Subject: input.holderName, Creator: 'Shuangsheng' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);

  const W = doc.page.width;
  const H = doc.page.height;

  // A double frame: a strong outer line and a hairline inside it.
  doc.lineWidth(2.5).strokeColor(RED).rect(34, 34, W - 68, H - 68).stroke();
  doc.lineWidth(0.75).rect(41, 41, W - 82, H - 82).stroke();
  for (const [x, y] of [[41, 41], [W - 41, 41], [41, H - 41], [W - 41, H - 41]] as const) {
    doc.rect(x - 4, y - 4, 8, 8).fill(RED);
  }

  const left = 92;
  const width = W - 2 * left;
  doc.font('regular').fontSize(14).fillColor(MUTED).text(input.zoneName, left, 96, { width, align: 'center', characterSpacing: 2 });

  const titleSpacing = [...input.licenceName].length <= 6 ? 14 : 4;
  doc.font('bold').fontSize(34).fillColor(INK).text(input.licenceName, left, 128, { width, align: 'center', characterSpacing: titleSpacing });
  const underTitle = doc.y + 8;
  doc.font('regular').fontSize(11).fillColor(RED).text('电 子 证 照', left, underTitle, { width, align: 'center' });
  const ruleY = doc.y + 14;
  doc.lineWidth(1).strokeColor(RED).moveTo(left, ruleY).lineTo(W - left, ruleY).stroke();

  // The particulars: four-character labels line up on their own.
  const labelX = left + 8;
  const valueX = labelX + 84;
  const valueWidth = W - left - valueX;
  let y = ruleY + 34;
  const row = (label: string, value: string, emphasis = false) => {
    doc.font('regular').fontSize(13).fillColor(MUTED).text(label, labelX, y + (emphasis ? 3 : 1), { width: 76, lineBreak: false });
    doc.font(emphasis ? 'bold' : 'regular').fontSize(emphasis ? 17 : 15).fillColor(INK).text(value, valueX, y, { width: valueWidth, lineGap: 2 });
    y = doc.y + 12;
    doc.lineWidth(0.5).strokeColor(RULE).moveTo(labelX, y).lineTo(W - left, y).stroke();
    y += 16;
  };
  row('持证主体', input.holderName, true);
  row('证照编号', input.number);
  row('办理事项', input.itemName);

  // The foot: the QR code on the left, issuer and date on the right, as on a paper certificate.
  const qrSize = 118;
  const footTop = H - 96 - qrSize - 40;
  doc.image(qr, left, footTop, { width: qrSize, height: qrSize });
  doc.font('regular').fontSize(10.5).fillColor(MUTED).text('扫码核验真伪', left, footTop + qrSize + 6, { width: qrSize, align: 'center' });

  const issuerX = left + qrSize + 30;
  const issuerWidth = W - left - issuerX;
  doc.font('regular').fontSize(12).fillColor(MUTED).text('发证机关', issuerX, footTop + 18, { width: issuerWidth, align: 'right' });
  doc.font('bold').fontSize(15).fillColor(INK).text(`${input.zoneName}${input.department}`, issuerX, doc.y + 4, { width: issuerWidth, align: 'right' });
  doc.font('regular').fontSize(12).fillColor(MUTED).text('发证日期', issuerX, doc.y + 14, { width: issuerWidth, align: 'right' });
  doc.font('regular').fontSize(15).fillColor(INK).text(issued, issuerX, doc.y + 4, { width: issuerWidth, align: 'right' });

  doc
    .font('regular')
    .fontSize(8.5)
    .fillColor(MUTED)
    .text(`本证照为电子证照，可扫描二维码或访问 ${input.verifyUrl} 核验。`, left, H - 82, { width, align: 'center', lineBreak: true });

  doc.end();
  return done;
}
