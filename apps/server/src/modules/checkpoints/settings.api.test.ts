// The zone's checkpoint settings through the API: defaults until changed, partial changes audited
// with what changed, bad values 400 naming the field, seen at once by settings.of (the public path's
// cached read), one zone's settings never another's, and only managers change them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/harness.js';
import { newAdmin, signedInUser } from '../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

const URL = '/api/checkpoints/settings';
const DEFAULTS = { retentionDays: 28, perIpPerMinute: 60, perCheckpointPerMinute: 3000, contactWindowMinutes: 30 };

describe('checkpoint settings', () => {
  it('are the defaults until changed; a change is partial, audited, and seen at once by settings.of; other zones keep theirs', async () => {
    const admin = await newAdmin(t.app, t.services);
    const neighbour = await newAdmin(t.app, t.services);
    expect((await admin.call({ method: 'GET', url: URL })).json()).toEqual(DEFAULTS);
    expect(await t.services.checkpoints.settings.of(admin.zone.id)).toEqual(DEFAULTS);

    const res = await admin.call({ method: 'PATCH', url: URL, payload: { retentionDays: 14, perIpPerMinute: 600 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ...DEFAULTS, retentionDays: 14, perIpPerMinute: 600 });
    expect(await t.services.checkpoints.settings.of(admin.zone.id)).toEqual({ ...DEFAULTS, retentionDays: 14, perIpPerMinute: 600 });
    const again = await admin.call({ method: 'PATCH', url: URL, payload: { contactWindowMinutes: 15 } });
    expect(again.json()).toEqual({ ...DEFAULTS, retentionDays: 14, perIpPerMinute: 600, contactWindowMinutes: 15 });
    expect((await admin.call({ method: 'GET', url: URL })).json().contactWindowMinutes).toBe(15);

    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('zone_id', '=', admin.zone.id).where('action', '=', 'checkpoint_settings.update').orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => [JSON.parse(a.before_json!), JSON.parse(a.after_json!)])).toEqual([
      [{ retentionDays: 28, perIpPerMinute: 60 }, { retentionDays: 14, perIpPerMinute: 600 }],
      [{ contactWindowMinutes: 30 }, { contactWindowMinutes: 15 }],
    ]);

    expect((await neighbour.call({ method: 'GET', url: URL })).json()).toEqual(DEFAULTS);
    expect(await t.services.checkpoints.settings.of(neighbour.zone.id)).toEqual(DEFAULTS);
  });

  it('parallel changes of different settings keep both (no change is lost)', async () => {
    const admin = await newAdmin(t.app, t.services);
    const changes = [{ retentionDays: 10 }, { perIpPerMinute: 5 }, { perCheckpointPerMinute: 500 }, { contactWindowMinutes: 20 }];
    const answers = await Promise.all(changes.map((payload) => admin.call({ method: 'PATCH', url: URL, payload })));
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const expected = { retentionDays: 10, perIpPerMinute: 5, perCheckpointPerMinute: 500, contactWindowMinutes: 20 };
    expect((await admin.call({ method: 'GET', url: URL })).json()).toEqual(expected);
    expect(await t.services.checkpoints.settings.of(admin.zone.id)).toEqual(expected);
  });

  it('refuses bad values naming the field; only managers change them, readers read', async () => {
    const admin = await newAdmin(t.app, t.services);
    for (const [payload, path] of [
      [{ retentionDays: 0 }, 'retentionDays'],
      [{ retentionDays: 366 }, 'retentionDays'],
      [{ perIpPerMinute: 1.5 }, 'perIpPerMinute'],
      [{ perCheckpointPerMinute: 'many' }, 'perCheckpointPerMinute'],
      [{ contactWindowMinutes: 241 }, 'contactWindowMinutes'],
    ] as const) {
      const res = await admin.call({ method: 'PATCH', url: URL, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([path]);
    }
    expect((await admin.call({ method: 'PATCH', url: URL, payload: { retention: 10 } })).statusCode).toBe(400);
    for (const role of ['checkpoint_staff', 'leader'] as const) {
      const user = await signedInUser(t.app, t.services, admin.zone, [role]);
      expect((await user.call({ method: 'GET', url: URL })).json()).toEqual(DEFAULTS);
      expect((await user.call({ method: 'PATCH', url: URL, payload: { retentionDays: 7 } })).statusCode).toBe(403);
    }
    expect((await admin.call({ method: 'GET', url: URL })).json()).toEqual(DEFAULTS);
    expect(await t.deps.database.db.selectFrom('checkpoint_settings').select('zone_id').where('zone_id', '=', admin.zone.id).execute()).toEqual([]);
  });
});
