// The request log never holds the personal data a URL's query may carry (platform/log.ts).
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

describe('the request log', () => {
  it('writes each request’s URL with ID numbers, phones and plates in the query replaced', async () => {
    let text = '';
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        text += chunk.toString('utf8');
        done();
      },
    });
    const { buildApp } = await import('../app.js');
    const app = await buildApp({ deps: t.deps, config: { version: 't', publicUrl: undefined, logLevel: 'info', timeZone: 'Asia/Shanghai' }, staticRoots: {}, logStream: stream });
    try {
      const id = '510302199001011234';
      await app.inject({ method: 'GET', url: `/api/checkpoints/passes?q=${id}&status=valid` });
      await app.inject({ method: 'GET', url: '/api/checkpoints/registrations?phone=13812345678' });
      expect(text).toContain('/api/checkpoints/passes?q=***&status=valid');
      expect(text).toContain('/api/checkpoints/registrations?phone=***');
      expect(text).not.toContain(id);
      expect(text).not.toContain('13812345678');
    } finally {
      await app.close();
    }
  });
});
