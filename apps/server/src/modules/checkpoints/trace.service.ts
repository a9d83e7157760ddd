// Movement tracing (活动轨迹): a user with `trace` gives an ID number, a phone or a plate, a period
// and a reason, and gets that person's registrations across the zone's checkpoints in time order
// (the stops), and everybody else registered at the same checkpoint within ± N minutes of a stop
// (possible contacts, 密接). The plain value only ever becomes a blind index (or a normalised
// plate); each search is audited with the value masked, the window and what was found. The same
// answer exports to Excel (sheets stops and contacts), audited as well.
import ExcelJS from 'exceljs';
import {
  DIRECTION_LABELS,
  labelIn,
  REGISTRATION_SOURCE_LABELS,
  SCREEN_RESULT_LABELS,
  type Direction,
  type Lang,
  type RegistrationSource,
  type ScreenResult,
  type TraceInput,
  type TraceResult,
} from '@shuangsheng/contracts';
import type { z } from 'zod';
import type { TraceContact, TraceStop } from '@shuangsheng/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { headerOf, type Column } from '../../platform/excel.js';
import { ValidationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { maskIdNumber, maskPhone } from '../../platform/pii.js';
import { dayStartIn, zonedTime } from '../../platform/time.js';
import { addDays } from '../../platform/calendar.js';
import type { CheckpointParts, Scope } from './context.js';
import type { CheckpointsModule } from './checkpoints.services.js';
import { daysBetween } from './stats.compute.js';
import { makeCheckpointsRepo } from './checkpoints.repo.js';
import { maskedOf } from './registrations.writer.js';
import { makeTraceRepo, type TraceKeyColumn, type TraceRange, type TraceRow } from './trace.repo.js';

type Stop = z.infer<typeof TraceStop>;
type Contact = z.infer<typeof TraceContact>;

/**
 * At most this many stops, and this many contacts (the nearest in time), are returned; then
 * `truncated`. Around one stop at most TRACE_SCAN_CAP registrations are looked at.
 */
export const TRACE_STOP_CAP = 500;
export const TRACE_CONTACT_CAP = 200;
export const TRACE_SCAN_CAP = 5_000;
/** The export lists this many contacts (the nearest in time), and the same stops. */
export const TRACE_EXPORT_CONTACT_CAP = 5_000;
/** The longest period one search covers. */
export const MAX_TRACE_DAYS = 366;

/** 川C12345 → 川C***45: enough to tell searches apart in the audit log, not to read the plate. */
export function maskPlate(plate: string): string {
  if (plate.length <= 4) return '*'.repeat(plate.length);
  return plate.slice(0, 2) + '*'.repeat(plate.length - 4) + plate.slice(-2);
}

export const normalisePlate = (v: string) => v.toUpperCase().replace(/[\s·•-]/g, '');

const COLUMN_OF: Record<TraceInput['by'], TraceKeyColumn> = { idNumber: 'id_idx', phone: 'phone_idx', plate: 'plate' };

type Candidate = { row: TraceRow; near: TraceRow; apart: number };

/** The stop nearest in time to `at` among a checkpoint's stops (in time order; the first of two as near). */
function nearestStop(here: TraceRow[], at: number): TraceRow {
  let near = here[0]!;
  for (const s of here) if (Math.abs(s.at - at) < Math.abs(near.at - at)) near = s;
  return near;
}

/** Per checkpoint, the stops' ± width merged where they overlap: one indexed range each. */
function rangesOf(byCheckpoint: Map<string, TraceRow[]>, width: number): TraceRange[] {
  const ranges: TraceRange[] = [];
  for (const [checkpointId, list] of byCheckpoint) {
    for (const s of list) {
      const last = ranges.at(-1);
      if (last && last.checkpointId === checkpointId && s.at - width <= last.to) last.to = s.at + width;
      else ranges.push({ checkpointId, from: s.at - width, to: s.at + width });
    }
  }
  return ranges;
}

export function makeTraceService(parts: CheckpointParts, _scope: Scope, _mod: CheckpointsModule) {
  const { deps, timeZone } = parts;
  const { database, clock, pii } = deps;
  const repo = makeTraceRepo(database.db, database.dialect);
  const checkpoints = makeCheckpointsRepo(database.db);

  // Midnights in the zone's time zone, remembered: each costs a date formatter (~0.2 ms).
  const midnights = new Map<string, number>();
  const dayStart = (date: string) => {
    let ms = midnights.get(date);
    if (ms === undefined) {
      if (midnights.size > 1_000) midnights.clear();
      midnights.set(date, (ms = dayStartIn(date, timeZone)));
    }
    return ms;
  };
  const toStop = (r: TraceRow, names: Map<string, string>): Stop => {
    const masked = maskedOf(r, pii);
    return {
      id: r.id,
      code: r.code,
      checkpointId: r.checkpoint_id,
      checkpointName: names.get(r.checkpoint_id) ?? '',
      at: r.at,
      direction: r.direction as Direction,
      name: r.name,
      idNumberMasked: masked.id,
      phoneMasked: masked.phone,
      plate: r.plate,
      temperature: r.temperature === null ? null : r.temperature / 10,
      result: r.result as ScreenResult,
      source: r.source as RegistrationSource,
    };
  };

  /**
   * The search itself (no audit): the stops, then the contacts around them — the `contactCap`
   * nearest in time to a stop (TRACE_CONTACT_CAP on screen, TRACE_EXPORT_CONTACT_CAP in the export).
   */
  async function search(zoneId: string, input: TraceInput, contactCap = TRACE_CONTACT_CAP): Promise<TraceResult> {
    if (daysBetween(input.from, input.to) + 1 > MAX_TRACE_DAYS) throw new ValidationError([{ path: 'to', key: 'v.trace_window_too_long', params: { days: MAX_TRACE_DAYS } }]);
    const value = input.by === 'plate' ? normalisePlate(input.value) : pii.blindIndex(input.value);
    const fromMs = dayStart(input.from);
    const toMs = dayStart(addDays(input.to, 1));
    const found = await repo.stops(zoneId, COLUMN_OF[input.by], value, fromMs, toMs, TRACE_STOP_CAP + 1);
    let truncated = found.length > TRACE_STOP_CAP;
    const stops = found.slice(0, TRACE_STOP_CAP);

    // The traced person (or, by phone or plate, the people of those registrations) is no contact of itself.
    const traced = new Set(stops.map((s) => s.id_idx));
    // The stops per checkpoint, in time order.
    const byCheckpoint = new Map<string, TraceRow[]>();
    for (const s of stops) {
      const list = byCheckpoint.get(s.checkpoint_id);
      if (list) list.push(s);
      else byCheckpoint.set(s.checkpoint_id, [s]);
    }
    // Who is how near, from the instants alone (the index, no rows read): each registration in the
    // window around the stops is as far as the nearest stop at its checkpoint. The `contactCap`
    // nearest others are then within `reach` — the distance of the (contactCap + stops + 1)-th
    // nearest, as the traced people's own stops are among them (0 from themselves) — and only the
    // registrations within ± reach are read whole: a few hundred rows, not every row of the window.
    const window = input.windowMinutes * 60_000;
    const wide = rangesOf(byCheckpoint, window);
    // The checkpoints' names beside the instants (two connections of PostgreSQL's pool at once).
    const [instants, names] = await Promise.all([repo.instants(zoneId, wide, TRACE_SCAN_CAP + 1), checkpoints.names(zoneId, [...byCheckpoint.keys()])]);
    const aparts: number[] = [];
    for (const [i, range] of wide.entries()) {
      const list = instants[i]!;
      if (list.length > TRACE_SCAN_CAP) truncated = true;
      const here = byCheckpoint.get(range.checkpointId)!;
      for (const at of list.slice(0, TRACE_SCAN_CAP)) aparts.push(Math.abs(nearestStop(here, at).at - at));
    }
    aparts.sort((x, y) => x - y);
    const reach = aparts.length > contactCap + stops.length ? aparts[contactCap + stops.length]! : window;
    /** The others registered within ± width of a stop, whole rows. */
    const within = async (width: number): Promise<Candidate[]> => {
      const ranges = rangesOf(byCheckpoint, width);
      const nearby = await repo.near(zoneId, ranges, TRACE_SCAN_CAP + 1);
      const out: Candidate[] = [];
      for (const [i, range] of ranges.entries()) {
        const here = byCheckpoint.get(range.checkpointId)!;
        for (const r of nearby[i]!.slice(0, TRACE_SCAN_CAP)) {
          if (traced.has(r.id_idx)) continue;
          const near = nearestStop(here, r.at);
          const apart = Math.abs(near.at - r.at);
          if (apart <= width) out.push({ row: r, near, apart });
        }
      }
      return out;
    };
    let candidates = await within(reach);
    // Fewer than expected: more of the traced people's own registrations were near than their stops
    // (one just outside the period, say). Then the whole window is read.
    if (candidates.length <= contactCap && reach < window) candidates = await within(window);
    if (candidates.length > contactCap) {
      truncated = true;
      candidates.sort((a, b) => a.apart - b.apart || a.row.at - b.row.at || (a.row.id < b.row.id ? -1 : 1));
      candidates.length = contactCap;
    }
    const contacts: Contact[] = candidates
      .sort((a, b) => a.row.at - b.row.at || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0))
      .map((c) => ({ ...toStop(c.row, names), nearRegistrationId: c.near.id, minutesApart: Math.round(c.apart / 60_000) }));
    return { stops: stops.map((r) => toStop(r, names)), contacts, truncated };
  }

  const maskedValue = (input: TraceInput) => (input.by === 'idNumber' ? maskIdNumber(input.value.trim()) : input.by === 'phone' ? maskPhone(input.value.trim()) : maskPlate(normalisePlate(input.value)));

  async function audited(ctx: Ctx, input: TraceInput, action: 'checkpoint.trace' | 'checkpoint.trace_export'): Promise<TraceResult> {
    const result = await search(ctx.zoneId, input, action === 'checkpoint.trace' ? TRACE_CONTACT_CAP : TRACE_EXPORT_CONTACT_CAP);
    // One INSERT, atomic on its own: no transaction around it (two round trips less on PostgreSQL).
    await recordAudit(database.db, clock, ctx, {
      action,
      entityType: 'checkpoint_trace',
      entityId: newId(),
      after: {
        by: input.by,
        value: maskedValue(input),
        from: input.from,
        to: input.to,
        windowMinutes: input.windowMinutes,
        reason: input.reason,
        stops: result.stops.length,
        contacts: result.contacts.length,
        truncated: result.truncated,
      },
    });
    return result;
  }

  /** A search with its reason, audited (never with the plain value). */
  const trace = (ctx: Ctx, input: TraceInput): Promise<TraceResult> => audited(ctx, input, 'checkpoint.trace');

  /**
   * The same search as a workbook: sheet 轨迹 / Stops and sheet 密接 / Contacts, with up to
   * TRACE_EXPORT_CONTACT_CAP contacts (the screen shows the TRACE_CONTACT_CAP nearest). Audited too.
   */
  async function workbook(ctx: Ctx, input: TraceInput): Promise<Buffer> {
    const lang: Lang = input.lang ?? ctx.lang;
    const result = await audited(ctx, input, 'checkpoint.trace_export');
    const wb = new ExcelJS.Workbook();
    const sheet = <T>(name: [string, string], columns: Column<T>[], rows: T[]) => {
      const ws = wb.addWorksheet(labelIn(lang, name), { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = columns.map((c) => ({ header: headerOf(c, lang), key: c.key, width: c.width ?? 16 }));
      ws.getRow(1).font = { bold: true };
      for (const r of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value(r) ?? null])));
    };
    const codeOf = new Map(result.stops.map((s) => [s.id, s]));
    const stopColumns = <T extends Stop>(): Column<T>[] => [
      { key: 'at', zh: '登记时间', en: 'Time', width: 18, value: (r) => zonedTime(r.at, timeZone) },
      { key: 'checkpoint', zh: '卡口', en: 'Checkpoint', width: 24, value: (r) => r.checkpointName },
      { key: 'direction', zh: '方向', en: 'Direction', width: 8, value: (r) => labelIn(lang, DIRECTION_LABELS[r.direction]) },
      { key: 'name', zh: '姓名', en: 'Name', width: 12, value: (r) => r.name },
      { key: 'idNumber', zh: '证件号码', en: 'ID number', width: 22, value: (r) => r.idNumberMasked },
      { key: 'phone', zh: '手机号码', en: 'Phone', width: 14, value: (r) => r.phoneMasked },
      { key: 'plate', zh: '车牌号', en: 'Plate', width: 12, value: (r) => r.plate },
      { key: 'temperature', zh: '体温（℃）', en: 'Temperature (°C)', width: 10, value: (r) => r.temperature },
      { key: 'result', zh: '筛查结果', en: 'Result', width: 16, value: (r) => labelIn(lang, SCREEN_RESULT_LABELS[r.result]) },
      { key: 'source', zh: '登记方式', en: 'Source', width: 14, value: (r) => labelIn(lang, REGISTRATION_SOURCE_LABELS[r.source]) },
      { key: 'code', zh: '登记码', en: 'Code', width: 10, value: (r) => r.code },
    ];
    sheet(['轨迹', 'Stops'], stopColumns<Stop>(), result.stops);
    sheet(['密接', 'Contacts'], [
      ...stopColumns<Contact>(),
      { key: 'near', zh: '对应轨迹（登记码）', en: 'Near stop (code)', width: 16, value: (r) => codeOf.get(r.nearRegistrationId)?.code ?? null },
      { key: 'apart', zh: '相隔（分钟）', en: 'Minutes apart', width: 12, value: (r) => r.minutesApart },
    ], result.contacts);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  return { trace, workbook, search };
}
export type TraceService = ReturnType<typeof makeTraceService>;
