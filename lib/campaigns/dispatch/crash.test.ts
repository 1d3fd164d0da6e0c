import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { seedDemoTenant } from '@/test/factories';
import { campaignTemplate, countersAndRecount, storeCampaign } from '@/test/campaign-fixtures';

// The crash test: a real worker process (npm run worker's scripts/worker.ts, on this test's
// database file) dispatches a campaign, is killed with SIGKILL mid-campaign, and a second one takes
// over. Every valid recipient must end with exactly one message: none sent twice, none lost.

const N = 400;
const children: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('scripts/worker.ts')], {
    env: { ...process.env, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, ms: number): Promise<T> {
  for (const deadline = Date.now() + ms; ; ) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  await seedDemoTenant();
});

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('a worker killed mid-campaign', () => {
  it('resumes in another worker with no duplicate and no loss', { timeout: 120_000 }, async () => {
    const template = await campaignTemplate();
    const id = await storeCampaign({
      templateName: template.name,
      // 80/s (the channel's default rate): about five seconds of dispatch, so the kill lands mid-way.
      ratePerSecond: 80,
      recipients: [
        ...Array.from({ length: N }, (_, i) => ({ msisdn: `+1555370${String(i + 1).padStart(4, '0')}` })),
        { msisdn: '0', status: 'invalid', values: null },
        { msisdn: '+15553700001', status: 'duplicate', values: null },
      ],
    });
    const pending = () => db.campaign.findUniqueOrThrow({ where: { id } }).then((c) => c.pending);

    const first = startWorker();
    const atKill = await until('the first worker to send', pending, (p) => p <= N - 100, 60_000);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const left = await pending();
    expect(left).toBeGreaterThan(0);

    const second = startWorker();
    // Dispatch is done once nobody is pending; completed once every message left the outbox (a send the
    // first worker had leased waits out its 30 s lease before it is handed over again).
    await until('dispatch to finish', pending, (p) => p === 0, 60_000);
    const done = await until(
      'the campaign to complete',
      () => db.campaign.findUniqueOrThrow({ where: { id } }),
      (c) => c.status === 'completed',
      60_000,
    );
    second.kill('SIGTERM');
    await new Promise((r) => second.once('exit', r));

    const messages = await db.message.findMany({ where: { campaignId: id }, select: { id: true, clientMessageId: true, msisdn: true } });
    const perRecipient = new Map<string, number>();
    for (const m of messages) perRecipient.set(m.clientMessageId!, (perRecipient.get(m.clientMessageId!) ?? 0) + 1);
    const duplicates = [...perRecipient.values()].filter((n) => n > 1).length;
    expect({ messages: messages.length, recipients: perRecipient.size, duplicates }).toEqual({ messages: N, recipients: N, duplicates: 0 });
    expect(messages.some((m) => m.msisdn === '0')).toBe(false);
    const recipients = await db.campaignRecipient.findMany({ where: { campaignId: id, status: { notIn: ['invalid', 'duplicate'] } } });
    const umids = new Set(messages.map((m) => m.id));
    expect(recipients.filter((r) => !r.umid || !umids.has(r.umid))).toEqual([]);
    expect(done).toMatchObject({ pending: 0, queued: 0 });
    const { counters, recount } = await countersAndRecount(id);
    expect(counters).toEqual(recount);
    console.log(`crash test: killed with ${atKill} of ${N} pending (${left} after the kill); ${messages.length} messages, ${duplicates} duplicates`);
  });
});
