// The printable A4 poster of a checkpoint (卡口登记二维码): zone, checkpoint name and kind, the QR
// code big, and three short lines of instructions in Chinese. Chinese text in Noto Sans Hans (npm
// @embedpdf/fonts-sc, embedded as a subset) as the e-licence does.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { qrPng } from './qr.js';

export type PosterInput = {
  zoneName: string;
  checkpointName: string;
  /** The kind in Chinese (高速出入口 …). */
  kindLabel: string;
  location: string | null;
  /** The registration address the QR code carries. */
  url: string;
};

/** What the poster tells people to do, in order. */
export const POSTER_STEPS = ['微信或手机相机扫描二维码', '如实填写本人信息和健康申报，同车人员一并登记', '出示登记结果页面，配合测温'] as const;

function fontFile(file: string): string {
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
  const found = path.join(path.dirname(entry), '..', 'fonts', file);
  if (!existsSync(found)) throw new Error(`font ${file} not found at ${found}: reinstall @embedpdf/fonts-sc`);
  return found;
}
let fonts: { regular: string; bold: string } | undefined;
const fontFiles = () => (fonts ??= { regular: fontFile('NotoSansHans-Regular.otf'), bold: fontFile('NotoSansHans-Bold.otf') });

/** A pdfkit document with the Chinese fonts registered as 'regular' and 'bold', and its bytes once ended. */
export function chineseDocument(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({ margin: 0, lang: 'zh-CN', ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { regular, bold } = fontFiles();
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  return { doc, done };
}

const RED = '#b71c1c';
const INK = '#1a1a1a';
const MUTED = '#666666';

export async function renderPosterPdf(input: PosterInput): Promise<Buffer> {
  const qr = await qrPng(input.url, 10);
  const { doc, done } = chineseDocument({ size: 'A4', info: { Title: `${input.checkpointName} 登记二维码`, Author: input.zoneName, Creator: 'Shuangsheng' } });
  const W = doc.page.width;
  const H = doc.page.height;
  const left = 56;
  const width = W - 2 * left;

  // The head: a red band with the zone and what the poster is for.
  doc.rect(0, 0, W, 118).fill(RED);
  doc.font('regular').fontSize(15).fillColor('#ffffff').text(input.zoneName, left, 30, { width, align: 'center', characterSpacing: 2 });
  doc.font('bold').fontSize(30).fillColor('#ffffff').text('疫情防控 扫码登记', left, 58, { width, align: 'center', characterSpacing: 4 });

  doc.font('bold').fontSize(28).fillColor(INK).text(input.checkpointName, left, 146, { width, align: 'center' });
  const sub = input.location ? `${input.kindLabel} · ${input.location}` : input.kindLabel;
  doc.font('regular').fontSize(14).fillColor(MUTED).text(sub, left, doc.y + 6, { width, align: 'center' });

  // The QR code, as big as the page allows with the steps below it.
  const qrSize = 330;
  const qrTop = doc.y + 18;
  doc.lineWidth(3).strokeColor(RED).rect((W - qrSize) / 2 - 10, qrTop - 10, qrSize + 20, qrSize + 20).stroke();
  doc.image(qr, (W - qrSize) / 2, qrTop, { width: qrSize, height: qrSize });

  let y = qrTop + qrSize + 36;
  POSTER_STEPS.forEach((step, i) => {
    doc.circle(left + 40, y + 11, 12).fill(RED);
    doc.font('bold').fontSize(14).fillColor('#ffffff').text(String(i + 1), left + 28, y + 2, { width: 24, align: 'center', lineBreak: false });
    doc.font('regular').fontSize(17).fillColor(INK).text(step, left + 64, y, { width: width - 64 });
    y = doc.y + 14;
  });

  doc.font('regular').fontSize(9).fillColor(MUTED).text(`无法扫码时请在浏览器打开：${input.url}`, left, H - 56, { width, align: 'center' });
  doc.end();
  return done;
}
