// npm run db:seed — migrates DATABASE_URL and seeds the demo tenant if the database is empty.
import { env } from '@/lib/env';
import { describeSeed, prepareDatabase } from '@/lib/db/prepare-database';

const { createDb } = await import('@/lib/db/client');
const res = await prepareDatabase(env.DATABASE_URL, () => createDb(env.DATABASE_URL), { adminPassword: env.SEED_ADMIN_PASSWORD, apiKey: env.SEED_API_KEY });
for (const line of describeSeed(res.seed)) console.log(line);
if (!res.seed.seeded) console.log('The database already has data; nothing seeded.');
