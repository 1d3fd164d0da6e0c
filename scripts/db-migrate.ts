// npm run db:migrate -- --name <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql (SQLite) and, from the same schema,
// prisma/postgres/migrations/<timestamp>_<name>/migration.sql (PostgreSQL): the SQL from the schema as
// of the last migration (kept beside it as schema.prisma) to prisma/schema/*.prisma, computed offline
// by Prisma's WebAssembly schema engine. Prisma's own `migrate dev` needs a native engine it cannot
// download here. PostgreSQL's engine wants a server to talk to: TEST_POSTGRES_URL, else a throwaway
// cluster started for the run (scripts/postgres-test-cluster.sh).
// --check: fails when prisma/schema has changes either history lacks.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { diffSchemas, readSchemaFiles, type SchemaFile, toPostgresSchema } from './lib/schema-diff';

const { values } = parseArgs({
  options: { name: { type: 'string' }, check: { type: 'boolean' }, provider: { type: 'string' }, stamp: { type: 'string' } },
});

const HISTORIES = {
  sqlite: { dir: 'prisma/migrations', schema: (files: SchemaFile[]) => files },
  postgresql: { dir: 'prisma/postgres/migrations', schema: toPostgresSchema },
} as const;
type Provider = keyof typeof HISTORIES;

function lastSnapshot(dir: string): SchemaFile[] | null {
  fs.mkdirSync(dir, { recursive: true });
  const previous = fs
    .readdirSync(dir)
    .filter((n) => fs.existsSync(path.join(dir, n, 'schema.prisma')))
    .sort()
    .at(-1);
  return previous ? [{ path: 'schema.prisma', content: fs.readFileSync(path.join(dir, previous, 'schema.prisma'), 'utf8') }] : null;
}

/** One history, in a process of its own: the WebAssembly engine does not survive a second provider in one process. */
async function runOne(provider: Provider): Promise<void> {
  const history = HISTORIES[provider];
  const schema = history.schema(readSchemaFiles('prisma/schema'));
  const target = provider === 'postgresql' ? { provider, url: process.env.TEST_POSTGRES_URL! } : { provider };
  const sql = await diffSchemas(lastSnapshot(history.dir), schema, target);
  if (!sql.trim()) return;
  if (values.check) {
    console.error(`prisma/schema has changes without a ${provider} migration; run npm run db:migrate -- --name <name>`);
    process.exitCode = 1;
    return;
  }
  const out = path.join(history.dir, `${values.stamp}_${values.name}`);
  fs.mkdirSync(out);
  fs.writeFileSync(path.join(out, 'migration.sql'), sql);
  fs.writeFileSync(path.join(out, 'schema.prisma'), schema.map((f) => `// ${f.path}\n${f.content}`).join('\n'));
  fs.writeFileSync(path.join(history.dir, 'migration_lock.toml'), `# Written by scripts/db-migrate.ts\nprovider = "${provider}"\n`);
  console.log(`Created ${out}/migration.sql`);
}

if (values.provider) {
  await runOne(values.provider as Provider);
} else {
  if (!values.check && (!values.name || !/^[a-z0-9_]+$/.test(values.name))) {
    console.error('Give the migration a name: npm run db:migrate -- --name add_templates (lower case, digits, _)');
    process.exit(1);
  }
  const env = { ...process.env };
  const clusterEnv = { ...process.env, PARLEY_TEST_PG_PORT: '55439' };
  let started = false;
  if (!env.TEST_POSTGRES_URL) {
    env.TEST_POSTGRES_URL = execFileSync('bash', ['scripts/postgres-test-cluster.sh', 'start'], { env: clusterEnv, stdio: ['ignore', 'pipe', 'inherit'] })
      .toString()
      .trim();
    started = true;
  }
  // One name for both: the PostgreSQL history stays in step with SQLite's, migration for migration.
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const before = fs.readdirSync('prisma/migrations').length;
  let failed = false;
  try {
    for (const provider of Object.keys(HISTORIES)) {
      const args = ['--import', 'tsx', 'scripts/db-migrate.ts', '--provider', provider, '--stamp', stamp];
      if (values.check) args.push('--check');
      if (values.name) args.push('--name', values.name);
      failed = spawnSync(process.execPath, args, { env, stdio: 'inherit' }).status !== 0 || failed;
    }
  } finally {
    if (started) execFileSync('bash', ['scripts/postgres-test-cluster.sh', 'stop'], { env: clusterEnv });
  }
  if (failed) process.exit(1);
  if (values.check) console.log('Migrations (SQLite and PostgreSQL) match prisma/schema.');
  else if (fs.readdirSync('prisma/migrations').length === before) console.log('No schema changes since the last migration.');
  // Keep the generated client in step with the schema that was just migrated.
  else execFileSync(process.execPath, ['scripts/generate-client.mjs'], { stdio: 'inherit' });
}
