// The e-licence PDF, read back without a PDF library: objects and their inflated streams, the text
// through each font's ToUnicode map (pdfkit writes glyph ids, not characters), and the QR code's
// pixels compared module by module with the matrix qrcode makes for the URL.
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfObjects, pdfPageText, pdfRef, type PdfObject } from '../../test/pdf-read.js';
import { chineseDate, renderLicencePdf, type LicencePdfInput } from './licence.pdf.js';

const input: LicencePdfInput = {
  zoneName: '示范高新区管理委员会',
  licenceName: '准予变更登记通知书',
  number: 'SS-LIC-20200203-000017',
  holderName: '成都双胜精密制造有限公司',
  itemName: '企业变更登记',
  department: '行政审批局',
  issuedOn: '2020-02-03',
  verifyUrl: 'https://zone.example.gov.cn/h5/verify/Ab3dEf7hIj9kLm1nOp2qRs4tUv6wXy8z',
};

let pdf: Buffer;
let objs: Map<number, PdfObject>;
beforeAll(async () => {
  pdf = await renderLicencePdf(input);
  objs = pdfObjects(pdf);
});

describe('the e-licence PDF', () => {
  it('is one A4 page', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    const pages = [...objs.values()].filter((o) => /\/Type \/Page\b/.test(o.dict));
    expect(pages).toHaveLength(1);
    expect(pages[0]!.dict).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect([...objs.values()].find((o) => /\/Type \/Pages\b/.test(o.dict))!.dict).toMatch(/\/Count 1\b/);
  });

  it('embeds a subset of the Chinese font', () => {
    const descriptors = [...objs.values()].filter((o) => /\/Type \/FontDescriptor/.test(o.dict));
    expect(descriptors.map((d) => /\/FontName \/([A-Z]{6})\+(\S+)/.exec(d.dict)?.[2])).toContain('NotoSansHans-Regular');
    for (const d of descriptors) {
      const file = objs.get(pdfRef(d.dict, 'FontFile3'))!;
      // The whole font is over 8 MB; the glyphs of one certificate are a small fraction of that.
      expect(file.data!.length).toBeGreaterThan(1000);
      expect(file.data!.length).toBeLessThan(1_000_000);
    }
  });

  it('says what the licence is, whose, by whom and when, in Chinese', () => {
    const text = pdfPageText(objs);
    expect(text).not.toContain('\uFFFD');
    for (const s of [
      input.zoneName,
      input.licenceName,
      '证照编号',
      input.number,
      '持证主体',
      input.holderName,
      '办理事项',
      input.itemName,
      '发证机关',
      `${input.zoneName}${input.department}`,
      '发证日期',
      '2020年2月3日',
      '扫码核验真伪',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('2020-02-03');
  });

  it('carries a QR code that encodes the verification URL', () => {
    const image = [...objs.values()].find((o) => /\/Subtype \/Image/.test(o.dict) && /\/SMask/.test(o.dict))!;
    expect(image.dict).toMatch(/\/ColorSpace \/DeviceRGB/);
    const width = Number(/\/Width (\d+)/.exec(image.dict)![1]);
    const height = Number(/\/Height (\d+)/.exec(image.dict)![1]);
    const rgb = image.data!;
    expect(rgb.length).toBe(width * height * 3);
    const dark = (x: number, y: number) => rgb[(y * width + x) * 3]! < 128;

    // The top-left finder pattern starts the first dark row: its run is 7 modules long.
    let top = 0;
    while (top < height && ![...Array(width).keys()].some((x) => dark(x, top))) top++;
    let left = 0;
    while (!dark(left, top)) left++;
    let run = 0;
    while (dark(left + run, top)) run++;
    const scale = run / 7;
    expect(Number.isInteger(scale)).toBe(true);

    const { modules } = QRCode.create(input.verifyUrl, { errorCorrectionLevel: 'M' });
    expect(left + modules.size * scale).toBeLessThanOrEqual(width);
    let mismatches = 0;
    for (let r = 0; r < modules.size; r++) {
      for (let c = 0; c < modules.size; c++) {
        const px = dark(left + c * scale + scale / 2, top + r * scale + scale / 2);
        if (px !== Boolean(modules.get(r, c))) mismatches++;
      }
    }
    expect(mismatches).toBe(0);

    // …and the matrix of another URL differs, so the comparison above can fail.
    const other = QRCode.create(input.verifyUrl.replace(/z$/, 'Z'), { errorCorrectionLevel: 'M' }).modules;
    expect(other.size).toBe(modules.size);
    expect([...other.data].some((v, i) => v !== modules.data[i])).toBe(true);
  });

  it('refuses a date that is not YYYY-MM-DD', async () => {
    expect(chineseDate('2021-12-31')).toBe('2021年12月31日');
    await expect(renderLicencePdf({ ...input, issuedOn: '2020/02/03' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});
