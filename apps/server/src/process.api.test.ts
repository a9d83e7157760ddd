// The server as a process: graceful shutdown finishes requests in flight and closes the database;
// on PostgreSQL, the API answers 503 while the database is away and recovers by itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from './db/connect.js';
import { makeTestApp, TEST_DIALECT } from './test/harness.js';
import { adminOf } from './test/factories.js';

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Resolves when `predicate` holds for the accumulated output, rejects on exit or timeout. */
function waitForOutput(child: ChildProcess, predicate: (out: string) => boolean, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`timeout; output so far:\n${out}`)), timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (predicate(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!predicate(out)) reject(new Error(`exited with ${code ?? signal}; output:\n${out}`));
    });
  });
}

describe('graceful shutdown', () => {
  it('on SIGTERM stops accepting, answers the request in flight, closes the database and exits 0', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ss-proc-'));
    dirs.push(dataDir);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: SERVER_DIR,
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', SHUANGSHENG_DEMO: 'off', DATABASE_URL: '', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = await waitForOutput(child, (o) => /— http:\/\/127\.0\.0\.1:\d+/.test(o));
    const port = Number(/— http:\/\/127\.0\.0\.1:(\d+)/.exec(started)![1]);
    expect(existsSync(path.join(dataDir, 'shuangsheng.db-wal'))).toBe(true);

    // A request whose body is still arriving when the signal comes.
    const body = JSON.stringify({ username: 'nobody', password: 'not-a-password' });
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((r) => socket.once('connect', () => r()));
    let response = '';
    socket.on('data', (d) => (response += d.toString()));
    const ended = new Promise<void>((r) => socket.once('close', () => r()));
    socket.write(`POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`);
    const routed = waitForOutput(child, (o) => o.includes('"msg":"incoming request"'));
    socket.write(body.slice(0, 10));
    // Only a request the server has begun to handle is "in flight"; one not yet read is refused.
    await routed;

    let log = '';
    child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    const exited = new Promise<string>((r) => child.once('exit', (code, signal) => r(`${code ?? signal}`)));
    const shuttingDown = waitForOutput(child, (o) => o.includes('shutting down'));
    child.kill('SIGTERM');
    await shuttingDown;

    // New connections are refused once the listener has closed (right after the log line).
    const connects = () =>
      new Promise<boolean>((resolve) => {
        const s = net.connect(port, '127.0.0.1');
        s.once('connect', () => {
          s.destroy();
          resolve(true);
        });
        s.once('error', () => resolve(false));
      });
    let accepted = true;
    for (let attempt = 0; attempt < 200 && accepted; attempt++) accepted = await connects();
    expect(accepted).toBe(false);

    socket.write(body.slice(10));
    await ended;
    expect(response).toMatch(/^HTTP\/1\.1 401/);
    expect(response).toContain('auth.bad_credentials');
    expect(await exited, log).toBe('0');
    // better-sqlite3 removes the WAL file when the last connection closes cleanly.
    expect(existsSync(path.join(dataDir, 'shuangsheng.db-wal'))).toBe(false);
  });
});

/** A TCP proxy in front of PostgreSQL that the test can cut and restore. */
async function pgProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const listen = (port: number) =>
    new Promise<number>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => resolve((server!.address() as net.AddressInfo).port));
    });
  const port = await listen(0);
  return {
    port,
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server!.close(() => resolve());
      }),
    restore: () => listen(port),
  };
}

// Needs PostgreSQL to cut: on the SQLite run it is skipped by design (the file is the database).
describe.runIf(TEST_DIALECT === 'postgres')('database outage (PostgreSQL)', () => {
  it('answers 503 while PostgreSQL is away and recovers by itself when it is back', async () => {
    const target = new URL(process.env.TEST_DATABASE_URL!);
    const proxy = await pgProxy(target);
    const viaProxy = new URL(target);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const t = await makeTestApp({ database: connect({ dataDir: '.', databaseUrl: viaProxy.toString(), poolSize: 3 }) });
    try {
      const { call } = await adminOf(t.app, t.services);
      expect((await call({ method: 'GET', url: '/api/parks' })).statusCode).toBe(200);

      await proxy.cut();
      const health = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ status: 'unavailable', db: 'postgres' });
      const list = await call({ method: 'GET', url: '/api/parks' });
      expect(list.statusCode).toBe(503);
      expect(list.json().error.code).toBe('db.unavailable');
      const write = await call({ method: 'POST', url: '/api/parks', payload: { name: '断线时新建' } });
      expect(write.statusCode).toBe(503);

      await proxy.restore();
      let status = 0;
      for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
        status = (await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode;
      }
      expect(status).toBe(200);
      expect((await call({ method: 'GET', url: '/api/parks' })).statusCode).toBe(200);
      expect((await call({ method: 'POST', url: '/api/parks', payload: { name: '恢复后新建' } })).statusCode).toBe(201);
    } finally {
      await t.close();
      await proxy.cut();
    }
  });
});
