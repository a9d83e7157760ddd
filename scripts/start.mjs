// `npm start`: builds whatever is missing or older than its sources, then runs the server.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Latest modification time of a file, or of any file below a directory. */
function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  if (!statSync(dir).isDirectory()) return statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

/** Builds `workspace` when `output` is missing or older than any of `sources`. */
function ensureBuilt(workspace, output, sources) {
  const out = path.join(root, output);
  const stale = !existsSync(out) || sources.some((s) => newest(path.join(root, s)) > statSync(out).mtimeMs);
  if (!stale) return;
  console.log(`building ${workspace}…`);
  const r = spawnSync('npm', ['run', 'build', '-w', workspace], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

ensureBuilt('packages/contracts', 'packages/contracts/dist/index.js', ['packages/contracts/src']);
ensureBuilt('apps/server', 'apps/server/dist/main.js', ['apps/server/src', 'packages/contracts/src']);
ensureBuilt('apps/web', 'apps/web/dist/index.html', ['apps/web/src', 'apps/web/index.html', 'packages/contracts/src']);
ensureBuilt('apps/h5', 'apps/h5/dist/index.html', ['apps/h5/src', 'apps/h5/index.html']);

// The server runs in this very process, so signals (Ctrl-C, SIGTERM) reach it directly.
await import(pathToFileURL(path.join(root, 'apps/server/dist/main.js')).href);
