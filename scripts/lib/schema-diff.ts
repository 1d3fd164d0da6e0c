import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';

export type SchemaFile = { path: string; content: string };

export function readSchemaFiles(dir: string): SchemaFile[] {
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.prisma'))
    .sort()
    .map((n) => ({ path: n, content: fs.readFileSync(path.join(dir, n), 'utf8') }));
}

/**
 * The PostgreSQL flavour of the schema: the same models, only the datasource's provider differs.
 * prisma/schema is the one source; PostgreSQL's schema and migrations are made from it.
 */
export function toPostgresSchema(files: SchemaFile[]): SchemaFile[] {
  return files.map((f) => ({ ...f, content: f.content.replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"') }));
}

/** Where a diff is computed: SQLite needs nothing; PostgreSQL's engine wants a server to talk to (any empty one). */
export type DiffTarget = { provider: 'sqlite' } | { provider: 'postgresql'; url: string };

// One engine per WebAssembly instance: a second SchemaEngine.new in the same instance fails.
async function newEngine(files: SchemaFile[], target: DiffTarget) {
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), { './schema_engine_bg.js': bg as never });
  (bg as unknown as { __wbg_set_wasm(x: unknown): void }).__wbg_set_wasm(instance.exports);
  const adapter = bindMigrationAwareSqlAdapterFactory(
    target.provider === 'postgresql' ? new PrismaPg({ connectionString: target.url }, { schema: 'public' }) : new PrismaBetterSqlite3({ url: ':memory:' }),
  );
  return bg.SchemaEngine.new({ datamodels: files.map((f) => [f.path, f.content] as [string, string]) }, () => {}, adapter);
}

export async function diffSchemas(from: SchemaFile[] | null, to: SchemaFile[], target: DiffTarget = { provider: 'sqlite' }): Promise<string> {
  const engine = await newEngine(to, target);
  const filters = { externalTables: [], externalEnums: [] };
  const result = await engine.diff({
    from: from ? { tag: 'schemaDatamodel', files: from } : { tag: 'empty' },
    to: { tag: 'schemaDatamodel', files: to },
    script: true,
    exitCode: false,
    filters,
  } as never);
  const out = result.stdout ?? '';
  return /^-- This is an empty migration\.?\s*$/m.test(out) && !/CREATE|ALTER|DROP|INSERT/.test(out) ? '' : out;
}
