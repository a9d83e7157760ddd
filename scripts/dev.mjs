// `npm run dev`: the API from source (restarted on change) and the console's vite dev server
// (hot reload) that forwards /api to it. Open the console at http://127.0.0.1:5173.
// PORT (API, default 3000) and DATA_DIR pass through like for `npm start`.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiPort = process.env.PORT ?? '3000';

// The server imports the contracts' build.
const built = spawnSync('npm', ['run', 'build', '-w', 'packages/contracts'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const children = [
  spawn('npx', ['tsx', 'watch', 'apps/server/src/main.ts'], { cwd: root, stdio: 'inherit', env: { ...process.env, PORT: apiPort } }),
  spawn('npx', ['vite', '--port', '5173', '--host', '127.0.0.1'], { cwd: path.join(root, 'apps/web'), stdio: 'inherit', env: { ...process.env, SS_API_URL: `http://127.0.0.1:${apiPort}` } }),
];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => {
  stop();
  process.exitCode = code ?? 0;
});
