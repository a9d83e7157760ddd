// `npm run bench`: runs the benchmarks and writes bench/results/<name>.json. Not part of `npm test`.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchServices, benchServicesPg } from './services.js';
import { benchStartup } from './startup.js';
import { benchCheckpointsCeiling, benchCheckpointsIngest, benchCheckpointsIngestPg, benchCheckpointsLoss, benchCheckpointsTrace, benchCheckpointsTracePg } from './checkpoints.js';

const BENCHES: Record<string, () => Promise<Record<string, unknown>>> = {
  startup: benchStartup,
  services: benchServices,
  'services-pg': benchServicesPg,
  'checkpoints-ingest': benchCheckpointsIngest,
  'checkpoints-ingest-pg': benchCheckpointsIngestPg,
  'checkpoints-trace': benchCheckpointsTrace,
  'checkpoints-trace-pg': benchCheckpointsTracePg,
  'checkpoints-loss': benchCheckpointsLoss,
  'checkpoints-ceiling': benchCheckpointsCeiling,
};

const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : Object.keys(BENCHES);
const dir = path.join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) throw new Error(`unknown benchmark ${name}; have ${Object.keys(BENCHES).join(', ')}`);
  console.log(`== ${name}`);
  const result = { at: new Date().toISOString(), ...(await bench()) };
  console.log(JSON.stringify(result, null, 2));
  writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(result, null, 2) + '\n');
}
