// The file store through the API: uploads recognised by their content (PDF, JPEG, PNG, xlsx, docx)
// whatever their names say, a fake extension refused with 415, the same bytes stored once on disk
// with a row per upload, downloads with the bytes, type and an RFC 5987 name, zones kept apart,
// and who may upload and read catalogue templates.
import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, StoredFile } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { countRows, makeEnterprise, makeTemplateFile, newAdmin, signedInUser, zoneSnapshot, type Caller } from '../../test/factories.js';
import { docxBytes, jpegBytes, pdfBytes, pngBytes, xlsxBytes, zipOf } from '../../test/files.js';
import { multipart, streamedZerosUpload } from '../../test/xlsx.js';

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function upload(call: Caller['call'], bytes: Buffer, filename: string, contentType = 'application/octet-stream', headers: Record<string, string> = {}) {
  const body = multipart(bytes, { filename, contentType });
  return call({ method: 'POST', url: '/api/files?purpose=service_template', payload: body.payload, headers: { ...body.headers, ...headers } });
}

/** Every file under the store's directory, as paths relative to it. */
function stored(): string[] {
  const root = path.join(t.dataDir, 'files');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else out.push(path.relative(root, path.join(dir, e.name)));
    }
  };
  try {
    walk(root);
  } catch {
    return [];
  }
  return out.sort();
}

describe('uploading', () => {
  it('recognises PDF, JPEG, PNG, workbooks and Word documents by their content', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const files: [Buffer, string, StoredFile['type']][] = [
      [pdfBytes('申请书'), '公司登记申请书.pdf', 'pdf'],
      [jpegBytes(), '身份证正面.jpg', 'jpeg'],
      [pngBytes(), '营业执照.png', 'png'],
      [await xlsxBytes(), '返岗人员花名册.xlsx', 'xlsx'],
      [docxBytes(), '公司章程（范本）.docx', 'docx'],
    ];
    for (const [bytes, name, type] of files) {
      const res = await upload(call, bytes, name);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
      expect(res.json()).toEqual({ id: expect.any(String), name, type, size: bytes.length, sha256: sha256(bytes), createdAt: clock.now() });
      expect(stored()).toContain(path.join(sha256(bytes).slice(0, 2), sha256(bytes)));
    }
    expect(await countRows(t.deps.database, 'files', zone.id)).toBe(5);
  });

  it('goes by the content, not the name: a PNG called .pdf is a PNG, a text called .pdf is refused with 415', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const png = await upload(call, pngBytes([1, 2, 3]), '扫描件.pdf', 'application/pdf');
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ type: 'png', name: '扫描件.pdf.png' });
    const noName = await upload(call, docxBytes('无名'), '', 'application/octet-stream');
    expect(noName.statusCode, noName.body).toBe(201);
    expect(noName.json()).toMatchObject({ type: 'docx', name: 'file.docx' });

    const before = await zoneSnapshot(t.deps.database, zone.id);
    const onDisk = stored();
    const fakes: [Buffer, string][] = [
      [Buffer.from('这是一段文字，不是 PDF。'), '申请书.pdf'],
      [Buffer.from('GIF89a\u0001\u0000\u0001\u0000'), '照片.png'],
      [zipOf({ 'readme.txt': 'word/document.xml [Content_Types].xml' }), '章程.docx'],
      [Buffer.from('<html><script>alert(1)</script></html>'), '模板.xlsx'],
      [Buffer.alloc(0), '空.pdf'],
    ];
    for (const [bytes, name] of fakes) {
      const res = await upload(call, bytes, name, 'application/pdf');
      expect(res.statusCode, name).toBe(415);
      expect(res.json().error, name).toEqual({ code: 'unsupported_media_type', message: `不支持的文件类型：${name}` });
    }
    const en = await upload(call, Buffer.from('text'), 'a.pdf', 'application/pdf', { 'accept-language': 'en-US' });
    expect(en.json().error.message).toBe('Unsupported file type: a.pdf');
    expect(await zoneSnapshot(t.deps.database, zone.id)).toEqual(before);
    expect(stored()).toEqual(onDisk);
  });

  it('stores the same bytes once on disk, with a row (and a name) per upload', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const other = await newAdmin(t.app, t.services);
    const bytes = pdfBytes(`同一份文件 ${Date.now()}`);
    const a = (await upload(call, bytes, '第一次.pdf')).json() as StoredFile;
    const b = (await upload(call, bytes, '第二次.pdf')).json() as StoredFile;
    const c = (await upload(other.call, bytes, '别区.pdf')).json() as StoredFile;
    expect(new Set([a.id, b.id, c.id]).size).toBe(3);
    expect([a.sha256, b.sha256, c.sha256]).toEqual([sha256(bytes), sha256(bytes), sha256(bytes)]);
    expect(stored().filter((p) => p.endsWith(sha256(bytes)))).toEqual([path.join(sha256(bytes).slice(0, 2), sha256(bytes))]);
    expect(await countRows(t.deps.database, 'files', zone.id)).toBe(2);
    expect((await call({ method: 'GET', url: `/api/files/${b.id}` })).rawPayload).toEqual(bytes);
    expect(String((await call({ method: 'GET', url: `/api/files/${b.id}` })).headers['content-disposition'])).toContain(encodeURIComponent('第二次.pdf'));
  });

  it('records the upload in the audit log', async () => {
    const { call, admin } = await newAdmin(t.app, t.services);
    const bytes = pngBytes([9, 9, 9]);
    const file = (await upload(call, bytes, '印模.png')).json() as StoredFile;
    const [entry] = (await call({ method: 'GET', url: `/api/audit?entityId=${file.id}` })).json().items as AuditEntry[];
    expect(entry).toMatchObject({ action: 'file.upload', actorId: admin.id, entityType: 'file', entityId: file.id, at: clock.now(), before: null });
    expect(entry!.after).toEqual({ purpose: 'service_template', name: '印模.png', type: 'png', size: bytes.length, sha256: sha256(bytes) });
  });

  it('refuses a file over 20 MB with 413 and stores nothing', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const onDisk = stored();
    const body = streamedZerosUpload(21 * 1024 * 1024, { filename: 'huge.pdf' });
    const res = await call({ method: 'POST', url: '/api/files?purpose=service_template', payload: body.payload, headers: body.headers });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toEqual({ code: 'payload_too_large', message: '上传内容过大（上限 20 MB）' });
    expect(await countRows(t.deps.database, 'files', zone.id)).toBe(0);
    expect(stored()).toEqual(onDisk);
  });
});

describe('downloading', () => {
  it('returns the bytes with their type, length and an RFC 5987 file name', async () => {
    const { call } = await newAdmin(t.app, t.services);
    const cases: [Buffer, string, string, string][] = [
      [pdfBytes('下载'), '营业执照（副本）.pdf', 'application/pdf', '________.pdf'],
      [jpegBytes(), 'photo 1.JPG', 'image/jpeg', 'photo 1.JPG'],
      [pngBytes(), 'scan.png', 'image/png', 'scan.png'],
      [await xlsxBytes(), '花名册.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '___.xlsx'],
      [docxBytes(), '章程.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '__.docx'],
    ];
    for (const [bytes, name, type, ascii] of cases) {
      const file = (await upload(call, bytes, name)).json() as StoredFile;
      const res = await call({ method: 'GET', url: `/api/files/${file.id}` });
      expect(res.statusCode, name).toBe(200);
      expect(res.rawPayload.equals(bytes), name).toBe(true);
      expect(res.headers['content-type'], name).toBe(type);
      expect(res.headers['content-length'], name).toBe(String(bytes.length));
      expect(res.headers['x-content-type-options'], name).toBe('nosniff');
      expect(res.headers['content-disposition'], name).toBe(`attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    }
  });

  it('answers 404 for another zone’s file, an unknown id, and a file whose bytes are gone', async () => {
    const mine = await newAdmin(t.app, t.services);
    const theirs = await newAdmin(t.app, t.services);
    const foreign = await makeTemplateFile(t.services, theirs.zone, pdfBytes('外区'), '外区模板.pdf');
    for (const id of [foreign.id, '01900000-0000-7000-8000-0000000000ff']) {
      const res = await mine.call({ method: 'GET', url: `/api/files/${id}` });
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toEqual({ code: 'not_found', message: '未找到文件', details: { entity: 'file', id } });
    }
    expect((await theirs.call({ method: 'GET', url: `/api/files/${foreign.id}` })).statusCode).toBe(200);

    const lost = pdfBytes(`将被删除 ${Date.now()}`);
    const file = await makeTemplateFile(t.services, mine.zone, lost, '丢失.pdf');
    rmSync(path.join(t.dataDir, 'files', file.sha256.slice(0, 2), file.sha256));
    const gone = await mine.call({ method: 'GET', url: `/api/files/${file.id}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error).toEqual({ code: 'not_found', message: '未找到文件', details: { entity: 'file', id: file.id } });
  });
});

describe('who may upload and read templates', () => {
  it('only those who keep the catalogue upload; everyone of the zone downloads a template', async () => {
    const { zone } = await newAdmin(t.app, t.services);
    const enterprise = await makeEnterprise(t.services, zone);
    const template = await makeTemplateFile(t.services, zone, docxBytes('模板'), '申请书模板.docx');
    const before = await countRows(t.deps.database, 'files', zone.id);
    for (const [role, opts] of [['leader', {}], ['commissioner', {}], ['inspector', {}], ['enterprise_user', { enterpriseId: enterprise.id }]] as const) {
      const u = await signedInUser(t.app, t.services, zone, [role], opts);
      const res = await upload(u.call, pdfBytes(), '越权.pdf');
      expect(res.statusCode, role).toBe(403);
      expect(res.json().error, role).toEqual({ code: 'forbidden', message: '没有权限执行此操作' });
      const download = await u.call({ method: 'GET', url: `/api/files/${template.id}` });
      expect(download.statusCode, role).toBe(200);
      expect(download.rawPayload.equals(docxBytes('模板')), role).toBe(true);
    }
    expect(await countRows(t.deps.database, 'files', zone.id)).toBe(before);
    const officer = await signedInUser(t.app, t.services, zone, ['approval_officer']);
    const res = await upload(officer.call, pdfBytes('officer'), '办事指南.pdf');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: '办事指南.pdf', type: 'pdf' });
    // Signed out, nothing.
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${template.id}` })).statusCode).toBe(401);
  });
});

describe('names in downloads', () => {
  it('escape what RFC 5987 does not allow', async () => {
    const { call } = await newAdmin(t.app, t.services);
    const { payload, headers } = multipart(pdfBytes(), { filename: `O'Brien final (1)*.pdf`, contentType: 'application/pdf' });
    const up = await call({ method: 'POST', url: '/api/files?purpose=service_template', payload, headers });
    expect(up.statusCode, up.body).toBe(201);
    const down = await call({ method: 'GET', url: `/api/files/${up.json().id}` });
    const disposition = String(down.headers['content-disposition']);
    expect(disposition).toContain(`filename*=UTF-8''O%27Brien%20final%20%281%29%2A.pdf`);
    expect(disposition).toContain(`filename="O'Brien final (1)*.pdf"`);
  });

  it('a purpose left out is required', async () => {
    const { call } = await newAdmin(t.app, t.services);
    const { payload, headers } = multipart(pdfBytes());
    const res = await call({ method: 'POST', url: '/api/files', payload, headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'purpose', message: '必填' }]);
  });
});
