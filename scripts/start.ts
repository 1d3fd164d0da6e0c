// npm start — the whole app on the embedded default: validates the configuration, migrates and seeds
// the database, builds the app when the build is missing or older than the source, then serves it
// with the background work in-process.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';

const root = process.cwd();

// AUTH_SECRET signs session cookies. A self-hosted install should not need to invent one, so the
// first start writes a random one next to the database and later starts reuse it.
if (!process.env.AUTH_SECRET) {
  const file = path.join(root, 'data', '.auth-secret');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
  process.env.AUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
}

// CREDENTIALS_KEY encrypts channel credentials at rest; kept beside the database the same way.
if (!process.env.CREDENTIALS_KEY) {
  const file = path.join(root, 'data', '.credentials-key');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
  process.env.CREDENTIALS_KEY = fs.readFileSync(file, 'utf8').trim();
}

let env: typeof import('@/lib/env').env;
try {
  ({ env } = await import('@/lib/env'));
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

const { prepareDatabase, describeSeed } = await import('@/lib/db/prepare-database');
const { createDb } = await import('@/lib/db/client');
const prepared = await prepareDatabase(env.DATABASE_URL, () => createDb(env.DATABASE_URL), {
  adminPassword: env.SEED_ADMIN_PASSWORD,
  apiKey: env.SEED_API_KEY,
});
if (prepared.applied.length) console.log(`Applied ${prepared.applied.length} database migration(s).`);
for (const line of describeSeed(prepared.seed)) console.log(line);

const distDir = process.env.NEXT_DIST_DIR || '.next';
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

function newestSourceMtime(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.') || e.name === 'generated') continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of ['app', 'components', 'lib', 'public']) if (fs.existsSync(d)) walk(d);
  for (const f of ['next.config.mjs', 'package-lock.json', 'instrumentation.ts']) if (fs.existsSync(f)) newest = Math.max(newest, fs.statSync(f).mtimeMs);
  return newest;
}

const buildId = path.join(distDir, 'BUILD_ID');
if (!fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestSourceMtime()) {
  console.log('Building the app (first start or changed source)…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`Parley is starting on http://localhost:${env.PORT}`);
const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'serve.ts')], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
