// Reading cells of an import: dates as people type them, and dates as Excel stores them (a date
// cell is a day number with a date format, which excel.ts hands over as YYYY-MM-DD).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheet } from './excel.js';
import { parseSheetDate } from './sheet-import.js';

describe('dates typed in a sheet', () => {
  it.each([
    ['2020-02-24', '2020-02-24'],
    ['2020/2/4', '2020-02-04'],
    ['2020.02.24', '2020-02-24'],
    ['2020年2月24日', '2020-02-24'],
    [' 2020 - 2 - 24 ', '2020-02-24'],
    ['2020-02-24 08:30', '2020-02-24'],
    ['2020/2/24 8:30:15', '2020-02-24'],
    ['43885', '2020-02-24'],
    ['43885.75', '2020-02-24'],
    ['2020-02-30', null],
    ['2019-13-01', null],
    ['1899-12-31', null],
    ['24/02/2020', null],
    ['2020-02-24 上午', null],
    ['明天', null],
    ['', null],
  ])('%j → %s', (text, date) => {
    expect(parseSheetDate(text)).toBe(date);
  });
});

describe('date cells of a real workbook', () => {
  it('reads a date cell, a date-time cell and a Chinese-formatted date cell as the calendar day', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['返岗日期']);
    // What exceljs writes for a JS Date: the day number with a date format, like Excel does.
    sheet.addRow([new Date(Date.UTC(2020, 1, 24))]);
    sheet.addRow([new Date(Date.UTC(2020, 1, 24, 18, 30))]);
    // What Excel itself stores when someone types 2020年2月21日: a day number and a date format.
    sheet.addRow([43882]);
    sheet.getCell('A4').numFmt = 'yyyy"年"m"月"d"日"';
    // A day number whose date format was lost on the way (pasted as a value).
    sheet.addRow([43883]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const { rows } = await readSheet(buffer, [{ key: 'returnedOn', zh: '返岗日期', en: 'Date of return to work' }], 10);
    expect(rows.map((r) => parseSheetDate(r.cells.get('returnedOn') ?? ''))).toEqual(['2020-02-24', '2020-02-24', '2020-02-21', '2020-02-22']);
  });
});
