// `prisma generate` never uses the native schema engine, but the CLI insists on downloading it unless
// PRISMA_SCHEMA_ENGINE_BINARY names an existing file; this machine cannot download it.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || self, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});
