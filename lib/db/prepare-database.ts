import type { Db } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { seedDemo, type SeedResult } from '@/lib/tenancy/seed-demo';

/** Brings a database to the current schema and seeds the demo tenant when it is empty. */
export async function prepareDatabase(
  databaseUrl: string,
  getDb: () => Db,
  seed: { adminPassword?: string; apiKey?: string },
): Promise<{ applied: string[]; seed: SeedResult }> {
  const { applied } = await applyMigrations(databaseUrl);
  const result = await seedDemo(getDb(), seed);
  return { applied, seed: result };
}

export function describeSeed(seed: SeedResult): string[] {
  if (!seed.seeded) return [];
  return [
    'Seeded the demo tenant (partner "Demo Partner", account acme_corp).',
    `  Sign in as ${seed.adminEmail} with password: ${seed.adminPassword}${seed.passwordGenerated ? '   (generated; shown only now — set SEED_ADMIN_PASSWORD to choose it)' : ''}`,
    '  Also seeded: analyst@example.com (Support Analyst) and sales@example.com (Sales Viewer), same password.',
    `  API key for acme_corp: ${seed.apiKey}${seed.apiKeyGenerated ? '   (generated; shown only now — set SEED_API_KEY to choose it)' : ''}`,
  ];
}
