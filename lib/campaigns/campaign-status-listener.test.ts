import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { write } from '@/lib/db/tx';
import { applyStatus } from '@/lib/messaging/apply-status';
import { seedDemoTenant } from '@/test/factories';
import { campaignTemplate, countersAndRecount, storeCampaign } from '@/test/campaign-fixtures';
import { dispatchBatch } from '@/lib/campaigns/dispatch/dispatch-batch';
import { parseRecipientMessageKey, recipientMessageKey } from '@/lib/campaigns/dispatch/recipient-key';

let template: string;

beforeAll(async () => {
  await seedDemoTenant();
  template = (await campaignTemplate()).name;
});

const recipient = (campaignId: string, row: number) => db.campaignRecipient.findUniqueOrThrow({ where: { campaignId_row: { campaignId, row } } });
const apply = (umid: string, update: Parameters<typeof applyStatus>[2]) => write(db, (t) => applyStatus(t, umid, update));

describe('campaign status listener', () => {
  it('names recipients by campaign, row and attempt', () => {
    expect(recipientMessageKey('c1', 7, 0)).toBe('campaign:c1:7');
    expect(recipientMessageKey('c1', 7, 2)).toBe('campaign:c1:7:r2');
    expect(parseRecipientMessageKey('campaign:c1:7:r2')).toEqual({ campaignId: 'c1', row: 7, attempt: 2 });
    expect(parseRecipientMessageKey('campaign:c1:7')).toEqual({ campaignId: 'c1', row: 7, attempt: 0 });
    expect(parseRecipientMessageKey('order-7')).toBeNull();
  });

  it('moves the recipient and the counters with its message, forward only; failures keep their code', async () => {
    const id = await storeCampaign({ templateName: template, recipients: 2 });
    await write(db, (t) => dispatchBatch(t, id, 10, new Date()));
    const a = (await recipient(id, 2)).umid!;
    const b = (await recipient(id, 3)).umid!;
    await apply(a, { state: 'delivered' });
    expect(await recipient(id, 2)).toMatchObject({ status: 'delivered' });
    // A late "sent" after "delivered" changes nothing.
    await apply(a, { state: 'sent' });
    expect(await recipient(id, 2)).toMatchObject({ status: 'delivered' });
    await apply(a, { state: 'read' });
    await apply(b, { state: 'rejected', errorCode: 131026, errorMessage: 'Message undeliverable' });
    expect(await recipient(id, 2)).toMatchObject({ status: 'read', errorCode: null });
    expect(await recipient(id, 3)).toMatchObject({ status: 'failed', errorCode: 131026, errorMessage: 'Message undeliverable' });
    expect(await db.campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ queued: 0, read: 1, failed: 1 });
    const { counters, recount } = await countersAndRecount(id);
    expect(counters).toEqual(recount);
  });

  it('ignores a late receipt of an earlier attempt once the recipient was retried', async () => {
    const id = await storeCampaign({ templateName: template, recipients: 1 });
    await write(db, (t) => dispatchBatch(t, id, 10, new Date()));
    const first = (await recipient(id, 2)).umid!;
    // retry-failed's effect: a new attempt, pending again.
    await db.campaignRecipient.update({ where: { campaignId_row: { campaignId: id, row: 2 } }, data: { status: 'pending', attempt: 1, umid: null } });
    await db.campaign.update({ where: { id }, data: { queued: 0, pending: 1 } });
    await apply(first, { state: 'delivered' });
    expect(await recipient(id, 2)).toMatchObject({ status: 'pending', attempt: 1 });
    await write(db, (t) => dispatchBatch(t, id, 10, new Date()));
    const second = await recipient(id, 2);
    expect(second.umid).not.toBe(first);
    expect((await db.message.findUniqueOrThrow({ where: { id: second.umid! } })).clientMessageId).toBe(`campaign:${id}:2:r1`);
    await apply(second.umid!, { state: 'sent' });
    expect(await recipient(id, 2)).toMatchObject({ status: 'sent' });
    const { counters, recount } = await countersAndRecount(id);
    expect(counters).toEqual(recount);
  });
});
