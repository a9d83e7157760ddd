// Excel in and out (exceljs). Exports stream row by row; imports load one sheet and hand back
// plain rows keyed by column, with 1-based sheet row numbers for error reports.
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Lang } from '@shuangsheng/contracts';
import { AppError } from './errors.js';

export type Column<T> = {
  key: string;
  zh: string;
  en: string;
  width?: number;
  value: (row: T) => string | number | boolean | null | undefined;
};

export function headerOf(col: { zh: string; en: string }, lang: Lang): string {
  return lang === 'en-US' ? col.en : col.zh;
}

/** A streamed .xlsx of `rows`; the returned stream is what the reply sends. */
export function xlsxStream<T>(sheetName: string, columns: Column<T>[], rows: AsyncIterable<T> | Iterable<T>, lang: Lang): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: headerOf(c, lang), key: c.key, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  void (async () => {
    try {
      for await (const row of rows as AsyncIterable<T>) {
        const values: Record<string, unknown> = {};
        for (const c of columns) values[c.key] = c.value(row) ?? null;
        sheet.addRow(values).commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return out;
}

/** Text of a cell whatever exceljs made of it (rich text, formula, hyperlink, date, number). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    if ('error' in value) return '';
  }
  return String(value).trim();
}

export type SheetRow = { row: number; cells: Map<string, string> };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * The first sheet's data rows, with cells keyed by column key. Headers are matched by their
 * Chinese or English title, so an export in either language imports again.
 */
export async function readSheet(
  buffer: Buffer,
  columns: { key: string; zh: string; en: string; required?: boolean }[],
  maxRows: number,
): Promise<{ rows: SheetRow[]; missing: string[] }> {
  if (buffer.length < 4 || !buffer.subarray(0, 4).equals(ZIP_MAGIC)) throw new AppError(415, 'import.not_xlsx');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError(415, 'import.not_xlsx');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError(400, 'import.no_rows');
  const byTitle = new Map<string, string>();
  for (const c of columns) {
    byTitle.set(normalizeTitle(c.zh), c.key);
    byTitle.set(normalizeTitle(c.en), c.key);
  }
  const colKey = new Map<number, string>();
  sheet.getRow(1).eachCell((cell, colNumber) => {
    const key = byTitle.get(normalizeTitle(cellText(cell.value)));
    if (key) colKey.set(colNumber, key);
  });
  const present = new Set(colKey.values());
  const missing = columns.filter((c) => c.required && !present.has(c.key)).map((c) => c.zh);
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = new Map<string, string>();
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const key = colKey.get(colNumber);
      if (key) cells.set(key, cellText(cell.value));
    });
    if ([...cells.values()].some((v) => v !== '')) rows.push({ row: rowNumber, cells });
  });
  if (rows.length > maxRows) throw new AppError(400, 'import.too_many_rows', { max: maxRows });
  return { rows, missing };
}

function normalizeTitle(t: string): string {
  return t.replace(/[\s*＊]/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
}

/**
 * An import template: the header row alone on the first sheet (required columns starred), and a
 * second sheet explaining each column with an example, so the template itself imports nothing.
 */
export async function templateBuffer(
  sheetName: string,
  columns: { zh: string; en: string; required?: boolean; hint?: [string, string]; example?: string; width?: number }[],
  lang: Lang,
): Promise<Buffer> {
  const zh = lang === 'zh-CN';
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: (c.required ? '*' : '') + headerOf(c, lang), width: c.width ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  const help = workbook.addWorksheet(zh ? '填写说明' : 'Instructions');
  help.columns = [
    { header: zh ? '列' : 'Column', width: 24 },
    { header: zh ? '必填' : 'Required', width: 8 },
    { header: zh ? '说明' : 'How to fill', width: 60 },
    { header: zh ? '示例' : 'Example', width: 28 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) {
    help.addRow([headerOf(c, lang), c.required ? (zh ? '是' : 'yes') : '', c.hint ? c.hint[zh ? 0 : 1] : '', c.example ?? '']);
  }
  help.addRow([]);
  help.addRow([zh ? '说明' : 'Note', '', zh ? '已有记录按第一列匹配并更新；更新时空白单元格保持原值不变。先“检查”再“确认导入”，有任何错误行则整份文件都不导入。' : 'Existing records are matched by the first column and updated; empty cells leave their values unchanged. Check first, then confirm: one bad row means nothing from the file is imported.']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
