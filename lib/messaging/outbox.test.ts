import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { seedDemoTenant, subscribeWebhook } from '@/test/factories';
import { sendMessage } from '@/lib/messaging/send-message';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import { processOutbox } from '@/lib/messaging/process-outbox';
import { TokenBuckets } from '@/lib/messaging/token-bucket';
import { drainOutbox } from '@/test/messaging-helpers';

const SUB = 'acme_corp_chatapps';
const text = (msisdn: string, clientMessageId?: string) => ({
  user: { msisdn },
  type: 'text',
  content: { text: 'hi' },
  ...(clientMessageId ? { clientMessageId } : {}),
});

beforeAll(async () => {
  await seedDemoTenant();
  // Events are stored only for a subscriber.
  await subscribeWebhook(['outbound_message_status_changed']);
});

describe('outbox', () => {
  it('many concurrent sends are all stored with one outbox row each; duplicates collapse', async () => {
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        sendMessage(db, { accountId: 'acme_corp', subAccountId: SUB, body: text(`+1555300${String(i % 100).padStart(4, '0')}`, `burst-${i % 100}`) }),
      ),
    );
    expect(new Set(results.map((r) => r.umid)).size).toBe(100);
    expect(results[100]!.umid).toBe(results[0]!.umid);
    expect(await db.message.count({ where: { clientMessageId: { startsWith: 'burst-' } } })).toBe(100);
    expect(await db.messageJob.count({ where: { kind: 'send' } })).toBe(100);
  });

  it('one bad row in a batch does not fail its neighbours', async () => {
    const ok = sendMessage(db, { accountId: 'acme_corp', subAccountId: SUB, body: text('+15553100001') });
    const bad = sendMessage(db, { accountId: 'acme_corp', subAccountId: 'missing_sub', body: text('+15553100002') });
    await expect(bad).rejects.toMatchObject({ status: 404 });
    await expect(ok).resolves.toMatchObject({ status: { state: 'queued' } });
  });

  it('two workers on the same due rows hand each message to the provider once', async () => {
    await receiveInbound(db, { accountId: 'acme_corp', subAccountId: SUB, channel: 'whatsapp', msisdn: '+15553200001', type: 'text', content: { text: 'hi' } });
    const { umid } = await sendMessage(db, { accountId: 'acme_corp', subAccountId: SUB, body: text('+15553200001') });
    const at = Date.now() + 5000;
    await Promise.all([1, 2].map(() => processOutbox(db, { now: () => new Date(at), buckets: new TokenBuckets(() => at), limit: 1000 })));
    await drainOutbox();
    const history = await db.messageStatusChange.findMany({ where: { messageId: umid }, orderBy: { id: 'asc' } });
    expect(history.map((h) => h.state)).toEqual(['queued', 'sent', 'delivered', 'read']);
    const events = await db.event.findMany({ where: { eventType: 'outbound_message_status_changed' } });
    expect(events.filter((e) => (e.body as any).payload.umid === umid)).toHaveLength(3);
  });

  it('a restart finds queued sends in the outbox (nothing lives only in memory)', async () => {
    const { umid } = await sendMessage(db, { accountId: 'acme_corp', subAccountId: SUB, body: text('+15553300001') });
    expect(await db.messageJob.findFirst({ where: { messageId: umid, kind: 'send' } })).toMatchObject({ messageId: umid, kind: 'send' });
    expect((await db.message.findUniqueOrThrow({ where: { id: umid } })).status).toBe('queued');
  });
});
