// `prisma generate` never uses the native schema engine, but the CLI insists on downloading it unless
// PRISMA_SCHEMA_ENGINE_BINARY names an existing file; this machine cannot download it.
// Two clients from the one schema: lib/db/generated (SQLite) and lib/db/generated-postgres, whose
// schema differs only in its datasource provider and output (lib/db/client.ts picks one by DATABASE_URL).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || self, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
const generate = (schema) =>
  execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate', ...(schema ? ['--schema', schema] : [])], { stdio: 'inherit', env });

generate();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-pg-schema-'));
try {
  for (const name of fs.readdirSync('prisma/schema')) {
    let text = fs.readFileSync(path.join('prisma/schema', name), 'utf8');
    text = text
      .replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"')
      .replace(/output\s*=\s*"[^"]*"/, `output = ${JSON.stringify(path.resolve('lib/db/generated-postgres'))}`);
    fs.writeFileSync(path.join(dir, name), text);
  }
  generate(dir);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
