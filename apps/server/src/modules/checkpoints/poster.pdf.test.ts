// The checkpoint poster (A4) and the pass card (A6), read back: one page of the right size, the
// Chinese text that must be on it, and a QR code that encodes the address (module by module).
import { describe, expect, it } from 'vitest';
import { pdfObjects, pdfPageText, qrMismatches } from '../../test/pdf-read.js';
import { renderPassCardPdf } from './pass-card.pdf.js';
import { POSTER_STEPS, renderPosterPdf } from './poster.pdf.js';

const url = 'https://zone.example.gov.cn/h5/c/Ab3dEf7hIj9kLm1nOp2qRs4tUv6wXy8z';

describe('the checkpoint poster', () => {
  it('is one A4 page with the zone, checkpoint, kind, location, three steps and the QR code of the address', async () => {
    const pdf = await renderPosterPdf({ zoneName: '自贡高新区', checkpointName: '自贡东高速出口', kindLabel: '高速出入口', location: 'G85 收费站', url });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const objs = pdfObjects(pdf);
    const pages = [...objs.values()].filter((o) => /\/Type \/Page\b/.test(o.dict));
    expect(pages).toHaveLength(1);
    expect(pages[0]!.dict).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const text = pdfPageText(objs);
    expect(text).not.toContain('\uFFFD');
    for (const s of ['自贡高新区', '自贡东高速出口', '高速出入口 · G85 收费站', ...POSTER_STEPS]) expect(text).toContain(s);
    expect(POSTER_STEPS).toHaveLength(3);
    expect(qrMismatches(objs, url)).toBe(0);
    // …and the comparison can fail: another address's matrix differs.
    expect(qrMismatches(objs, url.replace(/z$/, 'Z'))).toBeGreaterThan(0);
  });
});

describe('the pass card', () => {
  it('is one A6 page with the holder, building, floor, colour, number, validity and the QR code of the pass', async () => {
    const passUrl = 'https://zone.example.gov.cn/h5/p/Zy8xWv6uTs4rQp2oNm1lKj9iHg7fEd3c';
    const pdf = await renderPassCardPdf({ zoneName: '自贡高新区', number: 'CR-20200224-0001', buildingName: '创新大厦', floor: -2, colour: 'blue', colourLabel: '蓝色', holderName: '王小明', enterpriseName: '双胜精密', validUntil: '2020-03-31', url: passUrl });
    const objs = pdfObjects(pdf);
    const page = [...objs.values()].find((o) => /\/Type \/Page\b/.test(o.dict))!;
    expect(page.dict).toMatch(/\/MediaBox \[0 0 297\.64 419\.53\]/);
    const text = pdfPageText(objs);
    for (const s of ['出 入 证', '创新大厦 · 地下2层 · 蓝色', '王小明', '双胜精密', '编号 CR-20200224-0001', '有效期至 2020-03-31']) expect(text).toContain(s);
    expect(qrMismatches(objs, passUrl)).toBe(0);
  });
});
