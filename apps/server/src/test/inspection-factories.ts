// Factories of the inspections module (巡查指导), through the services (no HTTP, no SQL): a checklist
// template, an inspector responsible for a park, a round, and a task walked, answered and submitted.
import sharp from 'sharp';
import { addDays } from '../platform/calendar.js';
import { permissionsOf, type ChecklistItem, type FindingDisposition, type FindingDraft, type Role, type Round, type Template, type TaskDetail } from '@shuangsheng/contracts';
import type { Ctx } from '../platform/context.js';
import type { Services } from '../services.js';
import { makeUser, uniq, type TestZone } from './factories.js';

/** A real JPEG of the given size (sharp), for photo uploads. */
export async function tinyJpeg(width = 40, height = 30, colour = { r: 200, g: 60, b: 40 }): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).jpeg().toBuffer();
}

/**
 * A small specification: temperature checks and vehicle registration at the entrance (the first
 * needs a photo), office area per person ≥ 2.5 m² in enterprises, 1-metre distancing marks in
 * buildings, prevention publicity in the inner area.
 */
export function defaultItems(): ChecklistItem[] {
  return [
    { key: 'entrance_temperature', place: 'entrance', title: '入口设置测温点，进入人员全部测温', kind: 'check', photoRequired: true, severity: 'high' },
    { key: 'vehicle_registration', place: 'entrance', title: '进出车辆逐一登记', kind: 'check', photoRequired: false, severity: 'medium' },
    { key: 'office_area', place: 'enterprise', title: '办公区域人均面积不低于 2.5 平方米', kind: 'number', threshold: 2.5, comparator: 'gte', unit: 'm²', min: 0, max: 1000, photoRequired: false, severity: 'medium' },
    { key: 'distancing_marks', place: 'building', title: '电梯、大厅设置 1 米线标识', kind: 'check', photoRequired: false, severity: 'low' },
    { key: 'publicity', place: 'inner', title: '园区内张贴防控宣传材料', kind: 'check', photoRequired: false, severity: 'low' },
  ];
}

/** A template (version 1) of the zone, by the zone's system ctx. */
export async function makeTemplate(services: Services, zone: TestZone, items: ChecklistItem[] = defaultItems(), name = `工作规范${uniq()}`): Promise<Template> {
  return services.inspections.templates.create(zone.ctx, { name, items, note: null });
}

/** The ctx of a user of the zone (for service calls as that user, e.g. an inspector working a task). */
export function userCtx(zone: TestZone, user: { id: string; username: string; displayName: string; roles: readonly Role[]; enterpriseId?: string | null }): Ctx {
  return {
    actor: { userId: user.id, username: user.username, displayName: user.displayName, homeZoneId: zone.id, roles: [...user.roles], permissions: permissionsOf(user.roles), enterpriseId: user.enterpriseId ?? null },
    zoneId: zone.id,
    requestId: null,
    ip: null,
    lang: 'zh-CN',
  };
}

/** A user with the inspector role, made the primary responsible inspector (park_inspector) of the park. */
export async function makeInspector(services: Services, zone: TestZone, parkId: string) {
  const user = await makeUser(services, zone, ['inspector']);
  await services.org.assignments.create(zone.ctx, { kind: 'park_inspector', userId: user.id, targetId: parkId, isPrimary: true, note: null });
  return user;
}

/** A round over the parks (each must have an inspector), by the zone's system ctx. */
export async function startRound(services: Services, zone: TestZone, opts: { parkIds: string[]; templateId: string; roundDate: string; name?: string }): Promise<Round> {
  return services.inspections.rounds.create(zone.ctx, { name: opts.name ?? `巡查批次${uniq()}`, roundDate: opts.roundDate, templateId: opts.templateId, parkIds: opts.parkIds });
}

/** A round of one park (which must have an inspector) on a new template unless one is given; its task. */
export async function makeTask(services: Services, zone: TestZone, parkId: string, opts: { templateId?: string; roundDate?: string } = {}) {
  const templateId = opts.templateId ?? (await makeTemplate(services, zone)).id;
  const round = await startRound(services, zone, { parkIds: [parkId], templateId, roundDate: opts.roundDate ?? services.inspections.scope.today() });
  const [task] = (await services.inspections.tasks.list(zone.ctx, { roundId: round.id, page: 1, pageSize: 1 })).items;
  return { round, task: task! };
}

export type FailSpec = {
  itemKey: string;
  disposition: FindingDisposition;
  /** Ledger: the deadline (the task's due date + 7 days by default). */
  deadline?: string;
  /** Number items: the value entered (a value failing the threshold by default). */
  value?: number;
  description?: string;
};

/**
 * Walks the task's park (entrance, inner area, one building and one enterprise — the ones given or
 * the first of the park, when it has any), answers every item of the template version for those
 * places (passing, or failing the named ones with a disposition), uploads the photos required and
 * submits. `ctx` is whoever works the task (its inspector's or the zone's system ctx).
 */
export async function completeTask(
  services: Services,
  ctx: Ctx,
  taskId: string,
  opts: { fail?: FailSpec[]; buildingId?: string; enterpriseId?: string; submit?: boolean } = {},
): Promise<TaskDetail> {
  const tasks = services.inspections.tasks;
  const task = await tasks.get(ctx, taskId);
  const items = task.templateVersion?.items ?? [];
  const failing = new Map((opts.fail ?? []).map((f) => [f.itemKey, f]));

  const buildingId = opts.buildingId ?? (await services.org.buildings.list(ctx, { parkId: task.parkId, page: 1, pageSize: 1 })).items[0]?.id;
  const enterpriseId = opts.enterpriseId ?? (await services.enterprises.briefs(ctx.zoneId)).find((e) => e.parkId === task.parkId)?.id;

  const add = async (input: Parameters<typeof tasks.addPlace>[2]) => (await tasks.addPlace(ctx, taskId, input)).place;
  const places = [await add({ place: 'entrance' }), await add({ place: 'inner' })];
  if (buildingId) places.push(await add({ place: 'building', buildingId }));
  if (enterpriseId) places.push(await add({ place: 'enterprise', enterpriseId }));

  const photo = async () => (await tasks.uploadPhoto(ctx, taskId, await tinyJpeg(), 'photo.jpg')).id;
  for (const place of places) {
    for (const item of items.filter((i) => i.place === place.place)) {
      const fail = failing.get(item.key);
      const photoFileIds = item.photoRequired || fail ? [await photo()] : [];
      let finding: FindingDraft | null = null;
      if (fail) {
        finding =
          fail.disposition === 'fixed_on_spot'
            ? { disposition: 'fixed_on_spot', description: fail.description ?? `${item.title}：现场发现问题`, afterPhotoFileIds: [await photo()] }
            : { disposition: 'ledger', description: fail.description ?? `${item.title}：现场发现问题`, afterPhotoFileIds: [], responsibleParty: '园区物业', measure: '限期整改并复查', deadline: fail.deadline ?? addDays(task.dueDate, 7) };
      }
      const value = item.kind === 'number' ? (fail ? (fail.value ?? failingValue(item)) : passingValue(item)) : undefined;
      await tasks.answer(ctx, taskId, {
        placeId: place.id,
        itemKey: item.key,
        ...(item.kind === 'check' ? { result: fail ? 'fail' : 'pass' } : { value }),
        photoFileIds,
        finding,
      });
    }
  }
  if (opts.submit === false) return tasks.get(ctx, taskId);
  return tasks.act(ctx, taskId, 'submit', {});
}

/** A value meeting a number item's threshold (within its range). */
function passingValue(item: ChecklistItem): number {
  const t = item.threshold ?? 0;
  const v = item.comparator === 'lte' ? t - 1 : t + 1;
  return clamp(item, v, t);
}

/** A value failing a number item's threshold (within its range). */
function failingValue(item: ChecklistItem): number {
  const t = item.threshold ?? 0;
  const v = item.comparator === 'lte' ? t + 1 : t - 1;
  return clamp(item, v, t);
}

function clamp(item: ChecklistItem, v: number, t: number): number {
  if (item.min != null && v < item.min) return (item.min + t) / 2;
  if (item.max != null && v > item.max) return (item.max + t) / 2;
  return v;
}
