// Workbooks and multipart bodies for import and export tests: real .xlsx files built with exceljs,
// and uploads as app.inject payloads (a Buffer, or a Readable for sizes not to be held in memory).
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';

export type Cell = string | number | boolean | null | undefined;

/** An .xlsx whose first sheet holds `header` then `rows`; more sheets may follow. */
export async function xlsxOf(header: string[], rows: Cell[][], extraSheets: { name: string; rows: Cell[][] }[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r.map((c) => (c === undefined ? null : c)));
  for (const extra of extraSheets) {
    const s = workbook.addWorksheet(extra.name);
    for (const r of extra.rows) s.addRow(r);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Header and data rows of the first sheet, every cell as text ('' when empty). */
export async function readXlsx(buffer: Buffer): Promise<{ sheetNames: string[]; header: string[]; rows: string[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const width = sheet.getRow(1).cellCount;
  const text = (row: ExcelJS.Row) =>
    Array.from({ length: width }, (_, i) => {
      const v = row.getCell(i + 1).value;
      return v === null || v === undefined ? '' : String(v);
    });
  const header = text(sheet.getRow(1));
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (n > 1) rows.push(text(row));
  });
  return { sheetNames: workbook.worksheets.map((w) => w.name), header, rows };
}

/** The downloaded workbook of an export response, after checking it is one. */
export async function xlsxResponse(res: LightMyRequestResponse) {
  if (res.statusCode !== 200) throw new Error(`export failed: ${res.statusCode} ${res.body}`);
  if (res.headers['content-type'] !== 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') {
    throw new Error(`not an xlsx: ${String(res.headers['content-type'])}`);
  }
  return readXlsx(res.rawPayload);
}

/** Column `title` of every data row. */
export function column(sheet: { header: string[]; rows: string[][] }, title: string): string[] {
  const i = sheet.header.indexOf(title);
  if (i < 0) throw new Error(`no column ${title} in ${sheet.header.join(', ')}`);
  return sheet.rows.map((r) => r[i]!);
}

const CRLF = '\r\n';

function envelope(boundary: string, filename: string, contentType: string, field: string) {
  const head = Buffer.from(
    `--${boundary}${CRLF}Content-Disposition: form-data; name="${field}"; filename="${filename}"${CRLF}Content-Type: ${contentType}${CRLF}${CRLF}`,
  );
  const tail = Buffer.from(`${CRLF}--${boundary}--${CRLF}`);
  return { head, tail };
}

/** A multipart/form-data upload of one file, ready for app.inject. */
export function multipart(
  file: Buffer,
  opts: { filename?: string; contentType?: string; field?: string } = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----ss${randomBytes(8).toString('hex')}`;
  const { head, tail } = envelope(boundary, opts.filename ?? 'enterprises.xlsx', opts.contentType ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', opts.field ?? 'file');
  return { payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * A multipart upload of `bytes` zeros, streamed in chunks (1 MB unless told) so the size is never
 * in memory. Where a chunk ends decides where the server's parser cuts the file off at its limit.
 */
export function streamedZerosUpload(bytes: number, opts: { filename?: string; chunkSize?: number } = {}): { payload: Readable; headers: Record<string, string> } {
  const boundary = `----ss${randomBytes(8).toString('hex')}`;
  const { head, tail } = envelope(boundary, opts.filename ?? 'huge.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'file');
  const chunk = Buffer.alloc(opts.chunkSize ?? 1024 * 1024);
  function* parts() {
    yield head;
    let left = bytes;
    while (left > 0) {
      const n = Math.min(left, chunk.length);
      yield n === chunk.length ? chunk : chunk.subarray(0, n);
      left -= n;
    }
    yield tail;
  }
  return { payload: Readable.from(parts(), { objectMode: false }), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The eight-byte signature and a bit of a PNG: a real image, not a workbook. */
export const PNG_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
]);
