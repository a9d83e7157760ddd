// What the benchmarks share: the repository's paths, building the server when its sources are
// newer than its build, and starting the built server as a child process.
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '..');
export const SERVER = path.join(REPO, 'apps/server');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds contracts and server when a source file is newer than the last build. */
export function buildIfStale(): boolean {
  const built = (p: string) => {
    try {
      return statSync(p).mtimeMs;
    } catch {
      return 0;
    }
  };
  const stale = newestMtime(path.join(REPO, 'packages/contracts/src')) > built(path.join(REPO, 'packages/contracts/tsconfig.tsbuildinfo')) || newestMtime(path.join(SERVER, 'src')) > built(path.join(SERVER, 'tsconfig.tsbuildinfo'));
  if (stale) execSync('npm run build -w packages/contracts && npm run build -w apps/server', { cwd: REPO, stdio: 'inherit' });
  return stale;
}

export type Running = { url: string; child: ChildProcess; stop: () => Promise<void>; kill: () => Promise<void> };

export function startServer(env: NodeJS.ProcessEnv): Promise<Running> {
  const child = spawn(process.execPath, [path.join(SERVER, 'dist/main.js')], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /— (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        child.stdout!.off('data', onData);
        child.off('exit', onEarlyExit);
        resolve({
          url: m[1]!,
          child,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
          kill: async () => {
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
    };
    const onEarlyExit = (code: number | null) => reject(new Error(`server exited ${code}:\n${out}`));
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.length > 20_000) out = out.slice(-10_000);
    });
    child.once('exit', onEarlyExit);
  });
}
