// The printable pass (出入证) card, A6: a band in the floor's colour with the floor, the building,
// the holder, the number, the validity and the QR code the gate scans. No ID number or phone.
import type { PassColour } from '@shuangsheng/contracts';
import { chineseDocument } from './poster.pdf.js';
import { qrPng } from './qr.js';

export type PassCardInput = {
  zoneName: string;
  number: string;
  buildingName: string;
  floor: number;
  colour: PassColour;
  colourLabel: string;
  holderName: string;
  enterpriseName: string | null;
  validUntil: string | null;
  url: string;
};

export const PASS_COLOUR_HEX: Record<PassColour, string> = {
  red: '#d32f2f',
  orange: '#ef6c00',
  yellow: '#f9a825',
  green: '#2e7d32',
  cyan: '#00838f',
  blue: '#1565c0',
  purple: '#6a1b9a',
  grey: '#616161',
};

const INK = '#1a1a1a';
const MUTED = '#666666';

/** 3 → 3层; -1 → 地下1层 */
export const floorLabel = (floor: number) => (floor < 0 ? `地下${-floor}层` : `${floor}层`);

export async function renderPassCardPdf(input: PassCardInput): Promise<Buffer> {
  const qr = await qrPng(input.url, 8);
  const { doc, done } = chineseDocument({ size: 'A6', info: { Title: `出入证 ${input.number}`, Author: input.zoneName, Creator: 'Shuangsheng' } });
  const W = doc.page.width;
  const left = 22;
  const width = W - 2 * left;
  const band = PASS_COLOUR_HEX[input.colour];

  doc.rect(0, 0, W, 86).fill(band);
  doc.font('regular').fontSize(10).fillColor('#ffffff').text(input.zoneName, left, 14, { width, align: 'center' });
  doc.font('bold').fontSize(24).fillColor('#ffffff').text('出 入 证', left, 30, { width, align: 'center' });
  doc.font('regular').fontSize(11).fillColor('#ffffff').text(`${input.buildingName} · ${floorLabel(input.floor)} · ${input.colourLabel}`, left, 64, { width, align: 'center', lineBreak: false, ellipsis: true });

  doc.font('bold').fontSize(18).fillColor(INK).text(input.holderName, left, 100, { width, align: 'center' });
  if (input.enterpriseName) doc.font('regular').fontSize(10).fillColor(MUTED).text(input.enterpriseName, left, doc.y + 2, { width, align: 'center' });

  const qrSize = 150;
  const qrTop = doc.y + 10;
  doc.image(qr, (W - qrSize) / 2, qrTop, { width: qrSize, height: qrSize });
  doc.font('regular').fontSize(10).fillColor(INK).text(`编号 ${input.number}`, left, qrTop + qrSize + 8, { width, align: 'center' });
  doc.font('regular').fontSize(10).fillColor(MUTED).text(input.validUntil ? `有效期至 ${input.validUntil}` : '长期有效（注销即失效）', left, doc.y + 2, { width, align: 'center' });

  // A strip in the colour at the foot too: the colour shows whichever end sticks out of a holder.
  doc.rect(0, doc.page.height - 16, W, 16).fill(band);
  doc.end();
  return done;
}
