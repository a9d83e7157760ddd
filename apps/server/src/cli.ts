// The `shuangsheng` command: operations on the same configuration (environment) as the server.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { ROLES, UserInput, ZoneCode, type Lang, type Role } from '@shuangsheng/contracts';
import { z } from 'zod';
import { openDeps } from './bootstrap.js';
import { loadConfig } from './config.js';
import { backup, restore } from './db/backup.js';
import { seedDemo } from './demo/seed-demo.js';
import { systemCtx, type Deps } from './platform/context.js';
import { AppError, ValidationError } from './platform/errors.js';
import { describeFieldIssue, describeIssue, SchemaValidationError } from './platform/validation.js';
import { makeServices } from './services.js';
import { translate } from '@shuangsheng/contracts';

const USAGE = `shuangsheng — 双胜 command line (uses PORT, DATA_DIR, DATABASE_URL… like the server)

  shuangsheng migrate
  shuangsheng zone create --code CODE --name NAME
  shuangsheng user create --zone CODE --username NAME --role ROLE [--role ROLE…]
                          [--display-name NAME] [--enterprise CREDITCODE]     (password on stdin)
  shuangsheng seed-demo
  shuangsheng import enterprises FILE.xlsx --zone CODE [--dry-run]
  shuangsheng backup FILE
  shuangsheng restore FILE          (into an empty database)

Roles: ${ROLES.join(', ')}`;

class UsageError extends Error {}

const lang: Lang = (process.env.LANG ?? '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';

function describe(err: unknown): string {
  if (err instanceof SchemaValidationError) return err.zodIssues.map((i) => { const d = describeIssue(i, lang); return `${d.path}: ${d.message}`; }).join('\n');
  if (err instanceof ValidationError) return err.issues.map((i) => { const d = describeFieldIssue(i, lang); return `${d.path}: ${d.message}`; }).join('\n');
  if (err instanceof AppError) return translate(lang, err.code, err.params);
  if (err instanceof z.ZodError) return err.issues.map((i) => { const d = describeIssue(i as never, lang); return `${d.path || 'input'}: ${d.message}`; }).join('\n');
  return err instanceof Error ? err.message : String(err);
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  }
  // On a terminal: prompt without echoing what is typed.
  let muted = false;
  const out = new Writable({ write: (chunk, _enc, cb) => { if (!muted) process.stdout.write(chunk); cb(); } });
  const rl = createInterface({ input: process.stdin, output: out, terminal: true });
  process.stdout.write('Password: ');
  muted = true;
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

function need(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required`);
  return v;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      zone: { type: 'string' },
      username: { type: 'string' },
      'display-name': { type: 'string' },
      role: { type: 'string', multiple: true },
      enterprise: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [cmd, sub, arg] = positionals;
  if (!cmd || values.help || cmd === 'help') {
    console.log(USAGE);
    return cmd ? 0 : 2;
  }
  const config = loadConfig();
  const known = ['migrate', 'zone', 'user', 'seed-demo', 'import', 'backup', 'restore'];
  if (!known.includes(cmd)) throw new UsageError(`unknown command: ${cmd}`);
  const deps = await openDeps(config);
  try {
    return await dispatch(deps, config, cmd, sub, arg, values);
  } finally {
    await deps.database.close();
  }
}

async function dispatch(deps: Deps & { applied: string[] }, config: ReturnType<typeof loadConfig>, cmd: string, sub: string | undefined, arg: string | undefined, values: Record<string, unknown>): Promise<number> {
  const services = makeServices(deps, config);
  const zoneCtx = async (code: string) => {
    const zone = await services.org.zones.byCode(code);
    return { ...systemCtx(zone.id, 'cli'), lang };
  };
  switch (cmd) {
    case 'migrate':
      console.log(deps.applied.length ? `applied: ${deps.applied.join(', ')}` : 'database is up to date');
      return 0;
    case 'zone': {
      if (sub !== 'create') throw new UsageError('usage: zone create --code CODE --name NAME');
      const parsed = ZoneCode.safeParse(need(values, 'code'), { reportInput: true });
      if (!parsed.success) throw new UsageError(`--code: ${describeIssue(parsed.error.issues[0]!, lang).message}`);
      const code = parsed.data;
      const zone = await services.org.zones.create({ code, name: need(values, 'name') });
      console.log(`zone ${zone.code} (${zone.name}) created: ${zone.id}`);
      return 0;
    }
    case 'user': {
      if (sub !== 'create') throw new UsageError('usage: user create --zone CODE --username NAME --role ROLE');
      const ctx = await zoneCtx(need(values, 'zone'));
      const roles = (values.role as string[] | undefined) ?? [];
      if (roles.length === 0) throw new UsageError('--role is required');
      let enterpriseId: string | null = null;
      if (typeof values.enterprise === 'string') {
        const found = await services.enterprises.repo.byCreditCodes(ctx.zoneId, [values.enterprise.toUpperCase()]);
        if (!found[0]) throw new UsageError(`no enterprise with credit code ${values.enterprise} in zone ${String(values.zone)}`);
        enterpriseId = found[0].id;
      }
      const password = await readPassword();
      const username = need(values, 'username');
      const input = UserInput.parse({
        username,
        displayName: (values['display-name'] as string | undefined) ?? username,
        roles: roles as Role[],
        enterpriseId,
        password,
      });
      const user = await services.org.users.create(ctx, input);
      console.log(`user ${user.username} created in zone ${String(values.zone)} with roles ${user.roles.join(', ')}`);
      return 0;
    }
    case 'seed-demo': {
      const demo = await seedDemo(deps, services, config);
      console.log(`demo zone ${demo.zoneCode} (${demo.zoneName}) created; sign-ins: ${demo.users.map((u) => u.username).join(', ')}; passwords in ${demo.credentialsFile}`);
      return 0;
    }
    case 'import': {
      if (sub !== 'enterprises' || !arg) throw new UsageError('usage: import enterprises FILE.xlsx --zone CODE [--dry-run]');
      const ctx = await zoneCtx(need(values, 'zone'));
      const result = await services.enterpriseImport.run(ctx, readFileSync(arg), { dryRun: values['dry-run'] === true });
      for (const e of result.errors) console.error(`row ${e.row}, ${e.column}: ${e.message}`);
      if (result.errors.length > 0) {
        console.error(`${result.errors.length} error(s): nothing was imported`);
        return 1;
      }
      console.log(`${result.dryRun ? 'dry run: would create' : 'created'} ${result.created}, ${result.dryRun ? 'would update' : 'updated'} ${result.updated}`);
      return 0;
    }
    case 'backup': {
      if (!sub) throw new UsageError('usage: backup FILE');
      const counts = await backup(deps.database, sub);
      console.log(`backup written to ${sub}: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);
      return 0;
    }
    case 'restore': {
      if (!sub) throw new UsageError('usage: restore FILE');
      const counts = await restore(deps.database, sub);
      console.log(`restored from ${sub}: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);
      return 0;
    }
  }
  throw new UsageError(`unknown command: ${cmd}`);
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(describe(err));
    process.exit(1);
  },
);
