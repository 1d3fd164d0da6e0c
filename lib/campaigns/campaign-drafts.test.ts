import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { audienceFilePath, campaignFilesRoot } from '@/lib/campaigns/audience/audience-file';
import { sweepAbandonedImports } from '@/lib/campaigns/audience/import-markers';
import { createCampaign } from '@/lib/campaigns/create-campaign';
import { deleteCampaign } from '@/lib/campaigns/delete-campaign';
import { getCampaign } from '@/lib/campaigns/get-campaign';
import { ACCOUNT, ORDER_PARAMS, allRecipients, create, errorOf, spec, upload, withCampaignImportDb } from '@/test/campaign-import-helpers';

// Campaign drafts beyond a CSV: a tag audience, saving recipients as contacts, replacing and deleting a
// draft, and the clean-up after an import a crash cut off.

withCampaignImportDb();

describe('a tag audience, saving contacts, replacing and deleting drafts', () => {
  it('reads the contacts with a tag in number order, their attributes as columns', async () => {
    const now = new Date();
    for (const [msisdn, name, attributes] of [
      ['+6590000002', 'Bea', { order: 'B2' }],
      ['+6590000001', 'Al', { order: 'A1', city: 'SG' }],
      ['+6590000003', null, {}],
    ] as const) {
      await db.contact.create({ data: { accountId: ACCOUNT, msisdn, name, attributes, tags: ['vip'], createdAt: now, updatedAt: now } });
      await db.contactTag.create({ data: { accountId: ACCOUNT, tag: 'vip', msisdn } });
    }
    const c = await createCampaign(db, SYSTEM_ACTOR, { accountId: ACCOUNT, spec: spec({ contactsTag: 'vip', recipients: {} }) });
    expect(c).toMatchObject({ contactsTag: 'vip', columns: ['msisdn', 'name', 'city', 'order'], counts: { rows: 3, valid: 2, invalid: 1 } });
    expect(c.audienceFileId).toBeUndefined();
    expect(await allRecipients(c.id)).toEqual([
      { row: 2, msisdn: '+6590000001', status: 'pending' },
      { row: 3, msisdn: '+6590000002', status: 'pending' },
      { row: 4, msisdn: '+6590000003', status: 'invalid', errors: expect.any(Array) },
    ]);
    expect(await errorOf(createCampaign(db, SYSTEM_ACTOR, { accountId: ACCOUNT, spec: spec({ contactsTag: 'nobody' }) }))).toMatchObject({
      status: 400,
      message: 'The audience is empty: No contacts are tagged "nobody"',
    });
  });

  it('saves the valid recipients as contacts with the tag, the other columns as attributes', async () => {
    const c = await create('phone,name,order,city\n+6591110001,Ann,A1,Paris\n+6591110002,,B2,\nbad,Cy,C3,Rome\n', { saveContactsTag: 'summer' });
    expect(c.counts.valid).toBe(2);
    const contacts = await db.contact.findMany({ where: { accountId: ACCOUNT, msisdn: { in: ['+6591110001', '+6591110002'] } }, orderBy: { msisdn: 'asc' } });
    expect(contacts.map((x) => [x.msisdn, x.name, x.attributes, x.tags])).toEqual([
      ['+6591110001', 'Ann', { order: 'A1', city: 'Paris' }, ['summer']],
      ['+6591110002', null, { order: 'B2' }, ['summer']],
    ]);
    expect(await db.auditEvent.findFirst({ where: { action: 'contact.import', entityId: 'summer' } })).toMatchObject({
      summary: expect.stringContaining('Saved 2'),
    });
  });

  it('replaces a draft (back to mapping) from the same file, and deletes drafts with their recipients and file', async () => {
    const file = await upload('phone,name,order\n+6591234567,Ann,A1\n');
    const first = await createCampaign(db, SYSTEM_ACTOR, { accountId: ACCOUNT, spec: spec(), audience: { fileId: file.fileId } });
    const second = await createCampaign(db, SYSTEM_ACTOR, {
      accountId: ACCOUNT,
      spec: spec({ parameters: { ...ORDER_PARAMS, 'body.1': { value: 'friend' } } }),
      audience: { fileId: file.fileId },
      replaceDraftId: first.id,
    });
    expect(await errorOf(getCampaign(db, ACCOUNT, first.id))).toMatchObject({ status: 404 });
    expect(second.audienceFileId).toBe(file.fileId);
    await expect.poll(() => db.campaignRecipient.count({ where: { campaignId: first.id } })).toBe(0);
    await audienceFilePath(db, ACCOUNT, file.fileId);

    await deleteCampaign(db, SYSTEM_ACTOR, ACCOUNT, second.id);
    expect(await db.campaignRecipient.count({ where: { campaignId: second.id } })).toBe(0);
    expect(await errorOf(audienceFilePath(db, ACCOUNT, file.fileId))).toMatchObject({ status: 404 });
    expect(await db.auditEvent.findFirst({ where: { action: 'campaign.delete', entityId: second.id } })).not.toBeNull();

    const running = await create('phone,name,order\n+6591234567,Ann,A1\n');
    await db.campaign.update({ where: { id: running.id }, data: { status: 'running' } });
    expect(await errorOf(deleteCampaign(db, SYSTEM_ACTOR, ACCOUNT, running.id))).toMatchObject({ status: 409 });
  });
});

describe('an import cut off by a crash', () => {
  it('leaves recipients that the next import removes, once their mark is old and no campaign was stored', async () => {
    const dir = path.join(await campaignFilesRoot(db), '.importing');
    fs.mkdirSync(dir, { recursive: true });
    await db.campaignRecipient.createMany({ data: [2, 3].map((row) => ({ campaignId: 'cut_off_import', row, msisdn: '+6591234567', status: 'pending' })) });
    fs.writeFileSync(path.join(dir, 'cut_off_import'), '');
    // Recent: it may still be running (in another process).
    expect(await sweepAbandonedImports(db)).toEqual([]);
    const hourAgo = new Date(Date.now() - 3600_000);
    fs.utimesSync(path.join(dir, 'cut_off_import'), hourAgo, hourAgo);
    await create('phone,name,order\n+6591234567,Ann,A1\n');
    expect(await db.campaignRecipient.count({ where: { campaignId: 'cut_off_import' } })).toBe(0);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
