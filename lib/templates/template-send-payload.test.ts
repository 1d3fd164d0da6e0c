import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { ValidationError } from '@/lib/errors';
import { sendMessage } from '@/lib/messaging/send-message';
import { createTemplate } from '@/lib/templates/create-template';
import { reviewPendingTemplates } from '@/lib/templates/review-pending-templates';
import { templateSendPayload } from '@/lib/templates/build-send-payload';
import { listTemplateSenders } from '@/lib/templates/list-template-senders';
import { templateSlots } from '@/lib/templates/template-slots';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';

// The template page's Send: one value per slot makes a payload the send pipeline takes as the API's.

const create = (payload: unknown, channelId = 'acme_corp_whatsapp') =>
  createTemplate(db, { actor: SYSTEM_ACTOR, accountId: 'acme_corp', channelId, payload, source: 'test' });

describe('sending a template with the values typed for its slots', () => {
  beforeAll(async () => {
    await seedDemoTenant();
    for (const c of creation) await create(c);
    await create(creation[1], 'acme_corp_main_whatsapp');
    await reviewPendingTemplates(db, new Date(Date.now() + 60_000));
  });

  it.each(creation.map((c) => [c.name, c]))('%s: the sample values of every slot go through the send pipeline', async (_name, c) => {
    const values = Object.fromEntries(templateSlots(c as never).map((s) => [s.key, s.example]));
    const sent = await sendMessage(db, {
      accountId: 'acme_corp',
      subAccountId: 'acme_corp_chatapps',
      body: templateSendPayload(c as never, '+15551230001', values),
    });
    expect(sent.status.state).toBe('queued');
    const row = await db.message.findUniqueOrThrow({ where: { id: sent.umid } });
    expect(row).toMatchObject({ templateName: c.name, direction: 'outbound', msisdn: '+15551230001' });
  });

  it('an empty value is refused by the send checks, naming what is missing', async () => {
    const c = creation[1]!;
    const values = Object.fromEntries(templateSlots(c as never).map((s) => [s.key, '']));
    const err = await sendMessage(db, {
      accountId: 'acme_corp',
      subAccountId: 'acme_corp_chatapps',
      body: templateSendPayload(c as never, '+15551230001', values),
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect([3040, 3041]).toContain((err as ValidationError).code);
  });

  it('the subaccounts that can send it are those holding it approved, never another account’s', async () => {
    const senders = await listTemplateSenders(db, { accountId: 'acme_corp', name: creation[1]!.name, language: 'en_US' });
    expect(senders.map((s) => s.subAccountId).sort()).toEqual(['acme_corp', 'acme_corp_chatapps']);
    expect(senders.find((s) => s.subAccountId === 'acme_corp')).toMatchObject({ channelName: 'Acme Main WhatsApp' });
    expect(await listTemplateSenders(db, { accountId: 'acme_corp', name: 'no_such_template', language: 'en_US' })).toEqual([]);
    const other = await createOtherTenant();
    expect(await listTemplateSenders(db, { accountId: other.accountId, name: creation[1]!.name, language: 'en_US' })).toEqual([]);
  });
});
