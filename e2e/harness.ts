// Starts the built server on a free port with its own data directory, and Debian's Chromium.
// startInProcessServer runs the built server inside the test process instead, on a clock the
// test moves (jobs of "the next day" without sleeping).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type RunningServer = { url: string; dataDir: string; password(username: string): string; stop(): Promise<void>; child: ChildProcess };

export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const main = path.join(ROOT, 'apps/server/dist/main.js');
  if (!existsSync(main) || !existsSync(path.join(ROOT, 'apps/web/dist/index.html'))) {
    throw new Error('the app is not built: run `npm run build` first');
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ss-e2e-'));
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /— (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return {
    url,
    dataDir,
    child,
    password(username: string) {
      const line = readFileSync(path.join(dataDir, 'demo-credentials.txt'), 'utf8').split('\n').find((l) => l.startsWith(username + ' '));
      if (!line) throw new Error(`no demo user ${username}`);
      return line.split(/\s+/)[1]!;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (scripts/ensure-chromium.sh)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/** A clock that runs like the wall clock from wherever the test puts it. */
export type MovableClock = { now(): number; set(ms: number): void; advance(ms: number): void };
export function movableClock(start = Date.now()): MovableClock {
  let offset = start - Date.now();
  return {
    now: () => Date.now() + offset,
    set: (ms) => void (offset = ms - Date.now()),
    advance: (ms) => void (offset += ms),
  };
}

// The few shapes of the server's modules the harness touches (the dist has no types the e2e
// project can rely on before a build).
type ServerConfig = { port: number; host: string; dataDir: string; demo: boolean };
type ServerApp = {
  services: { listeningOn(address: string): void } & Record<string, unknown>;
  listen(opts: { port: number; host: string }): Promise<string>;
  close(): Promise<void>;
};
type ServerDeps = { database: { close(): Promise<void> } };
type ServerModules = {
  loadConfig(env: NodeJS.ProcessEnv): ServerConfig;
  openDeps(config: ServerConfig, opts: { clock: { now(): number } }): Promise<ServerDeps>;
  buildApp(opts: { deps: ServerDeps; config: ServerConfig; staticRoots?: { web?: string; h5?: string }; logger?: boolean }): Promise<ServerApp>;
  seedDemoIfEmpty(deps: ServerDeps, services: ServerApp['services'], config: ServerConfig): Promise<unknown>;
};

export type InProcessServer = {
  url: string;
  dataDir: string;
  clock: MovableClock;
  /** The server's services (for jobs: services.inspections.followUps.run(zoneId)). */
  services: ServerApp['services'];
  password(username: string): string;
  stop(): Promise<void>;
};

/**
 * The built server (apps/server/dist: config → openDeps with a movable clock → buildApp → demo
 * seed → listen, as main.ts does) inside this process, on a fresh SQLite data directory. Timers of
 * main.ts (hourly jobs) are not started: the test runs jobs when it wants them.
 * For trying a journey while developing: E2E_SERVER_SOURCE=1 imports apps/server/src instead of
 * the build, E2E_PORT fixes the port and E2E_WEB_URL names a console served elsewhere (the vite dev
 * server forwarding /api to that port); `url` is then the console's.
 */
export async function startInProcessServer(opts: { start?: number; env?: Record<string, string> } = {}): Promise<InProcessServer> {
  const fromSource = process.env.E2E_SERVER_SOURCE === '1';
  const webUrl = process.env.E2E_WEB_URL;
  const dir = path.join(ROOT, 'apps/server', fromSource ? 'src' : 'dist');
  const ext = fromSource ? '.ts' : '.js';
  if (!fromSource && !existsSync(path.join(dir, 'app.js'))) throw new Error('the server is not built: run `npm run build` first');
  if (!webUrl && !existsSync(path.join(ROOT, 'apps/web/dist/index.html'))) throw new Error('the console is not built: run `npm run build` first');
  const load = async <T>(file: string) => (await import(pathToFileURL(path.join(dir, file + ext)).href)) as T;
  const [{ loadConfig }, { openDeps }, { buildApp }, { seedDemoIfEmpty }] = await Promise.all([
    load<Pick<ServerModules, 'loadConfig'>>('config'),
    load<Pick<ServerModules, 'openDeps'>>('bootstrap'),
    load<Pick<ServerModules, 'buildApp'>>('app'),
    load<Pick<ServerModules, 'seedDemoIfEmpty'>>('demo/seed-demo'),
  ]);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ss-e2e-'));
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    PORT: process.env.E2E_PORT ?? '0',
    HOST: '127.0.0.1',
    DATABASE_URL: '',
    LOG_LEVEL: 'warn',
    SHUANGSHENG_DEMO: 'on',
    ...opts.env,
  });
  const clock = movableClock(opts.start);
  const deps = await openDeps(config, { clock });
  const app = await buildApp({ deps, config, logger: false });
  if (config.demo) await seedDemoIfEmpty(deps, app.services, config);
  const address = await app.listen({ port: config.port, host: config.host });
  app.services.listeningOn(address);
  return {
    url: webUrl ?? address,
    dataDir,
    clock,
    services: app.services,
    password(username: string) {
      const line = readFileSync(path.join(dataDir, 'demo-credentials.txt'), 'utf8').split('\n').find((l) => l.startsWith(username + ' '));
      if (!line) throw new Error(`no demo user ${username}`);
      return line.split(/\s+/)[1]!;
    },
    async stop() {
      await app.close();
      await deps.database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
