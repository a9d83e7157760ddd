// Factories of the ledger side of inspections (巡查台账): a zone with parks (each with a building,
// an enterprise and its responsible inspector, signed in), a checklist, and a park inspected in a
// round with the failed items named — all through the services (inspection-factories.ts).
import type { FastifyInstance } from 'fastify';
import type { Finding, TaskDetail } from '@shuangsheng/contracts';
import { addDays } from '../platform/calendar.js';
import type { Services } from '../services.js';
import { makeBuilding, makeEnterprise, makePark, newAdmin, signInAs, type Caller, type TestZone } from './factories.js';
import { completeTask, makeInspector, makeTemplate, startRound, tinyJpeg, type FailSpec } from './inspection-factories.js';
import { multipart } from './xlsx.js';

export type WorldPark = {
  park: Awaited<ReturnType<typeof makePark>>;
  building: Awaited<ReturnType<typeof makeBuilding>>;
  enterprise: Awaited<ReturnType<typeof makeEnterprise>>;
  inspector: { user: Awaited<ReturnType<typeof makeInspector>> } & Caller;
};

/** A zone admin (signed in), `parks` parks each with a building, an enterprise in it and a signed-in inspector, and the default checklist. */
export async function inspectionWorld(app: FastifyInstance, services: Services, parks = 1) {
  const admin = await newAdmin(app, services);
  const { zone } = admin;
  const list: WorldPark[] = [];
  for (let i = 0; i < parks; i++) {
    const park = await makePark(services, zone);
    const building = await makeBuilding(services, zone, park.id);
    const enterprise = await makeEnterprise(services, zone, { parkId: park.id, buildingId: building.id, employees: 40 });
    const user = await makeInspector(services, zone, park.id);
    list.push({ park, building, enterprise, inspector: { user, ...(await signInAs(app, user.username)) } });
  }
  const template = await makeTemplate(services, zone);
  return { ...admin, parks: list, template };
}
export type InspectionWorld = Awaited<ReturnType<typeof inspectionWorld>>;

/**
 * A round over the parks on `roundDate` (the zone's today by default) and, for each entry of
 * `inspect`, that park's task completed with the failures named. Returns the round, the submitted
 * tasks and their findings (in number order).
 */
export async function inspectParks(
  services: Services,
  w: InspectionWorld,
  opts: { parkIds?: string[]; roundDate?: string; inspect: { park: WorldPark; fail?: FailSpec[] }[] },
): Promise<{ round: Awaited<ReturnType<typeof startRound>>; tasks: TaskDetail[]; findings: Finding[] }> {
  const roundDate = opts.roundDate ?? services.inspections.scope.today();
  const round = await startRound(services, w.zone, { parkIds: opts.parkIds ?? w.parks.map((p) => p.park.id), templateId: w.template.id, roundDate });
  const all = await services.inspections.tasks.list(w.zone.ctx, { roundId: round.id, page: 1, pageSize: 200 });
  const tasks: TaskDetail[] = [];
  for (const { park, fail } of opts.inspect) {
    const task = all.items.find((t) => t.parkId === park.park.id)!;
    tasks.push(await completeTask(services, w.zone.ctx, task.id, { fail: fail ?? [], buildingId: park.building.id, enterpriseId: park.enterprise.id }));
  }
  const findings = (await services.inspections.findings.list(w.zone.ctx, { roundId: round.id, page: 1, pageSize: 200, sort: 'number:asc' })).items;
  return { round, tasks, findings };
}

/** Uploads a photo to a task through the API (as `caller`), returning its file id. */
export async function uploadTaskPhoto(caller: Pick<Caller, 'call'>, taskId: string, name = 'after.jpg'): Promise<string> {
  const body = multipart(await tinyJpeg(), { filename: name, contentType: 'image/jpeg' });
  const res = await caller.call({ method: 'POST', url: `/api/inspections/tasks/${taskId}/photos`, payload: body.payload, headers: body.headers });
  if (res.statusCode !== 201) throw new Error(`photo upload failed: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/** The follow-up tasks of a finding (any day), oldest first. */
export async function followUpsOf(services: Services, w: InspectionWorld, findingId: string) {
  const rows = await services.inspections.tasks.list(w.zone.ctx, { kind: 'follow_up', page: 1, pageSize: 200 });
  return rows.items.filter((t) => t.findingId === findingId).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

/**
 * Signs everyone of the world in again (sessions end after two idle hours: tests that move the
 * clock by days call this after each move).
 */
export async function signInAgain(app: FastifyInstance, w: InspectionWorld): Promise<void> {
  w.call = (await signInAs(app, w.admin.username)).call;
  for (const p of w.parks) p.inspector.call = (await signInAs(app, p.inspector.user.username)).call;
}

/**
 * An open ledger finding about an enterprise of the park (office area per person), found
 * yesterday by the park's inspector, today's follow-up task made by the job, and a photo uploaded
 * to it — what closing, raising a demand and a follow-up visit start from. The park needs a
 * responsible inspector; the zone's system ctx does the work.
 */
export async function openLedgerFinding(services: Services, zone: TestZone, parkId: string) {
  const yesterday = addDays(services.inspections.scope.today(), -1);
  const template = await makeTemplate(services, zone);
  const enterprise = await makeEnterprise(services, zone, { parkId });
  const round = await startRound(services, zone, { parkIds: [parkId], templateId: template.id, roundDate: yesterday });
  const [task] = (await services.inspections.tasks.list(zone.ctx, { roundId: round.id, page: 1, pageSize: 1 })).items;
  const done = await completeTask(services, zone.ctx, task!.id, { fail: [{ itemKey: 'office_area', disposition: 'ledger' }], enterpriseId: enterprise.id });
  const finding = done.findings.find((f) => f.itemKey === 'office_area')!;
  await services.inspections.followups.run(zone.id);
  const followUp = (await services.inspections.tasks.list(zone.ctx, { kind: 'follow_up', page: 1, pageSize: 200 })).items.find((x) => x.findingId === finding.id)!;
  const photo = await services.inspections.tasks.uploadPhoto(zone.ctx, followUp.id, await tinyJpeg(), 'after.jpg');
  return { finding, enterprise, followUp, photoId: photo.id };
}
