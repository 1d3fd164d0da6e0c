// A fresh, migrated, seeded bench database (never the app's own database).
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { applyMigrationsSqlite } from '@/lib/db/migrations';
import { createDb } from '@/lib/db/client';
import { seedDemo } from '@/lib/tenancy/seed-demo';

export const BENCH_API_KEY = 'prl_bench_key_0123456789abcdef';

export async function freshBenchDb(file: string) {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  applyMigrationsSqlite(file);
  const db = createDb(`file:${file}`);
  await seedDemo(db, { adminPassword: 'bench-password', apiKey: BENCH_API_KEY });
  return db;
}

const SEND_SUB = 'acme_corp_chatapps';

/** A fresh bench database for the send benches: unlimited messaging tier, one approved template. */
export async function freshSendBenchDb(file: string): Promise<void> {
  const db = await freshBenchDb(file);
  await db.account.update({ where: { id: 'acme_corp' }, data: { messagingTier: 'TIER_UNLIMITED' } });
  await db.template.create({
    data: {
      accountId: 'acme_corp',
      subAccountId: SEND_SUB,
      channelId: 'acme_corp_whatsapp',
      name: 'appointment_reminder_v1',
      language: 'en_US',
      category: 'UTILITY',
      status: 'APPROVED',
      components: [
        { type: 'BODY', text: 'Hi {{1}}, this is a reminder for your appointment on {{2}} at {{3}}.', examples: ['Maria', 'Nov 10, 2025', '10:30 AM'] },
      ],
    },
  });
  await db.$disconnect();
}

/** The i-th send of a bench: half templates, half freeform text, each to its own customer and with its own clientMessageId. */
export function sendBody(i: number) {
  const msisdn = `+1555${String(1_000_000 + i).slice(-7)}`;
  if (i % 2) return { user: { msisdn }, type: 'text', content: { text: `Hello #${i}` }, clientMessageId: `bench-${i}` };
  return {
    user: { msisdn },
    type: 'template',
    clientMessageId: `bench-${i}`,
    content: {
      template: {
        name: 'appointment_reminder_v1',
        language: 'en_US',
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Maria' },
              { type: 'text', text: 'Nov 10, 2025' },
              { type: 'text', text: '10:30 AM' },
            ],
          },
        ],
      },
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A CPU profile of the measured phase only, written to `file` (open it in Chrome DevTools). */
export async function startProfile(file: string | undefined): Promise<{ stop(): Promise<void> } | null> {
  if (!file) return null;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
