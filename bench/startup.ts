// Start time and idle memory of the server (issue 2's "Done means"), measured from a fresh clone:
//   npm install, the first `npm start` (build + migrate + demo), a second start (built, migrated),
// and the resident memory of the idle server (after each start) next to a bare Fastify process
// in the same run. Idle RSS is the median of five readings over 10 s after the server is ready.
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '..');

/** A node process running in `dir` (processes may vanish while we look: that is a no). */
function isNodeIn(pid: number, dir: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'node' && realpathSync(`/proc/${pid}/cwd`) === realpathSync(dir);
  } catch {
    return false;
  }
}

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]);
}

/** Runs `npm start` in `dir` until the server prints its address; returns ms and the process. */
function startUntilReady(dir: string, env: NodeJS.ProcessEnv): Promise<{ ms: number; pid: number; stop: () => Promise<void> }> {
  const t0 = performance.now();
  const child = spawn('npm', ['start'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/— http:\/\/127\.0\.0\.1:\d+/.test(out)) {
        const ms = performance.now() - t0;
        // The node process that serves: scripts/start.mjs runs the server in-process, in `dir`.
        const pid = execSync('pgrep -f scripts/start.mjs || true')
          .toString()
          .split('\n')
          .filter(Boolean)
          .map(Number)
          .find((p) => isNodeIn(p, dir));
        if (!pid) return reject(new Error('server process not found'));
        resolve({
          ms,
          pid,
          stop: () =>
            new Promise<void>((r) => {
              child.once('exit', () => r());
              process.kill(-child.pid!, 'SIGTERM');
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited ${code}:\n${out}`)));
  });
}

async function settle(pid: number, ms: number): Promise<number> {
  // Idle means idle: let start-up garbage be collected, then read RSS a few times, keep the median.
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, ms / 5));
    samples.push(rssKb(pid));
  }
  return samples.sort((a, b) => a - b)[2]!;
}

async function bareFastifyRss(dir: string): Promise<number> {
  const code = `import Fastify from 'fastify'; const app = Fastify(); app.get('/', async () => ({ok:true})); await app.listen({port:0}); console.log('ready');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: path.join(dir, 'apps/server'), stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((r) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && r()));
  const rss = await settle(child.pid!, 5000);
  child.kill('SIGTERM');
  return rss;
}

export async function benchStartup(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ss-fresh-'));
  try {
    execSync(`git clone -q ${REPO} ${dir}`);
    const t0 = performance.now();
    execSync('npm install --no-audit --no-fund', { cwd: dir, stdio: 'ignore' });
    const installMs = performance.now() - t0;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    const first = await startUntilReady(dir, env);
    const idleKb = await settle(first.pid, 10_000);
    await first.stop();
    const second = await startUntilReady(dir, env);
    const idleSecondKb = await settle(second.pid, 10_000);
    await second.stop();
    const bareKb = await bareFastifyRss(dir);
    return {
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      npmInstallMs: Math.round(installMs),
      firstStartMs: Math.round(first.ms),
      secondStartMs: Math.round(second.ms),
      idleRssAfterFirstStartMiB: +(idleKb / 1024).toFixed(1),
      idleRssMiB: +(idleSecondKb / 1024).toFixed(1),
      bareFastifyRssMiB: +(bareKb / 1024).toFixed(1),
      idleRatioToBareFastify: +(idleSecondKb / bareKb).toFixed(2),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
