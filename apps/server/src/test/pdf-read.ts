// Reads back what pdfkit wrote, without a PDF library (the licence, poster and pass-card tests use it): objects and
// their inflated streams, a page's text through each font's ToUnicode map (pdfkit writes glyph
// ids, not characters), and whether an embedded image is the QR code of a text, module by module.
import { inflateSync } from 'node:zlib';
import QRCode from 'qrcode';

export type PdfObject = { dict: string; data?: Buffer };

export function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  for (const m of text.matchAll(/(?:^|\n)(\d+) 0 obj\n/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const s = body.indexOf('stream\n');
    if (s < 0) {
      out.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, s);
    const raw = pdf.subarray(start + s + 'stream\n'.length, start + body.lastIndexOf('\nendstream'));
    out.set(Number(m[1]), { dict, data: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
  }
  return out;
}

/** The object number a dictionary's `/Key n 0 R` refers to. */
export const pdfRef = (dict: string, key: string) => {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  if (!m) throw new Error(`no /${key} in ${dict}`);
  return Number(m[1]);
};

function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hexText = (h: string) => String.fromCharCode(...(h.match(/.{4}/g) ?? []).map((u) => parseInt(u, 16)));
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, uni] of section[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) map.set(parseInt(code!, 16), hexText(uni!));
  }
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of section[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
      const from = parseInt(lo!, 16);
      const to = parseInt(hi!, 16);
      if (dst!.startsWith('[')) {
        [...dst!.matchAll(/<([0-9a-f]+)>/gi)].forEach((u, i) => map.set(from + i, hexText(u[1]!)));
      } else {
        const first = parseInt(dst!.slice(1, -1), 16);
        for (let c = from; c <= to; c++) map.set(c, String.fromCharCode(first + c - from));
      }
    }
  }
  return map;
}

/** The first page's text, one line per text-showing operator. */
export function pdfPageText(objs: Map<number, PdfObject>): string {
  const page = [...objs.values()].find((o) => /\/Type \/Page\b/.test(o.dict))!;
  const resources = objs.get(pdfRef(page.dict, 'Resources'))!.dict;
  const fontRefs = resources.slice(resources.indexOf('/Font'));
  const cmaps = new Map<string, Map<number, string>>();
  for (const [, name, id] of fontRefs.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const font = objs.get(Number(id))!;
    cmaps.set(name!, toUnicode(objs.get(pdfRef(font.dict, 'ToUnicode'))!.data!.toString('latin1')));
  }
  const content = objs.get(pdfRef(page.dict, 'Contents'))!.data!.toString('latin1');
  const lines: string[] = [];
  let cmap: Map<number, string> | undefined;
  for (const [, font, shown] of content.matchAll(/\/(F\d+) [\d.]+ Tf|(\[[^\]]*\]) TJ/g)) {
    if (font) cmap = cmaps.get(font);
    else {
      const hex = [...shown!.matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]).join('');
      lines.push((hex.match(/.{4}/g) ?? []).map((g) => cmap?.get(parseInt(g, 16)) ?? '\uFFFD').join(''));
    }
  }
  return lines.join('\n');
}

/**
 * Module mismatches between the PDF's QR image (an RGB image with an alpha mask, as pdfkit embeds
 * a PNG) and the matrix qrcode makes for `text` at error level M: 0 when it encodes the text.
 */
export function qrMismatches(objs: Map<number, PdfObject>, text: string): number {
  const image = [...objs.values()].find((o) => /\/Subtype \/Image/.test(o.dict) && /\/SMask/.test(o.dict));
  if (!image) throw new Error('no QR image in the PDF');
  const width = Number(/\/Width (\d+)/.exec(image.dict)![1]);
  const height = Number(/\/Height (\d+)/.exec(image.dict)![1]);
  const rgb = image.data!;
  const dark = (x: number, y: number) => rgb[(y * width + x) * 3]! < 128;
  let top = 0;
  while (top < height && ![...Array(width).keys()].some((x) => dark(x, top))) top++;
  let left = 0;
  while (!dark(left, top)) left++;
  let run = 0;
  while (dark(left + run, top)) run++;
  const scale = run / 7;
  if (!Number.isInteger(scale)) throw new Error(`finder pattern of ${run} pixels`);
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  let mismatches = 0;
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      if (dark(left + c * scale + scale / 2, top + r * scale + scale / 2) !== Boolean(modules.get(r, c))) mismatches++;
    }
  }
  return mismatches;
}
