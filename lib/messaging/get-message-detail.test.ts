import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { write } from '@/lib/db/tx';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { createWorkflow } from '@/lib/automation/workflows';
import { applyStatus } from '@/lib/messaging/apply-status';
import { insertOutbound, type SendOrigin } from '@/lib/messaging/enqueue-outbound';
import { getMessageDetail } from '@/lib/messaging/get-message-detail';
import { getMessageStatuses, MAX_STATUS_IDS } from '@/lib/messaging/get-message-statuses';
import { parseMsisdn } from '@/lib/messaging/msisdn';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';

const T0 = new Date('2026-12-05T09:00:00Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);

async function send(origin?: SendOrigin, accountId = 'acme_corp', subAccountId = 'acme_corp_chatapps', channelId = 'acme_corp_whatsapp') {
  const { accepted } = await write(db, (t) =>
    insertOutbound(
      t,
      {
        accountId,
        subAccountId,
        channelId,
        channel: 'whatsapp',
        to: parseMsisdn('+6591234567'),
        type: 'text',
        content: { text: 'Hello' },
        category: 'utility',
        origin,
      },
      T0,
    ),
  );
  return accepted.umid;
}

let workflowRunId: string;
let workflowId: string;

describe('getMessageDetail', () => {
  beforeAll(async () => {
    await seedDemoTenant();
    const wf = await createWorkflow(
      db,
      'acme_corp',
      {
        subAccountId: 'acme_corp',
        trigger: 'http_request',
        status: 'disabled',
        definition: { name: 'Order updates', steps: [{ id: 'w', stepType: 'Wait', inputs: { duration: '01:00:00' } }] },
      },
      { actor: SYSTEM_ACTOR, publish: true },
    );
    workflowId = wf.id;
    const run = await db.workflowInstance.create({
      data: { accountId: 'acme_corp', subAccountId: 'acme_corp', definitionId: wf.id, version: 1, status: 'completed', data: {}, trigger: 'http_request' },
    });
    workflowRunId = run.id;
    const now = new Date();
    await db.campaign.create({
      data: {
        id: 'cmp_summer',
        accountId: 'acme_corp',
        subAccountId: 'acme_corp_chatapps',
        channelId: 'acme_corp_whatsapp',
        name: 'Summer sale',
        templateName: 'summer',
        templateLanguage: 'en_US',
        category: 'marketing',
        spec: {},
        columns: [],
        slotKeys: [],
        status: 'running',
        ratePerSecond: 10,
        createdAt: now,
        updatedAt: now,
      },
    });
  });

  it('shows every status the message went through, oldest first, with what its error code means', async () => {
    const umid = await send();
    await write(db, (t) => applyStatus(t, umid, { state: 'sent' }, at(1)));
    await write(db, (t) => applyStatus(t, umid, { state: 'undelivered', errorCode: 131026, errorMessage: 'Message undeliverable' }, at(2)));
    // A late receipt after the failure changes nothing and is not in the timeline.
    await write(db, (t) => applyStatus(t, umid, { state: 'delivered' }, at(3)));
    const d = await getMessageDetail(db, 'acme_corp', umid);
    expect(d).toMatchObject({ umid, direction: 'outbound', category: 'utility', status: { state: 'undelivered', errorCode: 131026 } });
    expect(d.timeline.map((t) => [t.state, t.errorCode, t.at])).toEqual([
      ['queued', null, T0.toISOString()],
      ['sent', null, at(1).toISOString()],
      ['undelivered', 131026, at(2).toISOString()],
    ]);
    expect(d.timeline[2]!.meaning?.title).toBe('Message undeliverable');
    expect(d.errorMeaning?.code).toBe(131026);
    expect(d.campaign).toBeNull();
    expect(d.workflowRun).toBeNull();
  });

  it('names the campaign and the workflow run that sent it, and the price once delivered', async () => {
    const umid = await send({ campaignId: 'cmp_summer', workflowId: workflowRunId });
    await write(db, (t) => applyStatus(t, umid, { state: 'delivered' }, at(5)));
    const d = await getMessageDetail(db, 'acme_corp', umid);
    expect(d.campaign).toEqual({ id: 'cmp_summer', name: 'Summer sale' });
    expect(d.workflowRun).toEqual({ id: workflowRunId, workflowId, workflowName: 'Order updates', status: 'completed' });
    expect(d.price).toEqual({ amount: expect.any(Number), currency: expect.any(String) });
    expect(d.errorMeaning).toBeNull();
  });

  it('shows an inbound message as received', async () => {
    const { umid } = await receiveInbound(db, {
      accountId: 'acme_corp',
      subAccountId: 'acme_corp_chatapps',
      channel: 'whatsapp',
      msisdn: '+6591234567',
      type: 'text',
      content: { text: 'Hi' },
      timestamp: at(10),
    });
    const d = await getMessageDetail(db, 'acme_corp', umid);
    expect(d.timeline.map((t) => t.state)).toEqual(['received']);
    expect(d.content).toEqual({ text: 'Hi' });
  });

  it('finds no message of another account, as if it did not exist', async () => {
    const other = await createOtherTenant();
    const theirs = await send(undefined, other.accountId, other.subAccountId, other.channelId);
    await expect(getMessageDetail(db, 'acme_corp', theirs)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMessageDetail(db, 'acme_corp', 'no-such-umid')).rejects.toBeInstanceOf(NotFoundError);
    expect((await getMessageDetail(db, other.accountId, theirs)).umid).toBe(theirs);
  });
});

describe('getMessageStatuses', () => {
  it('answers the current status and price of the account’s own messages only', async () => {
    const mine = await send();
    await write(db, (t) => applyStatus(t, mine, { state: 'read' }, at(20)));
    const other = await createOtherTenant('initrode');
    const theirs = await send(undefined, other.accountId, other.subAccountId, other.channelId);
    const got = await getMessageStatuses(db, 'acme_corp', [mine, theirs, 'unknown', mine]);
    expect(got).toEqual([{ umid: mine, status: expect.objectContaining({ state: 'read', timestamp: at(20).toISOString() }), price: expect.any(Object) }]);
    expect(await getMessageStatuses(db, 'acme_corp', [])).toEqual([]);
    await expect(
      getMessageStatuses(
        db,
        'acme_corp',
        Array.from({ length: MAX_STATUS_IDS + 1 }, (_, i) => `id${i}`),
      ),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});
