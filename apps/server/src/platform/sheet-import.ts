// The shared mechanics of every Excel import (ARCHITECTURE §6): read the sheet, check each row and
// report every problem with row, column and reason, refuse duplicates in the file, then write all
// rows in one transaction or none. A module supplies only how to read a row and how to write.
import { translate, type ImportResult, type Lang } from '@shuangsheng/contracts';
import type { $ZodIssue } from 'zod/v4/core';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Database } from '../db/connect.js';
import type { Ctx } from './context.js';
import { headerOf, readSheet } from './excel.js';
import { reportProgress } from './progress.js';
import { describeIssue } from './validation.js';

export type SheetColumn = {
  key: string;
  zh: string;
  en: string;
  required?: boolean;
  hint?: [string, string];
  example?: string;
  width?: number;
};

export type RowReader = {
  row: number;
  /** Trimmed text of a cell ('' when empty or absent). */
  cell(key: string): string;
  /** The column is in the sheet and this row has a value in it. */
  has(key: string): boolean;
  /** The column is in the sheet at all (an empty cell then means "clear"). */
  present(key: string): boolean;
  fail(key: string, messageKey: string, params?: Record<string, string | number>): void;
  /** Reports zod issues against columns; `columnOf` maps a schema field to a sheet column. */
  failIssues(issues: readonly $ZodIssue[], columnOf: (field: string) => string): void;
};

export type Planned<T> = { row: number; key: string; value: T };

export type ImportSpec<T, Existing> = {
  columns: SheetColumn[];
  maxRows?: number;
  /** Loads what rows are checked against (names → ids); runs once before the rows. */
  prepare(ctx: Ctx): Promise<void>;
  /**
   * One row → a value, after calling `fail` for each problem. A value returned with problems is
   * still checked for duplicates and across rows (so one pass names every bad cell) but never
   * written; return undefined when the row cannot even be keyed.
   */
  parse(r: RowReader, ctx: Ctx): T | undefined;
  /** The natural key (credit code, name, username…): duplicates in one file are refused. */
  keyOf(value: T): string;
  /** Column named in the duplicate-row error, and its message (default import.duplicate_row). */
  keyColumn: string;
  duplicateMessage?: string;
  /** Records that already exist, by key: they are updated, the rest created. */
  existing(ctx: Ctx, keys: string[]): Promise<Map<string, Existing>>;
  /** Checks across rows (references to other rows of the file, at most one primary…). */
  crossCheck?(ctx: Ctx, planned: Planned<T>[], existing: Map<string, Existing>, fail: (row: number, key: string, messageKey: string, params?: Record<string, string | number>) => void): Promise<void> | void;
  /** Writes every row inside the one transaction (with audit). */
  commit(trx: Transaction<DB>, ctx: Ctx, planned: Planned<T>[], existing: Map<string, Existing>): Promise<Record<string, unknown> | void>;
};

export type SheetImportResult = ImportResult & Record<string, unknown>;

export async function runSheetImport<T, E>(
  database: Database,
  spec: ImportSpec<T, E>,
  ctx: Ctx,
  buffer: Buffer,
  opts: { dryRun: boolean; jobKey?: string | undefined },
): Promise<SheetImportResult> {
  const lang: Lang = ctx.lang;
  const title = (key: string) => {
    const col = spec.columns.find((c) => c.key === key);
    return col ? headerOf(col, lang) : key;
  };
  const errors: ImportResult['errors'] = [];
  const fail = (row: number, key: string, messageKey: string, params: Record<string, string | number> = {}) => {
    const column = title(key);
    // One message per cell is enough for the person fixing the file.
    if (!errors.some((e) => e.row === row && e.column === column)) errors.push({ row, column, message: translate(lang, messageKey, params) });
  };
  const done = (total: number) => reportProgress(opts.jobKey, { phase: 'done', processed: total, total });

  reportProgress(opts.jobKey, { phase: 'reading', processed: 0, total: 0 });
  const { rows, missing } = await readSheet(buffer, spec.columns, spec.maxRows ?? 20_000);
  if (missing.length > 0) {
    return { dryRun: opts.dryRun, created: 0, updated: 0, errors: missing.map((m) => ({ row: 1, column: m, message: translate(lang, 'import.missing_column', { column: m }) })) };
  }
  if (rows.length === 0) return { dryRun: opts.dryRun, created: 0, updated: 0, errors: [{ row: 2, column: '', message: translate(lang, 'import.no_rows') }] };

  await spec.prepare(ctx);
  const planned: Planned<T>[] = [];
  const firstRowOf = new Map<string, number>();
  rows.forEach((sheetRow, index) => {
    if (index % 500 === 0) reportProgress(opts.jobKey, { phase: 'checking', processed: index, total: rows.length });
    const reader: RowReader = {
      row: sheetRow.row,
      cell: (k) => sheetRow.cells.get(k) ?? '',
      has: (k) => (sheetRow.cells.get(k) ?? '') !== '',
      present: (k) => sheetRow.cells.has(k),
      fail: (k, m, p) => fail(sheetRow.row, k, m, p),
      failIssues: (issues, columnOf) => {
        for (const issue of issues) {
          const column = title(columnOf(String(issue.path[0] ?? '')));
          if (!errors.some((e) => e.row === sheetRow.row && e.column === column)) errors.push({ row: sheetRow.row, column, message: describeIssue(issue, lang).message });
        }
      },
    };
    const value = spec.parse(reader, ctx);
    if (value === undefined) return;
    const key = spec.keyOf(value);
    if (!key) return;
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      fail(sheetRow.row, spec.keyColumn, spec.duplicateMessage ?? 'import.duplicate_row', { row: first });
      return;
    }
    firstRowOf.set(key, sheetRow.row);
    planned.push({ row: sheetRow.row, key, value });
  });

  const existing = await spec.existing(ctx, planned.map((p) => p.key));
  await spec.crossCheck?.(ctx, planned, existing, fail);
  errors.sort((a, b) => a.row - b.row);
  const created = planned.filter((p) => !existing.has(p.key)).length;
  const updated = planned.length - created;
  if (errors.length > 0) {
    done(rows.length);
    return { dryRun: opts.dryRun, created: 0, updated: 0, errors };
  }
  if (opts.dryRun) {
    done(rows.length);
    return { dryRun: true, created, updated, errors: [] };
  }
  reportProgress(opts.jobKey, { phase: 'saving', processed: rows.length, total: rows.length });
  const extra = await database.db.transaction().execute((trx) => spec.commit(trx, ctx, planned, existing));
  done(rows.length);
  return { dryRun: false, created, updated, errors: [], ...(extra ?? {}) };
}

/** 是/否, yes/no, true/false, 1/0; empty is false. Null when unreadable. */
export function parseYesNo(v: string): boolean | null {
  const s = v.trim().toLowerCase();
  if (['是', 'y', 'yes', 'true', '1', '√'].includes(s)) return true;
  if (['否', 'n', 'no', 'false', '0', ''].includes(s)) return false;
  return null;
}

/** The word an export writes for a flag, which parseYesNo reads back: 是/否, yes/no. */
export function yesNoWord(value: boolean, lang: Lang): string {
  return lang === 'en-US' ? (value ? 'yes' : 'no') : value ? '是' : '否';
}

/** A non-negative number, thousands separators allowed. Null when unreadable. */
export function parseAmount(v: string): number | null {
  const s = v.replace(/[,，\s]/g, '');
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date as people put it in a sheet: 2020-02-24, 2020/2/24, 2020.2.24, 2020年2月24日 (a time
 * after it is ignored), or an Excel day number (a date cell whose format was lost). A real date
 * cell reaches here as 2020-02-24 (excel.ts `cellText`). 'YYYY-MM-DD', or null when it is none of
 * these or no such day exists.
 */
export function parseSheetDate(text: string): string | null {
  const s = text.trim();
  let y: number, m: number, d: number;
  const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(s);
  if (parts) {
    [y, m, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  } else if (/^\d{5}(\.\d+)?$/.test(s)) {
    const date = new Date(EXCEL_EPOCH + Math.floor(Number(s)) * 86_400_000);
    [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  } else {
    return null;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

type Cell = string | number | boolean | null | undefined;

/**
 * Export columns that carry the import's titles first, so an exported sheet imports again, then
 * read-only extras for people reading it.
 */
export function exportColumns<T>(columns: SheetColumn[], values: Record<string, (row: T) => Cell>, extras: { key: string; zh: string; en: string; width?: number; value: (row: T) => Cell }[] = []) {
  return [
    ...columns.map((c) => {
      const value = values[c.key];
      if (!value) throw new Error(`no export value for column ${c.key}`);
      return { key: c.key, zh: c.zh, en: c.en, width: c.width ?? 16, value };
    }),
    ...extras,
  ];
}
