import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { write } from '@/lib/db/tx';
import { seedDemoTenant, subscribeWebhook } from '@/test/factories';
import { appendEvent, recordEvent } from '@/lib/events/record-event';

const body = { namespace: 'ChatApps', eventType: 'x', payload: {} };
const stored = (eventType: string) => db.event.count({ where: { eventType } });

beforeAll(async () => {
  await seedDemoTenant();
});

describe('events are stored only when an endpoint takes them', () => {
  it('skips an event nobody subscribed to, on the fast path and through Prisma', async () => {
    await write(db, (t) => appendEvent(t, { accountId: 'acme_corp', subAccountId: 'acme_corp_chatapps', eventType: 'inbound_message_received', body }));
    await db.$transaction((tx) => recordEvent(tx, { accountId: 'acme_corp', eventType: 'template_status_update', body }));
    expect(await stored('inbound_message_received')).toBe(0);
    expect(await stored('template_status_update')).toBe(0);
  });

  it('stores it for an account-wide subscriber, and for a subaccount subscriber only for that subaccount', async () => {
    await subscribeWebhook(['phone_number_quality_update']);
    await subscribeWebhook(['outbound_message_status_changed'], { subAccountId: 'acme_corp' });
    const append = (eventType: string, subAccountId: string) => write(db, (t) => appendEvent(t, { accountId: 'acme_corp', subAccountId, eventType, body }));
    expect(await append('phone_number_quality_update', 'acme_corp_chatapps')).toEqual(expect.any(String));
    expect(await append('outbound_message_status_changed', 'acme_corp_chatapps')).toBeNull();
    expect(await append('outbound_message_status_changed', 'acme_corp')).toEqual(expect.any(String));
    expect(await stored('phone_number_quality_update')).toBe(1);
    expect(await stored('outbound_message_status_changed')).toBe(1);
  });

  it('a deleted endpoint takes nothing any more', async () => {
    const ep = await subscribeWebhook(['template_quality_update']);
    await db.webhookEndpoint.update({ where: { id: ep.id }, data: { deletedAt: new Date() } });
    expect(await db.$transaction((tx) => recordEvent(tx, { accountId: 'acme_corp', eventType: 'template_quality_update', body }))).toBeNull();
  });
});
