// The inspection record through the API: places of the task's park, answers saved one by one
// (number items pass or fail by their threshold, within a sane range), photos checked by their
// bytes and stored resized, the rules of submission (dispositions of failed items, required
// photos), the lock after submission, parallel requests, and who may work on which task.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Place, Task, TaskDetail } from '@shuangsheng/contracts';
import type { TaskPhoto } from './tasks.service.js';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeBuilding, makeEnterprise, makePark, newAdmin, signedInUser, signInAs, type Caller } from '../../test/factories.js';
import { pdfBytes } from '../../test/files.js';
import { makeInspector, makeTemplate, startRound, tinyJpeg } from '../../test/inspection-factories.js';
import { multipart } from '../../test/xlsx.js';

const clock = testClock(Date.UTC(2020, 1, 26, 1, 0, 0)); // 2020-02-26 09:00 in Beijing
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const BASE = '/api/inspections/tasks';

/** A park with a building and an enterprise in it, its inspector signed in, a round with the park's task; a second park with its own inspector. */
async function world() {
  const admin = await newAdmin(t.app, t.services);
  const { zone } = admin;
  const s = t.services;
  const park = await makePark(s, zone, '科创园');
  const building = await makeBuilding(s, zone, park.id, '1 号楼');
  const enterprise = await makeEnterprise(s, zone, { name: '测试科技有限公司', parkId: park.id, buildingId: building.id });
  const otherPark = await makePark(s, zone, '智造园');
  const otherBuilding = await makeBuilding(s, zone, otherPark.id, '9 号楼');
  const otherEnterprise = await makeEnterprise(s, zone, { parkId: otherPark.id });
  const inspector = await makeInspector(s, zone, park.id);
  const colleague = await makeInspector(s, zone, otherPark.id);
  const tpl = await makeTemplate(s, zone);
  const round = await startRound(s, zone, { parkIds: [park.id, otherPark.id], templateId: tpl.id, roundDate: '2020-02-26', name: '2月26日全面巡查' });
  const tasks = (await s.inspections.tasks.list(zone.ctx, { roundId: round.id, page: 1, pageSize: 10 })).items;
  const task = tasks.find((x) => x.parkId === park.id)!;
  const otherTask = tasks.find((x) => x.parkId === otherPark.id)!;
  return { admin, zone, park, building, enterprise, otherBuilding, otherEnterprise, tpl, round, task, otherTask, me: await signInAs(t.app, inspector.username), inspector, colleague: await signInAs(t.app, colleague.username) };
}
type World = Awaited<ReturnType<typeof world>>;

const place = async (who: Caller, taskId: string, body: Record<string, unknown>) => who.call({ method: 'POST', url: `${BASE}/${taskId}/places`, payload: body });
const answer = async (who: Caller, taskId: string, body: Record<string, unknown>) => who.call({ method: 'PUT', url: `${BASE}/${taskId}/answers`, payload: body });
const act = async (who: Caller, taskId: string, action: string, body: Record<string, unknown> = {}) => who.call({ method: 'POST', url: `${BASE}/${taskId}/actions/${action}`, payload: body });
async function photo(who: Caller, taskId: string, bytes?: Buffer, filename = 'site.jpg') {
  const body = multipart(bytes ?? (await tinyJpeg()), { filename, contentType: 'image/jpeg' });
  return who.call({ method: 'POST', url: `${BASE}/${taskId}/photos`, payload: body.payload, headers: body.headers });
}
const detail = async (who: Caller, taskId: string) => (await who.call({ method: 'GET', url: `${BASE}/${taskId}` })).json() as TaskDetail;
const answerRows = (w: World, taskId: string) => t.deps.database.db.selectFrom('inspection_answers').selectAll().where('zone_id', '=', w.zone.id).where('task_id', '=', taskId).execute();

/** Entrance, building and enterprise places of the world's task, through the API. */
async function walk(w: World) {
  const entrance = (await place(w.me, w.task.id, { place: 'entrance' })).json() as Place;
  const building = (await place(w.me, w.task.id, { place: 'building', buildingId: w.building.id })).json() as Place;
  const enterprise = (await place(w.me, w.task.id, { place: 'enterprise', enterpriseId: w.enterprise.id })).json() as Place;
  const inner = (await place(w.me, w.task.id, { place: 'inner' })).json() as Place;
  return { entrance, building, enterprise, inner };
}

describe('places', () => {
  it('places are the park’s entrance and inner area, or a building or enterprise of the task’s park; the same place twice is the one there is', async () => {
    const w = await world();
    const first = await place(w.me, w.task.id, { place: 'entrance' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ id: expect.any(String), place: 'entrance', buildingId: null, enterpriseId: null, label: '园区入口', answers: [] });
    const again = await place(w.me, w.task.id, { place: 'entrance', buildingId: w.building.id });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const building = await place(w.me, w.task.id, { place: 'building', buildingId: w.building.id });
    expect(building.json()).toMatchObject({ place: 'building', buildingId: w.building.id, enterpriseId: null, label: '1 号楼' });
    const firm = await place(w.me, w.task.id, { place: 'enterprise', enterpriseId: w.enterprise.id });
    // An enterprise place carries its building (it counts as covered).
    expect(firm.json()).toMatchObject({ place: 'enterprise', buildingId: w.building.id, enterpriseId: w.enterprise.id, label: '测试科技有限公司' });

    const wrongBuilding = await place(w.me, w.task.id, { place: 'building', buildingId: w.otherBuilding.id });
    expect(wrongBuilding.statusCode).toBe(400);
    expect(wrongBuilding.json().error.details).toEqual([{ path: 'buildingId', message: '楼宇须选择本园区的楼宇' }]);
    const wrongFirm = await place(w.me, w.task.id, { place: 'enterprise', enterpriseId: w.otherEnterprise.id });
    expect(wrongFirm.json().error.details).toEqual([{ path: 'enterpriseId', message: '企业须选择本园区的企业' }]);
    const elsewhere = (await newAdmin(t.app, t.services)).zone;
    const foreign = await makeBuilding(t.services, elsewhere, (await makePark(t.services, elsewhere)).id);
    expect((await place(w.me, w.task.id, { place: 'building', buildingId: foreign.id })).json().error.details[0].path).toBe('buildingId');
    expect((await place(w.me, w.task.id, { place: 'building' })).json().error.details).toEqual([{ path: 'buildingId', message: '必填' }]);
    expect((await place(w.me, w.task.id, { place: 'roof' })).statusCode).toBe(400);

    const task = await detail(w.me, w.task.id);
    expect(task.places.map((p) => p.label)).toEqual(['园区入口', '1 号楼', '测试科技有限公司']);
    const audit = await t.deps.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', w.task.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['inspection_task.add_place', 'inspection_task.add_place', 'inspection_task.add_place']);
  });

  it('inspectors work only on their own tasks; the admin on any; leaders only read; another zone’s task is not found', async () => {
    const w = await world();
    const denied = await place(w.colleague, w.task.id, { place: 'entrance' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error).toMatchObject({ code: 'rule.not_own_task', message: '只能填写分配给自己的巡查任务' });
    expect((await answer(w.colleague, w.task.id, { placeId: w.task.id, itemKey: 'publicity', result: 'pass' })).statusCode).toBe(403);
    expect((await photo(w.colleague, w.task.id)).statusCode).toBe(403);
    expect((await act(w.colleague, w.task.id, 'submit')).statusCode).toBe(403);
    expect((await act(w.colleague, w.task.id, 'start')).statusCode).toBe(403);
    // But colleagues read each other's tasks.
    expect((await w.colleague.call({ method: 'GET', url: `${BASE}/${w.task.id}` })).statusCode).toBe(200);
    const leader = await signedInUser(t.app, t.services, w.zone, ['leader']);
    expect((await place(leader, w.task.id, { place: 'entrance' })).statusCode).toBe(403);
    expect((await leader.call({ method: 'GET', url: `${BASE}?mine=false` })).json().total).toBe(2);
    expect((await place(w.admin, w.task.id, { place: 'inner' })).statusCode).toBe(201);

    const stranger = await newAdmin(t.app, t.services);
    expect((await stranger.call({ method: 'GET', url: `${BASE}/${w.task.id}` })).statusCode).toBe(404);
    expect((await place(stranger, w.task.id, { place: 'entrance' })).statusCode).toBe(404);
    expect((await stranger.call({ method: 'GET', url: BASE })).json().total).toBe(0);
    expect((await detail(w.admin, w.task.id)).places).toHaveLength(1);
  });
});

describe('answers', () => {
  it('check items take a result, number items a value in range whose result follows the threshold; one answer per place and item; the first answer starts the task', async () => {
    const w = await world();
    const p = await walk(w);
    const pass = await answer(w.me, w.task.id, { placeId: p.building.id, itemKey: 'distancing_marks', result: 'pass', note: '标识清晰', latitude: 29.35, longitude: 104.77 });
    expect(pass.statusCode, pass.body).toBe(200);
    expect(pass.json()).toEqual({ id: expect.any(String), placeId: p.building.id, itemKey: 'distancing_marks', result: 'pass', value: null, note: '标识清晰', photoFileIds: [], finding: null, latitude: 29.35, longitude: 104.77, answeredAt: clock.now() });
    let task = await detail(w.me, w.task.id);
    expect(task).toMatchObject({ status: 'in_progress', version: 2, answered: 1, failed: 0, startedAt: clock.now() });

    const low = await answer(w.me, w.task.id, { placeId: p.enterprise.id, itemKey: 'office_area', value: 1.8, result: 'pass' });
    expect(low.json()).toMatchObject({ result: 'fail', value: 1.8 });
    const ok = await answer(w.me, w.task.id, { placeId: p.enterprise.id, itemKey: 'office_area', value: 3.2 });
    expect(ok.json()).toMatchObject({ result: 'pass', value: 3.2, id: low.json().id });
    const exact = await answer(w.me, w.task.id, { placeId: p.enterprise.id, itemKey: 'office_area', value: 2.5 });
    expect(exact.json()).toMatchObject({ result: 'pass', value: 2.5 });
    const na = await answer(w.me, w.task.id, { placeId: p.enterprise.id, itemKey: 'office_area', result: 'na' });
    expect(na.json()).toMatchObject({ result: 'na', value: null });
    expect((await answerRows(w, w.task.id)).length).toBe(2);

    const cases: [Record<string, unknown>, { path: string; message: string }[]][] = [
      [{ placeId: p.enterprise.id, itemKey: 'office_area', value: 5000 }, [{ path: 'value', message: '应在 0 至 1000 之间' }]],
      [{ placeId: p.enterprise.id, itemKey: 'office_area', value: -1 }, [{ path: 'value', message: '应在 0 至 1000 之间' }]],
      [{ placeId: p.enterprise.id, itemKey: 'office_area' }, [{ path: 'value', message: '数值类检查项请填写数值' }]],
      [{ placeId: p.building.id, itemKey: 'distancing_marks' }, [{ path: 'result', message: '请选择检查结果' }]],
      [{ placeId: p.building.id, itemKey: 'no_such_item', result: 'pass' }, [{ path: 'itemKey', message: '检查项“no_such_item”不在本次巡查所用的工作规范（第 1 版）中' }]],
      [{ placeId: p.entrance.id, itemKey: 'office_area', value: 3 }, [{ path: 'itemKey', message: '检查项“office_area”属于企业，不能用于此处' }]],
      [{ placeId: p.building.id, itemKey: 'distancing_marks', result: 'pass', photoFileIds: [w.task.id] }, [{ path: 'photoFileIds.0', message: '照片须先上传到本次巡查任务' }]],
      [{ placeId: p.building.id, itemKey: 'distancing_marks', result: 'pass', finding: { disposition: 'ledger', description: '没有问题也写处置' } }, [{ path: 'finding', message: '只有不符合项才需填写处置方式' }]],
    ];
    for (const [body, details] of cases) {
      const res = await answer(w.me, w.task.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details).toEqual(details);
    }
    // A place of another task (of the same zone) is not this task's.
    const otherPlace = (await place(w.admin, w.otherTask.id, { place: 'inner' })).json() as Place;
    const foreignPlace = await answer(w.me, w.task.id, { placeId: otherPlace.id, itemKey: 'publicity', result: 'pass' });
    expect(foreignPlace.json().error.details).toEqual([{ path: 'placeId', message: '巡查点位须先添加到本次巡查任务' }]);
    // A photo of another task is not this task's either.
    const theirs = (await photo(w.admin, w.otherTask.id)).json() as TaskPhoto;
    expect((await answer(w.me, w.task.id, { placeId: p.building.id, itemKey: 'distancing_marks', result: 'fail', photoFileIds: [theirs.id] })).json().error.details[0].path).toBe('photoFileIds.0');
    const shape = await answer(w.me, w.task.id, { placeId: p.building.id, itemKey: 'distancing_marks', result: 'maybe' });
    expect(shape.json().error.details[0].path).toBe('result');
    task = await detail(w.me, w.task.id);
    expect(task.places.find((x) => x.id === p.building.id)!.answers).toEqual([pass.json()]);
    // A stale version is refused; the current one goes through.
    expect((await answer(w.me, w.task.id, { placeId: p.building.id, itemKey: 'distancing_marks', result: 'pass', version: 1 })).statusCode).toBe(409);
    expect((await answer(w.me, w.task.id, { placeId: p.building.id, itemKey: 'distancing_marks', result: 'pass', version: 2 })).statusCode).toBe(200);
  });

  it('two answers to the same item at once leave one row; answers to different items all stay', async () => {
    const w = await world();
    const p = await walk(w);
    const same = await Promise.all([1.5, 2.6, 3.7, 4.8].map((value) => answer(w.me, w.task.id, { placeId: p.enterprise.id, itemKey: 'office_area', value })));
    expect(same.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const rows = (await answerRows(w, w.task.id)).filter((r) => r.item_key === 'office_area');
    expect(rows).toHaveLength(1);
    expect([1.5, 2.6, 3.7, 4.8]).toContain(Number(rows[0]!.value));
    const many = await Promise.all([
      answer(w.me, w.task.id, { placeId: p.entrance.id, itemKey: 'vehicle_registration', result: 'pass' }),
      answer(w.me, w.task.id, { placeId: p.building.id, itemKey: 'distancing_marks', result: 'pass' }),
      answer(w.me, w.task.id, { placeId: p.inner.id, itemKey: 'publicity', result: 'na' }),
    ]);
    expect(many.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(await answerRows(w, w.task.id)).toHaveLength(4);
    // The task moved to in progress once.
    expect((await detail(w.me, w.task.id))).toMatchObject({ status: 'in_progress', version: 2, answered: 4 });
  });
});

describe('photos', () => {
  it('photos are stored resized to at most 1600 px (orientation applied, metadata stripped) as JPEG; anything else is 415', async () => {
    const w = await world();
    const big = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 10, g: 120, b: 200 } } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const up = await photo(w.me, w.task.id, big, '门口测温.JPEG');
    expect(up.statusCode, up.body).toBe(201);
    const stored = up.json() as TaskPhoto;
    // Orientation 6 turns the 3000×2000 picture upright: 2000×3000, then at most 1600 high.
    expect(stored).toMatchObject({ name: '门口测温.jpg', type: 'jpeg', width: 1067, height: 1600 });
    const got = await w.me.call({ method: 'GET', url: `${BASE}/${w.task.id}/photos/${stored.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(Number(got.headers['content-length'])).toBe(stored.size);
    const meta = await sharp(got.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1067, height: 1600 });
    expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(1600);
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();

    const png = await sharp({ create: { width: 200, height: 100, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } }).png().toBuffer();
    const small = (await photo(w.me, w.task.id, png, 'sketch.png')).json() as TaskPhoto;
    expect(small).toMatchObject({ name: 'sketch.jpg', type: 'jpeg', width: 200, height: 100 });
    const smallMeta = await sharp((await w.me.call({ method: 'GET', url: `${BASE}/${w.task.id}/photos/${small.id}` })).rawPayload).metadata();
    expect(smallMeta).toMatchObject({ format: 'jpeg', width: 200, height: 100 });

    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
    for (const [bytes, name] of [[pdfBytes('not a photo'), 'photo.jpg'], [broken, 'broken.jpg'], [Buffer.from('just text'), 'note.png']] as const) {
      const res = await photo(w.me, w.task.id, bytes, name);
      expect(res.statusCode, name).toBe(415);
      expect(res.json().error.code).toBe('unsupported_media_type');
    }
    const task = await detail(w.me, w.task.id);
    expect(task.photos.map((x) => x.id)).toEqual([stored.id, small.id]);
    expect(task.photos[0]).toEqual(stored);
    const files = await t.deps.database.db.selectFrom('files').select(['purpose', 'type']).where('zone_id', '=', w.zone.id).execute();
    expect(files).toEqual([{ purpose: 'inspection_photo', type: 'jpeg' }, { purpose: 'inspection_photo', type: 'jpeg' }]);
    // Readers see photos through the task (and /api/files); unknown ids and other tasks' ids are not found.
    const leader = await signedInUser(t.app, t.services, w.zone, ['leader']);
    expect((await leader.call({ method: 'GET', url: `${BASE}/${w.task.id}/photos/${stored.id}` })).statusCode).toBe(200);
    expect((await leader.call({ method: 'GET', url: `/api/files/${stored.id}` })).statusCode).toBe(200);
    expect((await w.me.call({ method: 'GET', url: `${BASE}/${w.otherTask.id}/photos/${stored.id}` })).statusCode).toBe(404);
    expect((await w.me.call({ method: 'GET', url: `${BASE}/${w.task.id}/photos/${w.task.id}` })).statusCode).toBe(404);
    // Parallel uploads all land in the task.
    const parallel = await Promise.all([1, 2, 3].map(async (n) => photo(w.me, w.task.id, await tinyJpeg(20 + n, 20))));
    expect(parallel.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect((await detail(w.me, w.task.id)).photos).toHaveLength(5);
  });
});

describe('policies explained', () => {
  it('the inspector records the policies explained (政策宣贯) until submission; others may not; bad text is 400', async () => {
    const w = await world();
    const patch = async (who: Caller, body: Record<string, unknown>) => who.call({ method: 'PATCH', url: `${BASE}/${w.task.id}`, payload: body });
    expect((await detail(w.me, w.task.id)).policiesExplained).toBeNull();
    const saved = await patch(w.me, { policiesExplained: '  讲解了稳岗返还、社保减免政策和复工防控要求  ', version: 1 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ id: w.task.id, policiesExplained: '讲解了稳岗返还、社保减免政策和复工防控要求', version: 2, status: 'pending' });
    expect((await detail(w.admin, w.task.id)).policiesExplained).toBe('讲解了稳岗返还、社保减免政策和复工防控要求');
    const listed = (await w.admin.call({ method: 'GET', url: `${BASE}?roundId=${w.round.id}&parkId=${w.park.id}` })).json().items as Task[];
    expect(listed.map((x) => x.policiesExplained)).toEqual(['讲解了稳岗返还、社保减免政策和复工防控要求']);
    // A stale version, another inspector, bad input: refused, nothing changed.
    const stale = await patch(w.me, { policiesExplained: '覆盖', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('state.stale_task');
    const denied = await patch(w.colleague, { policiesExplained: '不是我的任务' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('rule.not_own_task');
    const leader = await signedInUser(t.app, t.services, w.zone, ['leader']);
    expect((await patch(leader, { policiesExplained: '领导只读' })).statusCode).toBe(403);
    const nul = await patch(w.me, { policiesExplained: 'a\u0000b' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.details).toEqual([{ path: 'policiesExplained', message: '不能包含控制字符（如空字符）' }]);
    expect((await patch(w.me, { policiesExplained: 'x'.repeat(2001) })).json().error.details[0].path).toBe('policiesExplained');
    expect((await patch(w.me, { status: 'submitted' })).statusCode).toBe(400);
    const stranger = await newAdmin(t.app, t.services);
    expect((await stranger.call({ method: 'PATCH', url: `${BASE}/${w.task.id}`, payload: { policiesExplained: '外区' } })).statusCode).toBe(404);
    expect((await detail(w.me, w.task.id)).policiesExplained).toBe('讲解了稳岗返还、社保减免政策和复工防控要求');
    // The admin may correct it; the same text again changes nothing.
    clock.advance(60_000);
    expect((await patch(w.admin, { policiesExplained: '讲解稳岗返还政策' })).json()).toMatchObject({ policiesExplained: '讲解稳岗返还政策', version: 3 });
    expect((await patch(w.me, { policiesExplained: '讲解稳岗返还政策' })).json().version).toBe(3);
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('entity_id', '=', w.task.id).where('action', '=', 'inspection_task.update').orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => [JSON.parse(a.before_json!), JSON.parse(a.after_json!)])).toEqual([
      [{ policiesExplained: null }, { policiesExplained: '讲解了稳岗返还、社保减免政策和复工防控要求' }],
      [{ policiesExplained: '讲解了稳岗返还、社保减免政策和复工防控要求' }, { policiesExplained: '讲解稳岗返还政策' }],
    ]);

    // Submitted: locked.
    const p = await walk(w);
    await answer(w.me, w.task.id, { placeId: p.inner.id, itemKey: 'publicity', result: 'pass' });
    expect((await act(w.me, w.task.id, 'submit')).statusCode).toBe(200);
    const late = await patch(w.me, { policiesExplained: '提交后补充' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'state.task', message: '巡查任务当前为“已提交”，不能填写政策宣贯', details: { status: 'submitted' } });
    expect((await patch(w.admin, { policiesExplained: '' })).statusCode).toBe(409);
    expect((await detail(w.me, w.task.id)).policiesExplained).toBe('讲解稳岗返还政策');
  });
});

describe('submission', () => {
  it('failed items need a disposition, required photos must be there; submission locks the task and makes the findings', async () => {
    const w = await world();
    const empty = await act(w.me, w.task.id, 'submit');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details).toEqual([{ path: 'answers', message: '还没有填写任何检查项，不能提交' }]);

    const p = await walk(w);
    const shot = (await photo(w.me, w.task.id)).json() as TaskPhoto;
    const after = (await photo(w.me, w.task.id)).json() as TaskPhoto;
    // Temperature checks need a photo; the missing vehicle register is failed without a disposition.
    await answer(w.me, w.task.id, { placeId: p.entrance.id, itemKey: 'entrance_temperature', result: 'pass' });
    await answer(w.me, w.task.id, { placeId: p.entrance.id, itemKey: 'vehicle_registration', result: 'fail' });
    await answer(w.me, w.task.id, { placeId: p.building.id, itemKey: 'distancing_marks', result: 'fail', photoFileIds: [shot.id], finding: { disposition: 'fixed_on_spot', description: '电梯口 1 米线缺失' } });
    await answer(w.me, w.task.id, { placeId: p.enterprise.id, itemKey: 'office_area', value: 1.8, finding: { disposition: 'ledger', description: '工位过密', responsibleParty: '测试科技有限公司', measure: '错峰上班', deadline: '2020-02-20' } });
    await answer(w.me, w.task.id, { placeId: p.inner.id, itemKey: 'publicity', result: 'fail', finding: { disposition: 'ledger', description: '未张贴宣传材料' } });
    const refused = await act(w.me, w.task.id, 'submit');
    expect(refused.statusCode).toBe(400);
    const a = (placeId: string, key: string, field: string) => `answers.${placeId}.${key}.${field}`;
    expect(refused.json().error.details).toEqual([
      { path: a(p.entrance.id, 'entrance_temperature', 'photoFileIds'), message: '该检查项须拍照' },
      { path: a(p.entrance.id, 'vehicle_registration', 'finding'), message: '不符合项须选择处置方式（立行立改或列入台账）' },
      { path: a(p.building.id, 'distancing_marks', 'finding.afterPhotoFileIds'), message: '立行立改须上传整改后照片' },
      { path: a(p.enterprise.id, 'office_area', 'finding.deadline'), message: '整改期限不能早于发现日期' },
      { path: a(p.inner.id, 'publicity', 'finding'), message: '列入台账须填写责任方、整改措施和整改期限' },
    ]);
    expect((await detail(w.me, w.task.id)).status).toBe('in_progress');

    await answer(w.me, w.task.id, { placeId: p.entrance.id, itemKey: 'entrance_temperature', result: 'pass', photoFileIds: [shot.id] });
    await answer(w.me, w.task.id, { placeId: p.entrance.id, itemKey: 'vehicle_registration', result: 'pass' });
    await answer(w.me, w.task.id, { placeId: p.building.id, itemKey: 'distancing_marks', result: 'fail', photoFileIds: [shot.id], finding: { disposition: 'fixed_on_spot', description: '电梯口 1 米线缺失', afterPhotoFileIds: [after.id] } });
    await answer(w.me, w.task.id, { placeId: p.enterprise.id, itemKey: 'office_area', value: 1.8, finding: { disposition: 'ledger', description: '工位过密', responsibleParty: '测试科技有限公司', measure: '错峰上班', deadline: '2020-03-01' } });
    await answer(w.me, w.task.id, { placeId: p.inner.id, itemKey: 'publicity', result: 'na' });
    // A stale version is refused before anything else.
    const version = (await detail(w.me, w.task.id)).version;
    expect((await act(w.me, w.task.id, 'submit', { version: version - 1 })).json().error.code).toBe('state.stale_task');
    clock.advance(3_600_000);
    const done = await act(w.me, w.task.id, 'submit', { version });
    expect(done.statusCode, done.body).toBe(200);
    const submitted = done.json() as TaskDetail;
    expect(submitted).toMatchObject({ status: 'submitted', submittedAt: clock.now(), version: version + 1, answered: 5, failed: 2, missed: false });
    expect(submitted.findings.map((f) => [f.itemKey, f.disposition, f.status, f.placeLabel, f.foundOn])).toEqual([
      ['distancing_marks', 'fixed_on_spot', 'fixed_on_spot', '1 号楼', '2020-02-26'],
      ['office_area', 'ledger', 'open', '测试科技有限公司', '2020-02-26'],
    ]);
    expect(submitted.findings[1]).toMatchObject({ enterpriseId: w.enterprise.id, value: 1.8, responsibleParty: '测试科技有限公司', deadline: '2020-03-01', afterPhotoFileIds: [] });
    expect(submitted.findings[0]).toMatchObject({ photoFileIds: [shot.id], afterPhotoFileIds: [after.id] });
    const audit = await t.deps.database.db.selectFrom('audit_log').select('after_json').where('entity_id', '=', w.task.id).where('action', '=', 'inspection_task.submit').execute();
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ status: 'submitted', answered: 5, failed: 2 });

    // Locked: no answer, place, photo or second submission (409), and nothing changed.
    const late = await answer(w.me, w.task.id, { placeId: p.inner.id, itemKey: 'publicity', result: 'pass' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'state.task', message: '巡查任务当前为“已提交”，不能填写检查结果' });
    expect((await place(w.me, w.task.id, { place: 'inner' })).statusCode).toBe(409);
    expect((await photo(w.me, w.task.id)).statusCode).toBe(409);
    expect((await act(w.me, w.task.id, 'submit')).statusCode).toBe(409);
    expect((await act(w.admin, w.task.id, 'start')).statusCode).toBe(409);
    expect((await answerRows(w, w.task.id)).find((r) => r.item_key === 'publicity')!.result).toBe('na');
    const findings = await t.deps.database.db.selectFrom('inspection_findings').select('id').where('zone_id', '=', w.zone.id).where('task_id', '=', w.task.id).execute();
    expect(findings).toHaveLength(2);
  });

  it('two submissions at once: one wins, the other is 409, and the findings are made once', async () => {
    const w = await world();
    const p = await walk(w);
    const shot = (await photo(w.me, w.task.id)).json() as TaskPhoto;
    await answer(w.me, w.task.id, { placeId: p.entrance.id, itemKey: 'entrance_temperature', result: 'fail', photoFileIds: [shot.id], finding: { disposition: 'fixed_on_spot', description: '测温枪没电', afterPhotoFileIds: [shot.id] } });
    const both = await Promise.all([act(w.me, w.task.id, 'submit'), act(w.admin, w.task.id, 'submit')]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().error.code).toBe('state.task');
    const findings = await t.deps.database.db.selectFrom('inspection_findings').select('id').where('zone_id', '=', w.zone.id).where('task_id', '=', w.task.id).execute();
    expect(findings).toHaveLength(1);
    const audits = await t.deps.database.db.selectFrom('audit_log').select('id').where('entity_id', '=', w.task.id).where('action', '=', 'inspection_task.submit').execute();
    expect(audits).toHaveLength(1);
    // An answer racing a submission either lands before it or is refused after it.
    const w2 = await world();
    const p2 = await walk(w2);
    await answer(w2.me, w2.task.id, { placeId: p2.inner.id, itemKey: 'publicity', result: 'pass' });
    const race = await Promise.all([act(w2.me, w2.task.id, 'submit'), answer(w2.me, w2.task.id, { placeId: p2.building.id, itemKey: 'distancing_marks', result: 'pass' })]);
    expect(race[0].statusCode).toBe(200);
    expect([200, 409]).toContain(race[1].statusCode);
    // Whichever came first, the submission saw every answer the task has.
    const rows = await answerRows(w2, w2.task.id);
    expect(rows).toHaveLength(race[1].statusCode === 200 ? 2 : 1);
    const audit = await t.deps.database.db.selectFrom('audit_log').select('after_json').where('entity_id', '=', w2.task.id).where('action', '=', 'inspection_task.submit').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!).answered).toBe(rows.length);
  });

  it('start moves a pending task on once; lists show mine, status and missed tasks (not submitted after their day)', async () => {
    const w = await world();
    const started = await act(w.me, w.task.id, 'start');
    expect(started.json()).toMatchObject({ status: 'in_progress', version: 2, startedAt: clock.now() });
    const again = await act(w.me, w.task.id, 'start');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('巡查任务当前为“巡查中”，不能开始巡查');
    const list = async (who: Caller, q: string) => {
      const res = await who.call({ method: 'GET', url: `${BASE}?${q}` });
      expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
      return (res.json().items as Task[]).map((x) => x.id);
    };
    expect(await list(w.me, 'mine=true')).toEqual([w.task.id]);
    expect(await list(w.colleague, 'mine=true')).toEqual([w.otherTask.id]);
    expect(await list(w.admin, 'mine=true')).toEqual([]);
    expect(await list(w.admin, 'status=in_progress')).toEqual([w.task.id]);
    expect((await list(w.admin, `roundId=${w.round.id}&sort=parkName:asc`)).sort()).toEqual([w.otherTask.id, w.task.id].sort());
    expect(await list(w.admin, `q=${encodeURIComponent('科创')}`)).toEqual([w.task.id]);
    expect(await list(w.admin, 'missed=true')).toEqual([]);
    const saved = clock.now();
    clock.set(Date.UTC(2020, 1, 27, 1, 0, 0));
    try {
      // Sessions idle out over a day: sign in again on the next morning.
      const later = await signInAs(t.app, w.admin.admin.username);
      expect((await list(later, 'missed=true')).sort()).toEqual([w.task.id, w.otherTask.id].sort());
      const items = (await later.call({ method: 'GET', url: `${BASE}?parkId=${w.park.id}` })).json().items as Task[];
      expect(items).toEqual([expect.objectContaining({ id: w.task.id, missed: true, parkName: '科创园', roundName: '2月26日全面巡查', inspector: { id: w.inspector.id, name: w.inspector.displayName } })]);
      expect(await list(later, 'missed=false')).toEqual([]);
      expect(await list(later, 'dueDate=2020-02-26&kind=inspection')).toHaveLength(2);
      expect(await list(later, 'kind=follow_up')).toEqual([]);
    } finally {
      clock.set(saved);
    }
    const bad = await w.admin.call({ method: 'GET', url: `${BASE}?status=done&sort=dueDate:sideways` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['sort', 'status']);
    expect((await act(w.me, w.task.id, 'finish')).statusCode).toBe(400);
  });
});
