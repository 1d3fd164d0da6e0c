import { defineConfig } from 'prisma/config';

// The CLI is only used for `generate` here (see scripts/generate-client.mjs); migrations are
// generated and applied by scripts/db-migrate.ts and scripts/db-deploy.ts.
export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
});
