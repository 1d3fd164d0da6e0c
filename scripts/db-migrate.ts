// npm run db:migrate -- --name <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL from the schema as of the last
// migration (kept beside it as schema.prisma) to prisma/schema/*.prisma, computed offline by Prisma's
// WebAssembly schema engine. Prisma's own `migrate dev` needs a native engine it cannot download here.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { diffSchemas, readSchemaFiles } from './lib/schema-diff';

const { values } = parseArgs({ options: { name: { type: 'string' }, check: { type: 'boolean' } } });
const dir = path.resolve('prisma/migrations');
fs.mkdirSync(dir, { recursive: true });
const previous = fs
  .readdirSync(dir)
  .filter((n) => fs.existsSync(path.join(dir, n, 'schema.prisma')))
  .sort()
  .at(-1);
const current = readSchemaFiles('prisma/schema');
const from = previous ? [{ path: 'schema.prisma', content: fs.readFileSync(path.join(dir, previous, 'schema.prisma'), 'utf8') }] : null;
const sql = await diffSchemas(from, current);

if (values.check) {
  if (sql.trim()) {
    console.error('prisma/schema has changes without a migration; run npm run db:migrate -- --name <name>');
    process.exit(1);
  }
  console.log('Migrations match prisma/schema.');
  process.exit(0);
}
if (!sql.trim()) {
  console.log('No schema changes since the last migration.');
  process.exit(0);
}
if (!values.name || !/^[a-z0-9_]+$/.test(values.name)) {
  console.error('Give the migration a name: npm run db:migrate -- --name add_templates (lower case, digits, _)');
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const out = path.join(dir, `${stamp}_${values.name}`);
fs.mkdirSync(out);
fs.writeFileSync(path.join(out, 'migration.sql'), sql);
fs.writeFileSync(path.join(out, 'schema.prisma'), current.map((f) => `// ${f.path}\n${f.content}`).join('\n'));
fs.writeFileSync(path.join(dir, 'migration_lock.toml'), '# Written by scripts/db-migrate.ts\nprovider = "sqlite"\n');
console.log(`Created ${path.relative(process.cwd(), out)}/migration.sql`);

// Keep the generated client in step with the schema that was just migrated.
const { execFileSync } = await import('node:child_process');
execFileSync(process.execPath, ['scripts/generate-client.mjs'], { stdio: 'inherit' });
