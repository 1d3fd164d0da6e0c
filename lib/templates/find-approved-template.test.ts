import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { seedDemoTenant } from '@/test/factories';
import { createTemplate } from '@/lib/templates/create-template';
import { changeTemplateStatus } from '@/lib/templates/change-template-status';
import { findApprovedTemplate } from '@/lib/templates/find-approved-template';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

const payload = creation[0]; // appointment_reminder_v1, en_US

describe('findApprovedTemplate', () => {
  beforeAll(async () => {
    await seedDemoTenant();
  });

  it('finds only an APPROVED template of that subaccount, by name and language', async () => {
    const t = await createTemplate(db, { actor: SYSTEM_ACTOR, accountId: 'acme_corp', channelId: 'acme_corp_whatsapp', payload, source: 'test' });
    const args = { subAccountId: 'acme_corp_chatapps', name: 'appointment_reminder_v1', language: 'en_US' };
    expect(await findApprovedTemplate(db, args)).toBeNull(); // still PENDING

    await db.$transaction((tx) => changeTemplateStatus(tx, t.id, { to: 'APPROVED', source: 'test' }));
    const found = await findApprovedTemplate(db, args);
    expect(found).toMatchObject({ id: t.id, status: 'APPROVED', channelId: 'acme_corp_whatsapp', category: 'UTILITY' });
    expect(found!.components[0]).toMatchObject({ type: 'BODY', examples: ['Maria', 'Nov 10, 2025', '10:30 AM'] });

    expect(await findApprovedTemplate(db, { ...args, language: 'en_GB' })).toBeNull();
    // The template lives on acme_corp_chatapps' channel, not on the acme_corp subaccount.
    expect(await findApprovedTemplate(db, { ...args, subAccountId: 'acme_corp' })).toBeNull();

    await db.$transaction((tx) => changeTemplateStatus(tx, t.id, { to: 'PAUSED', reason: 'LOW_QUALITY', source: 'test' }));
    expect(await findApprovedTemplate(db, args)).toBeNull();
  });
});
